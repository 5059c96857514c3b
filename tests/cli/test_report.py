"""`kamtui report` in every format, through the CLI entry point."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from syrupy.assertion import SnapshotAssertion

from kamtui.cli import main
from kamtui.render.report_columns import NARROWEST
from tests.conftest import EXAMPLES, TODAY, kamtui

# 2025: alpha 500, beta 300, gamma 200 of 1000 → .5 .8 | 1.0: A, A | B
# 2024: beta 300, alpha 100 of 400 → .75 | 1.0: A, A (alpha crosses .80)
ALPHA = """\
name: "[bold red]Alpha | Co"
revenue: {2024: 100, 2025: 500}
mrr: {basic: 100, premium: 0}
criteria: {revenue_volume: 5, revenue_potential: 5, lifetime_value: 5, product_fit: 5, strategic_value: 5}
harmony: {strategic_fit: 5, culture: 5, vision: 5, strategy: 5}
health: {engagement: low, churn_risk: high, at_risk_since: 2026-10-25, onboarding: done}
objectives:
  - {id: qbr, what: Quarterly review, due: 2026-11-01}
"""
BETA = """\
name: "Beta\\e[31m Industries"
revenue: {2024: 300, 2025: 300}
mrr: {standard: 40, premium: 10}
criteria: {revenue_volume: 3, revenue_potential: 3, lifetime_value: 3, product_fit: 3, strategic_value: 3}
harmony: {strategic_fit: 4, culture: 3, vision: 2, strategy: 2}
health: {onboarding: in_progress}
"""
GAMMA = """\
name: "=HYPERLINK(\\"http://x\\")"
revenue: {2025: 200}
criteria: {revenue_volume: 1, revenue_potential: 1, lifetime_value: 1, product_fit: 1, strategic_value: 1}
needs:
  - {id: more, what: More seats, value: 1200}
  - {id: done, what: Support, value: 99, status: won}
