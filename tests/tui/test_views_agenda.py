"""The Agenda view: the ranked list of `kamtui agenda`, an owner picked, enter to where an
item lives, and `d` marking an overdue action done in place."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from kamtui.core.analysis.agenda import agenda
from kamtui.core.loading.loader import load_folder
from kamtui.tui.app import KamApp
from kamtui.tui.screens.choose_value import ChooseValueScreen
from kamtui.tui.views import agenda as agenda_view
from kamtui.tui.views.agenda import AgendaView
from kamtui.tui.widgets.rows_table import RowsTable
from tests.conftest import EXAMPLES, TODAY
from tests.core.test_account_edit import changes
from tests.tui.conftest import loaded, wait_for
from tests.tui.test_app import MakeApp
from tests.tui.views_support import ViewApp, analyse, table_rows


def example_agenda() -> tuple[object, ...]:
    folder = load_folder(EXAMPLES)
    return agenda(analyse(folder.accounts, folder.settings), folder.accounts)


async def test_the_view_lists_what_the_command_lists_in_its_order() -> None:
    folder = load_folder(EXAMPLES)
    view = AgendaView()
    app = ViewApp(view, analyse(folder.accounts, folder.settings), folder.settings, folder.accounts)
    async with app.run_test(size=(160, 60)) as pilot:
        await pilot.pause()
        rows = table_rows(app.query_one("#agenda-items", RowsTable))
        summary = str(app.query_one("#agenda-summary").render())
    assert view.items == example_agenda()
    assert summary == f"{len(view.items)} items for every owner as of {TODAY}"
    assert rows[0] == [
        "at risk silent",
        "Meridian Telecom",
        "—",
        "2026-09-10",
        "At risk, and nothing logged for 75 days.",
    ]
    assert [row[0] for row in rows] == [item.kind.value.replace("_", " ") for item in view.items][
        : len(rows)
    ]


async def into_agenda(app: KamApp, pilot) -> AgendaView:  # type: ignore[no-untyped-def]
    await loaded(pilot)
    await pilot.press("8")
    view = app.query_one(AgendaView)
    await wait_for(pilot, lambda: bool(view.items))
    return view


async def test_o_picks_an_owner_and_every_owner_again(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        view = await into_agenda(app, pilot)
        everyone = view.items
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, ChooseValueScreen))
        choices = app.screen.choices  # type: ignore[attr-defined]
        assert choices[0] == "Every owner" and "Dana Reyes" in choices
        await pilot.press(*["down"] * choices.index("Dana Reyes"), "enter")
        await wait_for(pilot, lambda: view.owner == "Dana Reyes")
        mine = view.items
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, ChooseValueScreen))
        await pilot.press("home", "enter")
        await wait_for(pilot, lambda: view.owner is None)
    assert {item.account for item in mine} == {"harbor-health", "great-lakes-university"}
    assert list(mine) == [item for item in everyone if item.account in {i.account for i in mine}]


async def test_enter_opens_the_account_at_the_person_not_met_in_time(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        view = await into_agenda(app, pilot)
        index = next(
            i
            for i, item in enumerate(view.items)
            if item.kind.value == "stale_key_player" and item.subject == "cmio"
        )
        await pilot.press(*["down"] * index, "enter")
        detail = app.accounts_view.detail
        await wait_for(pilot, lambda: detail.active == "stakeholders")
        people = detail.query_one("#stakeholders-page DataTable", DataTable)
        await wait_for(pilot, lambda: "Hannah Levi" in str(people.get_row_at(people.cursor_row)[0]))
        assert "Harbor" in str(detail.border_title)


async def test_d_marks_an_overdue_action_done_in_one_line_and_the_list_follows(
    make_app: MakeApp, portfolio: Path
) -> None:
    path = portfolio / "harbor-health.yaml"
    before = path.read_text(encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        view = await into_agenda(app, pilot)
        index = next(i for i, item in enumerate(view.items) if item.subject == "evp-workshop")
        count = len(view.items)
        await pilot.press(*["down"] * index, "d")
        await wait_for(pilot, lambda: len(view.items) == count - 1)
        assert changes(before, path.read_text(encoding="utf-8")) == ([], ["        done: true"])
        assert all(item.subject != "evp-workshop" for item in view.items)
        # A person is met, not marked done: it says so and writes nothing.
        stale = next(
            i for i, item in enumerate(view.items) if item.kind.value == "stale_key_player"
        )
        await pilot.press("home", *["down"] * stale, "d")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert "Only an overdue action or next step is marked done here." in messages
        await pilot.press("u")
        await wait_for(pilot, lambda: path.read_text(encoding="utf-8") == before)
        await wait_for(pilot, lambda: len(view.items) == count)


async def test_below_110_columns_the_account_and_subject_give_the_reason_room() -> None:
    folder = load_folder(EXAMPLES)
    view = AgendaView()
    app = ViewApp(view, analyse(folder.accounts, folder.settings), folder.settings, folder.accounts)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one("#agenda-items", RowsTable)
        narrow = [column.width for column in table.columns]
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        wide = [column.width for column in table.columns]
    assert narrow == [17, 14, 10, 10, 20]
    assert wide == [17, 24, 14, 10, 30]


async def test_a_big_portfolio_s_agenda_is_made_in_a_thread_and_only_the_latest_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past MADE_INLINE_UP_TO accounts the screen never waits for the agenda: it says it
    is being made, shows it when it comes, and drops one made for an older analysis."""
    monkeypatch.setattr(agenda_view, "MADE_INLINE_UP_TO", 0)
    folder = load_folder(EXAMPLES)
    view = AgendaView()
    older = analyse(folder.accounts, folder.settings)
    app = ViewApp(view, older, folder.settings, folder.accounts)
    async with app.run_test(size=(160, 60)) as pilot:
        await wait_for(pilot, lambda: bool(view.items))
        summary = str(app.query_one("#agenda-summary").render())
        assert view.items == example_agenda()
        newer = analyse(folder.accounts, folder.settings)
        view.update_analysis(newer)
        view.post_message(AgendaView.Made(older, None, ()))
        await pilot.pause()
        assert view.items == example_agenda()
        await wait_for(pilot, lambda: view._shown is newer)
    assert summary == f"{len(view.items)} items for every owner as of {TODAY}"
