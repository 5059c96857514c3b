"""The White space view: the grid as the report computes it, a cursor over its cells,
the highlighted cell in words (division by division), enter opens the account."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot

from kamtui.core.account.model import PortfolioSettings
from kamtui.core.loading.loader import load_folder
from kamtui.tui.app import KamApp
from kamtui.tui.views.registry import VIEWS
from kamtui.tui.views.whitespace import WhitespaceGrid, WhitespaceView
from tests.conftest import MINIMAL
from tests.core.test_whitespace import ACCOUNTS, KAM_YAML
from tests.tui.conftest import loaded, wait_for
from tests.tui.test_app import selected_name
from tests.tui.views_support import ChoosingApp, analyse, lines, table_rows


def portfolio(root: Path) -> ChoosingApp:
    """The portfolio built for the rules (tests/core/test_whitespace.py); every account
    scores the same, so the rows are in id order: group, nofit, owner, shopper."""
    root.mkdir(exist_ok=True)
    (root / "kam.yaml").write_text(KAM_YAML, encoding="utf-8")
    for account_id, whitespace in ACCOUNTS.items():
        text = MINIMAL.replace("Acme Corp", account_id.capitalize()) + whitespace
        (root / f"{account_id}.yaml").write_text(text, encoding="utf-8")
    folder = load_folder(root)
    return ChoosingApp(WhitespaceView(), analyse(folder.accounts, folder.settings), folder.settings)


async def focused_grid(app: App[None], pilot: Pilot[None]) -> WhitespaceGrid:
    """The grid, shown and focused (the keys act on it)."""
    await pilot.pause()
    grid = app.query_one(WhitespaceGrid)
    grid.focus()
    await pilot.pause()
    return grid


def cell_line(app: App[None]) -> str:
    return str(app.query_one("#whitespace-cell").render())


def test_the_view_comes_after_team_in_the_registry() -> None:
    keys = [view.key for view in VIEWS]
    assert keys[keys.index("team") + 1] == "whitespace"


async def test_the_grid_shows_marks_open_value_and_penetration(tmp_path: Path) -> None:
    app = portfolio(tmp_path / "accounts")
    async with app.run_test(size=(110, 20)) as pilot:
        await pilot.pause()
        grid = app.query_one(WhitespaceGrid)
        header = [column.title for column in grid.columns]
        rows = table_rows(grid)
        footer = lines(grid)[-1].split()
        summary = str(app.query_one("#whitespace-summary").render())
    assert header == ["Account", "Cloud platform", "analytics", "Premium support", "Open value"]
    assert rows == [
        ["Group", "●", "○", "◐", "2.6k"],
        ["Nofit", "–", "–", "◐", "0"],
        ["Owner", "●", "–", "○", "0"],
        ["Shopper", "○", "●", "✗", "1k"],
    ]
    assert footer == ["Penetration", "67%", "50%", "0%", "3.6k"]
    assert summary.startswith("4 accounts × 3 offerings · open value USD 3.6k · ● owned")


async def test_the_cursor_walks_the_cells_and_the_line_below_says_what_each_is(
    tmp_path: Path,
) -> None:
    app = portfolio(tmp_path / "accounts")
    async with app.run_test(size=(110, 20)) as pilot:
        grid = await focused_grid(app, pilot)
        await pilot.pause()
        first = cell_line(app)
        await pilot.press("right", "right", "right")  # stops at the last offering
        await pilot.pause()
        last = cell_line(app)
        await pilot.press("down", "down", "down", "left")
        await pilot.pause()
        moved = (grid.cursor, grid.offering, cell_line(app))
        await pilot.press("left", "left")  # stops at the first
        await pilot.pause()
        assert grid.offering == 0
    assert first.splitlines() == [
        "Group · Cloud platform: ● owned · list price 1k · open value of the account 2.6k",
        "by division (the best counts): North ○ open · south ● owned · east ○ open",
    ]
    assert last.splitlines()[0] == (
        "Group · Premium support: ◐ in pipeline · open value of the account 2.6k"
    )
    assert last.splitlines()[1] == (
        "by division (the best counts): North ✗ held by a competitor · south ◐ in pipeline "
        "· east – not a fit"
    )
    assert moved == (
        3,
        1,
        "Shopper · analytics: ● owned · list price 300 · open value of the account 1k",
    )


async def test_the_cell_under_the_cursor_is_drawn_reversed(tmp_path: Path) -> None:
    app = portfolio(tmp_path / "accounts")
    async with app.run_test(size=(110, 20)) as pilot:
        grid = await focused_grid(app, pilot)
        await pilot.press("right")
        await pilot.pause()
        segments = list(grid.render_line(1))
    reversed_text = [s.text.strip() for s in segments if s.style and s.style.reverse]
    assert reversed_text == ["○"]  # Group's analytics


async def test_enter_opens_the_account_under_the_cursor(tmp_path: Path) -> None:
    app = portfolio(tmp_path / "accounts")
    async with app.run_test(size=(110, 20)) as pilot:
        await focused_grid(app, pilot)
        await pilot.press("down", "right", "enter")
        await pilot.pause()
    assert app.chosen == ["nofit"]


async def test_without_offerings_the_view_says_how_to_declare_them() -> None:
    app = ChoosingApp(WhitespaceView(), analyse({}), PortfolioSettings())
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        shown = str(app.query_one("#whitespace-none").render())
        grid_shown = app.query_one(WhitespaceGrid).display
    assert not grid_shown
    assert shown.startswith("No offerings declared. List what you sell in kam.yaml")
    assert "  offerings:\n    - {id: cloud-platform" in shown


async def test_in_the_app_its_number_opens_it_and_enter_opens_the_account(
    make_app: Callable[..., KamApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.press(str(next(n for n, v in enumerate(VIEWS, 1) if v.key == "whitespace")))
        await wait_for(pilot, lambda: isinstance(app.focused, WhitespaceGrid))
        grid = app.focused
        assert isinstance(grid, WhitespaceGrid) and app.model is not None
        await wait_for(pilot, lambda: "Kestrel Robotics" in cell_line(app))
        await pilot.press("down", "right", "right", "right")
        await wait_for(pilot, lambda: "Voice & AI" in cell_line(app))
        assert "Harbor Health System · Voice & AI: ◐ in pipeline" in cell_line(app)
        assert "Clinical research institute – not a fit" in cell_line(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.active_view == "accounts")
        assert selected_name(app) == "Harbor Health System"


async def test_a_reload_with_fewer_offerings_keeps_the_cursor_on_a_cell(tmp_path: Path) -> None:
    app = portfolio(tmp_path / "accounts")
    async with app.run_test(size=(110, 20)) as pilot:
        grid = await focused_grid(app, pilot)
        await pilot.press("right", "right")
        await pilot.pause()
        assert grid.offering == 2
        (tmp_path / "accounts" / "kam.yaml").write_text("offerings: [{id: cloud}]\n")
        for account_id in ACCOUNTS:
            (tmp_path / "accounts" / f"{account_id}.yaml").write_text(MINIMAL)
        folder = load_folder(tmp_path / "accounts")
        app.query_one(WhitespaceView).update_analysis(analyse(folder.accounts, folder.settings))
        await pilot.pause()
        assert (grid.offering, [column.title for column in grid.columns]) == (
            0,
            ["Account", "cloud", "Open value"],
        )
        assert cell_line(app) == "Acme Corp · cloud: ○ open · open value of the account 0"
