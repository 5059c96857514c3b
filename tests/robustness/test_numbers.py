"""Numbers at the edge of what a float holds: infinite, not-a-number, or so large that
a portfolio's totals overflow. They must be refused where they are written, or add up
to figures every format can print (JSON has no Infinity or NaN) and every view can draw."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kamtui.cli import main
from kamtui.core.loader import load_account_bytes, load_model
from kamtui.core.model import PortfolioSettings
from kamtui.tui.app import KamApp
from kamtui.tui.widgets.view_pages import ViewPages
from tests.conftest import EXAMPLES, MINIMAL, TODAY
from tests.tui.conftest import loaded

HARBOR = (EXAMPLES / "harbor-health.yaml").read_text(encoding="utf-8")


def strict_json(text: str) -> object:
    def refuse(constant: str) -> object:
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


AMOUNTS = pytest.mark.parametrize(
    ("old", "line"),
    [
        (old, next(n for n, text in enumerate(HARBOR.splitlines(), 1) if text.startswith(old)))
        for old in ("  2026: 3200000", "  cltv: 24000000", "    value: 400000")
    ],
    ids=["revenue", "cltv", "need value"],
)


@AMOUNTS
@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "1e400", "1.5e308", "1e16"])
def test_an_amount_past_any_plausible_size_is_refused_where_it_is_written(
    value: str, old: str, line: int
) -> None:
    text = HARBOR.replace(old, old.rpartition(" ")[0] + " " + value, 1)
    account, problems = load_account_bytes(text.encode(), "a.yaml")
    assert account is None
    assert [p.line for p in problems] == [line]


def test_an_infinite_weight_is_refused() -> None:
    settings, problems = load_model(
        b"weights: {product_fit: .inf}\n", "kam.yaml", PortfolioSettings
    )
    assert settings is None and problems[0].line == 1


def large_portfolio(root: Path, revenue: str) -> Path:
    root.mkdir()
    for name in ("a", "b", "c"):
        (root / f"{name}.yaml").write_text(
            HARBOR.replace("  2026: 3200000", f"  2026: {revenue}"), encoding="utf-8"
        )
    (root / "small.yaml").write_text(MINIMAL + "revenue: {2026: 1}\n", encoding="utf-8")
    return root


async def test_the_largest_plausible_amounts_add_up_everywhere(tmp_path: Path) -> None:
    """A trillion-scale revenue in several accounts: totals stay finite, JSON stays JSON,
    and every view of the app draws."""
    root = large_portfolio(tmp_path / "accounts", "900000000000000")
    for output_format in ("json", "table", "md", "csv"):
        result = CliRunner().invoke(
            main, ["report", str(root), "--format", output_format, "--today", "2026-11-24"]
        )
        assert result.exit_code == 0, result.output
        assert "nan" not in result.stdout.lower().replace("financ", "")
        if output_format == "json":
            strict_json(result.stdout)
    app = KamApp(root, TODAY, watch=False, environ={})
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        for key, view in (("2", "pareto"), ("3", "abc"), ("4", "matrix"), ("5", "dashboard")):
            await pilot.press(key)
            await pilot.pause()
            assert app.query_one("#views", ViewPages).active == view
            app.export_screenshot()
