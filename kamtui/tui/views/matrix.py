"""The scoring matrix: growth against harmony, 0..100 each, split into four quadrants at 50.

Every account with harmony scores is a point. Accounts that land on one cell share
it, and the cell says how many (2 to 9, + for more): at 10,000 accounts that is how
the chart shows where they crowd. Labels are written whole or not at all, a cell
apart from anything else and never over a point, a line or a quadrant name; the
selected account is labelled first, then the accounts alone on their spot by
priority (a name beside a count would pass for all of them), and a name that finds
no room at the current size is listed under the chart rather than cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from kamtui.core.account.model import Axes, Matrix
from kamtui.core.analysis.portfolio import AccountRow, PortfolioAnalysis
from kamtui.core.analysis.scoring import HIGH, Quadrant
from kamtui.render.safe_text import one_line
from kamtui.tui.drawing.chart import legend, shorten, strip
from kamtui.tui.drawing.plot_grid import GridCell, PlotGrid
from kamtui.tui.views.base import PortfolioView
from kamtui.tui.widgets.row_cursor import AccountChosen
from kamtui.tui.widgets.style_memo import StyleMemo

POINT = "●"
CURSOR = "◉"
# Two to nine accounts on one cell show their count; more show this.
CROWD = "+"
# Where each quadrant sits, as (top, right): growth goes up, harmony goes right.
QUADRANT_CORNERS: dict[Quadrant, tuple[bool, bool]] = {
    Quadrant.strategic: (True, True),
    Quadrant.opportunistic: (True, False),
    Quadrant.develop: (False, True),
    Quadrant.maintain: (False, False),
}
_Y_LABELS = 3  # "100"
_SHORTEST_LABEL = 6  # cells; only for the cap on labels tried
_LISTED = 8  # names listed under the chart, per note


def _quadrant_class(row: AccountRow) -> str:
    quadrant = row.figures.quadrant
    return f"matrix--{quadrant.value}" if quadrant is not None else ""


class MatrixChart(StyleMemo, Widget, can_focus=True):
    """The scatter, drawn into a character grid sized to the widget.

    A cursor sits on one point (◉): the arrow keys move it to the nearest point in
    that direction, enter or a click on a point opens that account.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "nearest(0, -1)", "Point above", show=False, id="matrix.up"),
        Binding("down", "nearest(0, 1)", "Point below", show=False, id="matrix.down"),
        Binding("left", "nearest(-1, 0)", "Point to the left", show=False, id="matrix.left"),
        Binding("right", "nearest(1, 0)", "Point to the right", show=False, id="matrix.right"),
        Binding("home", "first", "Highest priority", show=False, id="matrix.first"),
        Binding("enter", "select", "Open the account", show=False, id="matrix.open"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "matrix--cursor",
        "matrix--axis",
        *(f"matrix--{quadrant.value}" for quadrant in Quadrant),
    }
    DEFAULT_CSS = """
    MatrixChart {
        height: 1fr;
        & > .matrix--axis { color: $text-muted; }
        & > .matrix--strategic { color: $success; text-style: bold; }
        & > .matrix--develop { color: $primary-lighten-2; text-style: bold; }
        & > .matrix--opportunistic { color: $warning; text-style: bold; }
        & > .matrix--maintain { color: $text-muted; text-style: bold; }
        & > .matrix--cursor { color: $block-cursor-blurred-foreground; background: $block-cursor-blurred-background; }
        &:focus > .matrix--cursor { color: $block-cursor-foreground; background: $block-cursor-background; }
    }
    """

    class CursorMoved(Message):
        """The account under the cursor (None: nothing is plotted)."""

        def __init__(self, row: AccountRow | None) -> None:
            super().__init__()
            self.row = row

    class Unlabelled(Message):
        """The accounts whose names found no room at the chart's current size."""

        def __init__(self, rows: tuple[AccountRow, ...]) -> None:
            super().__init__()
            self.rows = rows

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._points: tuple[AccountRow, ...] = ()
        self._grid: PlotGrid | None = None
        # Each point's cell in the drawn grid, and what the cursor's cell held before it.
        self._placed: list[tuple[int, int]] = []
        self._under_cursor: GridCell | None = None
        self._unlabelled: tuple[AccountRow, ...] = ()
        self.cursor = 0
        self.axes = Axes()

    def show(self, points: Sequence[AccountRow], axes: Axes) -> None:
        """Plot `points` (rows with harmony scores) on axes called `axes`; earlier points
        get their labels first. The cursor stays on its account while that account is plotted."""
        self.axes = axes
        chosen = self._points[self.cursor].id if self._points else None
        self._points = tuple(points)
        ids = [row.id for row in self._points]
        self.cursor = ids.index(chosen) if chosen in ids else 0
        self._grid = None
        self.refresh()
        self.post_message(self.CursorMoved(self._points[self.cursor] if self._points else None))

    # The cursor --------------------------------------------------------------------

    def _cells(self) -> list[tuple[int, int]]:
        if self._grid is not None:
            return self._placed
        grid = PlotGrid(*self.size, left=_Y_LABELS + 2, top=1, bottom=2, split=HIGH)
        return [grid.place(*_position(row)) for row in self._points]

    def _move_to(self, index: int) -> None:
        """Move the cursor; at 10,000 points drawing the chart again took 250 ms, so only
        the cursor's two cells change in the drawn grid, and their two lines are redrawn."""
        previous, self.cursor = self.cursor, index
        grid = self._grid
        if grid is not None and grid.drawable and self._under_cursor is not None:
            column, line = self._placed[previous]
            grid.put(column, line, self._under_cursor)
            self.refresh(Region(0, line, self.size.width, 1))
            self._put_cursor(grid)
            self.refresh(Region(0, self._placed[index][1], self.size.width, 1))
        else:
            self._grid = None
            self.refresh()
        self.post_message(self.CursorMoved(self._points[index]))

    def _put_cursor(self, grid: PlotGrid) -> None:
        column, line = self._placed[self.cursor]
        self._under_cursor = grid.at(column, line)
        grid.put(column, line, GridCell(CURSOR, "matrix--cursor", solid=True))

    def action_nearest(self, across: int, down: int) -> None:
        """To the nearest point that lies that way; a cell is twice as tall as wide."""
        if not self._points:
            return
        cells = self._cells()
        column, line = cells[self.cursor]
        best: tuple[float, int] | None = None
        for index, (other_column, other_line) in enumerate(cells):
            along = (other_column - column) * across + (other_line - line) * 2 * down
            aside = abs(other_line - line) * 2 if across else abs(other_column - column)
            if index == self.cursor or along <= 0:
                continue
            if best is None or (along + 2 * aside, index) < best:
                best = (along + 2 * aside, index)
        if best is not None:
            self._move_to(best[1])

    def action_first(self) -> None:
        if self._points:
            self._move_to(0)

    def account_under_cursor(self) -> str | None:
        return self._points[self.cursor].id if self._points else None

    def action_select(self) -> None:
        account = self.account_under_cursor()
        if account is not None:
            self.post_message(AccountChosen(account))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._points:
            return
        cells = self._cells()
        distance, index = min(
            (abs(c - offset.x) + 2 * abs(line - offset.y), i) for i, (c, line) in enumerate(cells)
        )
        if distance <= 4:
            self._move_to(index)
            self.action_select()

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        if self._grid is None or (self._grid.width, self._grid.height) != (width, height):
            self._grid = self._draw(width, height)
        base = self.style_of()
        runs = (
            (text, self.style_of(style) if style else base) for text, style in self._grid.row(y)
        )
        return strip(runs, width, base)

    def _draw(self, width: int, height: int) -> PlotGrid:
        grid = PlotGrid(width, height, left=_Y_LABELS + 2, top=1, bottom=2, split=HIGH)
        self._placed = [grid.place(*_position(row)) for row in self._points]
        self._under_cursor = None
        unlabelled: list[AccountRow] = []
        if grid.drawable:
            self._draw_frame(grid)
            spots = _spots(self._points, self._placed)
            # Points first, so that no quadrant name or label can cover one.
            for (column, line), row, others in spots:
                glyph = _glyph(1 + len(others))
                grid.put(column, line, GridCell(glyph, _quadrant_class(row), solid=True))
            if spots:
                self._put_cursor(grid)
            for quadrant, (top, right) in QUADRANT_CORNERS.items():
                grid.corner_label(quadrant.value.upper(), top, right, f"matrix--{quadrant.value}")
            # Past this many labels the chart is full; trying more would only cost time.
            tries = width * height // (2 * _SHORTEST_LABEL)
            selected = self._points[self.cursor] if spots else None
            for index, ((column, line), row, others) in enumerate(_selected_first(spots, selected)):
                # A shared spot is named only for the selected account: one name beside
                # a count would pass for all of them.
                if (
                    (others and row is not selected)
                    or index >= tries
                    or not grid.label(column, line, one_line(row.name), _quadrant_class(row))
                ):
                    unlabelled.append(row)
                unlabelled.extend(others)
        else:
            unlabelled.extend(self._points)
        if tuple(unlabelled) != self._unlabelled:
            self._unlabelled = tuple(unlabelled)
            self.post_message(self.Unlabelled(self._unlabelled))
        return grid

    def _draw_frame(self, grid: PlotGrid) -> None:
        axis = "matrix--axis"
        grid.text(0, 0, f"{one_line(self.axes.growth)} ↑", axis)
        grid.divide(axis)
        grid.axes(axis)
        grid.y_tick(grid.bottom_line, "0", axis)
        grid.y_tick(grid.half_line, f"{HIGH:.0f}", axis)
        grid.y_tick(grid.top_line, "100", axis)
        ticks = grid.height - 1
        grid.text(grid.left, ticks, "0", axis)
        grid.text(grid.half_column - 1, ticks, f"{HIGH:.0f}", axis)
        grid.text(grid.width - 3, ticks, "100", axis)
        title = f"{shorten(one_line(self.axes.harmony), grid.width // 3)} →"
        grid.text(grid.width - 3 - 2 - len(title), ticks, title, axis)


