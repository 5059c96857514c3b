"""The org chart as Graphviz DOT, for print-quality charts (`dot -Tsvg`).

Same picture as the Mermaid chart: reporting lines solid, dotted-line influence dashed,
nodes filled by attitude, touchpoints with a heavy border, people to win dashed, key
players not met in time in red text, and each external organization in its own cluster. Every string is quoted and escaped.
"""

from __future__ import annotations

from kamtui.core.people.org_chart import OrgChart, OrgNode, walk
from kamtui.render.safe_text import one_line
from kamtui.render.stakeholder_style import ATTITUDE_LOOK, STALE_COLOUR, person_facts


def escape(text: str) -> str:
    """`text` on one line, safe inside a DOT quoted string, shown literally."""
    return one_line(text).replace("\\", "\\\\").replace('"', '\\"')


def quote(text: str) -> str:
    return f'"{escape(text)}"'


def _label(node: OrgNode) -> str:
    lines = [
        node.person.name,
        node.person.title or "",
        " · ".join(f.text for f in person_facts(node)),
    ]
    # "\n" between quoted pieces is DOT's line break, added after the text is escaped.
    return "\\n".join(escape(line) for line in lines if one_line(line))


def _node(node: OrgNode, indent: str) -> str:
    look = ATTITUDE_LOOK[node.person.attitude]
    style = "rounded,filled,dashed" if node.to_win else "rounded,filled"
    attributes = [
        f'label="{_label(node)}"',
        f'fillcolor="{look.fill}"',
        f'color="{look.stroke}"',
        f'style="{style}"',
    ]
    if node.person.touchpoint:
        attributes.append("penwidth=3")
    if node.stale:
        attributes.append(f'fontcolor="{STALE_COLOUR}"')
    return f"{indent}{quote(node.person.id)} [{', '.join(attributes)}];"


def render_dot(chart: OrgChart) -> str:
    lines = [
        "digraph stakeholders {",
        f'    graph [rankdir=TB, labelloc=t, fontname="Helvetica", label={quote(chart.account_name)}];',
        '    node [shape=box, fontname="Helvetica", fontsize=11];',
        '    edge [color="#555555", fontname="Helvetica", fontsize=10];',
    ]
    lines.extend(_node(node, "    ") for node, _ in walk(chart.roots))
    for number, group in enumerate(chart.externals, start=1):
        lines.append(f"    subgraph cluster_{number} {{")
        lines.append(f"        label={quote(group.organization)}; style=dashed;")
        lines.extend(_node(node, "        ") for node, _ in walk(group.people))
        lines.append("    }")
    lines.extend(f"    {quote(a)} -> {quote(b)};" for a, b in chart.reporting_lines)
    lines.extend(
        f'    {quote(a)} -> {quote(b)} [style=dashed, constraint=false, label="influences"];'
        for a, b in chart.influence_lines
    )
    lines.append("}")
    return "\n".join(lines) + "\n"
