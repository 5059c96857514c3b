"""Fixtures for the TUI tests: the app on a copy of the example portfolio, and waiting
for it to reach a state (in bounded steps of the event loop, never a fixed sleep)."""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from kamtui.tui.app import KamApp
from tests.conftest import EXAMPLES, TODAY

# Generous: the real watcher runs in CI machines of any speed.
WAIT_SECONDS = 15.0
STEP_SECONDS = 0.02

Wait = Callable[[Pilot[int], Callable[[], bool]], Awaitable[None]]


async def wait_for(pilot: Pilot[int], condition: Callable[[], bool]) -> None:
    """Let the app run until `condition()` holds; fail after WAIT_SECONDS."""
    for _ in range(int(WAIT_SECONDS / STEP_SECONDS)):
        if condition():
            return
        await pilot.pause(STEP_SECONDS)
    raise AssertionError(f"condition never held: {condition}")


async def loaded(pilot: Pilot[int]) -> KamApp:
    app = pilot.app
    assert isinstance(app, KamApp)
    await wait_for(pilot, lambda: app.model is not None)
    await pilot.pause()
    return app


async def settled(pilot: Pilot[int]) -> None:
    """Wait until the detail shows the selected account (it trails a moving cursor)."""
    app = pilot.app
    assert isinstance(app, KamApp)
    view = app.accounts_view
    await wait_for(pilot, lambda: view.detail.shown_key == view.table.selected_key)
    await pilot.pause()


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    """A private copy of accounts.example/ to change at will."""
    root = tmp_path / "accounts"
    shutil.copytree(EXAMPLES, root)
    return root


@pytest.fixture
def make_app(portfolio: Path) -> Callable[..., KamApp]:
    def make(root: Path | None = None, **options: object) -> KamApp:
        options.setdefault("watch", False)
        options.setdefault("environ", {})
        # The review gates' panel only where a test asks for it (tests/tui/test_gates.py):
        # the example portfolio has warnings, which would sit in every other screen.
        options.setdefault("gates", False)
        return KamApp(root or portfolio, TODAY, **options)  # type: ignore[arg-type]

    return make
