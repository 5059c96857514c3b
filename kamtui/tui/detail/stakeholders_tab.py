"""The Stakeholders tab: the people in the decision map's order, with their decision
power, attitude, relationship and last contact (key players not met in time marked,
by the rules of relationships.py), and under them the decision-making map with the
highlighted person marked. `c` changes the four fields a meeting changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from kamtui.core.account.model import Attitude, Level, Relationship, Stakeholder
from kamtui.core.analysis.relationships import cadence_days, is_key_player, last_contacts
from kamtui.core.people.buying_centre import account_map_status
from kamtui.core.people.org_chart import OrgChart, chart_order, org_chart
from kamtui.render.org_chart_rich import render_org_chart
from kamtui.render.stakeholder_style import (
    ATTITUDE_LOOK,
    RELATIONSHIP_STYLE,
    STALE,
    attitude_fact,
    heading,
)
from kamtui.tui.detail.items_tab import Changeable, ItemsTab
from kamtui.tui.drawing.format import MISSING, days_ago
from kamtui.tui.drawing.text import literal, paragraph
from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel

TOUCHPOINT_MARK = "◆"


class StakeholdersTab(ItemsTab[Stakeholder]):
    section = "stakeholders"
    columns = (
        ("Name", None),
        ("Power", 6),
        ("Attitude", 12),
        ("Relation", 8),
        ("Touch", 5),
        ("Last met", 12),
    )
    empty = "No stakeholders recorded: add them under `stakeholders:` in the file (e opens it)."
    changeable = (
        Changeable(
            "attitude",
            "Attitude",
            tuple((a.value, f"{ATTITUDE_LOOK[a].symbol} {a.value}") for a in Attitude),
        ),
        Changeable("relationship", "Relationship", tuple((r.value, r.value) for r in Relationship)),
        Changeable(
            "decision_power",
            "Decision power",
            tuple((level.value, level.value) for level in reversed(Level)),
        ),
        Changeable("touchpoint", "Touchpoint", ((True, f"{TOUCHPOINT_MARK} yes"), (False, "no"))),
    )

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._met: dict[str, dt.date] = {}
        self._chart: OrgChart | None = None

    def show(self, file: AccountFile, model: PortfolioModel) -> None:
        # Worked out once a file, not once a row or a highlight.
        account = file.account
        self._met = last_contacts(account, model.today) if account else {}
        row = file.row
        if account is None:
            self._chart = None
        elif row is None:
            # Outside the portfolio's figures (its id is another file's): judged alone.
            self._chart = org_chart(account, account_map_status(account, model.settings))
        else:
            self._chart = org_chart(account, row.figures.map_status, row.stale)
        super().show(file, model)

    def items(self, file: AccountFile) -> Sequence[Stakeholder]:
        people = file.account.stakeholders if file.account else []
        return sorted(people, key=chart_order)

    def position(self, index: int) -> int:
        assert self._shown is not None and self._shown[0].account is not None
        return self._shown[0].account.stakeholders.index(self._items[index])

    def item_title(self, item: Stakeholder) -> str:
        return item.name

    def row(self, item: Stakeholder, file: AccountFile, model: PortfolioModel) -> list[Text]:
        name = literal(item.name, "bold" if is_key_player(item) else "")
        if item.title:
            name.append_text(literal(f", {item.title}", "dim"))
        power = item.decision_power
        attitude = attitude_fact(item)
        return [
            name,
            Text(power.value if power else MISSING, "bold" if power is Level.high else ""),
            Text(attitude.text, attitude.style),
            Text(item.relationship.value, RELATIONSHIP_STYLE[item.relationship]),
            Text(TOUCHPOINT_MARK if item.touchpoint else "", "bold cyan"),
            self._last_met(item, file),
        ]

    def describe(
        self, item: Stakeholder, file: AccountFile, model: PortfolioModel
    ) -> RenderableType:
        assert self._chart is not None
        parts: list[RenderableType] = [literal(heading(item), "bold")]
        if item.organization:
            parts.append(literal(f"of {item.organization}", "italic"))
        parts.append(self._contact_line(item, file, model))
        if item.notes:
            parts.append(paragraph(item.notes, "italic"))
        parts += [Text(), render_org_chart(self._chart, marked=item.id)]
        return Group(*parts)

    def _last_met(self, person: Stakeholder, file: AccountFile) -> Text:
        """The day of the last activity naming the person, ⚠ after a key player not met
        in time."""
        met = self._met.get(person.id)
        text = Text(met.isoformat() if met else "never", "" if met else "dim")
        if file.row is not None and person.id in file.row.stale:
            text.append(" ⚠", "bold red")
        return text

    def _contact_line(self, person: Stakeholder, file: AccountFile, model: PortfolioModel) -> Text:
        """ "key player · last met 2026-10-06 (49 days ago)  ⚠ not met in time (key players
        are due every 30 days at this account's tier)"."""
        met = self._met.get(person.id)
        line = Text("key player · " if is_key_player(person) else "", "bold")
        when = "never met" if met is None else f"last met {days_ago(met, model.today)}"
        line.append(when, "dim")
        if file.row is not None and person.id in file.row.stale:
            days = cadence_days(model.settings.cadence, file.row.tier)
            line.append(f"  {STALE}", "bold red")
            line.append(f" (key players are due every {days} days at this account's tier)", "dim")
        return line
