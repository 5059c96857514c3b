"""The org chart as a Mermaid flowchart, for pull requests and READMEs on GitHub.

Reporting lines are solid (manager above report), dotted-line influence is dotted,
each node is styled by attitude, touchpoints and people to win carry a marker in
their label as well as a border, key players not met in time a marker and red text. Every label is user text: it is escaped into
Mermaid entity codes so no quote, bracket, `<` or backtick can end it early.
"""

from __future__ import annotations

import re

from kamtui.core.account.model import Attitude
from kamtui.core.people.org_chart import OrgChart, OrgNode, walk
from kamtui.render.safe_text import one_line
from kamtui.render.stakeholder_style import ATTITUDE_LOOK, STALE_COLOUR, person_facts

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
    lines.extend(f"    {ids[a]} --> {ids[b]}" for a, b in chart.reporting_lines)
    lines.extend(f"    {ids[a]} -. influences .-> {ids[b]}" for a, b in chart.influence_lines)
    for attitude in Attitude:
        look = ATTITUDE_LOOK[attitude]
        lines.append(
            f"    classDef {attitude.value} fill:{look.fill},stroke:{look.stroke},color:#000"
        )
    lines.append("    classDef touchpoint stroke-width:4px")
    lines.append("    classDef to_win stroke-width:3px,stroke-dasharray:6 3")
    lines.append(f"    classDef stale color:{STALE_COLOUR},font-weight:bold")
    people = [node for node, _ in chart.walk()]
    for attitude in Attitude:
        _assign(lines, attitude.value, [n for n in people if n.person.attitude is attitude], ids)
    _assign(lines, "touchpoint", [n for n in people if n.person.touchpoint], ids)
    _assign(lines, "to_win", [n for n in people if n.to_win], ids)
    _assign(lines, "stale", [n for n in people if n.stale], ids)
    return "\n".join(lines) + "\n"


def _assign(lines: list[str], class_name: str, nodes: list[OrgNode], ids: dict[str, str]) -> None:
    if nodes:
        lines.append(f"    class {','.join(ids[n.person.id] for n in nodes)} {class_name}")
