"""White space through `kamtui report` and `validate`: the figures of the portfolio built
for the rules (tests/core/test_whitespace.py) in JSON, CSV, Markdown and the table."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, kamtui
from tests.core.test_whitespace import ACCOUNTS, KAM_YAML


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    root = tmp_path / "accounts"
    root.mkdir()
    (root / "kam.yaml").write_text(KAM_YAML, encoding="utf-8")
    for account_id, whitespace in ACCOUNTS.items():
        name = account_id.capitalize()
        (root / f"{account_id}.yaml").write_text(
            MINIMAL.replace("Acme Corp", name) + whitespace, encoding="utf-8"
        )
    return root


def report(root: Path, *args: str) -> str:
    code, out, err = kamtui("report", str(root), "--today", "2026-11-24", *args)
    assert (code, err) == (0, "")
    return out


def test_json_has_each_offering_s_penetration_and_each_account_s_open_value(
    portfolio: Path,
) -> None:
    document = json.loads(report(portfolio, "--format", "json"))
    assert document["portfolio"]["whitespace"] == {
        "cloud": {"penetration": 2 / 3, "owned": 2, "open": 1},
        "analytics": {"penetration": 0.5, "owned": 1, "open": 1},
        "support": {"penetration": 0.0, "owned": 0, "open": 1},
    }
    assert document["portfolio"]["open_value"] == 3600
    accounts = {account["id"]: account for account in document["accounts"]}
    assert {key: account["open_value"] for key, account in accounts.items()} == {
        "owner": 0,
        "shopper": 1000,
        "group": 2600,
        "nofit": 0,
    }
    assert accounts["group"]["whitespace"] == {
        "cloud": "owned",
        "analytics": "open",
        "support": "pipeline",
    }


def test_csv_has_an_open_value_column(portfolio: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(report(portfolio, "--format", "csv"))))
    assert {row["id"]: row["open_value"] for row in rows} == {
        "owner": "0.0",
        "shopper": "1000.0",
        "group": "2600.0",
        "nofit": "0.0",
    }
    assert not any(key.startswith("whitespace") for key in rows[0])


def test_markdown_draws_the_grid_with_penetration_and_open_value(portfolio: Path) -> None:
    markdown = report(portfolio, "--format", "md")
    grid = markdown.partition("## White space\n")[2].partition("\n\n## ")[0]
    lines = grid.strip().splitlines()
    assert lines[0].startswith("● owned · ◐ in pipeline · ✗ held by a competitor · ○ open")
    # Every account scores the same, so the rows are in id order.
    assert lines[2:] == [
        "| Account | Cloud platform | analytics | Premium support | Open value (USD) |",
        "| --- | :---: | :---: | :---: | ---: |",
        "| Group | ● | ○ | ◐ | 2.6k |",
        "| Nofit | – | – | ◐ | 0 |",
        "| Owner | ● | – | ○ | 0 |",
        "| Shopper | ○ | ● | ✗ | 1k |",
        "| **Penetration** | 67% | 50% | 0% | **3.6k** |",
    ]


def test_the_table_says_penetration_and_where_the_open_value_is(portfolio: Path) -> None:
    table = report(portfolio, "--width", "200")
    assert (
        "White space, penetration: Cloud platform 67% (2 of 3, 1 open) · analytics 50% "
        "(1 of 2, 1 open) · Premium support 0% (0 of 4, 1 open)"
    ) in table
    assert "Open value (USD): 3.6k, most at Group 2.6k · Shopper 1k" in table


def test_without_offerings_the_report_has_no_white_space(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    assert "White space" not in report(tmp_path, "--format", "md")
    assert "White space" not in report(tmp_path)
    document = json.loads(report(tmp_path, "--format", "json"))
    assert document["portfolio"]["whitespace"] == {}


def test_validate_names_an_unknown_offering_at_its_key(portfolio: Path) -> None:
    (portfolio / "owner.yaml").write_text(MINIMAL + "whitespace: {clowd: owned}\n")
    code, out, _ = kamtui("validate", str(portfolio))
    assert code == 1
    assert (
        "owner.yaml:8:14: error: whitespace.clowd: 'clowd' is no offering of kam.yaml's "
        "offerings; did you mean 'cloud'? (it declares cloud, analytics, support)"
    ) in out


@pytest.mark.parametrize(
    ("price", "said"),
    [
        # Open value below 1 (a price of 0.5, shown rounded) is open value; none says so.
        (0.5, "Open value (USD): 0, most at A 0\n"),
        (0, "Open value (USD): none"),
    ],
)
def test_the_open_value_line_names_every_account_with_some(
    tmp_path: Path, price: float, said: str
) -> None:
    """An account whose open offerings have no price (open value 0) is not named."""
    (tmp_path / "kam.yaml").write_text(
        f"offerings:\n  - {{id: cloud, list_price: {price}}}\n  - {{id: free}}\n",
        encoding="utf-8",
    )
    for name, cells in (("A", "{cloud: open}"), ("B", "{cloud: owned, free: open}")):
        (tmp_path / f"{name.lower()}.yaml").write_text(
            MINIMAL.replace("Acme Corp", name) + f"whitespace: {cells}\n", encoding="utf-8"
        )
    assert said in report(tmp_path, "--width", "200")
