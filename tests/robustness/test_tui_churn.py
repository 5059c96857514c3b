"""The running app under file churn, watched by the real folder watcher: once the
files stop changing, the table matches a fresh load of the folder, nothing crashed,
and a folder that vanishes is announced and recovered from."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from textual.message import Message
from textual.pilot import Pilot
from textual.worker import Worker, WorkerState

from kamtui.tui.app import KamApp
from tests.conftest import TODAY
from tests.robustness.churn import BROKEN, Churn, State, fresh_state

# Bounds against a hang, not timing: the watcher batches events for 0.4 s at a time.
SETTLE_SECONDS = 60.0
STEP_SECONDS = 0.05


def shown_state(app: KamApp) -> State:
    """Per file, what the table shows: the name, or BROKEN for a row marked ✗ or ⟳."""
    table = app.accounts_view.table
    shown: State = {}
    for key in table.visible_keys:
        name = table.row(key).cells["name"].plain
        shown[key] = BROKEN if name.startswith(("✗ ", "⟳ ")) else name
    return shown


async def settle(pilot: Pilot[int], expected: Callable[[], State]) -> None:
    """Let the app run until it shows `expected()`; fail with the difference after the bound."""
    app = pilot.app
    assert isinstance(app, KamApp)
    for _ in range(int(SETTLE_SECONDS / STEP_SECONDS)):
        if app.model is not None and shown_state(app) == expected():
            return
        await pilot.pause(STEP_SECONDS)
    shown, wanted = shown_state(app), expected()
    missing = sorted(wanted.items() - shown.items())[:5]
    extra = sorted(shown.items() - wanted.items())[:5]
    raise AssertionError(f"never settled: missing {missing}, extra {extra}")


def failed_workers(record: list[Message]) -> list[str]:
    return [
        f"{message.worker.name}: {message.worker.error!r}"
        for message in record
        if isinstance(message, Worker.StateChanged) and message.state == WorkerState.ERROR
    ]


async def test_bursts_of_changes_end_as_a_fresh_load_shows(tmp_path: Path) -> None:
    root = tmp_path / "accounts"
    churn = Churn(root)
    churn.seed_folder()
    messages: list[Message] = []
    app = KamApp(root, TODAY, environ={})
    async with app.run_test(size=(160, 50), message_hook=messages.append) as pilot:
        await settle(pilot, lambda: fresh_state(root))
        for _, burst in churn.bursts():
            burst()
            # Let the watcher and the app run between bursts, as they would.
            await pilot.pause()
        await settle(pilot, lambda: fresh_state(root))
        assert churn.operations > 500
        # A quiet move on its own: same id, another folder; the row must follow the file.
        moved = root / "apac" / "emea-000.yaml"
        (root / "emea" / "emea-000.yaml").rename(moved)
        await settle(pilot, lambda: fresh_state(root))
        await pilot.press("2")
        await pilot.pause()
        assert app.active_view == "pareto"
    assert failed_workers(messages) == []


async def test_the_folder_vanishing_and_coming_back_with_other_files(tmp_path: Path) -> None:
    root = tmp_path / "accounts"
    churn = Churn(root, seed=10)
    churn.seed_folder(40)
    messages: list[Message] = []
    app = KamApp(root, TODAY, environ={})
    async with app.run_test(size=(160, 50), message_hook=messages.append) as pilot:
        await settle(pilot, lambda: fresh_state(root))
        before = shown_state(app)
        banner = app.query_one("#folder-missing")
        shutil.rmtree(root)
        for _ in range(int(SETTLE_SECONDS / STEP_SECONDS)):
            if banner.display:
                break
            await pilot.pause(STEP_SECONDS)
        assert banner.display
        assert f"The folder {root} is gone" in str(banner.render())
        # What was last loaded stays on screen meanwhile.
        assert shown_state(app) == before
        # It comes back as something else: new files, and a burst while it settles.
        churn.seed_folder(20)
        churn.create(30)
        await settle(pilot, lambda: fresh_state(root))
        assert not banner.display
        churn.save_by_rename(20)
        await settle(pilot, lambda: fresh_state(root))
    assert failed_workers(messages) == []
