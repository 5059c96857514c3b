"""White space: every account against every offering, the cross-sell map at a glance.

One row per account (by selection score, as the report's grid), one column per
offering of kam.yaml's `offerings`, each cell a mark in its state's colour; the
account's open value closes each row and each offering's penetration is the footer.
A cursor walks the cells (arrows), the line under the grid says what the highlighted
cell is (division by division when the account records divisions), and enter opens
the account. Only the rows on screen are drawn, so 10,000 accounts cost what 20 do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Static

from kamtui.core.account.model import OfferingState
from kamtui.core.analysis.portfolio import PortfolioAnalysis
from kamtui.render.report_format import compact, counted, money
from kamtui.render.report_whitespace import (
    CELL_MARKS,
    CELL_WORDS,
    legend,
    offering_title,
    penetration_cells,
)
from kamtui.render.safe_text import one_line
from kamtui.tui.drawing.chart import strip
from kamtui.tui.views.base import PortfolioView
from kamtui.tui.widgets.rows_table import Cell, Column, RowCells, RowsTable

HOW_TO_DECLARE = (
    "No offerings declared. List what you sell in kam.yaml, e.g.\n\n"
    "  offerings:\n"
    "    - {id: cloud-platform, name: Cloud platform, list_price: 500000}\n"
    "    - {id: data-analytics, name: Data & analytics, list_price: 180000}\n\n"
    "and record where each account stands with each one:\n\n"
    "  whitespace: {cloud-platform: owned, data-analytics: open}\n\n"
    "(owned | pipeline | open | not_fit | competitor; see the README)."
)
# An offering's column: its name cut to this many cells at most, at least the mark's room.
_OFFERING_WIDTH = (6, 14)


class WhitespaceGrid(RowsTable):
    """A RowsTable with a cell cursor (`offering`, moved by ← →) and a footer line
    pinned under the rows (the offerings' penetration)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "offering(-1)", "Previous offering", show=False, id="whitespace.left"),
        Binding("right", "offering(1)", "Next offering", show=False, id="whitespace.right"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "whitespace--owned",
        "whitespace--pipeline",
        "whitespace--competitor",
        "whitespace--open",
        "whitespace--not_fit",
    }
    DEFAULT_CSS = """
    WhitespaceGrid {
        & > .whitespace--owned { color: $success; text-style: bold; }
        & > .whitespace--pipeline { color: $warning; text-style: bold; }
        & > .whitespace--competitor { color: $error; text-style: bold; }
        & > .whitespace--open { }
        & > .whitespace--not_fit { color: $text-disabled; }
    }
    """

    class CellMoved(Message):
        """The cursor moved to another cell, or the grid was shown anew: the grid's
        `cursor` and `offering` say where it is now (a message read after a newer
        analysis must not name a cell of the old one)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.offering = 0
        self.offerings = 0
        self.footer: Sequence[Cell] = ()

    def show_grid(
        self,
        columns: Sequence[Column],
        keys: Sequence[str],
        cells: RowCells,
        footer: Sequence[Cell],
    ) -> None:
        """`columns`: the account, one per offering, the open value."""
        self.offerings = len(columns) - 2
        self.offering = min(self.offering, max(0, self.offerings - 1))
        self.footer = footer
        self.show(columns, keys, cells)
        self.virtual_size = Size(0, 2 + len(self.keys))
        self._moved()

    def cell_style(self, state: OfferingState, under_cursor: bool) -> Style:
        style = self.style_of(f"whitespace--{state.value}", partial=True)
        return style + Style(reverse=True) if under_cursor else style

    def _rows_on_screen(self) -> int:
        return max(1, self.scrollable_content_region.height - 2)

    def render_line(self, y: int) -> Strip:
        height = self.scrollable_content_region.height
        if y == height - 1 and height > 2:
            width = self.scrollable_content_region.width
            style = self.header_style()
            return strip(self._parts(self.footer, self._widths(width), style), width, style)
        return super().render_line(y)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and offset.y == self.scrollable_content_region.height - 1:
            return  # the footer
        super().on_click(event)

    def cursor_moved(self, previous: int, index: int) -> None:
        self._moved()

    def action_offering(self, step: int) -> None:
        if not self.offerings:
            return
        self.offering = max(0, min(self.offerings - 1, self.offering + step))
        self.refresh_line(self.line_of(self.cursor) + 1)
        self._moved()

    def _moved(self) -> None:
        self.post_message(self.CellMoved())


class WhitespaceView(PortfolioView):
    """The grid, the highlighted cell in words under it, or how to declare offerings."""

    DEFAULT_CSS = """
    WhitespaceView {
        height: 1fr;
        layout: vertical;
        & > #whitespace-summary { color: $text-muted; height: auto; padding: 0 1; }
        & > #whitespace-cell { height: 3; padding: 0 1; }
        & > #whitespace-none { padding: 1 2; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="whitespace-summary")
        grid = WhitespaceGrid(id="whitespace-grid")
        grid.border_title = "White space · ← → ↑ ↓ move · enter opens the account"
        yield grid
        yield Static(id="whitespace-cell")
        yield Static(HOW_TO_DECLARE, id="whitespace-none")

    def show(self, analysis: PortfolioAnalysis) -> None:
        declared = bool(analysis.offerings)
        grid = self.query_one(WhitespaceGrid)
        for widget in (
            grid,
            self.query_one("#whitespace-cell"),
            self.query_one("#whitespace-summary"),
        ):
            widget.display = declared
        self.query_one("#whitespace-none").display = not declared
        if not declared:
            return
        offerings = analysis.offerings
        summary = (
            f"{counted(len(analysis.programme_ids))} × {counted(len(offerings), 'offering')} · "
            f"open value {money(analysis.open_value, one_line(analysis.currency))} · {legend()}"
        )
        self.query_one("#whitespace-summary", Static).update(Text(summary))
        columns = [
            Column("Account", 16, flexible=True),
            *(
                Column(
                    offering_title(offering),
                    max(_OFFERING_WIDTH[0], min(_OFFERING_WIDTH[1], len(offering_title(offering)))),
                    "center",
                )
                for offering in offerings
            ),
            Column("Open value", 10, "right"),
        ]
        keys = list(analysis.programme_ids)
        rows = analysis.rows
        ids = [offering.id for offering in offerings]

        def cells(index: int) -> list[Cell]:
            row = rows[keys[index]]
            found = row.figures.whitespace
            marks: list[Cell] = [
                (
                    CELL_MARKS[found[offering]],
                    grid.cell_style(
                        found[offering], index == grid.cursor and place == grid.offering
                    ),
                )
                for place, offering in enumerate(ids)
            ]
            return [(row.name, None), *marks, (compact(row.figures.open_value), None)]

        footer: list[Cell] = [
            ("Penetration", None),
            *((text, None) for text in penetration_cells(analysis)),
            (compact(analysis.open_value), None),
        ]
        grid.show_grid(columns, keys, cells, footer)

    def on_whitespace_grid_cell_moved(self, _message: WhitespaceGrid.CellMoved) -> None:
        # The analysis on screen: a newer one waits while the view is hidden.
        analysis = self._shown
        grid = self.query_one(WhitespaceGrid)
        described = self.query_one("#whitespace-cell", Static)
        if analysis is None or not grid.keys or grid.offering >= len(analysis.offerings):
            described.update("", layout=False)
            return
        row = analysis.rows[grid.keys[grid.cursor]]
        offering = analysis.offerings[grid.offering]
        state = row.figures.whitespace[offering.id]
        text = Text(no_wrap=False)
        text.append(f"{one_line(row.name)} · {one_line(offering_title(offering))}: ", "bold")
        text.append(f"{CELL_MARKS[state]} {CELL_WORDS[state]}", grid.cell_style(state, False))
        if offering.list_price is not None:
            text.append(f" · list price {compact(offering.list_price)}")
        text.append(f" · open value of the account {compact(row.figures.open_value)}")
        if row.figures.divisions:
            text.append("\nby division (the best counts): ")
            for place, division in enumerate(row.figures.divisions):
                cell = division.cells[offering.id]
                if place:
                    text.append(" · ")
                text.append(f"{one_line(division.name or division.id)} ")
                text.append(f"{CELL_MARKS[cell]} {CELL_WORDS[cell]}", grid.cell_style(cell, False))
        # Its height is fixed: no layout pass for the whole screen on every key (it took
        # each key from 4.5 to 10 ms at 10,000 accounts, bench/probes.py views).
        described.update(text, layout=False)
