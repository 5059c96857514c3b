"""SVG snapshots of the home screen and every detail tab on accounts.example/.

Fixed terminal sizes and a fixed today; the folder is given relative to a temporary
copy (outside any git repository) so neither a machine's path nor kamtui's own commits
end up in a snapshot. Update after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update` and look at
the SVGs before committing them.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from kamtui.tui.app import KamApp
from kamtui.tui.detail.account_detail import TABS
from tests.conftest import EXAMPLES, TODAY
from tests.tui.conftest import loaded, settled

Compare = Callable[..., bool]
WIDE = (160, 50)
SMALL = (80, 24)


@pytest.fixture
def example_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> KamApp:
    # A copy outside any git repository: the Overview's score history would otherwise
    # follow kamtui's own commits of accounts.example.
    shutil.copytree(EXAMPLES, tmp_path / "accounts.example")
    monkeypatch.chdir(tmp_path)
    return KamApp(Path("accounts.example"), TODAY, environ={}, watch=False, gates=False)


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
@pytest.mark.parametrize("tab", [pane_id for pane_id, _, _ in TABS[1:]])
def test_detail_tab(snap_compare: Compare, example_app: KamApp, tab: str) -> None:
    steps = [pane_id for pane_id, _, _ in TABS].index(tab)
    pressed = ("down", *["right_square_bracket"] * steps)
    assert snap_compare(example_app, terminal_size=WIDE, run_before=keys(*pressed))


def test_an_account_s_own_kpis_in_its_overview(snap_compare: Compare, example_app: KamApp) -> None:
    """Müller Logistik records the custom KPIs the example's kam.yaml declares."""
    pressed = ("slash", *"logistik", "enter")
    assert snap_compare(example_app, terminal_size=WIDE, run_before=keys(*pressed))


def test_filtered_and_sorted(snap_compare: Compare, example_app: KamApp) -> None:
    pressed = ("slash", *"tier:a", "enter", "s", "s", "S")
    assert snap_compare(example_app, terminal_size=WIDE, run_before=keys(*pressed))


def log_form(*typed: str) -> Callable[[Pilot[int]], object]:
    """Harbor Health's log form, `typed` into its summary, its second person picked."""

    async def run_before(pilot: Pilot[int]) -> None:
        await keys("down")(pilot)
        await pilot.press("l")
        await pilot.pause()
        # Past the kind and the date to the people: the second is picked.
        await pilot.press(*typed, "tab", "tab", "tab", "down", "space")
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [WIDE, SMALL], ids=["wide", "small"])
def test_the_log_form(snap_compare: Compare, example_app: KamApp, size: tuple[int, int]) -> None:
    run_before = log_form(*"Walked the CFO through the TCO")
    assert snap_compare(example_app, terminal_size=size, run_before=run_before)
