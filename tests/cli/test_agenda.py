"""`kamtui agenda` through the command line, on the example portfolio."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from syrupy.assertion import SnapshotAssertion

from kamtui.cli import main
from tests.conftest import EXAMPLES, MINIMAL


def run(*args: str, columns: int | None = None) -> tuple[int, str, str]:
    env = {} if columns is None else {"COLUMNS": str(columns)}
    result = CliRunner(env=env).invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def agenda_json(*extra: str) -> dict:  # type: ignore[type-arg]
    code, out, err = run(
        "agenda", str(EXAMPLES), "--today", "2026-11-24", "--format", "json", *extra
    )
    assert (code, err) == (0, "")
    return json.loads(out)  # type: ignore[no-any-return]


def test_json_lists_every_item_with_its_kind_account_subject_date_and_reason() -> None:
    document = agenda_json()
    assert (document["today"], document["owner"]) == ("2026-11-24", None)
    first = document["items"][0]
    assert first == {
        "kind": "at_risk_silent",
        "account": "meridian-telecom",
        "subject": None,
        "date": "2026-09-10",
        "reason": "At risk, and nothing logged for 75 days.",
    }
    kinds = [item["kind"] for item in document["items"]]
    order = ["at_risk_silent", "overdue_action", "overdue_next_step", "objective_behind",
             "renewal_due", "stale_key_player", "unassessed"]  # fmt: skip
    assert kinds == sorted(kinds, key=order.index)
    assert {"overdue_action", "objective_behind", "renewal_due", "stale_key_player"} <= set(kinds)


def test_an_owner_s_agenda_keeps_their_accounts() -> None:
    everyone = agenda_json()["items"]
    dana = agenda_json("--owner", "dana reyes")
    assert dana["owner"] == "dana reyes"
    accounts = {item["account"] for item in dana["items"]}
    assert accounts == {"harbor-health", "great-lakes-university"}
    assert dana["items"] == [item for item in everyone if item["account"] in accounts]


def test_the_table_and_markdown_number_the_items(tmp_path: Path) -> None:
    code, out, _ = run("agenda", str(EXAMPLES), "--today", "2026-11-24", "--owner", "Dana Reyes")
    assert code == 0
    assert "Agenda for Dana Reyes as of 2026-11-24:" in out
    code, md, _ = run("agenda", str(EXAMPLES), "--today", "2026-11-24", "--format", "md")
    assert md.startswith("## Agenda as of 2026-11-24: 25 items\n")
    assert "| 1 | at risk silent | Meridian Telecom |" in md


def test_text_of_the_file_is_inert_and_an_empty_agenda_says_so(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    write("acme.yaml", MINIMAL)
    code, out, _ = run("agenda", str(tmp_path), "--today", "2026-11-24")
    assert (code, out.strip()) == (0, "Agenda as of 2026-11-24: 0 items: nothing to do.")
    hostile = MINIMAL + (
        "objectives:\n  - id: o\n    what: O\n    actions:\n"
        '      - {what: "| [x](http://e.com) @team \\e[31m", due: 2026-01-01}\n'
    )
    write("acme.yaml", hostile)
    code, md, _ = run("agenda", str(tmp_path), "--today", "2026-11-24", "--format", "md")
    assert code == 0
    assert "\x1b" not in md
    assert "\\| \\[x\\](http:&#8203;//e.com) @&#8203;team" in md
    for columns in (80, 160):
        code, out, _ = run("agenda", str(tmp_path), "--today", "2026-11-24", columns=columns)
        assert "\x1b" not in out and "| [x](http://e.com) @team" in out


def test_invalid_accounts_are_listed_and_exit_1(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    write("acme.yaml", MINIMAL)
    write("broken.yaml", "name: [\n")
    code, _, err = run("agenda", str(tmp_path), "--today", "2026-11-24")
    assert code == 1 and "broken.yaml:" in err


# 119 is the last width that stacks each item on two lines, 120 the first with six
# columns; at 40 the stacked one still reads (at 80 the six columns left the reason a
# few words a line).
@pytest.mark.parametrize("columns", [40, 80, 119, 120])
def test_the_table_golden(columns: int, snapshot: SnapshotAssertion) -> None:
    code, out, err = run(
        "agenda", str(EXAMPLES), "--today", "2026-11-24", "--owner", "Dana Reyes", columns=columns
    )
    assert (code, err) == (0, "")
    assert max(len(line) for line in out.splitlines()) <= columns
    assert out == snapshot
