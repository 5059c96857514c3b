"""Portfolio views keep their promise (issue 14): enter or a click opens an account from
every view, Pareto and Matrix have a cursor, and the table the keys act on is always in
sight (the dashboard at 80×24 used to leave it below the fold)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.geometry import Region
from textual.strip import Strip

from kamtui.tui.app import KamApp
from kamtui.tui.views.matrix import MatrixChart
from kamtui.tui.views.pareto import ParetoChart
from kamtui.tui.widgets.rows_table import RowsTable
from tests.tui.conftest import loaded, wait_for
from tests.tui.test_app import selected_name

MakeApp = Callable[..., KamApp]


def in_sight(app: KamApp, view_id: str) -> bool:
    focused = app.focused
    view = app.portfolio_view(view_id)
    assert focused is not None and view is not None
    return view.region.contains_region(Region(*focused.region.offset, focused.region.width, 1))


async def test_the_pareto_cursor_opens_the_account_under_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.focused, ParetoChart))
        chart = app.focused
        assert isinstance(chart, ParetoChart)
        assert app.model is not None
        ranking = app.model.analysis.pareto.ranking.accounts
        # Past the rule under the vital few: the cursor skips it.
        vital = len(app.model.analysis.pareto.vital_few)
        await pilot.press(*["down"] * vital)
        assert chart.cursor == vital
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.active_view == "accounts")
        assert selected_name(app) == app.model.analysis.rows[ranking[vital]].name


async def test_a_click_on_a_pareto_row_opens_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.focused, ParetoChart))
        assert app.model is not None
        first = app.model.analysis.pareto.ranking.accounts[0]
        # Line 0 is the header; the first account is on line 1.
        await pilot.click(ParetoChart, offset=(10, 1))
        await wait_for(pilot, lambda: app.active_view == "accounts")
        assert selected_name(app) == app.model.analysis.rows[first].name


async def test_the_matrix_cursor_moves_to_the_nearest_point_that_way(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("4")
        await wait_for(pilot, lambda: isinstance(app.focused, MatrixChart))
        chart = app.focused
        assert isinstance(chart, MatrixChart)
        await pilot.pause()
        points = chart._points
        cells = chart._cells()
        # From the highest priority (top right), left goes to a point further left.
        assert chart.cursor == 0
        start = cells[0]
        await pilot.press("left")
        assert cells[chart.cursor][0] < start[0]
        await pilot.press("down")
        moved = cells[chart.cursor]
        await pilot.press("up")
        assert cells[chart.cursor][1] < moved[1]
        notes = str(app.query_one("#matrix-notes").render())
        assert f"◉ {points[chart.cursor].name}" in notes
        chosen = points[chart.cursor].name
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.active_view == "accounts")
        assert selected_name(app) == chosen


async def test_the_dashboard_table_the_keys_act_on_is_in_sight_at_80_by_24(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("5")
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "dash-at-risk")
        await wait_for(pilot, lambda: in_sight(app, "dashboard"))
        for part in ("dash-going-cold", "dash-accounts"):
            await pilot.press("right")
            await wait_for(pilot, lambda: app.focused is not None and app.focused.id == part)  # noqa: B023
            await wait_for(pilot, lambda: in_sight(app, "dashboard"))
        await pilot.press("left", "down", "enter")  # the second account going cold
        await wait_for(pilot, lambda: app.active_view == "accounts")
        assert selected_name(app) == "Harbor Health System"


async def test_moving_between_tables_repaints_only_the_lines_that_show_the_focus(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole repaint of both tables made → cost 30 ms at 10,000 accounts: the focus
    shows in each table's header and cursor row, and only those are drawn again."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("3")
        grid = app.query_one("#abc-grid", RowsTable)
        movements = app.query_one("#abc-movements", RowsTable)
        await wait_for(pilot, lambda: app.focused is grid and bool(grid.keys))
        await pilot.pause()  # the view's first drawing, whole, is done
        await pilot.pause()
        focused_header = grid.header_style()
        drawn: list[tuple[str | None, int]] = []
        real_render_line = RowsTable.render_line

        def recording(table: RowsTable, y: int) -> Strip:
            drawn.append((table.id, y))
            return real_render_line(table, y)

        monkeypatch.setattr(RowsTable, "render_line", recording)
        await pilot.press("right")
        await wait_for(pilot, lambda: app.focused is movements)
        await pilot.pause()
        assert sorted(drawn) == [
            ("abc-grid", 0),
            ("abc-grid", 1),
            ("abc-movements", 0),
            ("abc-movements", 1),
        ]
        assert movements.header_style() == focused_header != grid.header_style()
        assert movements.cursor_style() != grid.cursor_style()
