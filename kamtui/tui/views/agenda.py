"""The weekly agenda (`kamtui agenda`) as a view: what to do next, ranked, for everyone
or for one owner (`o`).

Enter opens the account at the tab where the item lives, its row highlighted (the
person, the objective, the log entry); `d` marks an overdue action or next step done
in place, as `kamtui set` would; `l` logs an activity with the item's account (a key
player not met in time, an account gone silent). The list follows every save.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

from kamtui.core.account.model import Account
from kamtui.core.analysis.agenda import AgendaItem, AgendaKind, agenda
from kamtui.core.analysis.portfolio import PortfolioAnalysis
from kamtui.render.report_format import counted
from kamtui.render.safe_text import one_line
from kamtui.tui.live.daemon_work import WorkFailed
from kamtui.tui.views.base import PortfolioView, titled_table
from kamtui.tui.widgets.row_cursor import AccountChosen
from kamtui.tui.widgets.rows_table import Cell, Column, RowsTable

# The detail tab where each kind of item lives.
TAB_OF = {
    AgendaKind.at_risk_silent: "activity",
    AgendaKind.overdue_action: "objectives",
    AgendaKind.overdue_next_step: "activity",
    AgendaKind.objective_behind: "objectives",
    AgendaKind.renewal_due: "overview",
    AgendaKind.stale_key_player: "stakeholders",
    AgendaKind.unassessed: "overview",
}
# Below this many columns the account and subject are cut shorter, so that at 80 the
# reason still reads.
NARROW = 110
# Above this many accounts the agenda is made in a thread of its own and shown when
# ready: at 10,000 accounts it took 0.5-1.0 s (78,000 items, 0.15 s of it the sort),
# which every save would have frozen the screen for while the view was open.
MADE_INLINE_UP_TO = 1_000


def columns(narrow: bool) -> tuple[Column, ...]:
    return (
        Column("What", 17),
        Column("Account", 14 if narrow else 24),
        Column("About", 10 if narrow else 14),
        Column("Date", 10),
        Column("Why", 20 if narrow else 30, flexible=True),
    )


def done_field(item: AgendaItem, account: Account) -> str | None:
    """The field `d` sets to true to mark the item done, as `kamtui set` names it (None:
    the item is not one a key marks done)."""
    if item.kind is AgendaKind.overdue_action:
        for objective in account.objectives:
            for number, action in enumerate(objective.actions, start=1):
                if item.subject in (action.id, f"{objective.id}/{number}"):
                    name = action.id or str(number)
                    return f"objectives.{objective.id}.actions.{name}.done"
    if item.kind is AgendaKind.overdue_next_step:
        for number, entry in enumerate(account.activities, start=1):
            late = entry.next_due == item.date and not entry.next_done
            if late and entry.date.isoformat() == item.subject:
                return f"activities.{number}.next_done"
    return None


def item_row(item: AgendaItem, account: Account) -> str | None:
    """How the detail tab names the row the item is about: the person's or objective's
    id, a log entry's number from 1 (None: the account as a whole)."""
    if item.kind in (AgendaKind.overdue_action, AgendaKind.overdue_next_step):
        field = done_field(item, account)
        # objectives.OBJECTIVE.actions… lives on the objective's row, activities.N… on the entry's.
        return None if field is None else field.split(".")[1]
    return item.subject


