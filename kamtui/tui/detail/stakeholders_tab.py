"""The Stakeholders tab: the decision-making map, drawn by the shared org-chart renderer."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from kamtui.core.account.yaml_source import Loc
from kamtui.core.people.org_chart import org_chart
from kamtui.render.org_chart_rich import render_org_chart
from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel


class StakeholdersTab(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Static()

    def show(self, file: AccountFile, model: PortfolioModel) -> None:
        static = self.query_one(Static)
        if file.account is None:
            static.update(Text("Nothing to show until the file is valid.", style="italic"))
        else:
            static.update(render_org_chart(org_chart(file.account)))

    def location(self) -> Loc:
        return ("stakeholders",)
