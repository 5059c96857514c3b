"""Hostile text in account files comes out of every command and format literally,
with no escape sequence or control character reaching the terminal and no link made."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kamtui.cli import main
from tests.conftest import MINIMAL
from tests.robustness.hostile import LABELS, hostile_account, shown, unsafe_characters

# Rich colours only for a terminal; FORCE_COLOR makes it colour here, as a user would see it.
TERMINAL = {"FORCE_COLOR": "1", "COLUMNS": "400", "NO_COLOR": None, "TERM": "xterm-256color"}
EVERY_LABEL = tuple(LABELS)
REPORT_LABELS = ("name",)
GRAPH_LABELS = ("name", "stakeholder", "title", "adviser", "organization")
# A new objective, need or person shows in a diff as one line, without why, how or notes.
DIFF_LABELS = tuple(label for label in LABELS if label not in {"why", "how", "stakeholder_notes"})


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "accounts"
    root.mkdir()
    (root / "hostile.yaml").write_text(hostile_account(), encoding="utf-8")
    (root / "plain.yaml").write_text(MINIMAL, encoding="utf-8")
    return root


def run(*args: str | Path, terminal: bool = False) -> Result:
    # color=True: click strips escapes when it thinks stdout is a pipe; a terminal gets them.
    return CliRunner().invoke(
        main, [str(a) for a in args], color=True, env=TERMINAL if terminal else None
    )


def assert_safe(output: str, labels: tuple[str, ...], *, coloured: bool = False) -> None:
    assert unsafe_characters(output, coloured=coloured) == []
    assert "\x1b]8;" not in output, "an OSC 8 hyperlink reached the output"
    for label in labels:
        assert shown(label).split(" [/] ")[0] in output, f"{label} is not shown literally"


def unescaped_markdown(text: str) -> str:
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>])", r"\1", text)


@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
def test_report_table(folder: Path, terminal: bool) -> None:
    result = run("report", folder, "--today", "2026-11-24", terminal=terminal)
    assert result.exit_code == 0, result.output
    assert_safe(result.stdout, REPORT_LABELS, coloured=terminal)


def test_report_markdown_makes_no_link_or_html(folder: Path) -> None:
    result = run("report", folder, "--format", "md", "--today", "2026-11-24")
    assert result.exit_code == 0
    assert_safe(unescaped_markdown(result.stdout), REPORT_LABELS)
    assert "<a " not in result.stdout
    assert "](http" not in result.stdout


def test_report_json_keeps_the_exact_text(folder: Path) -> None:
    result = run("report", folder, "--format", "json", "--today", "2026-11-24")
    assert result.exit_code == 0
    assert unsafe_characters(result.stdout) == []
    assert shown("name") in json.dumps(json.loads(result.stdout), ensure_ascii=False)


def test_report_csv(folder: Path) -> None:
    result = run("report", folder, "--format", "csv", "--today", "2026-11-24")
    assert result.exit_code == 0
    assert_safe(result.stdout, REPORT_LABELS)
    names = [row["name"] for row in csv.DictReader(io.StringIO(result.stdout))]
    assert any(name.startswith(shown("name")) for name in names)


@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
def test_graph_tree(folder: Path, terminal: bool) -> None:
    result = run("graph", "hostile", folder, terminal=terminal)
    assert result.exit_code == 0, result.output
    assert_safe(result.stdout, GRAPH_LABELS, coloured=terminal)


@pytest.mark.parametrize("output_format", ["mermaid", "dot"])
def test_graph_mermaid_and_dot_make_no_link(folder: Path, output_format: str) -> None:
    result = run("graph", "hostile", folder, "--format", output_format)
    assert result.exit_code == 0, result.output
    assert unsafe_characters(result.stdout) == []
    assert "http://evil" not in result.stdout.replace("https://evil.example]click", "")
    assert "click " not in result.stdout.lower().replace("]click[", "")
    assert "href" not in result.stdout.lower()


def test_show_prints_every_field_literally(folder: Path) -> None:
    result = run("show", folder / "hostile.yaml")
    assert result.exit_code == 0
    assert_safe(result.stdout, EVERY_LABEL)
    for label in EVERY_LABEL:
        assert shown(label) in result.stdout, label


@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
def test_diff_text(folder: Path, terminal: bool) -> None:
    result = run("diff", folder / "plain.yaml", folder / "hostile.yaml", terminal=terminal)
    assert result.exit_code == 0, result.output
    assert_safe(result.stdout, DIFF_LABELS, coloured=terminal)


def test_diff_markdown(folder: Path) -> None:
    result = run("diff", folder / "plain.yaml", folder / "hostile.yaml", "--format", "md")
    assert result.exit_code == 0, result.output
    assert_safe(unescaped_markdown(result.stdout), DIFF_LABELS)
    assert "<a " not in result.stdout and "](http" not in result.stdout


def test_diff_json(folder: Path) -> None:
    result = run("diff", folder / "plain.yaml", folder / "hostile.yaml", "--format", "json")
    assert result.exit_code == 0, result.output
    assert unsafe_characters(result.stdout) == []
    as_text = json.dumps(json.loads(result.stdout), ensure_ascii=False)
    for label in DIFF_LABELS:
        assert shown(label) in as_text, label


def test_validate_messages_and_file_names(tmp_path: Path) -> None:
    """Problem messages quote the file's text and its name: both come out inert."""
    root = tmp_path / "accounts"
    root.mkdir()
    bad_name = "\x1b[2J[bold red]bad\x07.yaml"
    (root / bad_name).write_text("name: x\n", encoding="utf-8")
    (root / "bad-values.yaml").write_text(
        MINIMAL
        + 'stakeholders:\n  - id: "\\e[2J[bold]x[/]"\n    name: "[link=https://evil.example]n"\n'
        + 'health: {engagement: "\\e]8;;http://evil.example\\e\\\\[red]hi"}\n',
        encoding="utf-8",
    )
    for args in ([root], [root, "--format", "json"], [root / bad_name]):
        result = run("validate", *args)
        assert result.exit_code == 1
        output = result.stdout + result.stderr
        assert unsafe_characters(output) == [], args
        assert "[bold red]bad" in output


