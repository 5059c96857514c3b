"""The Graphviz DOT chart: structure, styling and escaping."""

from __future__ import annotations

import re
import shutil
import string
import subprocess

import pytest

from kamtui.core.loading.loader import load_folder
from kamtui.core.people.org_chart import org_chart
from kamtui.render.dot import quote, render_dot
from tests.conftest import EXAMPLES
from tests.core.stakeholder_builders import hospital
from tests.render.test_mermaid import hostile_map

_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')


def structure_problems(text: str) -> list[str]:
    """What is left outside the quoted strings must be plain DOT syntax, braces balanced."""
    outside = _QUOTED.sub("S", text)
    allowed = set(string.ascii_letters + string.digits + "_=,;[]{}-> \n")
    problems = [f"stray {c!r}" for c in sorted(set(outside) - allowed)]
    if outside.count("{") != outside.count("}"):
        problems.append("unbalanced braces")
    return problems


def test_the_hospital_chart() -> None:
    text = render_dot(org_chart(hospital()))
    assert text.splitlines()[:4] == [
        "digraph stakeholders {",
        '    graph [rankdir=TB, labelloc=t, fontname="Helvetica", label="Harbor Health"];',
        '    node [shape=box, fontname="Helvetica", fontsize=11];',
        '    edge [color="#555555", fontname="Helvetica", fontsize=10];',
    ]
    assert (
        '    "evp" [label="Morgan Lee\\nEVP\\nhigh power · = neutral · relationship weak · ★ to win", '
        'fillcolor="#fff9c4", color="#f9a825", style="rounded,filled,dashed"];'
    ) in text
    assert (
        '    "it-director" [label="Sam Patel\\nIT Director\\nmedium power · + supporter · '
        'relationship strong · ◆ touchpoint", fillcolor="#dcedc8", color="#558b2f", '
        'style="rounded,filled", penwidth=3];'
    ) in text
    assert "    subgraph cluster_1 {\n" in text
    assert '        label="Larch Advisory"; style=dashed;\n' in text
    assert '    "ceo" -> "evp";\n' in text
    assert (
        '    "consultant" -> "evp" [style=dashed, constraint=false, label="influences"];\n' in text
    )
    assert text.endswith("}\n")
    assert structure_problems(text) == []


def test_key_players_not_met_in_time_carry_the_marker_in_red() -> None:
    text = render_dot(org_chart(hospital(), stale=["evp"]))
    assert (
        '    "evp" [label="Morgan Lee\\nEVP\\nhigh power · = neutral · relationship weak · '
        '★ to win · ⚠ not met in time", fillcolor="#fff9c4", color="#f9a825", '
        'style="rounded,filled,dashed", fontcolor="#b71c1c"];'
    ) in text
    assert text.count("fontcolor") == 1
    assert structure_problems(text) == []


def test_quote_escapes_backslashes_and_quotes_on_one_line() -> None:
    assert quote('say "hi" \\n\nnow') == '"say \\"hi\\" \\\\n now"'


def test_hostile_user_text_stays_inside_its_quotes() -> None:
    text = render_dot(org_chart(hostile_map()))  # type: ignore[arg-type]
    assert structure_problems(text) == []
    assert '\\"The Axe\\"' in text and "\x1b" not in text


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graphviz_accepts_every_chart() -> None:
    charts = [org_chart(hostile_map())]  # type: ignore[arg-type]
    charts += [org_chart(account) for account in load_folder(EXAMPLES).accounts.values()]
    for chart in charts:
        result = subprocess.run(
            ["dot", "-Tsvg"], input=render_dot(chart), capture_output=True, text=True, check=False
        )
        assert result.returncode == 0 and not result.stderr, (chart.account_name, result.stderr)
