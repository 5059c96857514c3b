"""The Graphviz DOT chart: structure, styling and escaping."""

from __future__ import annotations

import re
import shutil
import string
import subprocess

import pytest

from kamtui.core.loading.loader import load_folder
from kamtui.render.dot import quote, render_dot
from tests.conftest import EXAMPLES
from tests.core.stakeholder_builders import chart_of, hospital
from tests.render.test_mermaid import hostile_map

_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_LEGEND = re.compile(r"<<TABLE [^\n]*</TABLE>>")


def structure_problems(text: str) -> list[str]:
    """What is left outside the quoted strings must be plain DOT syntax, braces balanced."""
    # The legend's table is the one HTML label, and holds no user text.
    outside = _LEGEND.sub("S", _QUOTED.sub("S", text))
    allowed = set(string.ascii_letters + string.digits + "_=,;[]{}-> \n")
    problems = [f"stray {c!r}" for c in sorted(set(outside) - allowed)]
    if outside.count("{") != outside.count("}"):
        problems.append("unbalanced braces")
    return problems


def test_the_hospital_chart() -> None:
    text = render_dot(chart_of(hospital()))
    assert text.splitlines()[:4] == [
        "digraph stakeholders {",
        '    graph [rankdir=TB, labelloc=t, fontname="Helvetica", label="Harbor Health"];',
        '    node [shape=box, fontname="Helvetica", fontsize=11];',
        '    edge [color="#555555", fontname="Helvetica", fontsize=10];',
    ]
    assert (
        '    "evp" [label="Morgan Lee\\nEVP\\nhigh power · = neutral · relationship weak · ★ to win", '
        'fillcolor="#fff59d", color="#f9a825", style="rounded,filled,dashed", penwidth=2];'
    ) in text
    assert (
        '    "it-director" [label="Sam Patel\\nIT Director\\nmedium power · + supporter · '
        'relationship strong · ◆ touchpoint", fillcolor="#81c784", color="#558b2f", '
        'style="rounded,filled", penwidth=3];'
    ) in text
    # The path of influence to the EVP is drawn bold; the placeholders dashed.
    assert (
        '    "consultant" -> "evp" [style=dashed, constraint=false, label="influences", '
        "penwidth=3];\n" in text
    )
    assert (
        '    "missing:decision_maker" [label="missing: decision maker", fontsize=10, '
        'penwidth=2, color="#757575", fontcolor="#757575", style="rounded,dashed"];'
    ) in text
    assert '<TD BGCOLOR="#81c784" COLOR="#757575">relationship strong</TD>' in text
    assert "    subgraph cluster_1 {\n" in text
    assert '        label="Larch Advisory"; style=dashed;\n' in text
    assert '    "ceo" -> "evp";\n' in text
    assert text.endswith("}\n")
    assert structure_problems(text) == []


def test_key_players_not_met_in_time_carry_the_marker_in_red() -> None:
    text = render_dot(chart_of(hospital(), stale=["evp"]))
    assert (
        '    "evp" [label="Morgan Lee\\nEVP\\nhigh power · = neutral · relationship weak · '
        '★ to win · ⚠ not met in time", fillcolor="#fff59d", color="#f9a825", '
        'style="rounded,filled,dashed", penwidth=2, fontcolor="#b71c1c"];'
    ) in text
    assert text.count('fontcolor="#b71c1c"') == 1
    assert structure_problems(text) == []


def test_quote_escapes_backslashes_and_quotes_on_one_line() -> None:
    assert quote('say "hi" \\n\nnow') == '"say \\"hi\\" \\\\n now"'


def test_hostile_user_text_stays_inside_its_quotes() -> None:
    text = render_dot(chart_of(hostile_map()))  # type: ignore[arg-type]
    assert structure_problems(text) == []
    assert '\\"The Axe\\"' in text and "\x1b" not in text


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graphviz_accepts_every_chart() -> None:
    charts = [chart_of(hostile_map())]  # type: ignore[arg-type]
    charts += [chart_of(account) for account in load_folder(EXAMPLES).accounts.values()]
    for chart in charts:
        result = subprocess.run(
            ["dot", "-Tsvg"], input=render_dot(chart), capture_output=True, text=True, check=False
        )
        assert result.returncode == 0 and not result.stderr, (chart.account_name, result.stderr)
