"""A character grid for a 0..100 × 0..100 plot split into halves, with collision-free labels.

Values below the split land strictly on one side of the dividing line and values
at or above it strictly on the other, so a point never sits on the line and its
side always agrees with the quadrant the core assigned it.

A label is written whole or not at all, never over a point, a line or another label,
and never touching one: a cell is left free on each side of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from rich.cells import cell_len

from kamtui.tui.drawing.chart import fit

SCALE = 100.0


@dataclass(frozen=True, slots=True)
class GridCell:
    char: str
    style: str = ""  # a component class of the chart, "" for the base style
    solid: bool = False  # points, lines and labels: no label may be drawn over them


_BLANK = GridCell(" ")


class PlotGrid:
    """`left` columns for the y axis, `top` rows above and `bottom` rows below the plot area."""

    def __init__(
        self, width: int, height: int, *, left: int, top: int, bottom: int, split: float
    ) -> None:
        self.width = width
        self.height = height
        self.split = split
        self.left = left
        self.top_line = top
        self.bottom_line = height - bottom - 1
        self.half_column = left + (width - left) // 2
        self.half_line = top + (self.bottom_line - top + 1) // 2
        self._cells = [[_BLANK] * width for _ in range(height)]

    @property
    def drawable(self) -> bool:
        """Room for at least two columns and rows on each side of the dividing lines."""
        return (
            self.half_column - self.left >= 2
            and self.width - 1 - self.half_column >= 2
            and self.half_line - self.top_line >= 2
            and self.bottom_line - self.half_line >= 2
        )

    def place(self, x: float, y: float) -> tuple[int, int]:
        """The (column, row) of the point (x, y)."""
        if x < self.split:
            cells = self.half_column - self.left
            column = self.left + min(cells - 1, int(x / self.split * cells))
        else:
            cells = self.width - 1 - self.half_column
            column = (
                self.half_column
                + 1
                + min(cells - 1, int((x - self.split) / (SCALE - self.split) * cells))
            )
        if y < self.split:
            cells = self.bottom_line - self.half_line
            row = self.bottom_line - min(cells - 1, int(y / self.split * cells))
        else:
            cells = self.half_line - self.top_line
            row = (
                self.half_line
                - 1
                - min(cells - 1, int((y - self.split) / (SCALE - self.split) * cells))
            )
        return column, max(0, row)

    def at(self, column: int, row: int) -> GridCell:
        return self._cells[row][column]

    def put(self, column: int, row: int, cell: GridCell) -> None:
        if 0 <= row < self.height and 0 <= column < self.width:
            self._cells[row][column] = cell

    def text(self, column: int, row: int, text: str, style: str, *, solid: bool = False) -> None:
        """`text` from (column, row) on; a wide character's second cell holds ""."""
        for char in text:
            width = cell_len(char)
            if width == 0:
                # A combining mark belongs to the character before it.
                if 0 < column <= self.width and 0 <= row < self.height:
                    before = self._cells[row][column - 1]
                    self.put(column - 1, row, GridCell(before.char + char, style, solid))
                continue
            self.put(column, row, GridCell(char, style, solid))
            if width == 2:
                self.put(column + 1, row, GridCell("", style, solid))
            column += width

    def divide(self, style: str) -> None:
        """The dividing lines at the split, crossing in the middle."""
        for row in range(self.top_line, self.bottom_line + 1):
            self.put(self.half_column, row, GridCell("┆", style, solid=True))
        for column in range(self.left, self.width):
            self.put(column, self.half_line, GridCell("┄", style, solid=True))
        self.put(self.half_column, self.half_line, GridCell("┼", style, solid=True))

    def axes(self, style: str) -> None:
        axis_column, axis_row = self.left - 1, self.bottom_line + 1
        for row in range(self.top_line, axis_row):
            self.put(axis_column, row, GridCell("│", style, solid=True))
        for column in range(self.left, self.width):
            self.put(column, axis_row, GridCell("─", style))
        self.put(axis_column, axis_row, GridCell("└", style))
        self.put(self.half_column, axis_row, GridCell("┴", style))

    def y_tick(self, row: int, label: str, style: str) -> None:
        self.text(self.left - 2 - len(label), row, label, style)
        self.put(self.left - 1, row, GridCell("┤", style))

    def corner_label(self, text: str, top: bool, right: bool, style: str) -> None:
        """`text` in one outer corner of one quadrant, moved inward past any point there."""
        half = (self.width - self.half_column - 1) if right else (self.half_column - self.left)
        shown = fit(text, min(len(text), half - 1))
        column = self.width - len(shown) if right else self.left
        rows = (
            range(self.top_line, self.half_line)
            if top
            else range(self.bottom_line, self.half_line, -1)
        )
        for row in rows:
            if self._free(column, row, len(shown)):
                self.text(column, row, shown, style, solid=True)
                return

    def label(self, column: int, row: int, text: str, style: str) -> bool:
        """Write `text` whole beside the point at (column, row), where it covers nothing
        solid and touches nothing solid but its own point; False if it found no room."""
        size = cell_len(text)
        for start, line in self._spots(column, row, size):
            if self._free(start, line, size) and self._apart(start, line, size, column, row):
                self.text(start, line, text, style, solid=True)
                return True
        return False

    def _spots(self, column: int, row: int, size: int) -> Iterator[tuple[int, int]]:
        """Right, left, then above and below (starting at the point, then ending at it)."""
        yield column + 2, row
        yield column - 1 - size, row
        for line in (row - 1, row + 1):
            yield column, line
            yield column - size + 1, line

    def _apart(self, start: int, row: int, size: int, column: int, point_row: int) -> bool:
        """A free cell (or the plot's edge) on each side, unless it is the label's point."""
        for beside in (start - 1, start + size):
            if (beside, row) == (column, point_row) or not 0 <= beside < self.width:
                continue
            if self._cells[row][beside].solid:
                return False
        return True

    def _free(self, start: int, row: int, size: int) -> bool:
        if not (self.top_line <= row <= self.bottom_line and self.left <= start):
            return False
        if start + size > self.width:
            return False
        return not any(cell.solid for cell in self._cells[row][start : start + size])

    def row(self, y: int) -> list[tuple[str, str]]:
        """Row `y` as (text, style) runs."""
        if not 0 <= y < self.height:
            return []
        return [
            ("".join(cell.char for cell in run), style)
            for style, run in groupby(self._cells[y], key=lambda cell: cell.style)
        ]
