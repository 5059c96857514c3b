"""The Pareto chart: accounts by revenue as bars, the cumulative-share curve, the cut-off mark.

Drawn on its side: one row per account, highest revenue first, so every name is
legible at any width and ten thousand accounts scroll (only visible rows are drawn).
The cumulative share climbs left to right as a staircase beside the bars, the
cut-off is a dotted column, and a rule closes the vital few, each marked ★.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from textual.app import ComposeResult
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Static

from kamtui.core.analysis.abc_analysis import Pareto
from kamtui.core.analysis.portfolio import AccountRow, PortfolioAnalysis
from kamtui.tui.drawing.chart import fit, fraction_of, hbar, legend, shorten, strip
from kamtui.tui.drawing.format import compact
from kamtui.tui.views.base import PortfolioView
from kamtui.tui.widgets.row_cursor import RowCursor

VITAL = "★"
CURVE_POINT = "●"
CURVE_STEP = "─"
CURVE_TURN = "╰"
MARK = "┆"
RULE = "┄"
_VALUE_WIDTH = 6
_SHARE_WIDTH = 4


@dataclass(frozen=True, slots=True)
class Columns:
    """Where each part of a row goes, for one chart width."""

    rank: int
    name: int
    bar: int
    curve: int

    @classmethod
    def for_width(cls, width: int, count: int) -> Columns:
        rank = max(2, len(str(count)))
        # rank ★ name bar value  curve share, with the spaces between them
        fixed = rank + 1 + 1 + 1 + 1 + 1 + _VALUE_WIDTH + 2 + 1 + _SHARE_WIDTH
        room = max(0, width - fixed)
        name = max(6, min(28, room * 3 // 10))
        bar = max(4, (room - name) // 2)
        return cls(rank=rank, name=name, bar=bar, curve=max(6, room - name - bar))

    def position(self, share: float) -> int:
        return round(max(0.0, min(1.0, share)) * (self.curve - 1))


class ParetoChart(RowCursor, can_focus=True):
    """The chart itself; a sticky header row names the columns and the curve's scale.

    A cursor moves over the accounts (not the rule); enter or a click opens one."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "pareto--cursor",
        "pareto--axis",
        "pareto--bar",
        "pareto--vital",
        "pareto--curve",
        "pareto--mark",
    }
    DEFAULT_CSS = """
    ParetoChart {
        height: 1fr;
        overflow-x: hidden;
        & > .pareto--axis { color: $text-muted; text-style: bold; }
        & > .pareto--bar { color: $primary; }
        & > .pareto--vital { color: $accent; text-style: bold; }
        & > .pareto--curve { color: $text; }
        & > .pareto--mark { color: $error; }
        /* A background only: the bar and the curve keep their colours under the cursor. */
        & > .pareto--cursor { background: $block-cursor-blurred-background; }
        &:focus > .pareto--cursor { background: $block-cursor-background; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pareto: Pareto | None = None
        self._rows: Mapping[str, AccountRow] = {}
        self._currency = ""
        self._cutoff = 0.0
        self._vital = 0

    def show(
        self, pareto: Pareto, rows: Mapping[str, AccountRow], currency: str, cutoff: float
    ) -> None:
        """Chart `pareto`; `rows` name its accounts (looked up only for the rows in view)."""
        self._pareto = pareto
        self._rows = rows
        self._currency = currency
        self._cutoff = cutoff
        self._vital = len(pareto.vital_few)
        self.cursor = min(self.cursor, max(0, len(pareto.ranking.accounts) - 1))
        # The header, each account, and the rule under the vital few.
        lines = 1 + len(pareto.ranking.accounts) + (1 if self._vital else 0)
        self.virtual_size = Size(0, lines)
        self.refresh()

    # The cursor (RowCursor): rows are accounts; the rule is a line between two of them.

    def row_count(self) -> int:
        return len(self._pareto.ranking.accounts) if self._pareto is not None else 0

    def row_key(self, index: int) -> str:
        assert self._pareto is not None
        return self._pareto.ranking.accounts[index]

    def line_of(self, index: int) -> int:
        return index + 1 if self._vital and index >= self._vital else index

    def row_at(self, line: int) -> int | None:
        if self._vital and line == self._vital:
            return None
        index = line - 1 if self._vital and line > self._vital else line
        return index if 0 <= index < self.row_count() else None

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.style_of()
        pareto = self._pareto
        if pareto is None or not pareto.ranking.accounts:
            return Strip.blank(width, base)
        columns = Columns.for_width(width, len(pareto.ranking.accounts))
        if y == 0:
            return strip(self._header(columns, pareto), width, base)
        row = self.scroll_offset.y + y - 1
        if self._vital and row == self._vital:
            return strip(self._rule(columns, pareto, width), width, base)
        index = row - 1 if self._vital and row > self._vital else row
        if index >= len(pareto.ranking.accounts):
            return Strip.blank(width, base)
        parts = self._account_row(columns, pareto, index)
        if index == self.cursor:
            cursor = self.style_of("pareto--cursor")
            return strip([(text, style + cursor) for text, style in parts], width, cursor)
        return strip(parts, width, base)

    def _header(self, columns: Columns, pareto: Pareto) -> list[tuple[str, Style]]:
        axis = self.style_of("pareto--axis")
        mark = self.style_of("pareto--mark")
        cutoff = f"{self._cutoff:.0%}{MARK}"
        start = max(0, columns.position(self._cutoff) - len(cutoff) + 1)
        end = start + len(cutoff)
        scale = "0%".ljust(start)[:start]
        tail = " " * (columns.curve - end)
        if len(tail) >= 5:
            tail = tail[:-4] + "100%"
        year = f" {pareto.year}" if pareto.year is not None else ""
        return [
            ("#".rjust(columns.rank) + "   ", axis),
            (fit("Account", columns.name) + " ", axis),
            (fit(f"Revenue{year} ({self._currency})", columns.bar + 1 + _VALUE_WIDTH) + "  ", axis),
            (scale, axis),
            (cutoff[: columns.curve], mark),
            (tail, axis),
            (" " + fit("cum.", _SHARE_WIDTH), axis),
        ]

    def _account_row(self, columns: Columns, pareto: Pareto, index: int) -> list[tuple[str, Style]]:
        ranking = pareto.ranking
        vital = index < self._vital
        name_style = self.style_of("pareto--vital") if vital else self.style_of()
        bar_style = self.style_of("pareto--vital" if vital else "pareto--bar")
        share = ranking.cumulative_share[index]
        before = ranking.cumulative_share[index - 1] if index else 0.0
        top = ranking.revenue[0]
        return [
            (f"{index + 1:>{columns.rank}} ", self.style_of()),
            (VITAL if vital else " ", name_style),
            (
                " " + fit(self._rows[ranking.accounts[index]].name, columns.name) + " ",
                name_style,
            ),
            (hbar(fraction_of(ranking.revenue[index], top), columns.bar), bar_style),
            (" " + compact(ranking.revenue[index]).rjust(_VALUE_WIDTH) + "  ", self.style_of()),
            *self._curve(columns, before, share),
            (" " + f"{share:.0%}".rjust(_SHARE_WIDTH), name_style),
        ]

    def _curve(self, columns: Columns, before: float, share: float) -> list[tuple[str, Style]]:
        """One step of the staircase: down from the last point, right to this one.

        Drawn as runs, not cell by cell: a page of rows at 10,000 accounts spent half
        its time building one piece per cell of the curve."""
        curve, base = self.style_of("pareto--curve"), self.style_of()
        start, end = columns.position(before), columns.position(share)
        cut = columns.position(self._cutoff)

        def blank(low: int, high: int) -> list[tuple[str, Style]]:
            """Columns low..high-1: spaces, with the cut-off's mark if it falls there."""
            if low <= cut < high:
                mark = (MARK, self.style_of("pareto--mark"))
                return [(" " * (cut - low), base), mark, (" " * (high - cut - 1), base)]
            return [(" " * (high - low), base)]

        step = (
            CURVE_POINT
            if end == start
            else CURVE_TURN + CURVE_STEP * (end - start - 1) + CURVE_POINT
        )
        runs = [*blank(0, start), (step, curve), *blank(end + 1, columns.curve)]
        return [run for run in runs if run[0]]

    def _rule(self, columns: Columns, pareto: Pareto, width: int) -> list[tuple[str, Style]]:
        label = (
            f" {VITAL} vital few above: {len(pareto.vital_few)} of {len(pareto.ranking.accounts)}"
            f" accounts ({pareto.accounts_share:.0%}) make {pareto.revenue_share:.0%} of revenue"
        )
        # The label is cut with an ellipsis if it must be; the rule fills what is left.
        line = shorten(RULE * (columns.rank + 2) + label, width)
        if cell_len(line) < width:
            line += " " + RULE * (width - cell_len(line) - 1)
        return [(line, self.style_of("pareto--mark"))]


