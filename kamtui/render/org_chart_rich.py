"""The org chart as Rich renderables: the reporting tree, the people outside it, who to win.

User text only ever enters through `rich.text.Text` pieces, never markup, so a name
like "[bold]Ann" prints as typed.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from rich.tree import Tree

from kamtui.core.people.buying_centre import COMPLETE, MapStatus
from kamtui.core.people.org_chart import OrgChart, OrgNode
from kamtui.core.people.stakeholders import StakeholderAnalysis, person_label
from kamtui.render.safe_text import one_line
from kamtui.render.stakeholder_style import (
    INFLUENCED_BY,
    attitude_fact,
    heading,
    missing_role,
    person_facts,
    unfriendly_note,
)

_SEPARATOR = " · "
MARKED = "▶"
NOTES = "✎"
# A required role nobody holds: an empty place in the map.
PLACEHOLDER = "◌"


def person_line(node: OrgNode, marked: str | None = None) -> Text:
    """ "Morgan Lee, EVP · high power · = neutral · relationship weak · ★ to win"; the
    person whose id is `marked` stands out, pointed at and reversed."""
    line = Text()
    if node.person.id == marked:
        line.append(f"{MARKED} ")
        line.append(heading(node.person), style="bold reverse")
    else:
        line.append(heading(node.person), style="bold")
    for fact in person_facts(node):
        line.append(_SEPARATOR)
        line.append(fact.text, style=fact.style)
    return line


def influence_lines(node: OrgNode) -> list[Text]:
    """One dim line per dotted line reaching this person."""
    lines = []
    for influencer in node.influenced_by:
        fact = attitude_fact(influencer)
        line = Text(f"{INFLUENCED_BY} {one_line(person_label(influencer))}", style="italic")
        line.append(_SEPARATOR)
        line.append(fact.text, style=fact.style)
        lines.append(line)
    return lines


def _grow(tree: Tree, roots: tuple[OrgNode, ...], marked: str | None) -> None:
    # Iterative, so a very deep hierarchy cannot exhaust Python's recursion limit.
    stack = [(tree, root) for root in reversed(roots)]
    while stack:
        parent, node = stack.pop()
        branch = parent.add(person_line(node, marked))
        if node.person.notes:
            branch.add(Text(f"{NOTES} {one_line(node.person.notes)}", style="italic dim"))
        for line in influence_lines(node):
            branch.add(line, style="dim")
        stack.extend((branch, child) for child in reversed(node.reports))


def map_status_line(status: MapStatus) -> Text:
    """ "Map status 1 of 3: Name who holds the missing roles: buyer." """
    style = "green" if status.level == COMPLETE else "yellow"
    line = Text(f"Map status {status.level} of {COMPLETE}: ", style=f"bold {style}")
    line.append(status.next_step)
    return line


def _summary(analysis: StakeholderAnalysis) -> Text:
    text = Text()
    if analysis.coverage is None:
        text.append("Coverage: nobody with high decision power on record\n")
    else:
        text.append(f"Coverage: {analysis.coverage:.0%} of the high-power stakeholders ")
        text.append("have a strong or good relationship with us\n")
    count = len(analysis.touchpoints)
    text.append(f"Touchpoints: {count}")
    if analysis.single_threaded:
        text.append(" (single-threaded: one contact leaves and the account goes dark)", "yellow")
    for warning in analysis.warnings:
        text.append("\n")
        text.append(f"⚠ {one_line(warning)}", style="yellow")
    return text


def render_org_chart(chart: OrgChart, marked: str | None = None) -> RenderableType:
    """The chart; the person whose id is `marked` (the one a list has highlighted) stands out."""
    # First: how complete the map is, and what would make it more so.
    parts: list[RenderableType] = [map_status_line(chart.status), Text()]
    hierarchy = Tree(Text(one_line(chart.account_name), style="bold"), guide_style="dim")
    _grow(hierarchy, chart.roots, marked)
    if not chart.roots and not chart.externals:
        hierarchy.add(Text("No stakeholders recorded.", style="italic"))
    for role in chart.status.missing_roles:
        hierarchy.add(Text(f"{PLACEHOLDER} {missing_role(role)}", style="yellow italic"))
    parts.append(hierarchy)
    if chart.externals:
        outside = Tree(Text("Outside the hierarchy", style="bold"), guide_style="dim")
        for group in chart.externals:
            group_branch = outside.add(Text(one_line(group.organization), style="bold"))
            _grow(group_branch, group.people, marked)
        parts.append(Text())
        parts.append(outside)
    if chart.to_win:
        parts.append(Text())
        parts.append(Text("To win", style="bold"))
        for target in chart.to_win:
            style = "" if target.path is not None else "yellow"
            parts.append(Text(f"★ {one_line(target.description)}", style=style))
            if target.unfriendly:
                parts.append(Text(f"  {unfriendly_note(target.unfriendly)}", style="yellow"))
    parts.append(Text())
    parts.append(_summary(chart.analysis))
    return Group(*parts)
