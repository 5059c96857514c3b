"""One answer everywhere (issue 14): the example portfolio rendered in every format
agrees fact by fact, so a fact left out of one surface, or computed twice and apart,
fails here. JSON is the reference: every other format is read back and compared."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kamtui.cli import main
from kamtui.core.analysis.scoring import AccountFlag
from kamtui.render.report_markdown import md

EXAMPLES = Path(__file__).parents[2] / "accounts.example"
TODAY = "2026-11-24"
# The record's facts each format must carry, with how JSON holds them.
RECORD = ("score", "growth", "harmony", "priority", "quadrant", "tier", "mrr", "csat", "nps")
# The flags' words in the table and Markdown (what report_format.flag_label says).
LABEL_START = {
    "endangered": "endangered",
    "at_risk": "at risk",
    "overdue": " overdue",
    "behind_plan": " behind plan",
    "single_threaded": "single-threaded",
    "low_satisfaction": "low CSAT",
    "upsell": "upsell",
    "review_overdue": "review overdue",
    "proposed": "to promote",
    "not_assessed": "not assessed",
}


def report(*args: str) -> str:
    result = CliRunner().invoke(main, ["report", str(EXAMPLES), "--today", TODAY, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


# Function scope: mutmut credits a fixture's run to the first test only (see
# tests/core/test_example_portfolio.py).
@pytest.fixture
def reference() -> dict[str, dict[str, Any]]:
    document = json.loads(report("--format", "json"))
    return {account["id"]: account for account in document["accounts"]}


def test_every_flag_appears_in_the_example_portfolio(reference: dict[str, dict[str, Any]]) -> None:
    """Otherwise a flag could be missing from a format and no test would notice."""
    raised = {flag for account in reference.values() for flag in account["flags"]}
    # Every flag but not_assessed (no example account is new): see the test below.
    assert raised == {flag.value for flag in AccountFlag} - {"not_assessed"}


def test_csv_carries_every_json_fact(reference: dict[str, dict[str, Any]]) -> None:
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(report("--format", "csv")))}
    assert rows.keys() == reference.keys()
    for account_id, account in reference.items():
        row = rows[account_id]
        for key, value in account.items():
            if isinstance(value, dict | list) and key not in {
                "flags",
                "objectives_overdue",
                "objectives_behind",
            }:
                continue  # expanded into columns per year and plan, checked below
            assert key in row, f"csv has no column {key!r}"
            assert row[key] == _csv_text(value), (account_id, key)
        for year, amount in account["revenue_by_year"].items():
            assert row[f"revenue_{year}"] == _csv_text(amount)
        for plan, amount in account["mrr_by_plan"].items():
            assert row[f"mrr_{plan}"] == _csv_text(amount)
        contacts = account["relationships"]
        assert contacts["last_contact"] == account["last_contact"]
        for key, value in contacts.items():
            if key != "last_contact":
                assert row[key] == _csv_text(value), (account_id, key)


def test_going_cold_and_the_owners_books_agree_with_the_accounts(
    reference: dict[str, dict[str, Any]],
) -> None:
    """The portfolio's lists are made of the accounts' own figures, in every format."""
    portfolio = json.loads(report("--format", "json"))["portfolio"]
    cold = [i for i, account in reference.items() if account["relationships"]["stale"]]
    assert sorted(portfolio["going_cold"]) == sorted(cold)
    for book in portfolio["owners"]:
        # The books count the programme's accounts (key and under review) alone.
        mine = [
            a
            for a in reference.values()
            if a["owner"] == book["owner"] and a["status"] in {"key", "under_review"}
        ]
        assert book["accounts"] == len(mine)
        assert book["going_cold"] == sum(a["id"] in cold for a in mine)
        assert book["actions_overdue"] == sum(a["relationships"]["actions_overdue"] for a in mine)
    markdown, table = report("--format", "md"), report("--format", "table", "--width", "240")
    for account_id in portfolio["going_cold"]:
        name = reference[account_id]["name"]
        assert f"| {md(name)} |" in markdown.split("## Going cold", 1)[1].split("##", 1)[0]
        assert name in table.split("Going cold:", 1)[1].split("Books by owner", 1)[0]


def _arrow(account: dict[str, Any], kpi: str) -> str:
    trend = account["kpis"].get(kpi, {}).get("trend")
    return "" if trend is None else " ▲" if trend > 0 else " ▼" if trend < 0 else " ="


def test_markdown_and_table_show_each_accounts_record(
    reference: dict[str, dict[str, Any]],
) -> None:
    markdown = _markdown_rows(report("--format", "md"))
    table = report("--format", "table", "--width", "240")
    accounts_table = table.split("Accounts by selection score", 1)[1].split("\n\n", 1)[0]
    table_rows = {
        line.split()[0]: line for line in accounts_table.splitlines() if line[:3].strip().isdigit()
    }
    for rank, (account_id, account) in enumerate(reference.items(), start=1):
        row = markdown[str(rank)]
        assert row["Score"] == f"{account['score']:.0f}"
        assert row["Growth"] == f"{account['growth']:.0f}"
        assert row["Quadrant"] == (account["quadrant"] or "–")
        assert row["Tier"] == (account["tier"] or "–")
        assert row["CSAT"] == (
            "–" if account["csat"] is None else f"{account['csat']:.1f}{_arrow(account, 'csat')}"
        )
        nps = account["nps"]
        assert row["NPS"] == (
            "–"
            if nps is None
            else f"{'+' if nps > 0 else '−' if nps < 0 else ''}{abs(nps)}{_arrow(account, 'nps')}"
        )
        health = account["health_score"]
        assert row["Health"] == ("–" if health is None else f"{health:.0f}")
        for flag in account["flags"]:
            assert LABEL_START[flag] in row["Flags"], (account_id, flag)
        assert (
            len(row["Flags"].split(", ")) == len(account["flags"])
            if account["flags"]
            else row["Flags"] == ""
        )
        line = table_rows[str(rank)]
        assert account["name"][:30] in line
        cells = line.split()
        assert f"{account['score']:.0f}" in cells and (account["tier"] or "–") in cells
        for flag in account["flags"]:
            assert LABEL_START[flag] in line, (account_id, flag, line)


def test_show_gives_the_same_record(reference: dict[str, dict[str, Any]]) -> None:
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        if path.name == "kam.yaml":
            continue
        result = CliRunner().invoke(main, ["show", str(path)])
        assert result.exit_code == 0, result.output
        lines = dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)
        account = reference[path.stem]
        assert lines["score"] == f"{account['score']:.1f}"
        assert lines["quadrant"] == (account["quadrant"] or "—")
        dated = {"overdue", "behind_plan", "review_overdue"}
        undated = [f for f in account["flags"] if f not in dated]
        assert lines["flags"] == (", ".join(f.replace("_", " ") for f in undated) or "none")


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(value)
    return str(value)


def _markdown_rows(text: str) -> dict[str, dict[str, str]]:
    """The accounts table of the Markdown report, by rank."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| #"))
    headers = [cell.strip() for cell in lines[start].strip("|").split("|")]
    rows: dict[str, dict[str, str]] = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        row = dict(zip(headers, cells, strict=True))
        rows[row["#"]] = row
    return rows


