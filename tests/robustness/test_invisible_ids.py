"""Ids that hold a character no one can see: `evp` and `ev\\u200bp` would be two people
who look like one in a diff, a review comment or the app. Each is an error that names
the code point, at the file, line and column of the id; an account's id is its file
name, so a file name holding one is an error too, and the other accounts keep working."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamtui.tui.app import KamApp
from tests.conftest import MINIMAL, TODAY, kamtui
from tests.robustness.hostile import unsafe_characters
from tests.tui.conftest import loaded

# (the character as a YAML escape, what the error calls it)
INVISIBLE = [
    ("\\u200B", "U+200B ZERO WIDTH SPACE"),
    ("\\u200D", "U+200D ZERO WIDTH JOINER"),
    ("\\u2060", "U+2060 WORD JOINER"),
    ("\\uFEFF", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ("\\u202E", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\\u2067", "U+2067 RIGHT-TO-LEFT ISOLATE"),
    ("\\u00AD", "U+00AD SOFT HYPHEN"),
    ("\\u034F", "U+034F COMBINING GRAPHEME JOINER"),
    ("\\uFE0F", "U+FE0F VARIATION SELECTOR-16"),
    ("\\u3164", "U+3164 HANGUL FILLER"),
    ("\\U000E0041", "U+E0041 TAG LATIN CAPITAL LETTER A"),
    ("\\e", "U+001B (a control character)"),
]
CODES = pytest.mark.parametrize(("escape", "named"), INVISIBLE, ids=[n for _, n in INVISIBLE])

# Every kind of id, each on its own line: (the line, the column of its value, the label).
IDS = """\
stakeholders:
  - id: "ev{c}p"
    name: Morgan Lee
  - id: cfo
    name: Sam Roe
    reports_to: "ce{c}o"
    influences: ["ev{c}p2"]
objectives:
  - id: "gr{c}ow"
    what: Grow
    actions:
      - {{id: "st{c}ep", what: Call}}
needs:
  - {{id: "up{c}sell", what: More}}
activities:
  - {{date: 2026-11-02, summary: Met, with: ["cf{c}o"]}}
"""
WHERE = [
    (9, 9, "stakeholders[ev\\u200bp].id"),
    (13, 17, "stakeholders[cfo].reports_to"),
    (14, 18, "stakeholders[cfo].influences[1]"),
    (16, 9, "objectives[gr\\u200bow].id"),
    (19, 14, "objectives[gr\\u200bow].actions[st\\u200bep].id"),
    (21, 10, "needs[up\\u200bsell].id"),
    (23, 45, "activities[1].with[1]"),
]


@CODES
def test_an_invisible_character_in_any_id_is_named_where_it_is(
    tmp_path: Path, escape: str, named: str
) -> None:
    root = tmp_path / "accounts"
    root.mkdir()
    (root / "acme.yaml").write_text(MINIMAL + IDS.format(c=escape), encoding="utf-8")
    (root / "plain.yaml").write_text(MINIMAL.replace("Acme Corp", "Plain"), encoding="utf-8")
    code, out, _ = kamtui("validate", str(root))
    assert code == 1
    assert unsafe_characters(out) == []
    errors = [line for line in out.splitlines() if line.startswith(str(root / "acme.yaml"))]
    assert len(errors) == len(WHERE)
    for error, (line, column, _) in zip(errors, WHERE, strict=True):
        assert error.startswith(f"{root / 'acme.yaml'}:{line}:{column}: error: ")
        assert f"an invisible character, {named}, after '" in error
    report = kamtui("report", str(root), "--format", "csv")
    assert report[0] == 1
    assert "Plain" in report[1]


def test_the_label_of_an_item_shows_the_character_as_an_escape(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(MINIMAL + IDS.format(c="\\u200B"), encoding="utf-8")
    _, out, _ = kamtui("validate", str(path))
    for line, column, label in WHERE:
        assert f":{line}:{column}: error: {label}: the id holds an invisible character" in out


@CODES
def test_a_file_name_with_an_invisible_character_is_an_error(
    tmp_path: Path, escape: str, named: str
) -> None:
    char = escape.encode().decode("unicode_escape") if escape != "\\e" else "\x1b"
    root = tmp_path / "accounts"
    root.mkdir()
    (root / f"lu{char}men.yaml").write_text(MINIMAL.replace("Acme Corp", "Lumen"), "utf-8")
    (root / "lumen.yaml").write_text(MINIMAL.replace("Acme Corp", "The real Lumen"), "utf-8")
    code, out, _ = kamtui("validate", str(root))
    assert code == 1
    assert unsafe_characters(out) == []
    shown = char.encode("unicode_escape").decode()
    assert out.splitlines()[0] == (
        f"{root}/lu{shown}men.yaml:1:1: error: the file name holds an invisible character, "
        f"{named}, after 'lu': rename the file, or its id looks like another"
    )
    _, report, _ = kamtui("report", str(root), "--format", "csv")
    assert [row.split(",")[1] for row in report.splitlines()[1:]] == ["lumen"]


async def test_the_app_shows_the_file_as_broken_and_the_others(tmp_path: Path) -> None:
    root = tmp_path / "accounts"
    root.mkdir()
    (root / "lu\u200bmen.yaml").write_text(MINIMAL.replace("Acme Corp", "Lumen"), "utf-8")
    (root / "acme.yaml").write_text(MINIMAL + IDS.format(c="\\u2060"), encoding="utf-8")
    (root / "plain.yaml").write_text(MINIMAL.replace("Acme Corp", "Plain"), encoding="utf-8")
    app = KamApp(root, TODAY, watch=False, environ={})
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        assert app.model is not None
        files = app.model.files.values()
        assert sorted(f.account_id for f in files if f.account is not None) == ["plain"]
        messages = {f.account_id: f.problems[0].message for f in files if f.problems}
        assert "U+200B ZERO WIDTH SPACE, after 'lu'" in messages["lu\u200bmen"]
        assert "U+2060 WORD JOINER, after 'ev'" in messages["acme"]
        app.accounts_view.select(str(root / "lu\u200bmen.yaml"))
        await pilot.pause()
        await pilot.press("q")
    assert app.return_code == 0
