"""SVG snapshots of the home screen and every detail tab on accounts.example/.

Fixed terminal sizes and a fixed today; the folder is given relative to the
repository so no machine's path ends up in a snapshot. Update after an intended
change with `pytest tests/tui/test_snapshots.py --snapshot-update` and look at
the SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from kamtui.tui.app import KamApp
from tests.conftest import REPO, TODAY
from tests.tui.conftest import loaded, settled

Compare = Callable[..., bool]
WIDE = (160, 50)
SMALL = (80, 24)


@pytest.fixture
def example_app(monkeypatch: pytest.MonkeyPatch) -> KamApp:
    monkeypatch.chdir(REPO)
    return KamApp(Path("accounts.example"), TODAY, environ={}, watch=False)


def keys(*pressed: str) -> Callable[[Pilot[int]], object]:
    async def run_before(pilot: Pilot[int]) -> None:
        await loaded(pilot)
        await pilot.press(*pressed)
        await settled(pilot)

    return run_before


def test_home(snap_compare: Compare, example_app: KamApp) -> None:
    assert snap_compare(example_app, terminal_size=WIDE, run_before=keys())


def test_home_at_80_by_24(snap_compare: Compare, example_app: KamApp) -> None:
    assert snap_compare(example_app, terminal_size=SMALL, run_before=keys())


# Harbor Health System (second by score) has something in every tab.
@pytest.mark.parametrize("tab", [1, 2, 3, 4, 5])
def test_detail_tab(snap_compare: Compare, example_app: KamApp, tab: int) -> None:
    pressed = ("down", *["right_square_bracket"] * tab)
    assert snap_compare(example_app, terminal_size=WIDE, run_before=keys(*pressed))


def test_filtered_and_sorted(snap_compare: Compare, example_app: KamApp) -> None:
    pressed = ("slash", *"tier:a", "enter", "s", "s", "S")
    assert snap_compare(example_app, terminal_size=WIDE, run_before=keys(*pressed))