def test_a_new_account_is_not_assessed_everywhere(tmp_path: Path) -> None:
    """The template leaves the criteria empty: a new account has no score nor quadrant
    (it used to score 50 and land in "strategic"), and every format says why."""
    import shutil

    root = tmp_path / "accounts"
    shutil.copytree(EXAMPLES, root)
    assert CliRunner().invoke(main, ["new", "Fresh Prospect", "-d", str(root)]).exit_code == 0
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(main, ["report", str(root), "--today", TODAY, *args])
        assert result.exit_code == 0, result.output
        return result.stdout

    (fresh,) = [
        a for a in json.loads(run("--format", "json"))["accounts"] if a["id"] == "fresh-prospect"
    ]
    assert (fresh["score"], fresh["growth"], fresh["quadrant"]) == (None, None, None)
    assert "not_assessed" in fresh["flags"]
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(run("--format", "csv")))}
    assert (
        rows["fresh-prospect"]["score"] == "" and "not_assessed" in rows["fresh-prospect"]["flags"]
    )
    markdown = _markdown_rows(run("--format", "md"))
    last = markdown[str(len(markdown))]  # ranked last: no score
    assert last["Account"] == "Fresh Prospect" and last["Score"] == "–"
    assert "not assessed" in last["Flags"] and last["Quadrant"] == "–"
    assert "not assessed" in run("--format", "table", "--width", "220")
    shown = runner.invoke(main, ["show", str(root / "fresh-prospect.yaml")]).stdout
    assert "score: —" in shown and "flags: single threaded, not assessed" in shown
    checked = runner.invoke(main, ["validate", str(root)])
    assert checked.exit_code == 0
    assert (
        "fresh-prospect.yaml:23:3: warning: not assessed yet: score revenue_volume"
        in checked.output
    )


def test_the_kpi_bands_and_mrr_over_time_agree_with_json() -> None:
    portfolio = json.loads(report("--format", "json"))["portfolio"]
    names = {"nps": "NPS", "csat": "CSAT", "adoption": "adoption", "engagement": "engagement"}
    names["churn_risk"] = "churn risk"
    # The example's custom KPIs, named by its kam.yaml.
    names |= {"on_time_delivery": "On-time delivery", "damaged_shipments": "Damaged shipments"}
    bands = " · ".join(
        f"{names[kpi]} {counts['green']} green, {counts['amber']} amber, {counts['red']} red"
        for kpi, counts in portfolio["bands"].items()
    )
    assert f"- KPI bands (accounts): {bands}" in report("--format", "md")
    series = portfolio["mrr_series"]
    assert [day for day, _ in series] == ["2026-03-31", "2026-06-30", "2026-09-30"]
    assert series[-1][1] == portfolio["mrr_total"]
    flat = " ".join(report("--format", "table", "--width", "400").split())
    assert f"KPI bands (accounts): {bands}" in flat
