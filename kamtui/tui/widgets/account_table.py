"""The accounts table: every account file as a row, filtered, sorted, updated in place."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from kamtui.tui.account_rows import (
    COLUMN_KEYS,
    COLUMNS,
    Cell,
    Column,
    TableRow,
    column_layout,
    parse_filter,
)

# Past this many rows to take out, clearing and refilling beats removing one by one
# (each removal renumbers every row after it).
REBUILD_THRESHOLD = 64


@dataclass(frozen=True, slots=True)
class SortOrder:
    column: str
    descending: bool

    @property
    def arrow(self) -> str:
        return "▼" if self.descending else "▲"


class AccountTable(DataTable[Text]):
    """Rows come in through `show`; the table keeps filter, sort order and selection."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open the detail", show=False, id="accounts.open"),
    ]

    @dataclass
    class SelectionChanged(Message):
        """The highlighted account file changed (None: nothing to select)."""

        key: str | None

    class SortChanged(Message):
        """The sort column or direction changed."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._rows: dict[str, TableRow] = {}
        self._terms = parse_filter("")
        self.order = SortOrder("score", descending=True)
        self._layout: tuple[tuple[Column, int], ...] = ()
        self._selected: str | None = None
        self._shown = 0

    @property
    def selected_key(self) -> str | None:
        return self._selected

    @property
    def shown(self) -> int:
        """Rows that pass the filter (known before the table is first sized)."""
        return self._shown

    @property
    def total(self) -> int:
        return len(self._rows)

    def show(self, rows: Mapping[str, TableRow]) -> None:
        """Show these rows (all of them, before filtering), keeping selection and scroll."""
        self._rows = dict(rows)
        self._sync()

    def filter(self, query: str) -> None:
        self._terms = parse_filter(query)
        self._sync()

    def sort_by(self, column: str, descending: bool | None = None) -> None:
        """Sort on `column`; a column's natural direction unless `descending` says otherwise."""
        if descending is None:
            descending = next(c.descending for c in COLUMNS if c.key == column)
        self.order = SortOrder(column, descending)
        self._relabel()
        self._sync()
        self.post_message(self.SortChanged())

    def next_sort_column(self, step: int = 1) -> None:
        keys = [column.key for column, _ in self._layout] or list(COLUMN_KEYS)
        index = keys.index(self.order.column) if self.order.column in keys else -1
        self.sort_by(keys[(index + step) % len(keys)])

    def reverse_sort(self) -> None:
        self.sort_by(self.order.column, not self.order.descending)

    def select(self, key: str) -> bool:
        """Move the cursor to the row `key`; False when it is filtered out or unknown."""
        if key not in self.rows:
            return False
        self.move_cursor(row=self.get_row_index(key))
        self._set_selected(key)
        return True

    def on_resize(self) -> None:
        # The vertical scrollbar comes and goes with the row count: always leave room for it.
        width = self.size.width - self.styles.scrollbar_size_vertical
        layout = column_layout(width, self.cell_padding)
        if layout != self._layout:
            self._layout = layout
            self._rebuild(self._visible_order(), columns=True)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._set_selected(event.row_key.value)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        column = event.column_key.value or self.order.column
        if column == self.order.column:
            self.reverse_sort()
        else:
            self.sort_by(column)

    def _set_selected(self, key: str | None) -> None:
        if key != self._selected:
            self._selected = key
            self.post_message(self.SelectionChanged(key))

    def _visible_order(self) -> list[str]:
        """Keys of the rows that pass the filter, in sort order; blanks sort last either way."""
        visible = [row for row in self._rows.values() if row.matches(self._terms)]
        visible.sort(key=lambda row: row.cells["name"].sort_key)
        column = self.order.column
        present = [row for row in visible if row.cells[column].sort_key is not None]
        blank = [row for row in visible if row.cells[column].sort_key is None]
        present.sort(key=lambda row: row.cells[column].sort_key, reverse=self.order.descending)
        return [row.key for row in present + blank]

    def _sync(self) -> None:
        order = self._visible_order()
        self._shown = len(order)
        if not self._layout:
            return  # not sized yet: the first resize fills the table
        wanted = set(order)
        leaving = [key for key in self.rows if key.value not in wanted]
        if len(leaving) > REBUILD_THRESHOLD:
            self._rebuild(order)
            return
        for row_key in leaving:
            self.remove_row(row_key)
        for key in order:
            row = self._rows[key]
            if key in self.rows:
                self._update_row(row)
            else:
                self.add_row(*self._cells(row), key=key)
        position = {key: index for index, key in enumerate(order)}
        self.sort("name", key=lambda cell: position[cell.row_key])
        self._restore_selection(order)

    def _update_row(self, row: TableRow) -> None:
        current = self.get_row(row.key)
        for index, (column, _) in enumerate(self._layout):
            cell = row.cells[column.key]
            if current[index] != cell or current[index].style != cell.style:
                self.update_cell(row.key, column.key, cell)

    def _rebuild(self, order: list[str], *, columns: bool = False) -> None:
        scroll_y = self.scroll_y
        self.clear(columns=columns)
        if columns:
            for column, width in self._layout:
                self.add_column(self._label(column), width=width, key=column.key)
        for key in order:
            self.add_row(*self._cells(self._rows[key]), key=key)
        self.scroll_y = scroll_y
        self._restore_selection(order)

    def _restore_selection(self, order: list[str]) -> None:
        """Keep the selected account selected; if it left the table, select its neighbour."""
        if not order:
            self._set_selected(None)
            return
        key = self._selected
        if key is None or key not in self.rows:
            index = min(self.cursor_row, len(order) - 1) if key is not None else 0
            key = order[max(index, 0)]
        self.move_cursor(row=self.get_row_index(key), scroll=False)
        self._set_selected(key)

    def _cells(self, row: TableRow) -> list[Cell]:
        return [row.cells[column.key] for column, _ in self._layout]

    def _label(self, column: Column) -> Text:
        label = Text(column.label, justify="right" if column.numeric else "left")
        if column.key == self.order.column:
            label.append(f" {self.order.arrow}", style="bold")
        return label

    def _relabel(self) -> None:
        for column, _ in self._layout:
            self.columns[ColumnKey(column.key)].label = self._label(column)
