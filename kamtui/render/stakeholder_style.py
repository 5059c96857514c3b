"""How a stakeholder looks in every rendering: words, symbols and colours.

Colour always repeats what a word or symbol already says, so a chart printed in
black and white, or read by someone who does not tell red from green, loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from kamtui.core.account.model import Attitude, Level, Relationship, Stakeholder
from kamtui.core.people.org_chart import OrgNode
from kamtui.render.safe_text import one_line


@dataclass(frozen=True)
class AttitudeLook:
    symbol: str
    style: str  # a Rich style, for the terminal
    fill: str  # background of a chart node
    stroke: str  # border of a chart node


ATTITUDE_LOOK: dict[Attitude, AttitudeLook] = {
    Attitude.champion: AttitudeLook("++", "bold green", "#a5d6a7", "#1b5e20"),
    Attitude.supporter: AttitudeLook("+", "green", "#dcedc8", "#558b2f"),
    Attitude.neutral: AttitudeLook("=", "yellow", "#fff9c4", "#f9a825"),
    Attitude.skeptic: AttitudeLook("-", "dark_orange", "#ffe0b2", "#e65100"),
    Attitude.blocker: AttitudeLook("--", "bold red", "#ffcdd2", "#b71c1c"),
}

RELATIONSHIP_STYLE: dict[Relationship, str] = {
    Relationship.strong: "green",
    Relationship.good: "green",
    Relationship.weak: "yellow",
    Relationship.none: "red",
}

TOUCHPOINT = "◆ touchpoint"
TO_WIN = "★ to win"
STALE = "⚠ not met in time"
# Text colour of a stale key player's node in the Mermaid and DOT charts.
STALE_COLOUR = "#b71c1c"
INFLUENCED_BY = "┄ influenced by"


@dataclass(frozen=True)
class Fact:
    """One thing shown about a person, with the Rich style the terminal gives it."""

    text: str
    style: str = ""


def attitude_fact(person: Stakeholder) -> Fact:
    look = ATTITUDE_LOOK[person.attitude]
    return Fact(f"{look.symbol} {person.attitude.value}", look.style)


def heading(person: Stakeholder) -> str:
    """Name and title, made safe: "Morgan Lee, Executive Vice President"."""
    name = one_line(person.name)
    title = one_line(person.title or "")
    return f"{name}, {title}" if title else name


def person_facts(node: OrgNode) -> list[Fact]:
    """Decision power, attitude, relationship, and the touchpoint, to-win and
    not-met-in-time markers."""
    person = node.person
    facts = []
    if person.decision_power is not None:
        strong = "bold" if person.decision_power is Level.high else ""
        facts.append(Fact(f"{person.decision_power.value} power", strong))
    facts.append(attitude_fact(person))
    relationship = person.relationship
    facts.append(Fact(f"relationship {relationship.value}", RELATIONSHIP_STYLE[relationship]))
    if person.touchpoint:
        facts.append(Fact(TOUCHPOINT, "bold cyan"))
    if node.to_win:
        facts.append(Fact(TO_WIN, "bold magenta"))
    if node.stale:
        facts.append(Fact(STALE, "bold red"))
    return facts
