"""Statuses changed from the detail tabs (`c`), written in place, and taken back (`u`)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList

from kamtui.tui.app import KamApp
from kamtui.tui.screens.choose_value import ChooseValueScreen
from tests.core.test_account_edit import changes
from tests.tui.conftest import loaded, wait_for
from tests.tui.test_app import MakeApp, harbor_selected


@asynccontextmanager
async def running(make_app: MakeApp) -> AsyncIterator[tuple[KamApp, Pilot[int]]]:
    """The app on the example portfolio, loaded."""
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        yield app, pilot


async def choose(app: KamApp, pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Press `c` in the focused tab and then `keys` in the dialog."""
    await pilot.press("c")
    await wait_for(pilot, lambda: isinstance(app.screen, ChooseValueScreen))
    await pilot.press(*keys)
    await wait_for(pilot, lambda: not isinstance(app.screen, ChooseValueScreen))
    await pilot.pause()


async def into_tab(app: KamApp, pilot, steps: int) -> None:  # type: ignore[no-untyped-def]
    """Harbor's detail tab `steps` to the right of the Overview, its list focused."""
    await harbor_selected(app, pilot)
    await pilot.press(*["right_square_bracket"] * steps, "enter")
    await wait_for(pilot, lambda: isinstance(app.focused, DataTable))


async def test_an_objective_s_status_is_one_changed_line_and_undo_gives_the_file_back(
    make_app: MakeApp, portfolio: Path
) -> None:
    path = portfolio / "harbor-health.yaml"
    before = path.read_bytes()
    async with running(make_app) as (app, pilot):
        await into_tab(app, pilot, 1)  # Objectives: cloud-migration, at risk
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ChooseValueScreen))
        options = app.screen.query_one(OptionList)
        assert str(options.get_option_at_index(options.highlighted or 0).prompt).endswith("(now)")
        await pilot.press("up", "enter")  # on track
        await wait_for(pilot, lambda: not isinstance(app.screen, ChooseValueScreen))
        after = path.read_text(encoding="utf-8")
        assert changes(before.decode(), after) == (
            ["    status: at_risk"],
            ["    status: on_track"],
        )
        messages = [str(n.message) for n in app._notifications]
        assert "- status: at_risk\n+ status: on_track\n(u undoes it)" in messages
        # The tab follows as for an outside save.
        table = app.accounts_view.detail.query_one("#objectives-page DataTable", DataTable)
        await wait_for(pilot, lambda: str(table.get_row_at(0)[0]) == "● on track")
        await pilot.press("u")
        await wait_for(pilot, lambda: path.read_bytes() == before)
        await pilot.press("u")
        await pilot.pause()
        assert any("Nothing to undo" in str(n.message) for n in app._notifications)
    assert path.read_bytes() == before


async def test_choosing_the_status_it_has_or_escape_writes_nothing(
    make_app: MakeApp, portfolio: Path
) -> None:
    path = portfolio / "harbor-health.yaml"
    before = path.read_bytes()
    async with running(make_app) as (app, pilot):
        await into_tab(app, pilot, 4)  # Needs
        await choose(app, pilot, "enter")
        await choose(app, pilot, "down", "escape")
        assert len(app.edits) == 0
    assert path.read_bytes() == before


async def test_undo_after_a_save_in_an_editor_is_refused_and_the_save_kept(
    make_app: MakeApp, portfolio: Path
) -> None:
    path = portfolio / "harbor-health.yaml"
    async with running(make_app) as (app, pilot):
        await into_tab(app, pilot, 4)  # Needs: the first is open
        await choose(app, pilot, "down", "enter")  # won
        assert "status: won" in path.read_text(encoding="utf-8")
        saved = path.read_text(encoding="utf-8").replace(
            "industry: Healthcare", "industry: Hospitals"
        )
        path.write_text(saved, encoding="utf-8")
        await pilot.press("u")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == saved
        assert any("changed on disk" in str(n.message) for n in app._notifications)
        assert len(app.edits) == 1  # kept: nothing was taken back


async def test_a_next_step_is_marked_done_in_the_activity_tab_and_an_entry_without_one_says_so(
    make_app: MakeApp, portfolio: Path
) -> None:
    path = portfolio / "harbor-health.yaml"
    before = path.read_text(encoding="utf-8")
    async with running(make_app) as (app, pilot):
        await into_tab(app, pilot, 3)  # Activity: newest first, a thank-you note first
        await pilot.press("c")
        await pilot.pause()
        assert not isinstance(app.screen, ChooseValueScreen)
        assert any("no next step" in str(n.message) for n in app._notifications)
        await pilot.press("down")  # the meeting with the EVP: its next step is open
        await choose(app, pilot, "down", "enter")
        removed, added = changes(before, path.read_text(encoding="utf-8"))
    assert (removed, added) == ([], ["    next_done: true"])


async def test_a_key_marks_one_of_an_objective_s_actions_done_or_to_do_again(
    make_app: MakeApp, portfolio: Path
) -> None:
    path = portfolio / "harbor-health.yaml"
    before = path.read_text(encoding="utf-8")
    async with running(make_app) as (app, pilot):
        await into_tab(app, pilot, 1)  # Objectives: cloud-migration has three open actions
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, ChooseValueScreen))
        options = app.screen.query_one(OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert shown[0] == "☐ Book the EVP workshop on wave 3"
        await pilot.press("down", "enter")  # the cut-over plan
        await wait_for(pilot, lambda: not isinstance(app.screen, ChooseValueScreen))
        after = path.read_text(encoding="utf-8")
        assert changes(before, after) == ([], ["        done: true"])
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, ChooseValueScreen))
        await pilot.press("down", "enter")  # done: to do again
        await wait_for(pilot, lambda: "done: false" in path.read_text(encoding="utf-8"))