"""
MINIMAL_REPORT = """\
name: Calm Co
criteria: {revenue_volume: 3, revenue_potential: 3, lifetime_value: 3, product_fit: 3, strategic_value: 3}
"""
BROKEN = "name: Broken\ncriteria: {revenue_volume: 9}\n"


@pytest.fixture
def portfolio(write, tmp_path: Path) -> Path:
    write("alpha.yaml", ALPHA)
    write("beta.yaml", BETA)
    write("gamma.yaml", GAMMA)
    return tmp_path


def squeezed(text: str) -> list[str]:
    """The lines of `text` with runs of spaces made one, so column widths do not matter."""
    return [" ".join(line.split()) for line in text.splitlines()]


def report(*args: str, columns: int = 80) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": str(columns)}).invoke(
        main, ["report", *args, "--today", TODAY.isoformat()]
    )
    return result.exit_code, result.stdout, result.stderr


class TestTable:
    def test_a_terminal_narrower_than_the_narrowest_layout_gets_that_layout(self) -> None:
        # At 30 columns the tiers table gave tier B no room at all: its figures went.
        code, out, err = report(str(EXAMPLES), columns=30)
        assert (code, err) == (0, "")
        assert (code, out, err) == report(str(EXAMPLES), columns=NARROWEST)
        assert re.search(r"^Year +A +B +C +\(USD\) +Change $", out, re.MULTILINE)

    @pytest.mark.parametrize("columns", [80, 200])
    def test_fits_the_terminal(self, portfolio: Path, columns: int) -> None:
        code, out, err = report(str(portfolio), columns=columns)
        assert (code, err) == (0, "")
        assert max(len(line) for line in out.splitlines()) <= columns
        assert "2 of 3 accounts (67%) make 80% of 2025 revenue" in out
        assert "MRR at risk USD 100 of 150 (67%)" in out

    def test_ranked_accounts_with_their_figures(self, portfolio: Path) -> None:
        lines = squeezed(report(str(portfolio), columns=220)[1])
        assert (
            # Health 0: engagement low and churn risk high are both red.
            "1 [bold red]Alpha | Co key 100 100 100 100 strategic A 500 +400% – 100 – – 0 0 "
            + ("endangered, at risk 30d, 1 overdue, single-threaded, upsell")
            in lines
        )
        # growth 50, harmony 43.75, priority 46.875
        assert (
            "2 Beta Industries key 50 50 44 47 opportunistic A 300 0% – 50 – – 0 – single-threaded"
            in lines
        )
        assert (
            '3 =HYPERLINK("http://x") key 0 0 – – – B 200 – – 0 – – 1.2k – single-threaded' in lines
        )

    def test_narrow_layout_puts_the_warnings_under_the_name(self, portfolio: Path) -> None:
        lines = squeezed(report(str(portfolio), columns=80)[1])
        index = lines.index("1 [bold red]Alpha | Co 100 strategic A 500 +400% 100")
        # The warnings wrap inside the account column, under the name.
        assert " ".join(lines[index + 1 : index + 3]) == (
            "endangered, at risk 30d, 1 overdue, single-threaded"
        )

    def test_user_text_is_shown_literally_and_escapes_never_reach_the_terminal(
        self, portfolio: Path
    ) -> None:
        out = report(str(portfolio))[1]
        assert "[bold red]Alpha | Co" in out
        assert "\x1b" not in out

    def test_tiers_movements_at_risk_and_dashboard(self, portfolio: Path) -> None:
        lines = squeezed(report(str(portfolio), columns=100)[1])
        assert "2024 2 · 100% 0 · 0% 0 · 0% 400 –" in lines
        assert "2025 2 · 80% 1 · 20% 0 · 0% 1k +150%" in lines
        assert '2024 → 2025 =HYPERLINK("http://x") new → B' in lines
        assert (
            "1 [bold red]Alpha | Co 100 100 30 days endangered, 1 overdue, single-threaded, upsell"
            in lines
        )
        assert "Onboarding: 1 in progress · 1 done · 1 not recorded" in lines
        assert "Endangered: [bold red]Alpha | Co" in lines


def test_markdown_golden(portfolio: Path, snapshot: SnapshotAssertion) -> None:
    code, out, err = report(str(portfolio), "--format", "md")
    assert (code, err) == (0, "")
    assert out == snapshot


def test_markdown_escapes_table_breaking_characters(portfolio: Path) -> None:
    out = report(str(portfolio), "--format", "md")[1]
    assert "| 1 | \\[bold red\\]Alpha \\| Co | 100 |" in out
    assert "xychart-beta" in out
    assert 'x-axis ["[bold red]Alpha | Co", "Beta Industries", "=HYPERLINK(#34;http://x#34;)"]' in (
        out
    )
    assert "    bar [50.0, 30.0, 20.0]" in out
    assert "    line [50.0, 80.0, 100.0]" in out


def test_json_keys_and_numbers(portfolio: Path) -> None:
    code, out, err = report(str(portfolio), "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    portfolio_keys = {"accounts", "year", "revenue_total", "pareto", "mrr_total", "mrr_at_risk"}
    assert portfolio_keys <= data["portfolio"].keys()
    assert {key: data["portfolio"][key] for key in portfolio_keys - {"pareto"}} == {
        "accounts": 3,
        "year": 2025,
        "revenue_total": 1000,
        "mrr_total": 150,
        "mrr_at_risk": 100,
    }
    pareto = data["portfolio"]["pareto"]
    assert pareto["vital_few"] == ["alpha", "beta"]
    assert pareto["accounts_share"] == pytest.approx(2 / 3)
    assert pareto["revenue_share"] == pytest.approx(0.8)
    assert data["at_risk"] == ["alpha"]
    alpha, beta, gamma = data["accounts"]
    expected = {
        "id": "alpha",
        "name": "[bold red]Alpha | Co",
        "score": 100,
        "growth": 100,
        "harmony": 100,
        "priority": 100,
        "quadrant": "strategic",
        "tier": "A",
        "tiers": {"2024": "A", "2025": "A"},
        "revenue": 500,
        "revenue_growth": 4,
        "endangered": True,
        "mrr": 100,
        "objectives_overdue": ["qbr"],
        "needs_value": 0,
    }
    assert {key: alpha[key] for key in expected} == expected
    assert beta["priority"] == 46.875
    assert beta["revenue_growth"] == 0
    assert (gamma["tiers"], gamma["revenue_growth"], gamma["needs_value"]) == (
        {"2025": "B"},
        None,
        1200,
    )
    assert gamma["harmony"] is gamma["quadrant"] is None
    assert alpha["stakeholders"].keys() >= {
        "to_win",
        "influence_paths",
        "coverage",
        "single_threaded",
        "warnings",
    }


def test_csv_one_row_per_account_safe_for_spreadsheets(portfolio: Path) -> None:
    code, out, _ = report(str(portfolio), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["id"] for row in rows] == ["alpha", "beta", "gamma"]
    assert rows[0]["tier_2024"] == "A" and rows[2]["tier_2024"] == ""
    assert rows[0]["revenue_2025"] == "500.0"
    assert rows[0]["endangered"] == "true"
    assert rows[1]["priority"] == "46.875"
    assert rows[2]["name"] == '\'=HYPERLINK("http://x")'


def test_invalid_accounts_are_left_out_and_listed(portfolio: Path) -> None:
    (portfolio / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    code, out, err = report(str(portfolio), "--format", "json")
    assert code == 1
    assert "broken.yaml:2:" in err
    assert [a["id"] for a in json.loads(out)["accounts"]] == ["alpha", "beta", "gamma"]


def test_year_picks_the_analysis_year(portfolio: Path) -> None:
    data = json.loads(report(str(portfolio), "--format", "json", "--year", "2024")[1])
    assert data["portfolio"]["year"] == 2024
    assert data["portfolio"]["revenue_total"] == 400
    assert data["portfolio"]["pareto"]["vital_few"] == ["beta", "alpha"]
    assert data["accounts"][2]["tier"] is None


def test_tier_movements_in_json_name_both_ends(portfolio: Path, write) -> None:
    # Delta had revenue in 2024 only: it leaves the tiers ("to": null); gamma is new in 2025.
    write("delta.yaml", GAMMA.replace("Gamma", "Delta").replace("{2025: 200}", "{2024: 50}"))
    data = json.loads(report(str(portfolio), "--format", "json")[1])
    moves = {
        m["id"]: (m["from_year"], m["to_year"], m["from"], m["to"])
        for m in data["portfolio"]["tier_movements"]
    }
    assert moves["delta"] == (2024, 2025, "B", None)
    assert moves["gamma"] == (2024, 2025, None, "B")


def test_today_moves_the_queue_and_the_due_dates(portfolio: Path) -> None:
    result = CliRunner().invoke(
        main, ["report", str(portfolio), "--format", "json", "--today", "2026-11-05"]
    )
    alpha = json.loads(result.stdout)["accounts"][0]
    assert (alpha["days_at_risk"], alpha["objectives_overdue"]) == (11, ["qbr"])


def test_empty_folder(tmp_path: Path) -> None:
    code, out, err = report(str(tmp_path))
    assert (code, err) == (0, "")
    assert "No revenue recorded yet" in out
    assert "0 accounts" in out


def test_bad_arguments_are_usage_errors(tmp_path: Path) -> None:
    assert report(str(tmp_path / "missing"))[0] == 2
    assert report(str(tmp_path), "--format", "pdf")[0] == 2
    assert report(str(tmp_path), "--year", "twenty")[0] == 2
    result = CliRunner().invoke(main, ["report", str(tmp_path), "--today", "yesterday"])
    assert result.exit_code == 2


class TestExamplePortfolio:
    @pytest.mark.parametrize("columns", [80, 200])
    def test_table(self, columns: int) -> None:
        code, out, err = report(str(EXAMPLES), columns=columns)
        assert (code, err) == (0, "")
        assert max(len(line) for line in out.splitlines()) <= columns
        assert "Pareto: 5 of 14 accounts (36%) make 82% of 2026 revenue" in out

    def test_markdown(self, snapshot: SnapshotAssertion) -> None:
        code, out, err = report(str(EXAMPLES), "--format", "md")
        assert (code, err) == (0, "")
        assert out == snapshot

    # The whole outputs are pinned: JSON keys are ids scripts read, and a figure or a
    # word moved in the table is a change someone must approve (--snapshot-update).
    def test_json(self, snapshot: SnapshotAssertion) -> None:
        code, out, err = report(str(EXAMPLES), "--format", "json")
        assert (code, err) == (0, "")
        assert out == snapshot

    # 149 is one column short of the wide table, 150 the first width that shows it; at
    # 40 and 60 columns every column is squeezed, so which may wrap and how shows.
    @pytest.mark.parametrize("columns", [40, 60, 80, 149, 150, 200])
    def test_table_golden(self, columns: int, snapshot: SnapshotAssertion) -> None:
        code, out, err = report(str(EXAMPLES), columns=columns)
        assert (code, err) == (0, "")
        assert out == snapshot

    def test_table_in_colour(self, snapshot: SnapshotAssertion) -> None:
        # Colour repeats the words (tiers, flags, headings): pinned as a terminal shows it.
        colour = {"FORCE_COLOR": "1", "NO_COLOR": None, "TERM": "xterm-256color", "COLORTERM": None}
        result = CliRunner(env={"COLUMNS": "200", **colour}).invoke(
            main, ["report", str(EXAMPLES), "--today", TODAY.isoformat()]
        )
        assert result.exit_code == 0
        assert "\x1b[" in result.stdout
        assert result.stdout == snapshot

    def test_json_matches_the_table(self) -> None:
        data = json.loads(report(str(EXAMPLES), "--format", "json")[1])
        assert data["portfolio"]["accounts"] == len(data["accounts"]) == 17
        assert data["at_risk"] == ["meridian-telecom"]
        assert data["portfolio"]["mrr_at_risk"] == 160_000

    def test_csv(self) -> None:
        rows = list(csv.DictReader(io.StringIO(report(str(EXAMPLES), "--format", "csv")[1])))
        assert len(rows) == 17
        assert rows[0]["id"] == "kestrel-robotics"


def test_one_account_is_one_account(write, tmp_path: Path) -> None:
    write("calm.yaml", MINIMAL_REPORT)
    _, out, _ = report(str(tmp_path))
    assert "\n1 account · " in out


def test_one_account_going_cold_without_a_tier_is_named_so(write, tmp_path: Path) -> None:
    """No revenue, so no tier (the C cadence); a CEO never met: one account going cold."""
    write(
        "calm.yaml", MINIMAL_REPORT + "stakeholders: [{id: ceo, name: Ceo, decision_power: high}]\n"
    )
    table = report(str(tmp_path), columns=120)[1]
    markdown = report(str(tmp_path), "--format", "md")[1]
    assert (
        "\nGoing cold: 1 account with a key player not met within the cadence of its tier\n"
        in table
    )
    assert "\n1 account with a key player not met within the cadence of its tier, by" in markdown
    assert "As of 2026-11-24 · 1 account · MRR" in markdown
    cold = table.split("\nGoing cold: ")[1].split("\n\n")[0]
    [row] = [line for line in cold.splitlines() if line.startswith("1  Calm Co  ")]
    assert row.split() == ["1", "Calm", "Co", "–", "never", "met", "ceo"]
    assert "| 1 | Calm Co | – | never met | ceo |" in markdown


def test_markdown_of_a_quiet_portfolio_says_none(write, tmp_path: Path) -> None:
    # No revenue, no MRR, no churn risk: every list says so in words.
    write("calm.yaml", MINIMAL_REPORT)
    code, out, _ = report(str(tmp_path), "--format", "md")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# Key-account portfolio"
    assert "- Upsell (MRR, no premium plan): none" in lines
    assert "- Endangered: none" in lines
    assert "No account has a high churn risk." in lines


def test_markdown_names_one_account_at_risk_without_a_date(write, tmp_path: Path) -> None:
    write("calm.yaml", MINIMAL_REPORT + "health: {churn_risk: high}\n")
    code, out, _ = report(str(tmp_path), "--format", "md")
    assert code == 0
    assert "1 account with a high churn risk, by importance then time in the queue." in out
    queue = out.split("high churn risk, by importance", 1)[1]
    [row] = [line for line in queue.splitlines() if line.startswith("| 1 | Calm Co")]
    assert [cell.strip() for cell in row.split("|")[1:-1]] == [
        "1",
        "Calm Co",
        "50",
        "0",
        "–",
        "single-threaded",
    ]
    write("storm.yaml", MINIMAL_REPORT.replace("Calm", "Storm") + "health: {churn_risk: high}\n")
    assert (
        "\n2 accounts with a high churn risk, by importance"
        in report(str(tmp_path), "--format", "md")[1]
    )


@pytest.mark.parametrize("risk", ["", "one-without-a-date", "two"])
def test_table_of_a_quiet_or_small_queue_golden(
    write, tmp_path: Path, risk: str, snapshot: SnapshotAssertion
) -> None:
    """The table's words for no churn risk, one account in the queue with no date,
    and two (the markdown's are tested above)."""
    high = "health: {churn_risk: high}\n"
    write("calm.yaml", MINIMAL_REPORT + (high if risk else ""))
    if risk == "two":
        write("storm.yaml", MINIMAL_REPORT.replace("Calm", "Storm") + high)
    code, out, _ = report(str(tmp_path), columns=120)
    assert code == 0
    assert out == snapshot


CROWDED_NAMES = [
    "Nordisk Præcisionsmekanik og Automatiseringsteknik A/S",
    "Zhejiang Continental Heavy Industrial Machinery Group",
    "Mühlenbach-Hohenstein Verpackungs- und Logistiksysteme",
]


@pytest.fixture
def crowded(write, tmp_path: Path) -> Path:
    """Twelve accounts in the at-risk queue and going cold (two-digit ranks), with names
    too long for any column, moving tiers between two years, in three owners' books."""
    for index in range(12):
        name = f"{CROWDED_NAMES[index % 3]} {index + 1:02d}"
        criteria = ", ".join(
            f"{c}: {1 + (index + offset) % 5}"
            for offset, c in enumerate(
                ["revenue_volume", "revenue_potential", "lifetime_value", "product_fit"]
            )
        )
        write(
            f"account-{index:02d}.yaml",
            f'name: "{name}"\n'
            f"revenue: {{2024: {100 + index * 10}, 2025: {1000 - index * 70}}}\n"
            f"criteria: {{{criteria}, strategic_value: 3}}\n"
            f"health: {{churn_risk: high, at_risk_since: 2026-{1 + index % 9:02d}-01}}\n"
            f"owner: {['Dana Reyes', 'Lee', 'Åsa Lindqvist-Montgomery'][index % 3]}\n"
            # Never met, or met in the spring: going cold whatever the tier.
            "stakeholders:\n"
            "  - {id: ceo, name: Chief Executive Officer of the Group, decision_power: high}\n"
            "  - {id: buyer, name: Buyer, touchpoint: true}\n"
            + (
                "activities:\n  - {date: 2026-04-01, with: [buyer], summary: Met}\n"
                if index % 2
                else ""
            ),
        )
    return tmp_path


@pytest.mark.parametrize("columns", [40, 60, 160])
def test_table_of_a_crowded_queue_with_long_names_in_colour_golden(
    crowded: Path, columns: int, snapshot: SnapshotAssertion
) -> None:
    """Where the narrow layouts move words (flags and key players under the name), their
    styles move with them."""
    colour = {"FORCE_COLOR": "1", "NO_COLOR": None, "TERM": "xterm-256color", "COLORTERM": None}
    result = CliRunner(env={"COLUMNS": str(columns), **colour}).invoke(
        main, ["report", str(crowded), "--today", TODAY.isoformat()]
    )
    assert result.exit_code == 0
    assert result.stdout == snapshot


@pytest.mark.parametrize("columns", [40, 60, 160, 250])
def test_table_of_a_crowded_queue_with_long_names_golden(
    crowded: Path, columns: int, snapshot: SnapshotAssertion
) -> None:
    """Two-digit ranks right-aligned, long names cut with an ellipsis on one line; below
    60 columns the at-risk flags under the name, cut with an ellipsis too."""
    code, out, err = report(str(crowded), columns=columns)
    assert (code, err) == (0, "")
    assert max(len(line) for line in out.splitlines()) <= columns
    assert out == snapshot


@pytest.mark.parametrize("command", ["report", "agenda", "check", "export"])
@pytest.mark.parametrize("today", ["0001-01-01", "9999-12-30", "1899-12-31", "2201-01-01"])
def test_a_today_at_the_calendars_ends_is_a_usage_error(command: str, today: str) -> None:
    """Windows and cadences reach years around today: the calendar's ends leave no room."""
    code, _, err = kamtui(command, str(EXAMPLES), "--today", today)
    assert code == 2
    assert f"'{today}' is not a date from 1900 to 2200" in err


@pytest.mark.parametrize("today", ["1900-01-01", "2200-12-31"])
def test_the_first_and_last_todays_taken(today: str) -> None:
    assert kamtui("report", str(EXAMPLES), "--today", today, "--format", "json")[0] == 0


def test_a_divisor_near_zero_leaves_the_figure_out_in_every_format(tmp_path: Path) -> None:
    """Strict JSON, and no `inf` anywhere: the return and the margin are none."""
    scored = "criteria: {revenue_volume: 3, revenue_potential: 3, lifetime_value: 3, product_fit: 3, strategic_value: 3}\n"
    (tmp_path / "a.yaml").write_text(
        "name: Alpha\nrevenue: {2026: 1e-310}\n"
        "economics: {2026: {gross_profit: 1000, cost_to_serve: 1e-310}}\n" + scored,
        encoding="utf-8",
    )
    code, out, _ = kamtui("report", str(tmp_path), "--today", "2026-11-24", "--format", "json")
    assert code == 0
    report = json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))
    assert report["portfolio"]["programme"]["roi"] is None
    assert report["accounts"][0]["margin"] is None
    for output in ("table", "md", "csv"):
        code, out, _ = kamtui("report", str(tmp_path), "--today", "2026-11-24", "--format", output)
        assert code == 0 and not re.search(r"\binf\b", out)