def test_show_of_a_broken_file_prints_its_text_inert(folder: Path) -> None:
    """A file that does not validate is shown as written, for git's diff; raw escape
    characters in it (YAML forbids them, so it is broken) are shown as escapes, not run."""
    broken = folder / "broken.yaml"
    broken.write_text(hostile_account().replace("\\e", "\x1b"), encoding="utf-8")
    result = run("show", broken)
    assert result.exit_code == 0
    assert_safe(result.stdout, EVERY_LABEL)
    assert "\\x1b[2J" in result.stdout
    graph = run("graph", broken)
    assert graph.exit_code == 1
    assert unsafe_characters(graph.stdout + graph.stderr) == []


BREAKOUT = (
    'X\\"]\\n click sh_boss href \\"https://evil.example\\" ; URL=\\"https://evil.example\\" '
    '<a href=\\"https://evil.example\\">h</a> [t](https://evil.example) `x` | \\\\\\" end'
)
_QUOTED = re.compile(r'"(?:\\.|[^"\\])*"')


def test_text_cannot_break_out_of_quoting_in_markdown_mermaid_or_dot(tmp_path: Path) -> None:
    """Quotes, brackets, backslashes and newlines in names stay inside their label."""
    root = tmp_path / "accounts"
    root.mkdir()
    (root / "inject.yaml").write_text(
        MINIMAL.replace("name: Acme Corp", f'name: "{BREAKOUT}"')
        + f'revenue: {{2026: 100}}\nstakeholders:\n  - {{id: boss, name: "{BREAKOUT}",'
        f' title: "{BREAKOUT}"}}\n',
        encoding="utf-8",
    )
    for output_format in ("mermaid", "dot"):
        result = run("graph", "inject", root, "--format", output_format)
        assert result.exit_code == 0, result.output
        outside_labels = _QUOTED.sub('""', result.stdout)
        for word in ("click", "href", "URL", "<a", "evil"):
            assert word not in outside_labels, (output_format, word)
    report = run("report", root, "--format", "md", "--today", "2026-11-24").stdout
    before, _, rest = report.partition("```mermaid")
    chart, _, after = rest.partition("```")
    markdown = before + after
    assert 'X"\\]' in markdown
    assert re.search(r"(?<!\\)<a ", markdown) is None
    assert re.search(r"(?<!\\)\]\(", markdown) is None
    assert "evil" not in _QUOTED.sub('""', chart)