class ParetoView(PortfolioView):
    """The Pareto chart of the analysis year, with its legend."""

    DEFAULT_CSS = """
    ParetoView {
        height: 1fr;
        & > #pareto-empty { color: $text-muted; padding: 1 2; display: none; }
        &.-empty > #pareto-empty { display: block; }
        &.-empty > ParetoChart { display: none; }
        & > #pareto-legend { color: $text-muted; height: auto; }
    }
    """

    def compose(self) -> ComposeResult:
        yield ParetoChart(id="pareto-chart")
        yield Static("No revenue recorded: add `revenue:` to an account.", id="pareto-empty")
        yield Static(id="pareto-legend")

    def show(self, analysis: PortfolioAnalysis) -> None:
        pareto = analysis.pareto
        self.set_class(not pareto.ranking.accounts, "-empty")
        chart = self.query_one(ParetoChart)
        chart.show(pareto, analysis.rows, analysis.currency, self.settings.abc.a)
        self.query_one("#pareto-legend", Static).update(
            legend(
                chart,
                ("█", "revenue", "pareto--bar"),
                (VITAL, "vital few (tier A)", "pareto--vital"),
                (CURVE_POINT, "cumulative share", "pareto--curve"),
                (MARK, "cut-off", "pareto--mark"),
            )
        )
