"""The activity `kamtui log` and the TUI's `l` form add: its entry, its people, its change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kamtui.core.account.model import ActivityKind, PortfolioSettings
from kamtui.core.editing.account_change import ChangeRefused
from kamtui.core.editing.account_edit import append_item
from kamtui.core.editing.activity_log import activity_entry, log_activity, unknown_person
from tests.core.portfolio_builders import make_account
from tests.core.test_account_edit import COMMENTED, changes

DAY = dt.date(2026, 11, 12)


def test_an_entry_keeps_the_formats_order_and_leaves_out_what_is_empty() -> None:
    full = activity_entry(
        "  Walked the CFO through it ",
        DAY,
        kind=ActivityKind.meeting,
        people=["cfo", "cio"],
        next_step=" Send the TCO model ",
        next_due=dt.date(2026, 11, 20),
    )
    assert list(full.items()) == [
        ("date", DAY),
        ("kind", "meeting"),
        ("with", ["cfo", "cio"]),
        ("summary", "Walked the CFO through it"),
        ("next", "Send the TCO model"),
        ("next_due", dt.date(2026, 11, 20)),
    ]
    assert activity_entry("Note", DAY, next_step="   ") == {"date": DAY, "summary": "Note"}
    assert activity_entry("Call", DAY, people=["cio", "cfo", "cio"])["with"] == ["cio", "cfo"]


@pytest.mark.parametrize(
    ("summary", "next_step", "message"),
    [
        (" \t", None, "the summary is empty: say in one line what happened"),
        ("Call", " ", "a next-step date needs the next step it dates"),
        ("Call", None, "a next-step date needs the next step it dates"),
    ],
)
def test_an_entry_that_says_nothing_or_dates_no_step_is_refused(
    summary: str, next_step: str | None, message: str
) -> None:
    due = None if message.startswith("the summary") else DAY
    with pytest.raises(ValueError) as refused:
        activity_entry(summary, DAY, next_step=next_step, next_due=due)
    assert str(refused.value) == message


def test_an_unknown_person_is_named_with_the_near_id_or_the_ids_there_are() -> None:
    people = [{"id": "cfo", "name": "A"}, {"id": "cio", "name": "B"}]
    account = make_account(stakeholders=people)
    assert unknown_person(account, ["cfo", "cio"]) is None
    assert unknown_person(account, ["cfo", "cf0"]) == "no stakeholder 'cf0'; did you mean 'cfo'?"
    assert unknown_person(account, ["zzz"]) == "no stakeholder 'zzz'; its stakeholders: cfo, cio"
    assert unknown_person(account, ["CIO"]) == "no stakeholder 'CIO'; did you mean 'cio'?"
    assert unknown_person(make_account(), ["cfo"]) == "no stakeholder 'cfo'; its stakeholders: none"


def test_the_change_adds_the_entry_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    change = log_activity(path, activity_entry("Call", DAY, people=["cfo"]), PortfolioSettings())
    assert path.read_text(encoding="utf-8") == COMMENTED  # not written yet
    assert changes(COMMENTED, change.after) == (
        [],
        ["activities:", "  - date: 2026-11-12", "    with: [cfo]", "    summary: Call"],
    )
    assert [a.with_ for a in change.account.activities] == [["cfo"]]


def test_an_entry_naming_no_stakeholder_is_refused_where_it_would_be_written(
    tmp_path: Path,
) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    entry = activity_entry("Call", DAY, people=["nobody"])
    with pytest.raises(ChangeRefused) as refused:
        log_activity(path, entry, PortfolioSettings())
    [problem] = refused.value.problems
    would_be = append_item(COMMENTED, ("activities",), entry).splitlines()
    assert would_be[problem.line - 1][problem.column - 1 :] == "nobody]"
    assert problem.message == (
        "activities[1].with[1]: 'nobody' names no stakeholder in this file (ids: cfo, cio)"
    )
    assert path.read_text(encoding="utf-8") == COMMENTED
