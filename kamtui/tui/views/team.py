"""Each key account manager's book: their accounts, revenue, MRR, and what needs them;
below it the team load, everyone on the key accounts with how many and how much.

The figures are the portfolio's `owners` (the report's "Books by owner", in its
order: revenue of the latest year, highest first). Enter on a book shows its
accounts: the accounts table filtered on that owner, the whole field
(`owner:"dana reyes"`; the accounts without one: `owner:""`). The team load is the
report's (`programme.py`): owners and the people of each account's `team`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Static

from kamtui.core.analysis.portfolio import OwnerBook, PortfolioAnalysis
from kamtui.render.report_format import (
    counted,
    owner_cells,
    owner_headers,
    team_cells,
    team_headers,
)
from kamtui.render.safe_text import one_line
from kamtui.tui.views.base import PortfolioView, titled_table
from kamtui.tui.widgets.row_cursor import AccountChosen
from kamtui.tui.widgets.rows_table import Cell, Column, RowsTable

# Columns after the owner's name, in `owner_headers` order; the name takes the room left.
_FIGURE_WIDTHS = (8, 12, 8, 7, 10, 15)
# Below this many columns the figures go under short titles, so that every one still
# shows beside a name at 80 columns.
TITLES_IN_FULL_FROM = 92
_SHORT_TITLES = ("Accts", "Rev {year}", "MRR", "Risk", "Cold", "Overdue")
_SHORT_WIDTHS = (5, 8, 6, 4, 4, 7)
# The team load's row keys: a person, not a book.
PERSON = "person:"


def owner_filter(owner: str | None) -> str:
    """The accounts-table filter that keeps the accounts of `owner`'s book, and no other."""
    if owner is None:
        return 'owner:""'
    name = one_line(owner)
    if '"' in name:
        # A quote would end the phrase: each word of the name, its quotes left out, must
        # then be in the owner (Kenji "The Fixer" Mori: kenji, the, fixer, mori).
        words = (word.replace('"', "") for word in name.split())
        return " ".join(f"owner:{word}" for word in words if word)
    return f'owner:"{name}"'


class TeamView(PortfolioView):
    """One row per owner; enter or a click asks the app for that owner's accounts."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"team--warning"}
    DEFAULT_CSS = """
    TeamView {
        height: 1fr;
        layout: vertical;
        & > .team--warning { color: $warning; }
        & > #team-summary { color: $text-muted; height: auto; padding: 0 1; }
    }
    """

    @dataclass
    class OwnerChosen(Message):
        """A book picked: show the accounts of `owner` (None: those without an owner)."""

        owner: str | None

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._books: tuple[OwnerBook, ...] = ()
        # Whether the shown table has the short titles (None: nothing shown yet).
        self._shown_short: bool | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="team-summary")
        yield titled_table("team-books", "Books by owner · enter shows their accounts")
        yield titled_table("team-load", "Team load · our people on the key accounts")

    def show(self, analysis: PortfolioAnalysis) -> None:
        self._books = analysis.owners
        owned = sum(book.owner is not None for book in self._books)
        unowned = next((book.accounts for book in self._books if book.owner is None), 0)
        summary = counted(owned, "key account manager")
        if unowned:
            summary += f" · {counted(unowned)} without an owner"
        summary += f" · amounts in {one_line(analysis.currency)}"
        self.query_one("#team-summary", Static).update(Text(summary))
        headers = owner_headers(analysis.year)
        titles, widths = headers[1:], _FIGURE_WIDTHS
        self._shown_short = self._short_titles
        if self._shown_short:
            year = analysis.year if analysis.year is not None else ""
            titles = tuple(title.format(year=year).strip() for title in _SHORT_TITLES)
            widths = _SHORT_WIDTHS
        columns = [
            Column(headers[0], 14, flexible=True),
            *(Column(title, width, "right") for title, width in zip(titles, widths, strict=True)),
        ]
        rows = owner_cells(analysis, one_line)
        warning = self.style_of("team--warning", partial=True)

        def cells(index: int) -> list[Cell]:
            # At risk, going cold and actions overdue are warnings when not zero.
            return [
                (text, warning if place >= 4 and text != "0" else None)
                for place, text in enumerate(rows[index])
            ]

        keys = [str(index) for index in range(len(rows))]
        self.query_one("#team-books", RowsTable).show(columns, keys, cells)
        self._show_load(analysis)

    def _show_load(self, analysis: PortfolioAnalysis) -> None:
        person, count, revenue, on = team_headers(analysis.year)
        columns = [
            Column(person, 16),
            Column(
                "Accts" if self._short_titles else count, 5 if self._short_titles else 8, "right"
            ),
            Column(revenue, 12, "right"),
            Column(on, 20, flexible=True),
        ]
        rows = team_cells(analysis, one_line)
        keys = [f"{PERSON}{index}" for index in range(len(rows))]
        self.query_one("#team-load", RowsTable).show(
            columns, keys, lambda index: [(text, None) for text in rows[index]]
        )

    @property
    def _short_titles(self) -> bool:
        return self.size.width < TITLES_IN_FULL_FROM

    def on_resize(self, event: events.Resize) -> None:
        super().on_resize(event)
        if self._shown_short is not None and self._short_titles != self._shown_short:
            self._shown = None
            self._show_if_visible()

    def account_under_cursor(self) -> None:
        """A book is many accounts: `e` and `l` want one (enter shows them)."""
        return None

    def on_account_chosen(self, message: AccountChosen) -> None:
        # The tables' rows are books and people, not accounts; a person is on accounts
        # of several owners, which no one filter of the accounts table names.
        message.stop()
        if not message.key.startswith(PERSON):
            self.post_message(self.OwnerChosen(self._books[int(message.key)].owner))
