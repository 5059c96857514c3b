"""The report's columns: one list, read by every format (the formats themselves are
tested through `kamtui report` in tests/cli)."""

from __future__ import annotations

import csv
import datetime as dt
import io

from kamtui.core.analysis.portfolio import analyse_portfolio
from kamtui.render.report_columns import COLUMNS, TABLE_COLUMNS, _titled
from kamtui.render.report_csv import render_csv
from tests.core.portfolio_builders import make_account, make_settings

TODAY = dt.date(2026, 12, 1)


def test_a_fixed_title_is_the_same_for_any_year() -> None:
    assert _titled("Score")(2026) == "Score" == _titled("Score")(None)


def test_table_titles_follow_the_year() -> None:
    titles = {column.key: column.title for column in TABLE_COLUMNS}
    assert titles["revenue"] is not None and titles["revenue_growth"] is not None
    assert (titles["revenue"](2026), titles["revenue"](None)) == ("Revenue\n2026", "Revenue")
    assert titles["revenue_growth"](2026) == "vs\n2025"
    assert [column.key for column in TABLE_COLUMNS][:3] == ["name", "status", "score"]
    assert len({column.key for column in COLUMNS}) == len(COLUMNS)


def test_csv_rows_are_ranked_from_one_and_end_in_a_newline_alone() -> None:
    accounts = {
        "low": make_account(name="Low", criteria=(1, 1, 1, 1, 1)),
        "high": make_account(name="High", criteria=(5, 5, 5, 5, 5)),
    }
    text = render_csv(analyse_portfolio(accounts, make_settings(), TODAY))
    assert "\r" not in text and text.endswith("\n")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert text.split(",", 1)[0] == "rank"
    assert [(row["rank"], row["id"]) for row in rows] == [("1", "high"), ("2", "low")]


def test_a_kpi_is_marked_by_how_it_moved_since_its_previous_reading() -> None:
    """▲ up, ▼ down, = held, and nothing with one reading."""
    readings = {
        "up": {"2026-06-30": 20, "2026-09-30": 30},
        "down": {"2026-06-30": 30, "2026-09-30": 20},
        "held": {"2026-06-30": 30, "2026-09-30": 30},
        "once": {"2026-09-30": 30},
    }
    accounts = {key: make_account(key, health={"nps": nps}) for key, nps in readings.items()}
    analysis = analyse_portfolio(accounts, make_settings(), TODAY)
    nps = next(column for column in TABLE_COLUMNS if column.key == "nps")
    assert nps.text is not None
    shown = {key: nps.text(analysis.rows[key]) for key in readings}
    assert shown == {"up": "+30 ▲", "down": "+20 ▼", "held": "+30 =", "once": "+30"}
