"""How a stakeholder looks in every rendering: words, symbols and colours.

Colour always repeats what a word or symbol already says, so a chart printed in
black and white, or read by someone who does not tell red from green, loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from kamtui.core.account.model import Attitude, BuyingRole, Level, Relationship, Stakeholder
from kamtui.core.people.buying_centre import role_name
from kamtui.core.people.org_chart import OrgNode
from kamtui.core.people.stakeholders import person_label
from kamtui.render.safe_text import one_line


@dataclass(frozen=True)
class AttitudeLook:
    symbol: str
    style: str  # a Rich style, for the terminal
    stroke: str  # border of a chart node


ATTITUDE_LOOK: dict[Attitude, AttitudeLook] = {
    Attitude.champion: AttitudeLook("++", "bold green", "#1b5e20"),
    Attitude.supporter: AttitudeLook("+", "green", "#558b2f"),
    Attitude.neutral: AttitudeLook("=", "yellow", "#f9a825"),
    Attitude.skeptic: AttitudeLook("-", "dark_orange", "#e65100"),
    Attitude.blocker: AttitudeLook("--", "bold red", "#b71c1c"),
}

# A chart node's background says how well we know the person, as the seed's map does;
# the attitude is its border (and its symbol in the label).
RELATIONSHIP_FILL: dict[Relationship, str] = {
    Relationship.strong: "#81c784",
    Relationship.good: "#c8e6c9",
    Relationship.weak: "#fff59d",
    Relationship.none: "#eeeeee",
}
# A placeholder for a required role nobody holds, and the legend's frame.
MISSING_STROKE = "#757575"

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
UNFRIENDLY_MARK = "⚠ through a skeptic or blocker"
UNFRIENDLY_PATH = "⚠ path through a skeptic or blocker"


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


def missing_role(role: BuyingRole) -> str:
    """The placeholder the map shows for a required role nobody holds."""
    return f"missing: {role_name(role)}"


def unfriendly_note(people: tuple[Stakeholder, ...]) -> str:
    """ "⚠ through a blocker: Sam Roe, CTO" for a path of influence to be wary of."""
    names = ", ".join(f"{one_line(person_label(p))} ({p.attitude.value})" for p in people)
    return f"{UNFRIENDLY_MARK}: {names}"


def person_facts(node: OrgNode) -> list[Fact]:
    """Decision power, attitude, relationship, buying-centre role, and the touchpoint,
    to-win and not-met-in-time markers."""
    person = node.person
    facts = []
    if person.decision_power is not None:
        strong = "bold" if person.decision_power is Level.high else ""
        facts.append(Fact(f"{person.decision_power.value} power", strong))
    facts.append(attitude_fact(person))
    relationship = person.relationship
    facts.append(Fact(f"relationship {relationship.value}", RELATIONSHIP_STYLE[relationship]))
    if person.role is not None:
        facts.append(Fact(role_name(person.role), "italic"))
    if person.touchpoint:
        facts.append(Fact(TOUCHPOINT, "bold cyan"))
    if node.to_win:
        facts.append(Fact(TO_WIN, "bold magenta"))
    if node.unfriendly_path:
        facts.append(Fact(UNFRIENDLY_PATH, "yellow"))
    if node.stale:
        facts.append(Fact(STALE, "bold red"))
    return facts


@dataclass(frozen=True)
class LegendEntry:
    """One sample node of a chart's legend."""

    key: str
    text: str
    fill: str
    stroke: str
    dashed: bool = False


PATH_NOTE = "bold lines: the path of influence to each person to win"


def legend() -> tuple[LegendEntry, ...]:
    """The samples the Mermaid and DOT charts explain themselves with."""
    return (
        *(
            LegendEntry(f"rel_{r.value}", f"relationship {r.value}", fill, MISSING_STROKE)
            for r, fill in RELATIONSHIP_FILL.items()
        ),
        *(
            LegendEntry(a.value, f"{look.symbol} {a.value}", "#ffffff", look.stroke)
            for a, look in ATTITUDE_LOOK.items()
        ),
        LegendEntry("missing", "missing: a required role", "#ffffff", MISSING_STROKE, True),
    )