def team_load(folder: Path, *owners: str) -> str:
    """The team-load table at 80 columns of one account per owner (the owner's name,
    " Corp"; revenue 100)."""
    for owner in owners:
        (folder / f"{len(list(folder.iterdir()))}.yaml").write_text(
            f"name: {owner} Corp\nowner: {owner}\nrevenue: {{2026: 100}}\n"
            "criteria: {revenue_volume: 3, revenue_potential: 3, lifetime_value: 3, "
            "product_fit: 3, strategic_value: 3}\n",
            encoding="utf-8",
        )
    code, out, _ = kamtui("report", str(folder), "--today", "2026-11-24", "--width", "80")
    assert code == 0
    return out.split("Team load\n")[1].split("\n\n")[0]


def test_the_team_load_measures_a_name_by_its_cells(tmp_path: Path) -> None:
    """山田 太郎 takes nine cells, not five characters: shown whole, not cut."""
    assert "\n山田 太郎 " in team_load(tmp_path, "山田 太郎")


def test_the_team_loads_longest_names_are_cut_on_one_line(tmp_path: Path) -> None:
    team = team_load(tmp_path, "Maximiliane von Hohenzollern-Sigmaringen")
    assert squeezed(team)[3:] == [
        "Maximiliane von Hohenzo… 1 100 Maximiliane von Hohenzollern-Sigm…"
    ]


