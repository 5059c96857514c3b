"""A tiny app that mounts one portfolio view on an analysis, and ways to read what it shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import DataTable

from kamtui.core.model import Account, PortfolioSettings
from kamtui.core.portfolio import PortfolioAnalysis, analyse_portfolio
from kamtui.tui.views.base import PortfolioView
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
    ) -> None:
        super().__init__()
        self.view = view
        self.analysis = analysis
        self.settings = settings

    def compose(self) -> ComposeResult:
        yield self.view

    def on_mount(self) -> None:
        self.view.update_analysis(self.analysis, self.settings)


def lines(widget: Widget) -> list[str]:
    """The widget's screen lines as plain text, drawn through its line API."""
    return [widget.render_line(y).text for y in range(widget.size.height)]


def table_rows(table: DataTable[Text]) -> list[list[str]]:
    """Every row of `table`, in display order, as plain cell texts."""
    return [
        [cell.plain if isinstance(cell, Text) else str(cell) for cell in table.get_row_at(index)]
        for index in range(table.row_count)
    ]
