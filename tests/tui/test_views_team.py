"""The Team view: each owner's book, as the report computes it, and enter on a book."""

from __future__ import annotations

from typing import Any

from kamtui.tui.live.account_rows import FILTER_FIELDS, TableRow, parse_filter
from kamtui.tui.views.team import TeamView, owner_filter
from kamtui.tui.widgets.rows_table import RowsTable
from tests.core.portfolio_builders import make_account
from tests.tui.views_support import ViewApp, analyse, table_rows

CEO = [{"id": "ceo", "name": "Ceo", "decision_power": "high"}]


def account(owner: str | None, revenue: float, **fields: Any) -> Any:
    return make_account(owner=owner, revenue={2026: revenue}, stakeholders=CEO, **fields)


# Dana's two accounts outweigh Lee's one; one account has no owner. Every key player is
# never met, so each account is going cold; Lee's is at risk with MRR.
ACCOUNTS = {
    "d1": account("Dana Reyes", 600),
    "d2": account("Dana Reyes", 200, mrr={"premium": 1500}),
    "l1": account("Lee", 150, mrr={"basic": 300}, health={"churn_risk": "high"}),
    "n1": account(None, 50),
}


class TeamApp(ViewApp):
    chosen: list[str | None]

    def on_mount(self) -> None:
        self.chosen = []
        super().on_mount()

    def on_team_view_owner_chosen(self, message: TeamView.OwnerChosen) -> None:
        self.chosen.append(message.owner)


async def test_one_row_per_book_by_revenue_with_the_unowned_last() -> None:
    app = TeamApp(TeamView(), analyse(ACCOUNTS))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        table = app.query_one("#team-books", RowsTable)
        summary = str(app.query_one("#team-summary").render())
        rows = table_rows(table)
        header = [column.title for column in table.columns]
    assert header == [
        "Owner", "Accounts", "Revenue 2026", "MRR", "At risk", "Going cold", "Actions overdue",
    ]  # fmt: skip
    assert rows == [
        ["Dana Reyes", "2", "800", "1.5k", "0", "2", "0"],
        ["Lee", "1", "150", "300", "1", "1", "0"],
        ["(no owner)", "1", "50", "0", "0", "1", "0"],
    ]
    assert summary == "2 key account managers · 1 account without an owner · amounts in USD"


async def test_enter_or_a_click_on_a_book_asks_for_its_owners_accounts() -> None:
    app = TeamApp(TeamView(), analyse(ACCOUNTS))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        app.query_one("#team-books", RowsTable).focus()
        await pilot.press("enter", "down", "down", "enter")
        await pilot.click("#team-books", offset=(3, 3))  # the border, the header, Dana, Lee
        await pilot.pause()
    assert app.chosen == ["Dana Reyes", None, "Lee"]


def test_the_filter_of_a_book_asks_for_the_whole_owner() -> None:
    assert owner_filter("Dana  Reyes") == 'owner:"Dana Reyes"'
    assert owner_filter(None) == 'owner:""'
    # A quote cannot be inside a quoted phrase: every word must be in the owner instead.
    assert owner_filter('Kenji "The Fixer" Mori') == "owner:Kenji owner:The owner:Fixer owner:Mori"
    assert owner_filter('Kenji " Mori') == "owner:Kenji owner:Mori"


async def test_at_80_columns_every_figure_shows_under_a_short_title() -> None:
    app = TeamApp(TeamView(), analyse(ACCOUNTS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one("#team-books", RowsTable)
        narrow = [column.title for column in table.columns], table_rows(table)[0]
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        wide = [column.title for column in table.columns]
    assert narrow == (
        ["Owner", "Accts", "Rev 2026", "MRR", "Risk", "Cold", "Overdue"],
        ["Dana Reyes", "2", "800", "1.5k", "0", "2", "0"],
    )
    assert wide[-1] == "Actions overdue"


def test_a_book_s_filter_keeps_that_owner_s_rows_and_no_other() -> None:
    def row(owner: str) -> TableRow:
        return TableRow(owner, {}, {**dict.fromkeys(FILTER_FIELDS, ""), "owner": owner})

    rows = [row('kenji "the fixer" mori'), row("kenji mori"), row("dana reyes"), row("")]

    def kept(owner: str | None) -> list[str]:
        return [r.key for r in rows if r.matches(parse_filter(owner_filter(owner)))]

    assert kept('Kenji "The Fixer" Mori') == ['kenji "the fixer" mori']
    assert kept("Dana  Reyes") == ["dana reyes"]
    assert kept(None) == [""]


async def test_the_team_load_lists_owners_and_teams_and_enter_on_a_person_picks_no_book() -> None:
    """Dana owns d1 and d2 (800); Ana is on d2 and l1 (200 + 150), one person however
    the name is cased; Lee owns l1 (150). Every account here is named Acme."""
    accounts = {
        **ACCOUNTS,
        "d2": account("Dana Reyes", 200, team=[{"name": "Ana Silva"}]),
        "l1": account("Lee", 150, team=[{"name": "ana silva", "role": "service"}]),
    }
    app = TeamApp(TeamView(), analyse(accounts))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        load = app.query_one("#team-load", RowsTable)
        rows = table_rows(load)
        load.focus()
        await pilot.press("enter")
        await pilot.pause()
    assert rows == [
        ["Dana Reyes", "2", "800", "Acme and Acme"],
        ["Ana Silva", "2", "350", "Acme and Acme"],
        ["Lee", "1", "150", "Acme"],
    ]
    assert app.chosen == []
