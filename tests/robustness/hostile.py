"""An account whose every piece of text is hostile to a terminal, and the checks that
rendered output shows that text literally and safely.

Each text field carries Rich / Textual markup (a style, a closing tag, a link, a
click action), ANSI escapes (a colour, an OSC 8 hyperlink, clear-screen) and
control characters (bell, backspace, carriage return). YAML's double-quoted
escapes (`\\e`, `\\u0007`) put the raw characters into the loaded strings.
"""

from __future__ import annotations

import re

# The markup part of a field: what must be shown literally, with the field's own label.
MARKUP = "[bold red]{label}[/] [/] [link=https://evil.example]click[/link] [@click=app.quit]q[/]"
# The escape part: what must never reach the terminal (written as YAML escapes).
ESCAPES = r"\e[31m \e]8;;http://evil.example\e\\L\e]8;;\e\\ \e[2J \u0007\u0008\r end"

LABELS = {
    "name": "NAME",
    "industry": "INDUSTRY",
    "owner": "OWNER",
    "notes": "NOTES",
    "evidence": "EVIDENCE",
    "objective": "OBJECTIVE",
    "why": "WHY",
    "how": "HOW",
    "stakeholder": "PERSON",
    "title": "TITLE",
    "organization": "ORG",
    "adviser": "ADVISER",
    "stakeholder_notes": "PNOTES",
    "need": "NEED",
    "strength": "STRENGTH",
    "weakness": "WEAKNESS",
    "opportunity": "OPPORTUNITY",
    "threat": "THREAT",
    "tag": "TAG",
}


def shown(label: str) -> str:
    """The literal markup of a field as every output must show it."""
    return MARKUP.format(label=LABELS[label])


def _field(label: str) -> str:
    return '"' + shown(label) + " " + ESCAPES + '"'


def hostile_account(label_prefix: str = "") -> str:
    """The YAML text of a valid account with hostile text in every text field.

    `label_prefix` renames the account (a second hostile file beside the first).
    """
    name = _field("name").replace("NAME", f"{label_prefix}NAME")
    return f"""\
name: {name}
industry: {_field("industry")}
owner: {_field("owner")}
stage: cooperative
tags: [{_field("tag")}]
revenue: {{2025: 100000, 2026: 150000}}
mrr: {{basic: 0, standard: 1000, premium: 0}}
criteria:
  revenue_volume: {{score: 4, evidence: {_field("evidence")}}}
  revenue_potential: 4
  lifetime_value: 3
  product_fit: 4
  strategic_value: 5
harmony: {{strategic_fit: 4, culture: 3, vision: 5, strategy: 4}}
health:
  churn_risk: high
  engagement: low
  at_risk_since: 2026-06-01
  onboarding: in_progress
objectives:
  - id: win
    what: {_field("objective")}
    why: {_field("why")}
    how: {_field("how")}
    status: at_risk
    due: 2026-01-31
stakeholders:
  - id: boss
    name: {_field("stakeholder")}
    title: {_field("title")}
    decision_power: high
    attitude: neutral
    notes: {_field("stakeholder_notes")}
  - id: adviser
    name: {_field("adviser")}
    organization: {_field("organization")}
    attitude: champion
    influences: [boss]
needs:
  - id: upsell
    what: {_field("need")}
    kind: upsell
    value: 50000
swot:
  strengths: [{_field("strength")}]
  weaknesses: [{_field("weakness")}]
  opportunities: [{_field("opportunity")}]
  threats: [{_field("threat")}]
notes: {_field("notes")}
"""


# What a colour terminal legitimately receives from Rich: SGR colour and style codes.
_RICH_SGR = re.compile(r"\x1b\[[0-9;]*m")
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x9b\u202a-\u202e\u2066-\u2069]")


def unsafe_characters(output: str, *, coloured: bool = False) -> list[str]:
    """Control characters in `output` other than newline and tab; with `coloured`, the
    SGR codes Rich writes itself are allowed (and only those: no OSC 8 link, no clear)."""
    if coloured:
        output = _RICH_SGR.sub("", output)
    return sorted({repr(c) for c in _UNSAFE.findall(output)})
