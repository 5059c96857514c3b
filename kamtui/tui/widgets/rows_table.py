"""A read-only table drawn line by line: a sticky header, a row cursor, only visible rows built.

The views' tables (tiers by year, movements, the at-risk queue, the accounts) can
hold ten thousand rows; a DataTable measures and stores every cell on each update
(seconds at that size), while this asks its owner for the cells of a row only
when that row is on screen, so an update costs nothing but a repaint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip

from kamtui.tui.drawing.chart import shorten, strip
from kamtui.tui.widgets.line_table import LineTable

GAP = 2  # cells between columns


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width: int  # cells; the flexible column gets at least this and any room left over
    align: Literal["left", "right", "center"] = "left"
    flexible: bool = False


# A cell: its text and its style (None: the row's own style).
Cell = tuple[str, Style | None]
RowCells = Callable[[int], Sequence[Cell]]


def _aligned(text: str, width: int, align: str) -> str:
    text = shorten(text, width)
    pad = width - cell_len(text)
    if align == "right":
        return " " * pad + text
    if align == "center":
        return " " * (pad // 2) + text + " " * (pad - pad // 2)
    return text + " " * pad


class RowsTable(LineTable, can_focus=True):
    """Rows come from `show(columns, keys, cells)`: `cells(index)` draws row `index`."""

    DEFAULT_CSS = """
    RowsTable {
        height: 1fr;
        overflow-x: hidden;
        border: round $panel;
        border-title-color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: tuple[Column, ...] = ()
        self.keys: tuple[str, ...] = ()
        self._cells: RowCells = lambda _index: ()

    def show(self, columns: Sequence[Column], keys: Sequence[str], cells: RowCells) -> None:
        """Show one row per key, drawn by `cells(index)`; the cursor stays on its row number."""
        self.columns = tuple(columns)
        self.keys = tuple(keys)
        self._cells = cells
        self.cursor = min(self.cursor, max(0, len(self.keys) - 1))
        self.virtual_size = Size(0, 1 + len(self.keys))
        self.refresh()

    # Drawing ----------------------------------------------------------------------

    def _widths(self, width: int) -> list[int]:
        widths = [column.width for column in self.columns]
        room = width - sum(widths) - GAP * (len(widths) - 1)
        for index, column in enumerate(self.columns):
            if column.flexible:
                widths[index] = max(column.width, column.width + room)
        return widths

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.style_of()
        widths = self._widths(width)
        if y == 0:
            header = self.header_style()
            titles = [(c.title, None) for c in self.columns]
            return strip(self._parts(titles, widths, header), width, header)
        index = self.scroll_offset.y + y - 1
        if index >= len(self.keys):
            return Strip.blank(width, base)
        if index == self.cursor and self.keys:
            row_style = self.cursor_style()
        elif index % 2:
            row_style = self.style_of("rows--even")
        else:
            row_style = base
        return strip(self._parts(self._cells(index), widths, row_style), width, row_style)

    def _parts(
        self, cells: Sequence[Cell], widths: list[int], row_style: Style
    ) -> list[tuple[str, Style]]:
        parts: list[tuple[str, Style]] = []
        for (text, style), column, cell_width in zip(cells, self.columns, widths, strict=False):
            if parts:
                parts.append((" " * GAP, row_style))
            shown = row_style + style if style is not None else row_style
            parts.append((_aligned(text, cell_width, column.align), shown))
        return parts

    # The cursor (RowCursor) ------------------------------------------------------

    def row_count(self) -> int:
        return len(self.keys)

    def row_key(self, index: int) -> str:
        return self.keys[index]
