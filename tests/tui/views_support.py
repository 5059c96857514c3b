"""A tiny app that mounts one portfolio view on an analysis, and ways to read what it shows."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from textual.app import App, ComposeResult
from textual.widget import Widget

from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.analysis.portfolio import PortfolioAnalysis, analyse_portfolio
from kamtui.tui.views.base import PortfolioView
from kamtui.tui.widgets.row_cursor import AccountChosen
from kamtui.tui.widgets.rows_table import RowsTable
from tests.conftest import TODAY


def analyse(
    accounts: Mapping[str, Account],
    settings: PortfolioSettings | None = None,
    today: dt.date = TODAY,
) -> PortfolioAnalysis:
    return analyse_portfolio(accounts, settings or PortfolioSettings(), today)


class ViewApp(App[None]):
    """Mounts `view` and gives it `analysis` once mounted, as the real app does after loading."""

    def __init__(
        self,
        view: PortfolioView,
        analysis: PortfolioAnalysis,
        settings: PortfolioSettings | None = None,
        accounts: Mapping[str, Account] | None = None,
    ) -> None:
        super().__init__()
        self.view = view
        self.analysis = analysis
        self.settings = settings
        self.accounts = accounts

    def compose(self) -> ComposeResult:
        yield self.view

    def on_mount(self) -> None:
        self.view.update_analysis(self.analysis, self.settings, self.accounts)


class ChoosingApp(ViewApp):
    """A ViewApp that keeps the accounts its view asked to open (enter, a click)."""

    chosen: list[str]

    def on_mount(self) -> None:
        self.chosen = []
        super().on_mount()

    def on_account_chosen(self, message: AccountChosen) -> None:
        self.chosen.append(message.key)


def lines(widget: Widget) -> list[str]:
    """The widget's screen lines as plain text, drawn through its line API."""
    return [widget.render_line(y).text for y in range(widget.size.height)]


def table_rows(table: RowsTable) -> list[list[str]]:
    """The rows of `table` on screen, each as its non-empty cells (columns are 2+ spaces apart)."""
    return [re.split(r"\s{2,}", line.strip()) for line in lines(table)[1 : 1 + len(table.keys)]]
