"""The weekly agenda (`kamtui agenda`) for the terminal, Markdown and JSON.

Reasons quote account text (an action's words, a next step): the terminal table gets it
through `rich.text.Text`, never markup; Markdown escapes it so nothing styles, links or
notifies; JSON holds it as written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from kamtui.core.analysis.agenda import AgendaItem
from kamtui.render.json_text import json_text
from kamtui.render.safe_text import inline_markdown, one_line

HEADERS = ("#", "What", "Account", "About", "Date", "Why")


def _cells(number: int, item: AgendaItem, names: Mapping[str, str]) -> list[str]:
    return [
        str(number),
        item.kind.value.replace("_", " "),
        one_line(names.get(item.account, item.account)),
        one_line(item.subject or "—"),
        item.date.isoformat() if item.date else "—",
        one_line(item.reason),
    ]


def _title(today: dt.date, owner: str | None, count: int) -> str:
    whose = f" for {one_line(owner)}" if owner else ""
    return f"Agenda{whose} as of {today}: {count} item{'' if count == 1 else 's'}"


# Below this many columns the six columns left each a few words a line ("Overdue /
# action (Tom / Okafor):" down the Why column at 80): each item takes two lines of
# one column instead, what and where above, why below.
STACKED_BELOW = 120


def render_table(
    items: Sequence[AgendaItem],
    names: Mapping[str, str],
    today: dt.date,
    owner: str | None,
    width: int,
) -> Table | Text:
    """The agenda for a terminal `width` columns wide."""
    if not items:
        return Text(f"{_title(today, owner, 0)}: nothing to do.")
    table = Table(title=_title(today, owner, len(items)), title_justify="left", expand=False)
    if width >= STACKED_BELOW:
        for header in HEADERS:
            table.add_column(header, justify="right" if header == "#" else "left", overflow="fold")
        for number, item in enumerate(items, start=1):
            table.add_row(*(Text(cell) for cell in _cells(number, item, names)))
        return table
    table.add_column("#", justify="right")
    table.add_column("Date")
    table.add_column("What · Account · About\nWhy", overflow="fold")
    for number, item in enumerate(items, start=1):
        rank, what, account, about, date, why = _cells(number, item, names)
        where = account if item.subject is None else f"{account} · {about}"
        stacked = Text.assemble((what, "bold"), f" · {where}\n", why)
        table.add_row(rank, date, stacked, end_section=True)
    return table


def render_markdown(
    items: Sequence[AgendaItem], names: Mapping[str, str], today: dt.date, owner: str | None
) -> str:
    lines = [f"## {inline_markdown(_title(today, owner, len(items)))}", ""]
    if items:
        lines.append("| " + " | ".join(HEADERS) + " |")
        lines.append("|---:|---|---|---|---|---|")
        for number, item in enumerate(items, start=1):
            cells = [inline_markdown(cell) for cell in _cells(number, item, names)]
            lines.append("| " + " | ".join(cells) + " |")
    else:
        lines.append("Nothing to do.")
    return "\n".join(lines) + "\n"


def agenda_document(
    items: Sequence[AgendaItem], today: dt.date, owner: str | None
) -> dict[str, Any]:
    return {
        "today": today.isoformat(),
        "owner": owner,
        "items": [
            {
                "kind": item.kind.value,
                "account": item.account,
                "subject": item.subject,
                "date": None if item.date is None else item.date.isoformat(),
                "reason": item.reason,
            }
            for item in items
        ],
    }


def render_json(items: Sequence[AgendaItem], today: dt.date, owner: str | None) -> str:
    return json_text(agenda_document(items, today, owner)) + "\n"
