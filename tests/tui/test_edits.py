"""Statuses changed from the detail tabs (`c`), written in place, and taken back (`u`)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual import events
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


async def choose_field(app: KamApp, pilot, field: str, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Press `c` in a tab that changes several fields, `field` in the first dialog
    (which field), then `keys` in the second (which value)."""
    await pilot.press("c")
    await wait_for(pilot, lambda: isinstance(app.screen, ChooseValueScreen))
    asked = app.screen
    await pilot.press(*field)
    await wait_for(
        pilot, lambda: isinstance(app.screen, ChooseValueScreen) and app.screen is not asked
    )
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
        await into_tab(app, pilot, 5)  # Needs: voice transcription, at stage qualified
        await choose_field(app, pilot, ["enter"], "enter")  # the stage it has
        await choose_field(app, pilot, ["enter"], "down", "escape")
        assert len(app.edits) == 0
    assert path.read_bytes() == before


async def test_a_change_the_format_refuses_writes_nothing_and_says_why(
    make_app: MakeApp, portfolio: Path
) -> None:
    """A need at stage qualified cannot be marked won by its status: the stage says open.
    The new text is checked before it is written, so the file keeps every byte."""
    path = portfolio / "harbor-health.yaml"
    before = path.read_bytes()
    async with running(make_app) as (app, pilot):
        await into_tab(app, pilot, 5)  # Needs: voice transcription, at stage qualified
        await choose_field(app, pilot, ["down", "enter"], "down", "enter")  # status: won
        await wait_for(pilot, lambda: refusal(app) is not None)
        message = refusal(app)
        assert len(app.edits) == 0
    assert path.read_bytes() == before
    assert message is not None
    assert re.fullmatch(
        rf"{re.escape(str(path))}:\d+:\d+: error: needs\[voice-transcription\]: "
        r"status won contradicts stage qualified: write status open, or leave status out",
        message,
    ), message


async def test_undo_after_a_save_in_an_editor_is_refused_and_the_save_kept(
    make_app: MakeApp, portfolio: Path
) -> None:
    path = portfolio / "harbor-health.yaml"
    async with running(make_app) as (app, pilot):
        await into_tab(app, pilot, 5)  # Needs: the first is at stage qualified
        await choose_field(app, pilot, ["enter"], "down", "enter")  # proposal
        assert "    stage: proposal  " in path.read_text(encoding="utf-8")
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
        await into_tab(app, pilot, 4)  # Activity: newest first, a thank-you note first
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