class AgendaView(PortfolioView):
    """The agenda's items, one a row; the app opens, edits and logs for them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "pick_owner", "Owner", id="agenda.owner"),
        Binding("d", "mark_done", "Done", id="agenda.done"),
    ]
    DEFAULT_CSS = """
    AgendaView {
        height: 1fr;
        layout: vertical;
        & > #agenda-summary { color: $text-muted; height: auto; padding: 0 1; }
    }
    """

    @dataclass
    class ItemChosen(Message):
        """Open the account `account` at `tab`, on the row named `row` (None: the tab alone)."""

        account: str
        tab: str
        row: str | None

    @dataclass
    class Made(Message):
        """The agenda of `analysis` for `owner`, made in a thread."""

        analysis: PortfolioAnalysis
        owner: str | None
        items: tuple[AgendaItem, ...]

    @dataclass
    class DoneRequested(Message):
        """Mark an item done: set `field` of the account file at `path` to true."""

        path: Path
        field: str

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.owner: str | None = None
        self.items: tuple[AgendaItem, ...] = ()
        # Whether the shown table has the narrow columns (None: nothing shown yet).
        self._shown_narrow: bool | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="agenda-summary")
        yield titled_table("agenda-items", "Agenda · enter opens · d done · l log · o owner")

    def show(self, analysis: PortfolioAnalysis) -> None:
        if len(analysis.rows) <= MADE_INLINE_UP_TO:
            self._draw(analysis, agenda(analysis, self.accounts, self.owner))
            return
        if not self.items:
            counted_accounts = counted(len(analysis.rows))
            self.query_one("#agenda-summary", Static).update(
                Text(f"Making the agenda of {counted_accounts}…")
            )
        owner, accounts = self.owner, self.accounts

        def make() -> None:
            try:
                items = agenda(analysis, accounts, owner)
            except Exception as error:  # the app says so; the view keeps what it showed
                self.app.post_message(WorkFailed("making the agenda", error))
                return
            self.post_message(self.Made(analysis, owner, items))

        threading.Thread(target=make, name="kamtui agenda", daemon=True).start()

    def on_agenda_view_made(self, message: Made) -> None:
        # Only the latest: an analysis or an owner changed since is made again.
        if message.analysis is self._shown and message.owner == self.owner:
            self._draw(message.analysis, message.items)

    def _draw(self, analysis: PortfolioAnalysis, items: tuple[AgendaItem, ...]) -> None:
        self.items = items
        whose = "every owner" if self.owner is None else one_line(self.owner)
        summary = f"{counted(len(self.items), 'item')} for {whose} as of {analysis.today}"
        self.query_one("#agenda-summary", Static).update(Text(summary))
        names = analysis.orders.names

        def cells(index: int) -> list[Cell]:
            item = items[index]
            return [
                (item.kind.value.replace("_", " "), None),
                (one_line(names.get(item.account, item.account)), None),
                (one_line(item.subject or "—"), None),
                (item.date.isoformat() if item.date else "—", None),
                (one_line(item.reason), None),
            ]

        keys = [str(index) for index in range(len(items))]
        self._shown_narrow = self.size.width < NARROW
        table = self.query_one("#agenda-items", RowsTable)
        table.show(columns(self._shown_narrow), keys, cells)

    def on_resize(self, event: events.Resize) -> None:
        super().on_resize(event)
        if self._shown_narrow is not None and (self.size.width < NARROW) != self._shown_narrow:
            self._shown = None
            self._show_if_visible()

    def _item(self) -> AgendaItem | None:
        index = self.query_one("#agenda-items", RowsTable).cursor
        return self.items[index] if 0 <= index < len(self.items) else None

    def account_under_cursor(self) -> str | None:
        """`e` and `l` act on the item's account."""
        item = self._item()
        return item.account if item is not None else None

    def on_account_chosen(self, message: AccountChosen) -> None:
        # The table's rows are items: open where the item lives.
        message.stop()
        item = self.items[int(message.key)]
        account = self.accounts.get(item.account)
        row = item_row(item, account) if account is not None else None
        self.post_message(self.ItemChosen(item.account, TAB_OF[item.kind], row))

    def action_mark_done(self) -> None:
        item = self._item()
        account = self.accounts.get(item.account) if item is not None else None
        model = getattr(self.app, "model", None)
        if item is None or account is None or model is None:
            return
        field = done_field(item, account)
        file = model.file_for(item.account)
        if field is None or file is None:
            self.notify("Only an overdue action or next step is marked done here.", markup=False)
            return
        self.post_message(self.DoneRequested(file.path, field))

    def action_pick_owner(self) -> None:
        from kamtui.tui.screens.choose_value import ChooseValueScreen

        if self.analysis is None:
            return
        owners = [book.owner for book in self.analysis.owners if book.owner is not None]
        choices = ["Every owner", *(one_line(owner) for owner in owners)]
        current = 0 if self.owner is None else None
        if self.owner in owners:
            current = owners.index(self.owner) + 1

        def chosen(place: int | None) -> None:
            if place is None:
                return
            self.owner = None if place == 0 else owners[place - 1]
            self._shown = None
            self._show_if_visible()

        self.app.push_screen(ChooseValueScreen("Whose agenda?", choices, current), chosen)
