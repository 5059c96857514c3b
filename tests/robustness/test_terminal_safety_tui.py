"""Hostile text on every screen of the app: shown literally, no escape or control
character reaching the terminal, no link or click action made, and the app still
answering keys afterwards."""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.console import Console
from rich.segment import Segment
from textual.widgets import DataTable

from kamtui.tui.app import KamApp
from kamtui.tui.live.watch import FolderMissing
from kamtui.tui.widgets.view_pages import ViewPages
from tests.conftest import MINIMAL, TODAY
from tests.robustness.hostile import (
    ACCOUNT_LABELS,
    FILE_STEM,
    hostile_account,
    hostile_repo,
    literal,
    shown,
    unsafe_characters,
)
from tests.tui.conftest import loaded, wait_for

# A folder name is user text too: it is in the header and in the "folder is gone" banner.
FOLDER = "[bold red]accounts [@click=app.quit]x"
BROKEN = "[b]broken.yaml"
HOSTILE_FILE = f"{FILE_STEM}.yaml"


def _screen(app: KamApp) -> Console:
    """A console that recorded what the terminal would receive for the current screen
    (`App.export_screenshot` draws from the same update)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console


def screen_segments(app: KamApp) -> list[Segment]:
    """The screen's text segments; Textual's own cursor moves (control segments) left out."""
    return [segment for segment in _screen(app)._record_buffer if not segment.control]


def screen_text(app: KamApp) -> str:
    return _screen(app).export_text(styles=False)


def assert_screen_safe(app: KamApp, shown_here: tuple[str, ...], where: str) -> None:
    segments = screen_segments(app)
    text = "".join(segment.text for segment in segments)
    assert unsafe_characters(text) == [], where
    links = [s.text for s in segments if s.style is not None and s.style.link]
    assert links == [], f"{where}: links made from {links}"
    actions = [
        s.style.meta["@click"] for s in segments if s.style is not None and "@click" in s.style.meta
    ]
    assert not any("quit" in str(action) for action in actions), f"{where}: {actions}"
    missing = [label for label in shown_here if literal(label) not in text]
    assert missing == [], f"{where}: not shown literally"


Step = Callable[[], Awaitable[object]]


def second_shown(app: KamApp) -> bool:
    """Whether the Stakeholders detail describes the second hostile person yet (it
    follows the list's highlight by a message): the map marks them ▶. (Their notes
    alone tell nothing: the map shows everyone's.)"""
    text = "".join(segment.text for segment in screen_segments(app))
    return f"▶ {literal('STAKEHOLDERS.1.NAME')}" in text


def labels(*prefixes: str) -> tuple[str, ...]:
    return tuple(label for label in ACCOUNT_LABELS if label.startswith(prefixes))


async def test_every_screen(tmp_path: Path) -> None:
    """The hostile account (in a file with a hostile name), the hostile `kam.yaml`, and
    a git history with a hostile commit subject and author, on every screen."""
    repo = hostile_repo(tmp_path / "repo", FOLDER, HOSTILE_FILE)
    root = repo.folder
    (root / BROKEN).write_text(
        MINIMAL + 'health: {engagement: "[bold red]ENG[/] \\e[2J\\u0007"}\n', encoding="utf-8"
    )
    app = KamApp(root, TODAY, watch=False, environ={})
    async with app.run_test(size=(220, 60), notifications=True) as pilot:
        await loaded(pilot)
        view = app.accounts_view
        assert app.sub_title.startswith(str(root))
        view.select(str(root / HOSTILE_FILE))
        # The score history comes from git, in a worker.
        await wait_for(pilot, lambda: "Score history" in screen_text(app))
        # The overview scrolls: the other criteria's evidence is further down.
        home = ("NAME", "OWNER", "INDUSTRY", "TAGS.0", "CRITERIA.REVENUE_VOLUME.EVIDENCE")
        home += ("CURRENCY",)
        assert_screen_safe(app, home, "home")
        assert shown("NAME") in screen_text(app)
        title_bar = screen_text(app).splitlines()[0]
        assert f"kamtui — {root}" in title_bar, "the folder's markup is shown as written"

        detail_tabs = {
            "objectives": labels("OBJECTIVES.0.WHAT", "OBJECTIVES.0.WHY", "OBJECTIVES.0.HOW"),
            # The list cuts long names; the highlighted person is shown whole below it.
            "stakeholders": labels("STAKEHOLDERS.0."),
            "needs": (*labels("NEEDS."), "CURRENCY"),
            "swot": labels("SWOT."),
            "notes": ("NOTES",),
        }
        for pane, shown_here in detail_tabs.items():
            view.detail.activate(pane)
            await pilot.pause()
            assert_screen_safe(app, shown_here, f"detail tab {pane}")
            if pane == "stakeholders":
                people = app.query_one("#stakeholders-page DataTable", DataTable)
                people.move_cursor(row=1)
                await wait_for(pilot, lambda: second_shown(app))
                assert_screen_safe(app, labels("STAKEHOLDERS.1."), "the second stakeholder")

        views = {"pareto": "2", "abc": "3", "matrix": "4", "dashboard": "5"}
        for view_id, key in views.items():
            await pilot.press(key)
            await pilot.pause()
            assert app.query_one("#views", ViewPages).active == view_id
            currency = ("CURRENCY",) if view_id in {"pareto", "dashboard"} else ()
            assert_screen_safe(app, ("NAME", *currency), f"view {view_id}")

        await pilot.press("1", "ctrl+p", *"NAME")
        await wait_for(pilot, lambda: "Account: [bold red]NAME[/]" in screen_text(app))
        assert_screen_safe(app, ("NAME", "OWNER"), "palette")
        await pilot.press("escape")

        view.select(str(root / BROKEN))
        await pilot.pause()
        assert_screen_safe(app, (), "problems of a broken file")
        problems = screen_text(app)
        assert f"✗ {BROKEN}" in problems and "[bold red]ENG[/]" in problems

        # A broken save: the row goes stale and a notification quotes the error.
        (root / HOSTILE_FILE).write_text(hostile_account() + "stage: 7\n", encoding="utf-8")
        app.apply_changes([root / HOSTILE_FILE])
        await wait_for(pilot, lambda: "has errors (showing its last" in screen_text(app))
        assert_screen_safe(app, ("NAME",), "stale account and its notification")

        app.post_message(FolderMissing(root))
        await wait_for(pilot, lambda: app.query_one("#folder-missing").display)
        assert_screen_safe(app, (), "folder-missing banner")
        assert f"The folder {root} is gone" in screen_text(app)

        # Still answering keys after all of it.
        await pilot.press("3")
        await wait_for(pilot, lambda: app.query_one("#views", ViewPages).active == "abc")
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
