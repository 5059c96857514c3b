"""A tool that fails while the app is suspended: the screen comes back and says what failed.

Textual's `suspend()` resumes the screen only when its block ends without an exception;
`FaithfulSuspend` behaves the same way, so these tests fail if an error escapes the block.
The last test runs the real program in tmux, where a dead screen would show.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kamtui.tui.app import KamApp
from kamtui.tui.editor import run_editor
from tests.conftest import EXAMPLES
from tests.tui.conftest import loaded, make_app, portfolio, wait_for
from tests.tui.test_app import names

MakeApp = Callable[..., KamApp]
# The TUI tests' fixtures, used here too.
__all__ = ["make_app", "portfolio"]


class FaithfulSuspend:
    """The app's suspend(), as Textual writes it: no resume when the block raises."""

    def __init__(self) -> None:
        self.suspended = self.resumed = 0

    @contextmanager
    def __call__(self) -> Iterator[None]:
        self.suspended += 1
        yield
        self.resumed += 1


def notifications(app: KamApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


@pytest.mark.parametrize(
    ("editor", "expected"),
    [
        ("no-such-editor", "cannot run 'no-such-editor': No such file or directory"),
        ("{folder}", "Permission denied"),
        ("false", "exited with status 1"),
        ("sh -c 'kill -9 $$'", "was stopped by signal 9"),
    ],
    ids=["missing", "a folder", "non-zero exit", "killed"],
)
@pytest.mark.parametrize("key", ["e", "n"])
async def test_the_screen_comes_back_and_says_what_failed(
    make_app: MakeApp, tmp_path: Path, editor: str, expected: str, key: str
) -> None:
    suspend = FaithfulSuspend()
    app = make_app(environ={"EDITOR": editor.format(folder=tmp_path)}, launcher=run_editor)
    app.suspend = suspend  # type: ignore[method-assign]
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press(key)
        if key == "n":
            await pilot.press(*"Zephyr Air", "enter")
        await wait_for(pilot, lambda: any(expected in n for n in notifications(app)))
        assert (suspend.suspended, suspend.resumed) == (1, 1)
        # The app goes on: a view key works and q quits.
        await pilot.press("4")
        await wait_for(pilot, lambda: app.active_view == "matrix")
        if key == "n":
            await pilot.press("1")
            await wait_for(pilot, lambda: "Zephyr Air" in names(app))
        await pilot.press("q")
    assert app.return_code == 0


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_in_a_real_terminal_a_missing_editor_leaves_a_working_app(tmp_path: Path) -> None:
    folder = tmp_path / "accounts"
    shutil.copytree(EXAMPLES, folder)
    session = f"kamtui-test-{os.getpid()}"
    command = (
        f"EDITOR=no-such-editor KAMTUI_CACHE_DIR={tmp_path / 'cache'} "
        f"{sys.executable} -m kamtui -d {folder}; echo EXITED-$?; sleep 30"
    )
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command], check=True
    )

    def screen() -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
        ).stdout

    def wait_until(found: Callable[[str], bool]) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            shown = screen()
            if found(shown):
                return shown
            time.sleep(0.1)
        raise AssertionError(f"never shown; the screen was:\n{screen()}")

    try:
        wait_until(lambda shown: "Kestrel Robotics ·" in shown)
        subprocess.run(["tmux", "send-keys", "-t", session, "e"], check=True)
        shown = wait_until(lambda shown: "cannot run 'no-such-editor'" in shown)
        assert "Kestrel Robotics ·" in shown  # the table is back, not a blank terminal
        subprocess.run(["tmux", "send-keys", "-t", session, "4"], check=True)
        wait_until(lambda shown: "STRATEGIC" in shown and "harmony" in shown)
        subprocess.run(["tmux", "send-keys", "-t", session, "q"], check=True)
        wait_until(lambda shown: "EXITED-0" in shown)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