def test_the_team_loads_headers_stay_whole_over_short_names(tmp_path: Path) -> None:
    """A team of "Al" and "Bo" made the person's column two cells wide: "Person" was cut."""
    team = team_load(tmp_path, "Al", "Bo")
    assert squeezed(team)[:2] == ["Revenue", "Person Accounts 2026 On"]
    assert re.search(r"^Al +1 +100 +Al Corp *$", team, re.MULTILINE)


def test_the_team_load_before_any_revenue(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "name: A\nowner: Al\ncriteria: {revenue_volume: 3, revenue_potential: 3, "
        "lifetime_value: 3, product_fit: 3, strategic_value: 3}\n",
        encoding="utf-8",
    )
    code, out, _ = kamtui("report", str(tmp_path), "--today", "2026-11-24")
    team = out.split("Team load\n")[1].split("\n\n")[0]
    assert code == 0
    assert squeezed(team)[0] == "Person Accounts Revenue On"


def test_a_growth_from_almost_nothing_fits_the_narrowest_tiers_table(tmp_path: Path) -> None:
    """+98765432100% took 14 cells: at 40 columns the tiers' shares went to "…"."""
    for number in (1, 2, 3):
        (tmp_path / f"big{number}.yaml").write_text(
            f"name: Big {number}\nrevenue: {{2025: 1, 2026: 98765432{number}}}\n"
            f"criteria: {{revenue_volume: {number}, revenue_potential: 3, lifetime_value: 3, "
            "product_fit: 3, strategic_value: 3}\n",
            encoding="utf-8",
        )
    code, out, _ = kamtui("report", str(tmp_path), "--today", "2026-11-24", "--width", "40")
    tiers = out.split("ABC tiers per year\n")[1].split("\n\n")[0]
    assert code == 0 and "…" not in tiers
    assert squeezed(tiers)[5:7] == ["2026 3 0 0 3B ×988M", "100% 0% 0%"]
