"""The `l` form logs an activity as `kamtui log` does: added lines only, validated, atomic."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select, SelectionList, Static

from kamtui.core.account.account_file import load_account_file
from kamtui.core.account.model import ActivityKind
from kamtui.tui.app import KamApp
from kamtui.tui.screens.log_activity import LogActivityScreen
from kamtui.tui.widgets.rows_table import RowsTable
from tests.conftest import EXAMPLE_SETTINGS
from tests.core.test_account_edit import changes
from tests.tui.conftest import loaded, settled, wait_for
from tests.tui.test_app import MakeApp, harbor_selected, static_text


async def open_form(app: KamApp, pilot) -> LogActivityScreen:  # type: ignore[no-untyped-def]
    await loaded(pilot)
    await harbor_selected(app, pilot)
    await pilot.press("l")
    await wait_for(pilot, lambda: isinstance(app.screen, LogActivityScreen))
    screen = app.screen
    assert isinstance(screen, LogActivityScreen)
    await pilot.pause()
    return screen


async def test_a_logged_meeting_adds_only_its_lines_and_shows_in_the_activity_tab(
    make_app: MakeApp, portfolio: Path
) -> None:
    path = portfolio / "harbor-health.yaml"
    before = path.read_text(encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_form(app, pilot)
        assert screen.query_one("#log-summary", Input).has_focus
        await pilot.press(*"Walked the CFO through the TCO")
        screen.query_one("#log-kind", Select).value = ActivityKind.meeting
        people = screen.query_one("#log-with", SelectionList)
        # Picked out of order: the log lists them in the file's order.
        people.select("cfo")
        people.select("evp")
        screen.query_one("#log-date", Input).value = "2026-11-20"
        screen.query_one("#log-next", Input).value = "Send the TCO model"
        screen.query_one("#log-next-due", Input).value = "2026-12-01"
        screen.query_one("#log-summary", Input).focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, LogActivityScreen))
        detail = app.accounts_view.detail
        await wait_for(pilot, lambda: "Walked the CFO" in static_text(app, "#activity-page Static"))
        assert detail.active == "activity"
        after = path.read_text(encoding="utf-8")
        # Logged through the app's edits: u takes the entry back, byte for byte.
        await pilot.press("u")
        await wait_for(pilot, lambda: path.read_text(encoding="utf-8") == before)
    assert changes(before, after) == (
        [],
        [
            "  - date: 2026-11-20",
            "    kind: meeting",
            "    with: [evp, cfo]",
            "    summary: Walked the CFO through the TCO",
            "    next: Send the TCO model",
            "    next_due: 2026-12-01",
        ],
    )


async def test_a_bad_date_or_no_summary_is_said_in_the_form_and_nothing_is_written(
    make_app: MakeApp, portfolio: Path
) -> None:
    path = portfolio / "harbor-health.yaml"
    before = path.read_text(encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_form(app, pilot)
        error = screen.query_one("#log-error", Static)
        await pilot.press("enter")
        assert "the summary is empty" in str(error.render())
        await pilot.press(*"Call")
        assert str(error.render()) == ""  # typing clears the error
        screen.query_one("#log-next-due", Input).value = "2026-13-01"
        await pilot.press("enter")
        assert "due: '2026-13-01' is not a date like 2026-11-24" in str(error.render())
        screen.query_one("#log-next-due", Input).value = "2026-12-01"
        await pilot.press("enter")
        assert "a next-step date needs the next step it dates" in str(error.render())
        assert isinstance(app.screen, LogActivityScreen)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, LogActivityScreen))
    assert path.read_text(encoding="utf-8") == before


async def test_a_file_changed_on_disk_to_drop_a_picked_person_is_refused_with_its_place(
    make_app: MakeApp, portfolio: Path
) -> None:
    path = portfolio / "harbor-health.yaml"
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_form(app, pilot)
        screen.query_one("#log-with", SelectionList).select("infra-director")
        # Someone renames the person's id while the form is open.
        edited = path.read_text(encoding="utf-8").replace("infra-director", "infra-head")
        path.write_text(edited, encoding="utf-8")
        await pilot.press(*"Call", "enter")
        error = str(screen.query_one("#log-error", Static).render())
        assert "harbor-health.yaml:" in error
        assert "'infra-director' names no stakeholder in this file" in error
        assert isinstance(app.screen, LogActivityScreen)
    assert path.read_text(encoding="utf-8") == edited


async def test_l_on_a_broken_file_says_to_fix_it_first(make_app: MakeApp, portfolio: Path) -> None:
    (portfolio / "aaa-broken.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        assert app.accounts_view.select(str(portfolio / "aaa-broken.yaml"))
        await settled(pilot)
        await pilot.press("l")
        await pilot.pause()
        assert not isinstance(app.screen, LogActivityScreen)
        assert any(
            "aaa-broken.yaml has errors: fix them first" in str(n.message)
            for n in app._notifications
        )


async def test_the_form_marks_the_key_players_not_met_in_time(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_form(app, pilot)
        people = screen.query_one("#log-with", SelectionList)
        labels = {
            option.value: str(option.prompt)
            for option in map(people.get_option_at_index, range(people.option_count))
        }
    assert app.model is not None
    file = app.model.file_for("harbor-health")
    assert file is not None and file.row is not None
    stale = set(file.row.stale)
    assert stale, "the example has a key player not met in time at Harbor Health"
    assert {key for key, label in labels.items() if "⚠ not met in time" in label} == stale
    assert load_account_file(file.path, EXAMPLE_SETTINGS).account is not None


async def test_l_in_a_portfolio_view_logs_for_the_account_under_its_cursor(
    make_app: MakeApp,
) -> None:
    """Not for the one selected out of sight in the Accounts view; in the Team view,
    where a row is a whole book, it asks for an account."""
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await harbor_selected(app, pilot)
        await pilot.press("5")
        cold = app.query_one("#dash-going-cold", RowsTable)
        await wait_for(pilot, lambda: bool(cold.keys))
        cold.focus()
        await pilot.press("down", "down")
        chosen = cold.keys[2]
        assert chosen != "harbor-health"
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(app.screen, LogActivityScreen))
        screen = app.screen
        assert isinstance(screen, LogActivityScreen)
        assert screen.path.stem == chosen
        await pilot.press(*"Called them", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, LogActivityScreen))
        # Back in the Accounts view, on the account just logged.
        assert app.active_view == "accounts"
        assert app.accounts_view.selected is not None
        assert app.accounts_view.selected.path.stem == chosen
        await pilot.press("6")
        await wait_for(pilot, lambda: bool(app.query("#team-books")))
        await pilot.press("l")
        await pilot.pause()
        assert not isinstance(app.screen, LogActivityScreen)
        assert any("No account under the cursor" in str(n.message) for n in app._notifications)


async def test_a_picked_person_is_ticked_and_the_others_are_not(make_app: MakeApp) -> None:
    """In words, not in colour alone (Textual draws an X on every line)."""
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_form(app, pilot)
        people = screen.query_one("#log-with", SelectionList)
        people.select("cfo")
        await pilot.pause()
        marks = {
            people.get_option_at_index(y).value: people.render_line(y).text[:4]
            for y in range(people.option_count)
        }
    assert marks.pop("cfo") == "▐✓▌ "
    assert set(marks.values()) == {"▐ ▌ "}
