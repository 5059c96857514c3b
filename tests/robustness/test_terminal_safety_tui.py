"""Hostile text on every screen of the app: shown literally, no escape or control
character reaching the terminal, no link or click action made, and the app still
answering keys afterwards."""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.console import Console
from rich.segment import Segment

from kamtui.tui.app import KamApp
from kamtui.tui.watch import FolderMissing
from kamtui.tui.widgets.view_pages import ViewPages
from tests.conftest import MINIMAL, TODAY
from tests.robustness.hostile import LABELS, hostile_account, shown, unsafe_characters
from tests.tui.conftest import loaded, wait_for

# A folder name is user text too: it is in the header and in the "folder is gone" banner.
FOLDER = "[bold red]accounts [@click=app.quit]x"
BROKEN = "[b]broken.yaml"


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


def assert_screen_safe(app: KamApp, labels: tuple[str, ...], where: str) -> None:
    segments = screen_segments(app)
    text = "".join(segment.text for segment in segments)
    assert unsafe_characters(text) == [], where
    links = [s.text for s in segments if s.style is not None and s.style.link]
    assert links == [], f"{where}: links made from {links}"
    actions = [
        s.style.meta["@click"] for s in segments if s.style is not None and "@click" in s.style.meta
    ]
    assert not any("quit" in str(action) for action in actions), f"{where}: {actions}"
    for label in labels:
        literal = f"[bold red]{LABELS[label]}[/]"
        assert literal in text, f"{where}: {label} is not shown literally"


Step = Callable[[], Awaitable[object]]


async def test_every_screen(tmp_path: Path) -> None:
    root = tmp_path / FOLDER
    root.mkdir()
    (root / "hostile.yaml").write_text(hostile_account(), encoding="utf-8")
    (root / "plain.yaml").write_text(MINIMAL, encoding="utf-8")
    (root / BROKEN).write_text(
        MINIMAL + 'health: {engagement: "[bold red]ENG[/] \\e[2J\\u0007"}\n', encoding="utf-8"
    )
    app = KamApp(root, TODAY, watch=False, environ={})
    async with app.run_test(size=(220, 60), notifications=True) as pilot:
        await loaded(pilot)
        view = app.accounts_view
        assert app.sub_title.startswith(str(root))
        assert_screen_safe(app, ("name", "owner", "industry", "tag", "evidence"), "home")
        assert shown("name") in screen_text(app)

        detail_tabs = {
            "objectives": ("objective", "why", "how"),
            "stakeholders": ("stakeholder", "title", "organization", "adviser"),
            "needs": ("need",),
            "swot": ("strength", "weakness", "opportunity", "threat"),
            "notes": ("notes",),
        }
        for pane, labels in detail_tabs.items():
            view.detail.activate(pane)
            await pilot.pause()
            assert_screen_safe(app, labels, f"detail tab {pane}")

        for key, view_id in (("2", "pareto"), ("3", "abc"), ("4", "matrix"), ("5", "dashboard")):
            await pilot.press(key)
            await pilot.pause()
            assert app.query_one("#views", ViewPages).active == view_id
            assert_screen_safe(app, ("name",), f"view {view_id}")

        await pilot.press("1", "ctrl+p", *"NAME")
        await wait_for(pilot, lambda: "Account: [bold red]NAME[/]" in screen_text(app))
        assert_screen_safe(app, ("name", "owner"), "palette")
        await pilot.press("escape")

        view.select(str(root / BROKEN))
        await pilot.pause()
        assert_screen_safe(app, (), "problems of a broken file")
        problems = screen_text(app)
        assert f"✗ {BROKEN}" in problems and "[bold red]ENG[/]" in problems

        # A broken save: the row goes stale and a notification quotes the error.
        (root / "hostile.yaml").write_text(hostile_account() + "stage: 7\n", encoding="utf-8")
        app.apply_changes([root / "hostile.yaml"])
        await wait_for(pilot, lambda: "hostile.yaml has errors" in screen_text(app))
        assert_screen_safe(app, ("name",), "stale account and its notification")

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
