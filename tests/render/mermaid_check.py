"""A structural check of the Mermaid flowcharts kamtui writes.

Not a Mermaid parser: it knows the small subset `render_mermaid` uses and rejects
any line outside it, so a label that leaks a quote, a bracket or a tag shows up as
a line that matches nothing.
"""

from __future__ import annotations

import re

from kamtui.core.account.model import Attitude

# Inside a label: no quote, no raw tag except our own <br/>, no backtick, and a `#`
# only as the start of a decimal entity code.
_LABEL = r'"((?:[^"<>`#]|<br/>|#\d+;)*)"'
_NODE = re.compile(rf"^    (?:    )?((?:sh|missing|legend)_\w+)\[{_LABEL}\]$")
_SUBGRAPH = re.compile(rf"^    subgraph (org_\d+|legend)\[{_LABEL}\]$")
_LINK_STYLE = re.compile(r"^    linkStyle ([\d,]+) stroke-width:4px$")
_EDGE = re.compile(r"^    (\w+) (-->|-\. influences \.->) (\w+)$")
_CLASS_DEF = re.compile(r"^    classDef (\w+) ([\w#:,.\- ]+)$")
_CLASS = re.compile(r"^    class ([\w,]+) (\w+)$")


def mermaid_problems(text: str) -> list[str]:
    """Every way `text` departs from a well-formed kamtui flowchart; empty when none."""
    lines = text.splitlines()
    if not lines or lines[0] != "flowchart TD":
        return ["the first line is not 'flowchart TD'"]
    problems: list[str] = []
    nodes: list[str] = []
    edges: list[tuple[str, str]] = []
    class_defs: set[str] = set()
    assigned: list[tuple[list[str], str]] = []
    styled: list[int] = []
    open_subgraphs = 0
    for number, line in enumerate(lines[1:], start=2):
        if match := _NODE.match(line):
            nodes.append(match[1])
            if (line.startswith("        ")) != (open_subgraphs > 0):
                problems.append(f"line {number}: node indented against its subgraph")
        elif _SUBGRAPH.match(line):
            open_subgraphs += 1
            if open_subgraphs > 1:
                problems.append(f"line {number}: nested subgraph")
        elif line == "    end":
            open_subgraphs -= 1
            if open_subgraphs < 0:
                problems.append(f"line {number}: 'end' without a subgraph")
        elif match := _EDGE.match(line):
            edges.append((match[1], match[3]))
        elif match := _LINK_STYLE.match(line):
            styled.extend(int(n) for n in match[1].split(","))
        elif match := _CLASS_DEF.match(line):
            class_defs.add(match[1])
        elif match := _CLASS.match(line):
            assigned.append((match[1].split(","), match[2]))
        else:
            problems.append(f"line {number}: unexpected {line!r}")
        if _unbalanced(line):
            problems.append(f"line {number}: unbalanced quotes or brackets in {line!r}")
    if open_subgraphs:
        problems.append("a subgraph is never closed")
    declared = set(nodes)
    problems.extend(f"node {n} declared twice" for n in sorted(declared) if nodes.count(n) > 1)
    for a, b in edges:
        problems.extend(
            f"edge {a} -> {b}: {n} is not declared" for n in (a, b) if n not in declared
        )
    problems.extend(f"linkStyle {n}: there is no link {n}" for n in styled if n >= len(edges))
    missing = {a.value for a in Attitude} - class_defs
    if missing:
        problems.append(f"no classDef for {sorted(missing)}")
    for members, name in assigned:
        if name not in class_defs:
            problems.append(f"class {name} is assigned but never defined")
        problems.extend(f"class {name}: {m} is not declared" for m in members if m not in declared)
    return problems


def _unbalanced(line: str) -> bool:
    """Quotes come in pairs, and brackets outside quotes close in order."""
    if line.count('"') % 2:
        return True
    outside = "".join(part for i, part in enumerate(line.split('"')) if i % 2 == 0)
    stack: list[str] = []
    pairs = {")": "(", "]": "[", "}": "{"}
    for char in outside:
        if char in "([{":
            stack.append(char)
        elif char in pairs and (not stack or stack.pop() != pairs[char]):
            return True
    return bool(stack)
