"""The Stakeholders tab: the decision-making map, drawn by the shared org-chart renderer,
and when each person was last met, the key players not met in time marked (the rules of
relationships.py)."""

from __future__ import annotations

import datetime as dt

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from kamtui.core.account.model import Account
from kamtui.core.account.yaml_source import Loc
from kamtui.core.analysis.relationships import cadence_days, is_key_player, last_contacts
from kamtui.core.people.org_chart import chart_order, org_chart
from kamtui.render.org_chart_rich import render_org_chart
from kamtui.render.stakeholder_style import STALE
from kamtui.tui.drawing.format import days_ago
from kamtui.tui.drawing.text import literal
from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel


class StakeholdersTab(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Static()

    def show(self, file: AccountFile, model: PortfolioModel) -> None:
        static = self.query_one(Static)
        if file.account is None:
            static.update(Text("Nothing to show until the file is valid.", style="italic"))
            return
        stale = set(file.row.stale) if file.row is not None else set()
        chart = render_org_chart(org_chart(file.account, stale))
        if not file.account.stakeholders:
            static.update(chart)
            return
        days = cadence_days(model.settings.cadence, file.row.tier if file.row else None)
        static.update(Group(chart, Text(), *contact_lines(file.account, stale, days, model.today)))

    def location(self) -> Loc:
        return ("stakeholders",)


def contact_lines(account: Account, stale: set[str], days: int, today: dt.date) -> list[Text]:
    """Each person, in chart order, with the last activity that names them."""
    met = last_contacts(account, today)
    heading = Text("Last contact", style="bold")
    heading.append(f"  (key players are due every {days} days at this account's tier)", "dim")
    lines = [heading]
    for person in sorted(account.stakeholders, key=chart_order):
        line = literal(person.name)
        if is_key_player(person):
            line.append(" · key player", style="bold")
        last = met.get(person.id)
        if last is None:
            line.append(" · never met", style="dim")
        else:
            line.append(f" · {days_ago(last, today)}", style="dim")
        if person.id in stale:
            line.append(f"  {STALE}", style="bold red")
        lines.append(line)
    return lines
