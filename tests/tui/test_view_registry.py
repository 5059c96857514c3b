"""The view registry is the one list of views: the tabs, the number keys and the
palette all follow it, and each entry names a widget that mounts under its id."""

from __future__ import annotations

from collections.abc import Callable

from textual.widget import Widget

from kamtui.tui.app import KamApp
from kamtui.tui.views.registry import VIEWS, view
from kamtui.tui.widgets.tab_strip import TabStrip
from tests.tui.conftest import loaded, wait_for


def test_every_entry_names_a_widget_and_keys_are_unique() -> None:
    assert len({entry.key for entry in VIEWS}) == len(VIEWS)
    for entry in VIEWS:
        assert issubclass(entry.widget_class(), Widget)
        assert view(entry.key) is entry


async def test_tabs_keys_and_palette_follow_the_registry(
    make_app: Callable[..., KamApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await loaded(pilot)
        tabs = app.query_one("#view-tabs", TabStrip)
        assert list(tabs._labels().values()) == [
            f"{n} {entry.title}" for n, entry in enumerate(VIEWS, start=1)
        ]
        palette = [command.title for command in app.palette_commands()]
        assert [title for title in palette if title.startswith("View: ")] == [
            f"View: {entry.title}" for entry in VIEWS
        ]
        for number, entry in enumerate(VIEWS, start=1):
            await pilot.press(str(number))
            await wait_for(pilot, lambda entry=entry: bool(app.query(f"#{entry.widget_id}")))
            assert app.active_view == entry.key
            assert app.query_one(f"#{entry.widget_id}", entry.widget_class()).display


async def test_the_detail_tabs_drop_their_counts_where_they_would_not_fit(
    make_app: Callable[..., KamApp],
) -> None:
    """At 80 columns "Notes" would be cut to "No"; the counts go and every tab shows."""
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await loaded(pilot)
        tabs = app.query_one("#detail-tabs", TabStrip)
        await pilot.press("down")
        await pilot.pause()
        assert tabs._labels()["objectives"].startswith("Objectives (")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert list(tabs._labels().values()) == [
            "Overview",
            "Objectives",
            "Stakeholders",
            "Team",
            "Activity",
            "Needs",
            "SWOT",
            "Notes",
        ]
