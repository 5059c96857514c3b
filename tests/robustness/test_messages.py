"""Issue 13, class 9: every message names file:line:col of what is wrong, quotes at most
about 60 characters of what was written, and is never a Python repr. Through the CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kamtui.cli import main
from kamtui.core.account.problem import display_path
from tests.conftest import MINIMAL

CORPUS = Path(__file__).parent / "schema_corpus"
# What a repr or a traceback looks like in a message.
PYTHON_LEAKS = re.compile(r"datetime\.|Decimal\(|<class |Traceback|\\x[0-9a-f]{2}|object at 0x")


def located(tmp_path: Path, text: str) -> tuple[str, str]:
    (tmp_path / "acme.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 1, result.output
    (line,) = [line for line in result.stdout.splitlines() if ": error: " in line]
    where, message = line.split(": error: ", 1)
    return where.removeprefix(str(tmp_path / "acme.yaml")), message


@pytest.mark.parametrize(
    ("added", "where", "message"),
    [
        (
            "stakeholders: [{id: 0123, name: Ada}]\n",
            ":8:21",
            "stakeholders[1].id: expected text, got 0123; write it in quotes ('0123') if it is text",
        ),
        (
            "owner: true\n",
            ":8:8",
            "owner: expected text, got true; write it in quotes ('true') if it is text",
        ),
        (
            "since: 2022-04-01 10:00\n",
            ":8:8",
            "since: expected a date written YYYY-MM-DD (like 2026-12-31), got '2022-04-01 10:00'",
        ),
        ("since: 1700000000\n", ":8:8", "since: expected a date written YYYY-MM-DD (like 2026-12-31), got 1700000000"),
        # Midnight UTC as a Unix time: pydantic alone would take it for 2023-11-15.
        ("since: 1700006400\n", ":8:8", "since: expected a date written YYYY-MM-DD (like 2026-12-31), got 1700006400"),
        ('since: "2026-02-30"\n', ":8:8", 'since: "2026-02-30" is not a date on the calendar'),
        ('activities:\n  - {date: 2026-01-01, kind: call, summary: "a\\rb"}\n', ":9:45", "activities[1].summary: must be one line: a summary, not the minutes"),
        ('health: {nps: "32"}\n', ":8:15", 'health.nps: expected a number, got "32"; write it without quotes'),
        ("health: {nps: '32'}\n", ":8:15", 'health.nps: expected a number, got "32"; write it without quotes'),
        ("health: {nps: yes, csat: 4.0}\n", ":8:15", "health.nps: expected a number, got 'yes'"),
        ("health: {nps: yes}\n", ":8:15", "health.nps: expected a number, got 'yes'"),
        ("revenue_potential: 0x1F\n", ":8:20", "revenue_potential: expected a number, got '0x1F'; write numbers in decimal"),
        ("health: {2026-01-01: 1}\n", ":8:10", "health: the key 2026-01-01 is read as a date, not a word; write the field's name (or put the key in quotes)"),
        ("TRUE: 1\n", ":8:1", "the key TRUE is read as a true/false value, not a word; write the field's name (or put the key in quotes)"),
        ('revenue: {2025: 1, "2025": 2}\n', ":8:20", "revenue: the year 2025 is written twice"),
        ('economics:\n  "2026": {gross_profit: 1, cost_to_serve: 1}\n  2026: {gross_profit: 2, cost_to_serve: 1}\n', ":10:3", "economics: the year 2026 is written twice"),
        ('revenue: {"02025": 1}\n', ":8:11", 'revenue.02025: invalid key: expected a whole number, got "02025"'),
        ("health: {csat: .nan}\n", ":8:16", "health.csat: .nan is not a finite number"),
    ],
)  # fmt: skip
def test_messages_quote_what_was_written(
    tmp_path: Path, added: str, where: str, message: str
) -> None:
    assert located(tmp_path, MINIMAL + added) == (where, message)


def test_a_huge_number_is_quoted_short(tmp_path: Path) -> None:
    where, message = located(tmp_path, MINIMAL + "revenue_potential: " + "9" * 4000 + "\n")
    assert where == ":8:20"
    assert message == (
        "'" + "9" * 59 + "…' (4,000 characters) is too large a number: "
        "no figure needs more than 30 digits"
    )


def test_a_long_text_value_is_quoted_short(tmp_path: Path) -> None:
    where, message = located(tmp_path, MINIMAL + "stage: " + "x" * 500 + "\n")
    assert where == ":8:8" and "(500 characters) is not allowed" in message
    assert len(message) < 200


def test_the_size_limit_in_exact_bytes(tmp_path: Path) -> None:
    text = MINIMAL + "notes: |\n" + ("  " + "x" * 99 + "\n") * 5_300
    where, message = located(tmp_path, text)
    assert where == ":1:1"
    assert message == f"file is {len(text.encode()):,} bytes; the limit is 524,288 bytes (512 KiB)"


def test_every_corpus_message_is_located_short_and_plain(tmp_path: Path) -> None:
    for path in sorted(CORPUS.glob("*.yaml")):
        result = CliRunner().invoke(main, ["validate", str(path)])
        for line in result.stdout.splitlines():
            if " checked, " in line:
                continue
            assert re.match(rf"{re.escape(display_path(path))}:\d+:\d+: error: ", line), line
            assert not PYTHON_LEAKS.search(line), line
            # The longest: an unknown top-level field, with the 29 fields allowed there.
            assert len(line.split(": error: ", 1)[1]) < 320, line


@pytest.mark.parametrize("content", [b"\xff\xfe not utf-8", None])
def test_schema_out_over_a_damaged_file_or_a_folder(tmp_path: Path, content: bytes | None) -> None:
    target = tmp_path / "schemas" / "account.schema.json"
    target.parent.mkdir()
    if content is None:
        target.mkdir()
    else:
        target.write_bytes(content)
    result = CliRunner().invoke(main, ["schema", "-o", str(tmp_path / "schemas")])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if content is None:
        assert result.exit_code == 1
        assert "cannot write" in result.stderr and "account.schema.json" in result.stderr
    else:
        assert result.exit_code == 0 and target.read_bytes().startswith(b"{")


def test_a_two_file_diff_with_an_invalid_new_version_says_not_compared(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(MINIMAL, encoding="utf-8")
    new.write_text(MINIMAL + "health: {nps: yes}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 0
    assert "removed" not in result.stdout
    assert "1 account not compared: a file is invalid." in result.stdout
    assert "new.yaml:8:15: error: health.nps: expected a number, got 'yes'" in result.stderr
