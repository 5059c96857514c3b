"""The org chart as a Mermaid flowchart, for pull requests and READMEs on GitHub.

Reporting lines are solid (manager above report), dotted-line influence is dotted,
each node is styled by attitude, touchpoints and people to win carry a marker in
their label as well as a border, key players not met in time a marker and red text. Every label is user text: it is escaped into
Mermaid entity codes so no quote, bracket, `<` or backtick can end it early.
"""

from __future__ import annotations

import re

from kamtui.core.account.model import Attitude, Relationship
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

# Mermaid decodes "#<decimal>;" in labels; these characters would otherwise end a
# quoted label, open an HTML tag or entity, start markdown, or start an entity code.
_ENTITIES = str.maketrans({c: f"#{ord(c)};" for c in '"#&<>`'})
_NOT_ID = re.compile(r"[^A-Za-z0-9_]")


def escape(text: str) -> str:
    """`text` on one line, safe inside a quoted Mermaid label, shown literally."""
    return one_line(text).translate(_ENTITIES)


def node_ids(chart: OrgChart) -> dict[str, str]:
    """Stakeholder id → Mermaid node id: prefixed (so no id is a keyword such as
    `end`), reduced to letters, digits and `_`, and made unique again."""
    taken: set[str] = set()
    ids: dict[str, str] = {}
    for node, _ in chart.walk():
        base = "sh_" + _NOT_ID.sub("_", node.person.id)
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}_{n}"
        taken.add(candidate)
        ids[node.person.id] = candidate
    return ids


def _node_label(node: OrgNode) -> str:
    """Name, title, then the facts; each fact kept whole when Mermaid wraps the line."""
    lines = [node.person.name, node.person.title or ""]
    facts = " · ".join(escape(fact.text).replace(" ", "#160;") for fact in person_facts(node))
    return "<br/>".join([*(escape(line) for line in lines if line.strip()), facts])


def _node(node: OrgNode, ids: dict[str, str], indent: str) -> str:
    return f'{indent}{ids[node.person.id]}["{_node_label(node)}"]'


def render_mermaid(chart: OrgChart) -> str:
    ids = node_ids(chart)
    lines = ["flowchart TD"]
    lines.extend(_node(node, ids, "    ") for node, _ in walk(chart.roots))
    for number, group in enumerate(chart.externals, start=1):
        lines.append(f'    subgraph org_{number}["{escape(group.organization)}"]')
        lines.extend(_node(node, ids, "        ") for node, _ in walk(group.people))
        lines.append("    end")
    lines.extend(
        f'    missing_{role.value}["{escape(missing_role(role))}"]'
        for role in chart.status.missing_roles
    )
    steps = chart.path_steps()
    on_path: list[bool] = []
    for a, b in chart.reporting_lines:
        lines.append(f"    {ids[a]} --> {ids[b]}")
        on_path.append((a, b) in steps or (b, a) in steps)
    for a, b in chart.influence_lines:
        lines.append(f"    {ids[a]} -. influences .-> {ids[b]}")
        on_path.append((a, b) in steps)
    bold = [str(number) for number, step in enumerate(on_path) if step]
    if bold:
        lines.append(f"    linkStyle {','.join(bold)} stroke-width:4px")
    lines.append('    subgraph legend["Legend"]')
    lines.extend(f'        legend_{e.key}["{escape(e.text)}"]' for e in legend())
    lines.append(f'        legend_path["{escape(PATH_NOTE)}"]')
    lines.append("    end")
    # First, so that the classes after it give the samples their own fill and border.
    lines.append("    classDef legend fill:#ffffff,color:#000")
    for relationship, fill in RELATIONSHIP_FILL.items():
        lines.append(f"    classDef rel_{relationship.value} fill:{fill},color:#000")
    for attitude in Attitude:
        lines.append(
            f"    classDef {attitude.value} stroke:{ATTITUDE_LOOK[attitude].stroke},stroke-width:2px"
        )
    lines.append("    classDef touchpoint stroke-width:4px")
    lines.append("    classDef to_win stroke-width:3px,stroke-dasharray:6 3")
    lines.append(f"    classDef stale color:{STALE_COLOUR},font-weight:bold")
    lines.append(
        f"    classDef missing fill:#ffffff,stroke:{MISSING_STROKE},"
        f"stroke-dasharray:4 4,color:{MISSING_STROKE}"
    )
    people = [node for node, _ in chart.walk()]
    for relationship in Relationship:
        _assign(
            lines,
            f"rel_{relationship.value}",
            [ids[n.person.id] for n in people if n.person.relationship is relationship],
        )
    for attitude in Attitude:
        _assign(
            lines,
            attitude.value,
            [ids[n.person.id] for n in people if n.person.attitude is attitude],
        )
    _assign(lines, "touchpoint", [ids[n.person.id] for n in people if n.person.touchpoint])
    _assign(lines, "to_win", [ids[n.person.id] for n in people if n.to_win])
    _assign(lines, "stale", [ids[n.person.id] for n in people if n.stale])
    _assign(lines, "missing", [f"missing_{role.value}" for role in chart.status.missing_roles])
    _assign(lines, "legend", [f"legend_{e.key}" for e in legend()] + ["legend_path"])
    for entry in legend():
        _assign(lines, entry.key, [f"legend_{entry.key}"])
    return "\n".join(lines) + "\n"


def _assign(lines: list[str], class_name: str, node_ids: list[str]) -> None:
    if node_ids:
        lines.append(f"    class {','.join(node_ids)} {class_name}")
