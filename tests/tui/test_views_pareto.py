"""The Pareto view on a hand-computed portfolio: bars, the staircase, the cut-off and the vital few."""

from __future__ import annotations

import re

from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.tui.views.pareto import CURVE_POINT, MARK, ParetoChart, ParetoView
from tests.core.portfolio_builders import make_account, make_settings
from tests.tui.conftest import wait_for
from tests.tui.views_support import ViewApp, analyse, lines

# 2026 revenue 1000: cumulative shares 60%, 80%, 90%, 96%, 100%. Tier A closes at the
# first account whose share *before* it reaches 80%: a and b are the vital few.
BAR_THEN_VALUE = re.compile(r"[█▏▎▍▌▋▊▉]+\s+(\S+)")
REVENUE = {"a": 600, "b": 200, "c": 100, "d": 60, "e": 40}


def portfolio(**names: str) -> dict[str, Account]:
    return {
        key: make_account(names.get(key, f"Account {key.upper()}"), revenue={2026: amount})
        for key, amount in REVENUE.items()
    }


async def shown(
    accounts: dict[str, Account], settings: PortfolioSettings | None = None, size=(100, 20)
) -> list[str]:
    app = ViewApp(ParetoView(), analyse(accounts, settings), settings)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        return lines(app.query_one(ParetoChart))


async def test_rows_run_from_highest_revenue_with_the_vital_few_starred_and_ruled_off() -> None:
    screen = await shown(portfolio())
    assert "Revenue 2026 (USD)" in screen[0]
    rows = screen[1:7]
    assert [row.split()[0] for row in rows] == ["1", "2", "┄┄┄┄", "3", "4", "5"]
    assert "★ Account A" in rows[0] and "★ Account B" in rows[1]
    assert "★" not in rows[3] + rows[4] + rows[5]
    assert "★ vital few above: 2 of 5 accounts (40%) make 80% of revenue" in rows[2]
    assert [row.split()[-1] for row in (rows[0], rows[1], *rows[3:])] == [
        "60%",
        "80%",
        "90%",
        "96%",
        "100%",
    ]
    values = [BAR_THEN_VALUE.search(row) for row in (rows[0], rows[1], *rows[3:])]
    assert [found.group(1) for found in values if found] == ["600", "200", "100", "60", "40"]


async def test_the_curve_climbs_as_a_staircase_and_meets_the_cut_off_at_80_percent() -> None:
    screen = await shown(portfolio())
    header, a, b, _rule, c, d = screen[:6]
    assert "80%" + MARK in header
    points = [row.index(CURVE_POINT) for row in (a, b, c)]
    assert points == sorted(points) and len(set(points)) == 3
    # b's cumulative share is exactly the cut-off: its point sits on the mark's column.
    assert d.index(MARK) == points[1]
    # Each step turns down from the previous point and runs right to the next.
    assert c.index("╰") == points[1]
    assert c[points[1] + 1 : points[2]] == "─" * (points[2] - points[1] - 1)


async def test_bars_are_scaled_to_the_largest_revenue() -> None:
    screen = await shown(portfolio())
    first, second = screen[1].count("█"), screen[2].count("█")
    # 200 is a third of 600, to within the bar's last (partial) cell.
    assert abs(second - first / 3) <= 1


async def test_the_cut_off_follows_the_portfolio_settings() -> None:
    screen = await shown(portfolio(), make_settings(abc={"a": 0.7, "b": 0.9}))
    assert "70%" + MARK in screen[0]


async def test_names_are_shown_literally_never_as_markup_or_escapes() -> None:
    screen = await shown(portfolio(a="[bold red]Evil\x1b[31m Corp\r"))
    assert "[bold red]Evil Corp" in screen[1]


async def test_a_long_portfolio_scrolls_with_the_header_kept() -> None:
    accounts = {f"x{n:03}": make_account(f"Firm {n}", revenue={2026: 1000 - n}) for n in range(60)}
    app = ViewApp(ParetoView(), analyse(accounts))
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        chart = app.query_one(ParetoChart)
        chart.focus()
        await pilot.press("end")
        await wait_for(pilot, lambda: chart.scroll_y == chart.max_scroll_y > 0)
        screen = lines(chart)
    assert screen[0].startswith(" #   Account")
    assert screen[-1].split()[:3] == ["60", "Firm", "59"]


async def test_a_portfolio_without_revenue_says_so() -> None:
    accounts = {"a": make_account("Acme")}
    app = ViewApp(ParetoView(), analyse(accounts))
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ParetoView)
        assert view.has_class("-empty")
        assert app.query_one("#pareto-empty").display
        assert not app.query_one(ParetoChart).display
