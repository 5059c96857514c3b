"""Remembered filters and sort orders give what filtering and sorting from scratch give."""

from __future__ import annotations

import pytest

from kamtui.core.loading.store import AccountStore
from kamtui.tui.live.account_rows import COLUMN_KEYS, TableRow, parse_filter, table_row
from kamtui.tui.live.portfolio_model import PortfolioModel
from kamtui.tui.live.row_order import RowOrder
from tests.conftest import EXAMPLES, TODAY


@pytest.fixture(scope="module")
def rows() -> dict[str, TableRow]:
    model = PortfolioModel(AccountStore(EXAMPLES), TODAY)
    model.load_all()
    return {key: table_row(file) for key, file in model.files.items()}


def from_scratch(rows: dict[str, TableRow], query: str, column: str, descending: bool) -> list[str]:
    terms = parse_filter(query)
    kept = sorted(
        (row for row in rows.values() if row.matches(terms)),
        key=lambda row: (row.cells["name"].sort_key, row.key),
    )
    present = [row for row in kept if row.cells[column].sort_key is not None]
    blank = [row for row in kept if row.cells[column].sort_key is None]
    present.sort(key=lambda row: row.cells[column].sort_key, reverse=descending)
    return [row.key for row in present + blank]


# Typed one character at a time, then erased: narrowing, a field prefix that widens
# again ("tie" → "tier:"), and backspace back to filters seen before.
TYPED = ["", "t", "ti", "tie", "tier:", "tier:a", "tier:a ", "tier:a h", "tier:a", "tier:", "ti"]
# A whole field typed and closed narrows what the open phrase kept, and backspace
# opens it again: the closed filter must not be taken for a wider one.
QUOTED = ["owner:", 'owner:"', 'owner:"dana', 'owner:"dana reyes', 'owner:"dana reyes"',
          'owner:"dana reyes', 'owner:"dana', 'owner:""', 'owner:"', 'dana owner:"dana reyes"']  # fmt: skip


@pytest.mark.parametrize("column", COLUMN_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_typing_and_sorting_equal_doing_it_from_scratch(
    rows: dict[str, TableRow], column: str, descending: bool
) -> None:
    order = RowOrder(rows)
    for query in [*TYPED, *QUOTED, "health", "healthcare", "owner:dana", "dana owner:dana", "zzz"]:
        terms = tuple(parse_filter(query))
        assert list(order.visible(terms, column, descending)) == from_scratch(
            rows, query, column, descending
        ), query


def test_a_few_rows_match_a_narrow_filter(rows: dict[str, TableRow]) -> None:
    order = RowOrder(rows)
    everything = order.visible((), "name", False)
    assert len(everything) == len(rows) == 17
    tier_a = order.visible(tuple(parse_filter("tier:a")), "name", False)
    assert 0 < len(tier_a) < 17
    assert all(rows[key].fields["tier"] == "a" for key in tier_a)


def test_rows_moved_one_by_one_equal_orders_sorted_afresh(rows: dict[str, TableRow]) -> None:
    table = dict(rows)
    order = RowOrder(table)
    order.prepare()
    order.visible(tuple(parse_filter("tier:a")), "score", True)
    keys = sorted(table)
    # One file removed, one now showing another's figures under its own key, one added.
    removed, changed, model = keys[0], keys[1], keys[2]
    del table[removed]
    table[changed] = TableRow(changed, table[model].cells, table[model].fields)
    table["new.yaml"] = TableRow("new.yaml", rows[removed].cells, rows[removed].fields)
    order.update({removed, changed, "new.yaml"}, {key: rows[key] for key in (removed, changed)})
    afresh = RowOrder(table)
    for column in COLUMN_KEYS:
        for descending in (False, True):
            assert order.order(column, descending) == afresh.order(column, descending), column
            # Bare words are matched against search texts moved with the keys.
            for query in ("tier:a", "dana", "health", "zzz", ""):
                terms = tuple(parse_filter(query))
                assert order.visible(terms, column, descending) == afresh.visible(
                    terms, column, descending
                ), (query, column)
