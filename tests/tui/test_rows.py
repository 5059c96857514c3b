"""Account rows without the app: column layout, filter terms, cells and sort keys."""

from __future__ import annotations

import datetime as dt

import pytest

from kamtui.core.loading.store import AccountStore
from kamtui.tui.drawing.format import arrow_percent, compact, days_ago
from kamtui.tui.live.account_rows import Term, column_layout, parse_filter, table_row
from kamtui.tui.live.portfolio_model import PortfolioModel
from tests.conftest import EXAMPLES, TODAY


@pytest.fixture(scope="module")
def model() -> PortfolioModel:
    model = PortfolioModel(AccountStore(EXAMPLES), TODAY)
    model.load_all()
    return model


@pytest.mark.parametrize("width", [77, 100, 120, 157, 240])
def test_columns_fill_the_width_exactly(width: int) -> None:
    layout = column_layout(width)
    assert sum(cells + 2 for _, cells in layout) == width
    assert [column.key for column, _ in layout][:1] == ["name"]


def test_narrow_tables_drop_status_then_quadrant_then_owner() -> None:
    keys = lambda width: [column.key for column, _ in column_layout(width)]  # noqa: E731
    assert "status" in keys(120) and "status" not in keys(110) and "quadrant" in keys(110)
    assert "quadrant" in keys(157) and "owner" in keys(157)
    assert "quadrant" not in keys(100) and "owner" in keys(100)
    assert "quadrant" not in keys(77) and "owner" not in keys(77)


def test_the_spare_columns_show_one_by_one_when_every_other_has_its_widest_width() -> None:
    """With the health column the fixed columns take 80 cells and 18 of padding, name and
    flags 4 more: the name's 36 and the flags' 30 need 168 columns; priority (10 and 2)
    180 and net retention (7 and 2) 189."""
    layout = lambda width: {column.key: cells for column, cells in column_layout(width)}  # noqa: E731
    assert "health" not in layout(167)
    assert layout(167)["name"] == 36
    assert layout(168)["health"] == 8 and layout(168)["name"] == 36
    assert layout(168)["flags"] == 30
    assert "priority" not in layout(179) and layout(180)["priority"] == 10
    assert "nrr" not in layout(188) and layout(189)["nrr"] == 7 and layout(189)["flags"] == 30


def test_filter_terms() -> None:
    assert parse_filter("Tier:A  dana") == [Term("tier", "a"), Term(None, "dana")]
    assert parse_filter("flags:") == []
    assert parse_filter("http://x") == [Term(None, "http://x")]


def test_quotes_keep_a_phrase_and_after_a_field_ask_for_the_whole_field() -> None:
    assert parse_filter('"Acme  Corp" tier:b') == [Term(None, "acme corp"), Term("tier", "b")]
    assert parse_filter('owner:"Dana Reyes"') == [Term("owner", "dana reyes", exact=True)]
    assert parse_filter('owner:""') == [Term("owner", "", exact=True)]
    # Still being typed: the phrase is searched for, not yet the whole field.
    assert parse_filter('owner:"dana re') == [Term("owner", "dana re")]
    assert parse_filter('owner:" Dana  Reyes "') == [Term("owner", "dana reyes", exact=True)]
    assert parse_filter('owner:" "') == [Term("owner", "", exact=True)]
    assert parse_filter('owner:"') == parse_filter('""') == []
    # A field kamtui does not know is part of what is searched for; so is a quote inside a word.
    assert parse_filter('url:"a b"') == [Term(None, 'url:"a b"')]
    assert parse_filter('it"s name:x"y') == [Term(None, 'it"s'), Term("name", 'x"y')]


def test_a_whole_field_term_matches_that_field_only_and_all_of_it(
    model: PortfolioModel,
) -> None:
    file = model.file_for("harbor-health")
    assert file is not None
    row = table_row(file)
    assert row.matches(parse_filter('owner:"dana reyes"'))
    assert row.matches(parse_filter('owner:"dana re'))
    assert not row.matches(parse_filter('owner:"dana"'))
    assert not row.matches(parse_filter('owner:""'))
    assert not row.matches(parse_filter('name:"dana reyes"'))


def test_row_of_harbor_health(model: PortfolioModel) -> None:
    file = model.file_for("harbor-health")
    assert file is not None
    row = table_row(file)
    assert {key: cell.plain for key, cell in row.cells.items()} == {
        "name": "Harbor Health System", "owner": "Dana Reyes", "tier": "A", "status": "key",
        "score": "85",
        "quadrant": "strategic", "revenue": "3.2M", "growth": "▲ 23%", "mrr": "120k",
        "health": "80", "priority": "81", "nrr": "123%", "flags": "",
    }  # fmt: skip
    assert row.cells["revenue"].sort_key == 3_200_000
    assert row.matches(parse_filter("owner:dana tier:a healthcare"))
    assert not row.matches(parse_filter("tier:b"))


def test_numbers() -> None:
    assert [compact(v) for v in (3_200_000, 995_500, 120_000, 13_500, 950, None)] == [
        "3.2M", "996k", "120k", "13.5k", "950", "–",
    ]  # fmt: skip
    assert [arrow_percent(v) for v in (0.231, -0.05, 0.0, None, 10.5)] == [
        "▲ 23%",
        "▼ 5%",
        "= 0%",
        "–",
        "▲ ×12",
    ]


def test_a_date_is_told_in_days_from_today() -> None:
    today = dt.date(2026, 11, 24)
    assert [days_ago(today - dt.timedelta(days=n), today) for n in (0, 1, 6, -1, -3)] == [
        "2026-11-24 (today)",
        "2026-11-23 (yesterday)",
        "2026-11-18 (6 days ago)",
        "2026-11-25 (tomorrow)",
        "2026-11-27 (in 3 days)",
    ]