async def pick_field(app: KamApp, pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Press `c` on the highlighted person, then `keys` in the first dialog (which
    field), and wait for the second (which value)."""
    await pilot.press("c")
    await wait_for(pilot, lambda: isinstance(app.screen, ChooseValueScreen))
    await pilot.press(*keys)
    await wait_for(pilot, lambda: " of " in str(getattr(app.screen, "title_text", "")))


def refusal(app: KamApp) -> str | None:
    """What the latest "Not changed" notification says (None: there is none)."""
    refused = [str(n.message) for n in app._notifications if n.title == "Not changed"]
    return refused[-1] if refused else None


def prompts(app: KamApp) -> list[str]:
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_a_stakeholder_s_attitude_is_asked_field_first_and_changes_one_line(
    make_app: MakeApp, portfolio: Path
) -> None:
    """Morgan Lee (second in the map's order) becomes a supporter: only that line
    changes, its comment kept in its column."""
    path = portfolio / "harbor-health.yaml"
    before = path.read_text(encoding="utf-8")
    async with running(make_app) as (app, pilot):
        await into_tab(app, pilot, 2)  # Stakeholders
        await pilot.press("down", "c")
        await wait_for(pilot, lambda: isinstance(app.screen, ChooseValueScreen))
        assert prompts(app) == [
            "Attitude: = neutral",
            "Relationship: weak",
            "Decision power: high",
            "Touchpoint: no",
        ]
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Attitude of Morgan Lee" in str(app.screen.title_text))
        assert prompts(app) == [
            "++ champion",
            "+ supporter",
            "= neutral  (now)",
            "- skeptic",
            "-- blocker",
        ]
        await pilot.press("up", "enter")
        await wait_for(pilot, lambda: path.read_text(encoding="utf-8") != before)
        assert changes(before, path.read_text(encoding="utf-8")) == (
            ["    attitude: neutral             # the one to win"],
            ["    attitude: supporter           # the one to win"],
        )
        table = app.query_one("#stakeholders-page DataTable", DataTable)
        await wait_for(pilot, lambda: str(table.get_row_at(1)[2]) == "+ supporter")
        await pilot.press("u")
        await wait_for(pilot, lambda: path.read_text(encoding="utf-8") == before)


async def test_a_field_a_stakeholder_has_not_written_is_added_in_the_format_s_order(
    make_app: MakeApp, portfolio: Path
) -> None:
    """Gail Thompson has no touchpoint line: it is added after her relationship."""
    path = portfolio / "harbor-health.yaml"
    before = path.read_text(encoding="utf-8")
    async with running(make_app) as (app, pilot):
        await into_tab(app, pilot, 2)
        await pilot.press("down", "down", "down", "down", "down")  # Gail Thompson
        await pick_field(app, pilot, "down", "down", "down", "enter")  # Touchpoint
        assert prompts(app) == ["◆ yes", "no  (now)"]
        await pilot.press("up", "enter")
        await wait_for(pilot, lambda: path.read_text(encoding="utf-8") != before)
    after = path.read_text(encoding="utf-8")
    assert changes(before, after) == ([], ["    touchpoint: true"])
    gail = after[after.index("name: Gail Thompson") :]
    assert gail.index("relationship:") < gail.index("touchpoint: true") < gail.index("role:")


async def test_a_change_names_the_person_by_id_so_a_reorder_meanwhile_cannot_misdirect_it(
    make_app: MakeApp, portfolio: Path
) -> None:
    """The file is saved elsewhere with the CEO and the EVP swapped while the dialog is
    open: the change still lands on Morgan Lee. Once she is removed, it is refused."""
    path = portfolio / "harbor-health.yaml"
    text = path.read_text(encoding="utf-8")
    start, evp, cfo = (text.index(f"  - id: {who}\n") for who in ("ceo", "evp", "cfo"))
    swapped = text[:start] + text[evp:cfo] + text[start:evp] + text[cfo:]
    async with running(make_app) as (app, pilot):
        await into_tab(app, pilot, 2)
        await pilot.press("down")  # Morgan Lee
        await pick_field(app, pilot, "down", "enter")  # Relationship
        path.write_text(swapped, encoding="utf-8")
        await pilot.press("up", "enter")  # weak → good
        await wait_for(pilot, lambda: path.read_text(encoding="utf-8") != swapped)
        assert changes(swapped, path.read_text(encoding="utf-8")) == (
            ["    relationship: weak"],
            ["    relationship: good"],
        )
        moved = path.read_text(encoding="utf-8")
        morgan = moved[moved.index("  - id: evp\n") : moved.index("  - id: ceo\n")]
        assert "    relationship: good\n" in morgan
        await pick_field(app, pilot, "enter")  # Attitude
        gone = re.sub(r"\bevp\b", "evp2", moved)  # renamed, and every mention with her
        path.write_text(gone, encoding="utf-8")
        await pilot.press("up", "enter")
        await wait_for(
            pilot, lambda: any("Not changed" in str(n.title) for n in app._notifications)
        )
    assert path.read_text(encoding="utf-8") == gone
    message = refusal(app)
    assert message == (
        f"{path}: stakeholders has no item 'evp'; did you mean 'evp2'? it has: "
        "evp2, ceo, cfo, cio, infra-director, cmio, procurement, consultant"
    )


async def test_a_file_saved_broken_meanwhile_takes_no_change_and_says_where(
    make_app: MakeApp, portfolio: Path
) -> None:
    """Editing a broken file would bury its problem under ours: its own is shown."""
    path = portfolio / "harbor-health.yaml"
    async with running(make_app) as (app, pilot):
        await into_tab(app, pilot, 2)
        await pick_field(app, pilot, "enter")  # Attitude of the CEO
        broken = path.read_text(encoding="utf-8").replace(
            "decision_power: high", "decision_power: hgh", 1
        )
        path.write_text(broken, encoding="utf-8")
        await pilot.press("up", "enter")
        await wait_for(
            pilot, lambda: any("Not changed" in str(n.title) for n in app._notifications)
        )
    assert path.read_text(encoding="utf-8") == broken
    message = refusal(app)
    line = broken[: broken.index("hgh")].count("\n") + 1
    assert message == (
        f"{path}:{line}:21: error: stakeholders[ceo].decision_power: 'hgh' is not allowed; "
        "use one of: low, medium, high (did you mean 'high'?)"
    )


async def test_enter_on_a_tab_still_being_mounted_focuses_it_once_it_is(
    make_app: MakeApp,
) -> None:
    """`] ] ⏎` in one burst: the Stakeholders page is mounted on first showing, after
    enter has come; the keyboard still lands in its list."""
    async with running(make_app) as (app, pilot):
        await harbor_selected(app, pilot)
        for key, character in (("right_square_bracket", "]"),) * 2 + (("enter", "\r"),):
            app.post_message(events.Key(key, character))
        people = "#stakeholders-page DataTable"
        await wait_for(pilot, lambda: bool(app.query(people)) and app.query_one(people).has_focus)


async def test_the_keyboard_follows_a_tab_change_made_from_inside_the_detail(
    make_app: MakeApp,
) -> None:
    """`[` from the Stakeholders list to the Objectives tab: `c` then changes an
    objective's status, not the hidden list's person."""
    async with running(make_app) as (app, pilot):
        await into_tab(app, pilot, 2)  # Stakeholders, its list focused
        await pilot.press("left_square_bracket")
        objectives = app.query_one("#objectives-page DataTable", DataTable)
        await wait_for(pilot, lambda: objectives.has_focus)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ChooseValueScreen))
        assert str(app.screen.title_text).startswith("Status of ")
        await pilot.press("escape")
        # Into a tab not mounted yet (Needs is mounted when first shown).
        await pilot.press(*["right_square_bracket"] * 4)
        await wait_for(pilot, lambda: app.accounts_view.detail.active == "needs")
        needs = "#needs-page DataTable"
        await wait_for(pilot, lambda: bool(app.query(needs)) and app.query_one(needs).has_focus)


async def test_the_cursor_stays_on_the_person_a_change_moves_in_the_list(
    make_app: MakeApp, portfolio: Path
) -> None:
    """Dr. Hannah Levi (fourth) given high decision power moves up the map's order: the
    cursor goes with her, so a second `c` changes her again, not whoever took her row."""
    path = portfolio / "harbor-health.yaml"
    async with running(make_app) as (app, pilot):
        await into_tab(app, pilot, 2)
        people = app.query_one("#stakeholders-page DataTable", DataTable)
        await pilot.press("down", "down", "down")
        assert str(people.get_row_at(people.cursor_row)[0]).startswith("Dr. Hannah Levi")
        await pick_field(app, pilot, "down", "down", "enter")  # Decision power
        await pilot.press("up", "enter")  # medium → high
        await wait_for(
            pilot,
            lambda: (
                "decision_power: high"
                in path.read_text(encoding="utf-8").split("id: cmio")[1][:200]
            ),
        )
        await wait_for(pilot, lambda: people.cursor_row != 3)
        assert str(people.get_row_at(people.cursor_row)[0]).startswith("Dr. Hannah Levi")
