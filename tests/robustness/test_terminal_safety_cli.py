"""Hostile text in every text field of an account and of `kam.yaml`, in a file name
and in git's commit subjects and authors, comes out of every command and format
literally: no escape sequence or control character reaches the terminal, no markup is
read, no link is made, and Markdown for pull requests neither notifies nor links."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kamtui.cli import main
from tests.conftest import MINIMAL
from tests.git_repo import GitRepo
from tests.robustness.hostile import (
    ACCOUNT_LABELS,
    FILE_STEM,
    MENTIONS,
    SETTINGS_DATA,
    SUBJECT,
    hostile_account,
    hostile_repo,
    hostile_settings,
    literal,
    live_in_markdown,
    shown,
    unsafe_characters,
)

# Rich colours only for a terminal; FORCE_COLOR makes it colour here, as a user would see it.
_RICH_SGR = re.compile(r"\x1b\[[0-9;]*m")
TERMINAL = {"FORCE_COLOR": "1", "COLUMNS": "400", "NO_COLOR": None, "TERM": "xterm-256color"}
CURRENCY = "CURRENCY"
STAKEHOLDER_LABELS = tuple(
    label for label in ACCOUNT_LABELS if label.startswith("STAKEHOLDERS.") and "NOTES" not in label
)
GRAPH_LABELS = ("NAME", *STAKEHOLDER_LABELS)
NOT_IN_NEW_ITEM = re.compile(
    r"\.(WHY|HOW|METRIC|NOTES|OWNER|NEXT|SUMMARY|ACTIONS\.0\.WHAT)$|^STAKEHOLDERS\.1\.TITLE$"
)
HOSTILE_FILE = f"{FILE_STEM}.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "accounts"
    root.mkdir()
    (root / HOSTILE_FILE).write_text(hostile_account(), encoding="utf-8")
    (root / "plain.yaml").write_text(MINIMAL, encoding="utf-8")
    (root / "kam.yaml").write_text(hostile_settings(), encoding="utf-8")
    return root


def run(*args: str | Path, terminal: bool = False) -> Result:
    # color=True: click strips escapes when it thinks stdout is a pipe; a terminal gets them.
    return CliRunner().invoke(
        main, [str(a) for a in args], color=True, env=TERMINAL if terminal else None
    )


def assert_safe(output: str, labels: Iterable[str], *, coloured: bool = False) -> None:
    assert unsafe_characters(output, coloured=coloured) == []
    assert "\x1b]" not in output, "an OSC sequence (a link, the clipboard) reached the output"
    # A narrow terminal wraps long text: a label may be split where it has a space.
    unwrapped = re.sub(r"\s+", " ", _RICH_SGR.sub("", output))
    missing = [label for label in labels if literal(label) not in unwrapped]
    assert missing == [], f"not shown literally: {missing}"


def unescaped_markdown(text: str) -> str:
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>$&~])", r"\1", text)


def assert_inert_markdown(markdown: str, labels: Iterable[str]) -> None:
    """Safe, literal, and nothing GitHub would make a mention, reference, link or tag of."""
    assert_safe(unescaped_markdown(markdown), labels)
    assert live_in_markdown(markdown) == []
    assert re.search(r"(?<!\\)<[a-z/!?]", markdown, re.I) is None, "raw HTML"
    assert re.search(r"(?<!\\)\]\(", markdown) is None, "a Markdown link"
    # Readable: the words are all there, only broken where GitHub would act on them.
    inert = unescaped_markdown(markdown).replace("&#8203;", "")
    assert MENTIONS in inert


def strict_json(text: str) -> object:
    def refuse(constant: str) -> object:
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def exact_text(document: object) -> str:
    return json.dumps(document, ensure_ascii=False)


def test_the_hostile_files_are_valid(folder: Path) -> None:
    result = run("validate", folder)
    assert result.exit_code == 0, result.output
    assert "2 accounts checked, 0 with errors" in result.output


@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
def test_report_table(folder: Path, terminal: bool) -> None:
    result = run("report", folder, "--today", "2026-11-24", terminal=terminal)
    assert result.exit_code == 0, result.output
    assert_safe(result.stdout, ("NAME", CURRENCY), coloured=terminal)


def test_report_markdown(folder: Path) -> None:
    result = run("report", folder, "--format", "md", "--today", "2026-11-24")
    assert result.exit_code == 0
    assert_inert_markdown(result.stdout, ("NAME", CURRENCY))


def test_report_json_keeps_the_exact_text(folder: Path) -> None:
    result = run("report", folder, "--format", "json", "--today", "2026-11-24")
    assert result.exit_code == 0
    assert unsafe_characters(result.stdout) == []
    document = strict_json(result.stdout)
    assert isinstance(document, dict)
    assert document["portfolio"]["currency"] == SETTINGS_DATA["currency"]
    assert shown("NAME") in exact_text(document) and FILE_STEM in exact_text(document)


def test_report_csv(folder: Path) -> None:
    result = run("report", folder, "--format", "csv", "--today", "2026-11-24")
    assert result.exit_code == 0
    assert_safe(result.stdout, ("NAME",))
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert any(row["name"].startswith(shown("NAME")) for row in rows)
    assert FILE_STEM in [row["id"] for row in rows]


@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
def test_graph_tree(folder: Path, terminal: bool) -> None:
    result = run("graph", FILE_STEM, folder, terminal=terminal)
    assert result.exit_code == 0, result.output
    assert_safe(result.stdout, GRAPH_LABELS, coloured=terminal)


@pytest.mark.parametrize("output_format", ["mermaid", "dot"])
def test_graph_mermaid_and_dot_make_no_link(folder: Path, output_format: str) -> None:
    result = run("graph", FILE_STEM, folder, "--format", output_format)
    assert result.exit_code == 0, result.output
    assert unsafe_characters(result.stdout) == []
    assert "http://evil" not in result.stdout.replace("https://evil.example]click", "")
    assert "click " not in result.stdout.lower().replace("]click[", "")
    assert "href" not in result.stdout.lower()


def test_show_prints_every_field_literally(folder: Path) -> None:
    result = run("show", folder / HOSTILE_FILE)
    assert result.exit_code == 0
    assert_safe(result.stdout, ACCOUNT_LABELS)
    missing = [label for label in ACCOUNT_LABELS if shown(label) not in result.stdout]
    assert missing == []


def previous_version(folder: Path) -> Path:
    """The hostile account with every text field (and a need's value) different."""
    path = folder / "previous.yaml"
    old = hostile_account().replace("[bold red]", "[bold red]OLD-")
    path.write_text(old.replace("value: 50000", "value: 40000"), encoding="utf-8")
    return path


def diff(folder: Path, output_format: str, terminal: bool = False) -> list[str]:
    """A change of every text field, and a new account (every field added): outputs."""
    outputs = []
    for old in (previous_version(folder), folder / "plain.yaml"):
        result = run(
            "diff", old, folder / HOSTILE_FILE, "--format", output_format, terminal=terminal
        )
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    return outputs


CHANGED_LABELS = (*ACCOUNT_LABELS, *(f"OLD-{label}" for label in ACCOUNT_LABELS), CURRENCY)
# A new account's objectives, people and needs show as one line each, what they are.
NEW_LABELS = tuple(label for label in ACCOUNT_LABELS if not NOT_IN_NEW_ITEM.search(label))


@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
def test_diff_text(folder: Path, terminal: bool) -> None:
    changed, new = diff(folder, "text", terminal)
    assert_safe(changed, CHANGED_LABELS, coloured=terminal)
    assert_safe(new, NEW_LABELS, coloured=terminal)


def test_diff_markdown_neither_notifies_nor_links(folder: Path) -> None:
    changed, new = diff(folder, "md")
    assert_inert_markdown(changed, CHANGED_LABELS)
    assert_inert_markdown(new, NEW_LABELS)
    assert FILE_STEM.split(" @")[0] in unescaped_markdown(new)


def test_diff_json(folder: Path) -> None:
    for output, labels in zip(diff(folder, "json"), (CHANGED_LABELS, NEW_LABELS), strict=True):
        assert unsafe_characters(output) == []
        as_text = exact_text(strict_json(output))
        missing = [label for label in labels if literal(label) not in as_text]
        assert missing == []


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
    (root / "kam.yaml").write_text('currency: "\\e]52;c;cHduZWQ=\\a"\nweights: 7\n')
    for args in ([root], [root, "--format", "json"], [root / bad_name], [root / "kam.yaml"]):
        result = run("validate", *args)
        assert result.exit_code == 1
        output = result.stdout + result.stderr
        assert unsafe_characters(output) == [], args
        if args[0] != root / "kam.yaml":
            assert "[bold red]bad" in output


def test_usage_errors_quote_file_names_inert(folder: Path) -> None:
    """An unknown account lists the folder's: their names are file names, user text."""
    (folder / "\x1b]52;c;cHduZWQ=\x07x.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run("graph", "no-such-account", folder)
    assert result.exit_code == 2
    assert unsafe_characters(result.output) == []
    assert "\\x1b]52" in result.output


def test_show_of_a_broken_file_prints_its_text_inert(folder: Path) -> None:
    """A file that does not validate is shown as written, for git's diff; raw escape
    characters in it (YAML forbids them, so it is broken) are shown as escapes, not run."""
    broken = folder / "broken.yaml"
    broken.write_text(hostile_account().replace("\\e", "\x1b"), encoding="utf-8")
    result = run("show", broken)
    assert result.exit_code == 0
    assert_safe(result.stdout, ACCOUNT_LABELS)
    assert "\\x1b[2J" in result.stdout
    graph = run("graph", broken)
    assert graph.exit_code == 1
    assert unsafe_characters(graph.stdout + graph.stderr) == []


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return hostile_repo(tmp_path / "repo", "accounts", HOSTILE_FILE)


@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
def test_history(repo: GitRepo, terminal: bool) -> None:
    result = run("history", FILE_STEM, repo.folder, "--today", "2026-11-24", terminal=terminal)
    assert result.exit_code == 0, result.output
    assert_safe(result.stdout, ("NAME", "SUBJECT"), coloured=terminal)
    plain = run("history", "plain", repo.folder, "--today", "2026-11-24", terminal=terminal)
    assert plain.exit_code == 0, plain.output
    assert_safe(plain.stdout, ("SUBJECT",), coloured=terminal)


def test_history_json(repo: GitRepo) -> None:
    result = run("history", FILE_STEM, repo.folder, "--format", "json", "--today", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert unsafe_characters(result.stdout) == []
    assert SUBJECT.split("\x1b")[0] in exact_text(strict_json(result.stdout))


@pytest.mark.parametrize("output_format", ["text", "md", "json"])
def test_diff_of_revisions(
    repo: GitRepo, output_format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The portfolio's lines (tiers, vital few) name accounts too."""
    monkeypatch.chdir(repo.root)
    options = ("--format", output_format, "--today", "2026-11-24")
    result = run("diff", *options, "HEAD~1", "HEAD", "--", "accounts")
    assert result.exit_code == 0, result.output
    assert unsafe_characters(result.stdout) == []
    if output_format == "md":
        assert_inert_markdown(result.stdout, ("NAME",))
    elif output_format == "json":
        strict_json(result.stdout)
    else:
        assert_safe(result.stdout, ("NAME",))


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
