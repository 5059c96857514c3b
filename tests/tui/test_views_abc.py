"""The ABC view: tier shares per year, each account's tier per year, and the moves between them."""

from __future__ import annotations

from kamtui.tui.views.abc import AbcView
from kamtui.tui.widgets.rows_table import RowsTable
from kamtui.tui.widgets.tier_shares import TierShares
from tests.core.portfolio_builders import make_account
from tests.tui.views_support import ViewApp, analyse, lines, table_rows

# 2025 (total 1000): a 500, b 300 reach 80% → A, A; c 200 → B.
# 2026 (total 1000): b 500, c 300 → A, A; a 200 → B; d (new, 0 < 2026 revenue) → C.
ACCOUNTS = {
    "a": make_account("Alpha", revenue={2025: 500, 2026: 200}),
    "b": make_account("Beta", revenue={2025: 300, 2026: 500}),
    "c": make_account("Gamma", revenue={2025: 200, 2026: 300}),
    "d": make_account("Delta", revenue={2026: 0}),
}


async def shown(size=(120, 30)) -> tuple[list[str], list[list[str]], list[list[str]], str]:
    app = ViewApp(AbcView(), analyse(ACCOUNTS))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        shares = lines(app.query_one(TierShares))
        grid = table_rows(app.query_one("#abc-grid", RowsTable))
        moves = table_rows(app.query_one("#abc-movements", RowsTable))
        summary = str(app.query_one("#abc-summary").render())
    return shares, grid, moves, summary


async def test_each_year_is_split_into_tiers_with_counts_and_revenue_shares() -> None:
    shares, *_ = await shown()
    assert [line[:4] for line in shares] == ["2025", "2026"]
    legends = [" ".join(line.split()[-12:]) for line in shares]
    assert legends == [
        "A 2 · 80% B 1 · 20% C 0 · 0%",
        "A 2 · 80% B 1 · 20% C 1 · 0%",
    ]


async def test_the_stacked_bar_fills_each_tier_in_proportion_with_its_letter() -> None:
    shares, *_ = await shown()
    bar = shares[0][5 : shares[0].index("  A ")]
    a_cells = bar.count("█") + 1  # the letter takes one cell of the segment
    b_cells = bar.count("▓") + 1
    assert "░" not in bar  # tier C has no revenue in 2025
    assert abs(a_cells / (a_cells + b_cells) - 0.8) < 0.05
    assert "A" in bar and "B" in bar


async def test_the_grid_shows_every_tier_by_year_highest_revenue_first() -> None:
    _, grid, _, _ = await shown()
    assert [[cell.strip() for cell in row] for row in grid] == [
        ["Beta", "A", "A"],
        ["Gamma", "B", "A", "▲ B→A"],
        ["Alpha", "A", "B", "▼ A→B"],
        ["Delta", "·", "C", "▲ ·→C"],
    ]


async def test_movements_list_every_change_newest_first() -> None:
    _, _, moves, _ = await shown()
    assert [[cell.strip() for cell in row] for row in moves] == [
        ["▼ A→B", "2025→2026", "Alpha"],
        ["▲ B→A", "2025→2026", "Gamma"],
        ["▲ ·→C", "2025→2026", "Delta"],
    ]


async def test_the_summary_names_the_cut_offs_and_the_symbols() -> None:
    *_, summary = await shown()
    assert "first 80% of a year's revenue" in summary
    assert "on to 95%" in summary
    assert "· no revenue; ▲ up, ▼ down" in summary
