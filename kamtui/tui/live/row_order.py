"""Which table rows a filter keeps and in what order, ready before a key asks.

At 10,000 rows, sorting on a column costs 10-15 ms and matching every row against
a filter about 20 ms: more than a frame on top of drawing. So every column's order,
both ways, is computed once when the rows are built (in the loading worker) and
kept up to date row by row when a file changes; each row's searchable fields are
joined into one string, so a bare filter word is one substring test per row, and
each order keeps those strings in its own order beside its keys, so that the test
runs at C speed with no lookup per row (at 10,000 rows, 3 ms where a loop of
lookups took 6); and filters are remembered: typing narrows a filter (each new
character keeps a subset of what the previous one kept), backspace returns to a
filter seen a moment ago.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import compress, repeat
from operator import contains, itemgetter
from typing import Any

from kamtui.tui.live.account_rows import COLUMN_KEYS, TableRow, Term, table_row
from kamtui.tui.live.portfolio_model import AccountFile

Terms = tuple[Term, ...]
# Keys in some order, and the search text of each key in the same order: lists for
# the orders (moved row by row), tuples for what a filter kept. The garbage collector
# stops tracking a tuple of strings the first time it sees it; a list of 10,000 it
# would look through in every pass (half a millisecond each).
Keyed = tuple[Sequence[str], Sequence[str]]
# Filtered orders remembered for backspace, each its keys and their search texts.
REMEMBERED_FILTERS = 32
# More changed rows than this and the orders are sorted again when next asked for:
# moving rows one by one costs a scan of every order per row.
RESORT_ABOVE = 64
# Between fields in a row's search text: a filter word has no whitespace, so it
# never matches across two fields.
FIELD_BREAK = "\n"


class Descending:
    """A sort key compared the other way round (to find a place in a descending order)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Descending) and self.value == other.value

    def __lt__(self, other: Descending) -> bool:
        return bool(other.value < self.value)

    __hash__ = None  # type: ignore[assignment]


