"""The org chart as Graphviz DOT, for print-quality charts (`dot -Tsvg`).

Same picture as the Mermaid chart: reporting lines solid, dotted-line influence dashed,
nodes filled by attitude, touchpoints with a heavy border, people to win dashed, key
players not met in time in red text, and each external organization in its own cluster. Every string is quoted and escaped.
"""

from __future__ import annotations

import html

from kamtui.core.people.org_chart import OrgChart, OrgNode, walk
from kamtui.render.safe_text import one_line
from kamtui.render.stakeholder_style import (
    ATTITUDE_LOOK,
    MISSING_STROKE,
    PATH_NOTE,
    RELATIONSHIP_FILL,
    STALE_COLOUR,
    legend,
    missing_role,
    person_facts,
)


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
    style = "rounded,filled,dashed" if node.to_win else "rounded,filled"
    attributes = [
        f'label="{_label(node)}"',
        f'fillcolor="{RELATIONSHIP_FILL[node.person.relationship]}"',
        f'color="{ATTITUDE_LOOK[node.person.attitude].stroke}"',
        f'style="{style}"',
        f"penwidth={3 if node.person.touchpoint else 2}",
    ]
    if node.stale:
        attributes.append(f'fontcolor="{STALE_COLOUR}"')
    return f"{indent}{quote(node.person.id)} [{', '.join(attributes)}];"


_SAMPLE = "fontsize=10, penwidth=2"


def _legend() -> str:
    """One node holding a table of samples, so the legend keeps its order and its place."""
    rows = ['<TR><TD BORDER="0"><B>Legend</B></TD></TR>']
    for entry in legend():
        dashed = ' STYLE="dashed"' if entry.dashed else ""
        rows.append(
            f'<TR><TD BGCOLOR="{entry.fill}" COLOR="{entry.stroke}"{dashed}>'
            f"{html.escape(entry.text)}</TD></TR>"
        )
    rows.append(f'<TR><TD BORDER="0">{html.escape(PATH_NOTE)}</TD></TR>')
    table = f'<TABLE BORDER="0" CELLBORDER="2" CELLSPACING="3">{"".join(rows)}</TABLE>'
    # A colon in its name: no stakeholder id has one.
    return f'"legend:" [shape=plaintext, fontsize=10, label=<{table}>];'


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
    # Placeholders and legend samples are named with a colon, which no stakeholder id has.
    lines.extend(
        f'    "missing:{role.value}" [label={quote(missing_role(role))}, {_SAMPLE}, '
        f'color="{MISSING_STROKE}", fontcolor="{MISSING_STROKE}", style="rounded,dashed"];'
        for role in chart.status.missing_roles
    )
    steps = chart.path_steps()
    for a, b in chart.reporting_lines:
        bold = " [penwidth=3]" if (a, b) in steps or (b, a) in steps else ""
        lines.append(f"    {quote(a)} -> {quote(b)}{bold};")
    for a, b in chart.influence_lines:
        bold = ", penwidth=3" if (a, b) in steps else ""
        lines.append(
            f'    {quote(a)} -> {quote(b)} [style=dashed, constraint=false, label="influences"{bold}];'
        )
    lines.append(f"    {_legend()}")
    lines.append("}")
    return "\n".join(lines) + "\n"