def _position(row: AccountRow) -> tuple[float, float]:
    """(harmony, growth); only rows with both are plotted (MatrixView.show picks them)."""
    return row.figures.harmony or 0.0, row.figures.growth or 0.0


def _glyph(count: int) -> str:
    """One account's point, or how many share the cell."""
    if count == 1:
        return POINT
    return str(count) if count <= 9 else CROWD


# A cell of the chart, the account named on it, and the others that land there too.
Spot = tuple[tuple[int, int], AccountRow, tuple[AccountRow, ...]]


def _selected_first(spots: list[Spot], selected: AccountRow | None) -> list[Spot]:
    """The selected account's spot first, named after it; then the others in order."""
    for index, (cell, row, others) in enumerate(spots):
        members = (row, *others)
        if selected in members:
            rest = tuple(member for member in members if member is not selected)
            return [(cell, selected, rest), *spots[:index], *spots[index + 1 :]]
    return spots


def _spots(rows: Sequence[AccountRow], cells: Sequence[tuple[int, int]]) -> list[Spot]:
    """Rows that land on the same cell share one spot, named after the first (each row's
    cell placed once: at 10,000 accounts placing them again was a third of a drawing)."""
    by_cell: dict[tuple[int, int], list[AccountRow]] = {}
    for row, cell in zip(rows, cells, strict=True):
        by_cell.setdefault(cell, []).append(row)
    return [(cell, first, tuple(others)) for cell, (first, *others) in by_cell.items()]