class RowOrder:
    """Rows sorted on `column` (blanks last either way), ties by name then file key."""

    def __init__(self, rows: Mapping[str, TableRow]) -> None:
        self.rows = rows
        self._orders: dict[tuple[str, bool], tuple[list[str], list[str]]] = {}
        # Filtered and sorted keys by (terms, column, descending), for backspace and
        # as the starting point of a narrower filter.
        self._matches: dict[tuple[Terms, str, bool], Keyed] = {}
        self._text = {key: FIELD_BREAK.join(row.fields.values()) for key, row in rows.items()}

    def prepare(self) -> None:
        """Compute every column's order both ways now (the loading worker calls this)."""
        for column in COLUMN_KEYS:
            for descending in (False, True):
                self.order(column, descending)

    def update(self, changed: Iterable[str], before: Mapping[str, TableRow]) -> None:
        """The rows of `changed` were added, replaced or removed in `rows`: move only them.

        `before` holds the replaced and removed rows as they were: their old versions
        find them in each order by bisection (list.remove scans: 9 ms a save over 20
        orders of 10,000 rows).
        """
        changed = set(changed)
        for key in changed:
            row = self.rows.get(key)
            if row is None:
                self._text.pop(key, None)
            else:
                self._text[key] = FIELD_BREAK.join(row.fields.values())
        self._matches.clear()
        if len(changed) > RESORT_ABOVE:
            self._orders.clear()
            return
        # While they leave, the changed rows are where their old versions put them.
        rows = self.rows

        def leaving(key: str) -> TableRow:
            return before[key] if key in before else rows[key]

        for (column, descending), (order, texts) in self._orders.items():
            place = self._place(column, descending, leaving)
            for key in before:
                index = bisect_left(order, place(key), key=place)
                del order[index], texts[index]
            place = self._place(column, descending, rows.__getitem__)
            for key in changed & self.rows.keys():
                index = bisect_left(order, place(key), key=place)
                order.insert(index, key)
                texts.insert(index, self._text[key])

    def visible(self, terms: Terms, column: str, descending: bool) -> Sequence[str]:
        """Keys of the rows matching every term, in the order of `column`.

        A narrower filter only looks at what a wider one kept, already in order: each
        letter typed is one pass over the rows still shown.
        """
        if not terms:
            return tuple(self.order(column, descending))
        found = self._matches.get((terms, column, descending))
        if found is not None:
            return found[0]
        wider = [
            kept
            for (seen, seen_column, seen_descending), kept in self._matches.items()
            if (seen_column, seen_descending) == (column, descending) and _narrows(terms, seen)
        ]
        keys, texts = (
            min(wider, key=lambda kept: len(kept[0])) if wider else self._keyed(column, descending)
        )
        for term in terms:
            if term.field is None:
                hits = list(map(contains, texts, repeat(term.needle)))
            else:
                rows, field = self.rows, term.field
                hits = [term.finds(rows[key].fields[field]) for key in keys]
            keys, texts = tuple(compress(keys, hits)), tuple(compress(texts, hits))
        if len(self._matches) >= REMEMBERED_FILTERS:
            del self._matches[next(iter(self._matches))]
        self._matches[(terms, column, descending)] = (keys, texts)
        return keys

    def order(self, column: str, descending: bool) -> list[str]:
        """Every key sorted on `column`; ties and blanks by name (blanks last either way)."""
        return self._keyed(column, descending)[0]

    def _keyed(self, column: str, descending: bool) -> tuple[list[str], list[str]]:
        found = self._orders.get((column, descending))
        if found is not None:
            return found
        rows = self.rows
        if column == "name" and not descending:
            cells = {key: row.cells["name"].sort_key for key, row in rows.items()}
            order = sorted(cells, key=lambda key: (cells[key], key))
        else:
            by_name = self.order("name", False)
            values = [(key, rows[key].cells[column].sort_key) for key in by_name]
            present = [pair for pair in values if pair[1] is not None]
            present.sort(key=itemgetter(1), reverse=descending)
            order = [key for key, _ in present] + [key for key, value in values if value is None]
        found = (order, list(map(self._text.__getitem__, order)))
        self._orders[(column, descending)] = found
        return found

    def _place(self, column: str, descending: bool, row: Callable[[str], TableRow]) -> Any:
        """A key function giving each key's `row` its place in the order of `column`."""

        def place(key: str) -> tuple[Any, ...]:
            cells = row(key).cells
            value, name = cells[column].sort_key, cells["name"].sort_key
            if value is None:
                return (1, 0, name, key)
            return (0, Descending(value) if descending else value, name, key)

        return place


def _narrows(terms: Terms, seen: Terms) -> bool:
    """Every row matching `terms` also matches `seen`.

    It does when each term of `seen` is implied by one of `terms`: the same field
    (or `seen` searches every field) and a needle that contains it; a whole-field
    term of `seen` only by the same term.
    """
    return all(
        any(
            term == old
            if old.exact
            else (old.field is None or old.field == term.field) and old.needle in term.needle
            for term in terms
        )
        for old in seen
    )


class RowCache:
    """Table rows by file key, rebuilt only for files whose shown content changed, and
    their order, moved row by row.

    A reload of one file among ten thousand then builds one row, not ten thousand,
    and moves it in each order.
    """

    def __init__(self) -> None:
        self._files: dict[str, AccountFile] = {}
        self._table: dict[str, TableRow] = {}
        self.order = RowOrder(self._table)

    def update(
        self, files: Mapping[str, AccountFile], changed: Iterable[str] | None = None
    ) -> RowOrder:
        """The rows of `files`, in order; with `changed` (the keys that may differ), only
        those are looked at."""
        if changed is None:
            # Equal files are cheap to compare: unchanged accounts are the same objects.
            changed = [
                key
                for key in self._files.keys() | files.keys()
                if key not in files or key not in self._files or self._files[key] != files[key]
            ]
        fresh = not self._table
        before = {key: self._table[key] for key in changed if key in self._table}
        for key in changed:
            if key in files:
                self._files[key] = files[key]
                self._table[key] = table_row(files[key])
            else:
                self._files.pop(key, None)
                self._table.pop(key, None)
        if fresh:
            self.order = RowOrder(self._table)
        elif changed:
            self.order.update(changed, before)
        return self.order
