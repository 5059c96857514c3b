"""The Profit view and the programme's lines on the Dashboard, on the portfolio built for
the programme's rules (tests/core/test_programme.py)."""

from __future__ import annotations

from textual.widgets import Static

from kamtui.tui.views.dashboard import DashboardView
from kamtui.tui.views.profit import ProfitView
from kamtui.tui.widgets.rows_table import RowsTable
from tests.core.test_programme import ACCOUNTS, SETTINGS
from tests.tui.views_support import ChoosingApp, ViewApp, analyse, table_rows


async def test_the_profit_matrix_quadrant_by_quadrant_with_the_return_above() -> None:
    app = ChoosingApp(ProfitView(), analyse(ACCOUNTS, SETTINGS), SETTINGS)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        table = app.query_one("#profit-table", RowsTable)
        rows = table_rows(table)
        summary = str(app.query_one("#profit-summary", Static).render())
        missing = str(app.query_one("#profit-missing", Static).render())
        await pilot.press("down", "down", "enter")
    assert rows == [
        ["Big", "invest", "400", "37.5%", "200", "50"],
        ["Mid", "protect", "300", "20.0%", "90", "30"],
        ["Reviewed", "grow", "200", "40.0%", "100", "20"],
        ["Small", "review", "100", "10.0%", "20", "10"],
    ]
    assert summary.splitlines() == [
        "Programme return (USD): ROI 2.727 in 2026 over 4 accounts: gross profit 410 · "
        "cost to serve 110",
        "Split at the medians: revenue 250 · margin 28.7%",
        "invest 1 · protect 1 · grow 1 · review 1",
    ]
    # The key account without economics is named; the candidate and the former are not.
    assert missing == "Outside the matrix (no economics or no revenue for 2026): Bare."
    assert app.chosen == ["reviewed"]


async def test_without_economics_the_view_says_so() -> None:
    bare = {"bare": ACCOUNTS["bare"]}
    app = ViewApp(ProfitView(), analyse(bare, SETTINGS), SETTINGS)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        summary = str(app.query_one("#profit-summary", Static).render())
        keys = app.query_one("#profit-table", RowsTable).keys
    assert summary == "Programme return (USD): no key account has economics for 2026"
    assert keys == ()


async def test_the_dashboard_counts_key_accounts_and_names_promotions_and_reviews() -> None:
    app = ViewApp(DashboardView(), analyse(ACCOUNTS, SETTINGS), SETTINGS)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        totals = str(app.query_one("#dash-totals", Static).render()).splitlines()
        listed = app.query_one("#dash-accounts", RowsTable).keys
    assert "Key accounts 5 of 8" in totals
    assert "ROI 2026     2.727" in totals
    promote = totals.index("To promote   1 account")
    assert totals[promote + 1].strip() == "At bar"
    review = totals.index("Review due   1 account")
    assert totals[review + 1].strip() == "Reviewed"
    # The endangerment list is the programme's: no candidate, no former account.
    assert set(listed) == {"big", "mid", "reviewed", "small", "bare"}