def _where(row: AccountRow, axes: Axes) -> str:
    """ "Lumen Bank (Growth 42, Harmony 56)"."""
    name = shorten(row.name, 40)
    growth, harmony = row.figures.growth, row.figures.harmony
    if growth is None or harmony is None:
        return name
    return f"{name} ({one_line(axes.growth)} {growth:.0f}, {one_line(axes.harmony)} {harmony:.0f})"


def factor_breakdown(row: AccountRow, matrix: Matrix) -> str:
    """ "Growth: revenue volume 2 · market growth 5 ×2 | Harmony: culture 4 …": the
    scores each axis was worked out from, a weight other than 1 written beside."""
    names = {factor.id: one_line(factor.name or factor.id) for factor in matrix.factors}
    scores = row.figures.factors
    parts = []
    for label, weights in (
        (matrix.axes.growth, matrix.growth),
        (matrix.axes.harmony, matrix.harmony),
    ):
        shown = [
            f"{names.get(factor, factor.replace('_', ' '))} {scores[factor]}"
            + (f" ×{weight:g}" if weight != 1 else "")
            for factor, weight in weights.items()
            if factor in scores
        ]
        parts.append(f"{one_line(label)}: {' · '.join(shown) or 'nothing scored'}")
    return " | ".join(parts)


