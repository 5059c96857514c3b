"""Numbers at the edge of what a float holds: infinite, not-a-number, or so large that
a portfolio's totals overflow. They must be refused where they are written, or add up
to figures every format can print (JSON has no Infinity or NaN) and every view can draw."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kamtui.cli import main
from kamtui.core.account.account_file import load_account_bytes, load_model
from kamtui.core.account.model import CRITERIA, PortfolioSettings
from kamtui.tui.app import KamApp
from kamtui.tui.widgets.view_pages import ViewPages
from tests.conftest import EXAMPLES, MINIMAL, TODAY
from tests.git_repo import GitRepo
from tests.tui.conftest import loaded


def _without_divisions(text: str) -> str:
    """The account without its division map, whose white space names the offerings of
    the example's kam.yaml: valid under any settings these tests write."""
    lines = text.splitlines(keepends=True)
    start = lines.index("divisions:\n")
    end = next(n for n in range(start + 1, len(lines)) if lines[n][:1] not in (" ", "\n"))
    return "".join(lines[:start] + lines[end:])


HARBOR = _without_divisions((EXAMPLES / "harbor-health.yaml").read_text(encoding="utf-8"))


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
    account, problems = load_account_bytes(text.encode(), "a.yaml", PortfolioSettings())
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


@pytest.mark.parametrize(
    ("settings", "column"),
    [
        ("weights: {revenue_volume: 1.0e308, product_fit: 1.0e308}\n", 27),
        ("weights: {revenue_volume: 101.0}\n", 27),
        ("matrix: {growth_weight: 1.5}\n", 25),
        ("abc: {a: 0.0}\n", 10),
        ("cadence: {A: 100000}\n", 14),
    ],
    ids=["weights of 1e308", "weight above 100", "growth weight", "abc cut-off", "cadence"],
)
def test_settings_outside_their_range_are_refused(settings: str, column: int) -> None:
    loaded, problems = load_model(settings.encode(), "kam.yaml", PortfolioSettings)
    assert loaded is None
    assert (problems[0].line, problems[0].column) == (1, column)
    assert "must be" in problems[0].message


def test_weights_of_1e308_leave_every_score_finite(tmp_path: Path) -> None:
    """Refused, so the report runs on the default weights: no NaN anywhere."""
    root = tmp_path / "accounts"
    root.mkdir()
    (root / "harbor.yaml").write_text(HARBOR, encoding="utf-8")
    weights = ", ".join(f"{name}: 1.0e308" for name in CRITERIA)
    (root / "kam.yaml").write_text(f"weights: {{{weights}}}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(root), "--format", "json"])
    assert result.exit_code == 1
    assert "must be between 0 and 100" in result.stderr
    document = strict_json(result.stdout)
    assert isinstance(document, dict)
    assert document["accounts"][0]["score"] == 85.0


# The edges of every range at once: weights at their bounds and a tiny positive one, a
# revenue of 5e-324 before one of 1e15 (a growth past any float), the largest amounts,
# a target at its bound (1e15; 1e308 is refused).
EXTREMES = {
    "kam.yaml": "weights: {revenue_volume: 100, revenue_potential: 0, lifetime_value: 5.0e-324,"
    " product_fit: 0, strategic_value: 100}\n",
    "edge.yaml": MINIMAL.replace("Acme Corp", "Edge")
    + "revenue: {2025: 5.0e-324, 2026: 1000000000000000}\nrevenue_potential: 1000000000000000\n"
    + "mrr: {basic: 1000000000000000, standard: 1000000000000000, premium: 0}\n"
    + "health: {cltv: 1000000000000000, nps: -100, csat: 1, adoption: 0}\n"
    + "objectives: [{id: o, what: Grow, target: 1.0e15}]\n"
    + "needs: [{id: n, what: More, value: 1000000000000000}]\n",
    "zero.yaml": MINIMAL.replace("Acme Corp", "Zero") + "revenue: {2025: 0, 2026: 0}\n",
}


def test_every_json_output_is_strict_json(tmp_path: Path) -> None:
    """report, diff (files, folders, revisions), history and validate, on the extremes."""
    repo = GitRepo(tmp_path / "repo")
    for name, text in EXTREMES.items():
        repo.write(name, text)
    repo.commit("Extremes")
    repo.edit("edge.yaml", "2026: 1000000000000000", "2026: 1")
    repo.commit("Edge shrinks")
    folder = str(repo.folder)
    old = tmp_path / "old"
    shutil.copytree(repo.folder, old)
    (old / "edge.yaml").write_text(EXTREMES["edge.yaml"], encoding="utf-8")
    commands = [
        ["report", folder, "--format", "json", "--today", "2026-11-24"],
        ["diff", str(old / "edge.yaml"), f"{folder}/edge.yaml", "--format", "json"],
        ["diff", str(old), folder, "--format", "json"],
        ["diff", "HEAD~1", "HEAD", "--format", "json", "--", folder],
        ["history", "edge", folder, "--format", "json"],
        ["validate", folder, "--format", "json"],
    ]
    for args in commands:
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, (args, result.output)
        strict_json(result.stdout)
    report = strict_json(CliRunner().invoke(main, commands[0]).stdout)
    assert isinstance(report, dict)
    growth = {row["id"]: row["revenue_growth"] for row in report["accounts"]}
    assert growth == {"edge": None, "zero": None}