class MatrixView(PortfolioView):
    """The matrix, its legend, and the accounts it cannot show.

    The notes have a fixed height: sized to their text, they grew once the chart had
    found which names had no room, which made the chart shorter, so it was drawn three
    times on opening (at 10,000 accounts 70 ms each) and jumped as the cursor moved.
    """

    DEFAULT_CSS = """
    MatrixView {
        height: 1fr;
        & > #matrix-notes { color: $text-muted; height: 6; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._unlabelled: tuple[AccountRow, ...] = ()
        # Found once per analysis: a cursor move must not walk 10,000 rows (200 ms).
        self._unassessed: list[AccountRow] = []
        self._unscored: list[AccountRow] = []
        self._chosen: AccountRow | None = None

    def compose(self) -> ComposeResult:
        yield MatrixChart(id="matrix-chart")
        yield Static(id="matrix-notes")

    def show(self, analysis: PortfolioAnalysis) -> None:
        rows = [analysis.rows[i] for i in analysis.programme_ids]
        plotted = [row for row in rows if row.figures.quadrant is not None]
        plotted.sort(key=lambda row: -(row.figures.priority or 0.0))
        self._unassessed = [row for row in rows if row.figures.growth is None]
        self._unscored = [
            row for row in rows if row.figures.growth is not None and row.figures.harmony is None
        ]
        self.query_one(MatrixChart).show(plotted, self.settings.matrix.axes)
        self._show_notes()

    def on_matrix_chart_cursor_moved(self, message: MatrixChart.CursorMoved) -> None:
        self._chosen = message.row
        self._show_notes()

    def on_matrix_chart_unlabelled(self, message: MatrixChart.Unlabelled) -> None:
        self._unlabelled = message.rows
        self._show_notes()

    def _show_notes(self) -> None:
        if self.analysis is None:
            return
        chart = self.query_one(MatrixChart)
        matrix = self.settings.matrix
        axes, weight = matrix.axes, matrix.growth_weight
        notes = Text()
        notes.append_text(
            legend(chart, *((POINT, q.value, f"matrix--{q.value}") for q in QUADRANT_CORNERS))
        )
        notes.append(f"   2-9 or {CROWD} (ten or more): accounts on one spot")
        growth, harmony = one_line(axes.growth), one_line(axes.harmony)
        notes.append(f"   priority = {weight:.0%} {growth} + {1 - weight:.0%} {harmony}")
        if self._chosen is not None:
            notes.append(f"\n{CURSOR} {_where(self._chosen, axes)} · arrows move · enter opens it")
            notes.append(f"\n  {factor_breakdown(self._chosen, matrix)}")
        for heading, rows in (
            ("Not plotted, not assessed yet", self._unassessed),
            ("Not plotted, no harmony scores", self._unscored),
            ("Not labelled, no room", self._unlabelled),
        ):
            if rows:
                listed = "; ".join(_where(row, axes) for row in rows[:_LISTED])
                more = f"; and {len(rows) - _LISTED} more" if len(rows) > _LISTED else ""
                notes.append(f"\n{heading}: {listed}{more}")
        self.query_one("#matrix-notes", Static).update(notes)
