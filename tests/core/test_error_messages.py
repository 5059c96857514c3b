"""Each kind of validation error as the one sentence, at the one place, a reader gets
(error_messages): exact text, so a message that loses its bounds, its hint or its
field label fails here."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import BaseModel

from kamtui.core.account.account_file import load_model
from kamtui.core.account.error_messages import describe
from kamtui.core.account.model import Account, PortfolioSettings
from tests.conftest import MINIMAL

STAKEHOLDER = "stakeholders:\n  - id: evp\n    name: X\n    attitude: champion\n"
STAKEHOLDER += "    relationship: strong\n"


def _criterion(written: str) -> str:
    return MINIMAL.replace("product_fit: 4", f"product_fit: {written}")


ACCOUNT_CASES = {
    "a shorthand score out of range": (
        _criterion("7"),
        "6:16 criteria.product_fit: 7 is out of range: must be between 1 and 5",
    ),
    "a score out of range": (
        _criterion("{score: 0}"),
        "6:24 criteria.product_fit.score: 0 is out of range: must be between 1 and 5",
    ),
    "bounds inside an optional field": (
        MINIMAL + "health:\n  nps: 150\n",
        "9:8 health.nps: 150 is out of range: must be between -100 and 100",
    ),
    "bounds of a float field given as whole numbers": (
        MINIMAL + "health:\n  csat: 0.5\n",
        "9:9 health.csat: 0.5 is out of range: must be between 1 and 5",
    ),
    "bounds of a shared type inside an optional field": (
        MINIMAL + "health:\n  adoption: 1.5\n",
        "9:13 health.adoption: 1.5 is out of range: must be between 0 and 1",
    ),
    "bounds in a list item, large numbers in short form": (
        MINIMAL + "objectives:\n  - id: o1\n    what: x\n    target: 1e16\n",
        "11:13 objectives[o1].target: 1e16 is out of range: must be between -1e+15 and 1e+15",
    ),
    "a dict's value: only the bound crossed is known": (
        MINIMAL + "revenue:\n  2025: -5\n",
        "9:9 revenue.2025: -5 is out of range: must be at least 0",
    ),
    "a dict's key in quotes, which the model reads as a number": (
        MINIMAL + 'revenue:\n  "2025": -5\n',
        "9:11 revenue.2025: -5 is out of range: must be at least 0",
    ),
    "a dict's key out of range": (
        MINIMAL + "revenue:\n  1800: 5\n",
        "9:3 revenue.1800: invalid key: 1800 is out of range: must be at least 1900",
    ),
    "a reading out of range, named by its date": (
        MINIMAL + "health:\n  nps:\n    2026-03-31: 20\n    2026-06-30: 500\n",
        "11:17 health.nps.2026-06-30: 500 is out of range: must be between -100 and 100",
    ),
    "a dict's key that is no number": (
        MINIMAL + "revenue:\n  abc: 5\n",
        "9:3 revenue.abc: invalid key: expected a whole number, got 'abc'",
    ),
    "a missing field of a list item without an id": (
        MINIMAL + "needs:\n  - what: x\n",
        "9:5 needs[1]: missing required field 'id'",
    ),
    "an unknown field of a list item, named by its id": (
        MINIMAL + STAKEHOLDER + "    atitude: x\n",
        "13:5 stakeholders[evp]: unknown field 'atitude' (did you mean 'attitude'?); "
        "allowed here: id, name, title, organization, reports_to, decision_power, "
        "attitude, relationship, touchpoint, role, influences, notes",
    ),
    "an unknown field next to an aliased one": (
        MINIMAL + "activities:\n  - date: 2026-01-01\n    summary: x\n    wiht: [a]\n",
        "11:5 activities[1]: unknown field 'wiht' (did you mean 'with'?); "
        "allowed here: date, kind, with, summary, next, next_due, next_done",
    ),
    "an unknown field of an action, two lists down": (
        MINIMAL + "objectives:\n  - id: o1\n    what: x\n    actions:\n      - what: y\n"
        "        wat: z\n",
        "13:9 objectives[o1].actions[1]: unknown field 'wat' (did you mean 'what'?); "
        "allowed here: id, what, owner, due, done",
    ),
    "an unknown field at the top": (
        MINIMAL + "helth: {}\n",
        "8:1 unknown field 'helth' (did you mean 'health'?); allowed here: name, industry, "
        "owner, status, promoted_on, review_on, team, stage, since, tags, revenue, "
        "revenue_potential, mrr, contract, economics, criteria, harmony, factors, health, "
        "kpis, customer_goals, objectives, stakeholders, needs, whitespace, "
        "divisions, activities, swot, notes",
    ),
    "an unknown field of a criterion": (
        _criterion("{score: 4, evidnce: x}"),
        "6:27 criteria.product_fit: unknown field 'evidnce' (did you mean 'evidence'?); "
        "allowed here: score, evidence",
    ),
    "an unknown field like none": (
        MINIMAL + "zzz: 1\n",
        "8:1 unknown field 'zzz'; allowed here: name, industry, owner, status, promoted_on, "
        "review_on, team, stage, since, tags, revenue, revenue_potential, mrr, contract, "
        "economics, criteria, harmony, factors, health, kpis, customer_goals, objectives, "
        "stakeholders, needs, whitespace, divisions, activities, swot, "
        "notes",
    ),
    "a choice misspelt": (
        MINIMAL + "stage: grwoth\n",
        "8:8 stage: 'grwoth' is not allowed; use one of: exploratory, basic, cooperative, "
        "interdependent, integrated",
    ),
    "a choice close to one": (
        MINIMAL + "health:\n  churn_risk: hgh\n",
        "9:15 health.churn_risk: 'hgh' is not allowed; use one of: low, medium, high "
        "(did you mean 'high'?)",
    ),
    "a number for text, as written": (
        MINIMAL.replace("name: Acme Corp", "name: 1.50"),
        "1:7 name: expected text, got 1.50; write it in quotes ('1.50') if it is text",
    ),
    "a date for text": (
        MINIMAL.replace("name: Acme Corp", "name: 2026-01-01"),
        "1:7 name: expected text, got 2026-01-01",
    ),
    "nothing for text": (
        MINIMAL.replace("name: Acme Corp", "name:"),
        "1:6 name: expected text, got nothing",
    ),
    "a list for text": (
        MINIMAL.replace("name: Acme Corp", "name: [a]"),
        "1:7 name: expected text, got a list",
    ),
    "a list for a mapping": (
        MINIMAL + "health: [a]\n",
        "8:9 health: expected a mapping of 'key: value' lines, got a list",
    ),
    "a mapping for a list": (
        MINIMAL + "tags: {a: 1}\n",
        "8:7 tags: expected a list (lines starting with '- '), got a mapping",
    ),
    "a number for a key": (
        MINIMAL + "health:\n  1: x\n",
        "9:3 health: the key 1 is read as a number, not a word; "
        "write the field's name (or put the key in quotes)",
    ),
    "a date for a key": (
        MINIMAL + "health:\n  2026-01-01: x\n",
        "9:3 health: the key 2026-01-01 is read as a date, not a word; "
        "write the field's name (or put the key in quotes)",
    ),
    "true for a key": (
        MINIMAL + "health:\n  true: x\n",
        "9:3 health: the key true is read as a true/false value, not a word; "
        "write the field's name (or put the key in quotes)",
    ),
    "not a finite number": (
        MINIMAL + "revenue_potential: .nan\n",
        "8:20 revenue_potential: .nan is not a finite number",
    ),
    "true for a number": (
        _criterion("true"),
        "6:16 criteria.product_fit: expected a number, got true; true and false are not numbers",
    ),
    "a number not in decimal": (
        _criterion("0x4"),
        "6:16 criteria.product_fit: expected a number, got '0x4'; write numbers in decimal",
    ),
    "a number in quotes": (
        _criterion('"4"'),
        '6:16 criteria.product_fit: expected a number, got "4"; write it without quotes',
    ),
    "a number in words": (
        _criterion("four"),
        "6:16 criteria.product_fit: expected a number, got 'four'",
    ),
    "a fraction for a whole number": (
        _criterion("4.5"),
        "6:16 criteria.product_fit: expected a whole number, got 4.5",
    ),
    "text for true or false": (
        MINIMAL + STAKEHOLDER + "    touchpoint: often\n",
        "13:17 stakeholders[evp].touchpoint: expected true or false, got 'often'",
    ),
    "a date not on the calendar, in quotes": (
        MINIMAL + 'since: "2026-02-30"\n',
        '8:8 since: "2026-02-30" is not a date on the calendar',
    ),
    "a date not on the calendar: YAML's own": (
        MINIMAL + "since: 2026-02-30\n",
        "8:8 since: 2026-02-30 is not a date on the calendar",
    ),
    "a date written otherwise": (
        MINIMAL + "since: 30.1.2026\n",
        "8:8 since: expected a date written YYYY-MM-DD (like 2026-12-31), got '30.1.2026'",
    ),
    "an id with a space": (
        MINIMAL + STAKEHOLDER.replace("id: evp", "id: e vp"),
        "9:9 stakeholders[e vp].id: 'e vp' is not a valid id: use letters, digits, '-', '_' or '.', "
        "no spaces",
    ),
    "an id too long": (
        MINIMAL + STAKEHOLDER.replace("id: evp", "id: " + "e" * 65),
        f"9:9 stakeholders[{'e' * 65}].id: is too long (at most 64 characters)",
    ),
    "empty text": (
        MINIMAL.replace("name: Acme Corp", 'name: "  "'),
        "1:7 name: must not be empty",
    ),
}


@pytest.mark.parametrize(
    ("text", "expected"), list(ACCOUNT_CASES.values()), ids=list(ACCOUNT_CASES)
)
def test_an_account_error_reads_as_one_sentence_at_its_place(text: str, expected: str) -> None:
    assert refused(text, "a.yaml", Account) == [expected]


def refused(text: str, path: str, model: type[BaseModel]) -> list[str]:
    """`line:column message` of each problem of a text that does not load as `model`."""
    loaded, problems = load_model(text.encode(), path, model)
    assert loaded is None
    return [f"{p.line}:{p.column} {p.message}" for p in problems]


SETTINGS_CASES = {
    "a bound that excludes its end": (
        "abc:\n  a: 0\n",
        "2:6 abc.a: 0 is out of range: must be above 0 and at most 1",
    ),
    "above the end it includes": (
        "abc:\n  b: 1.5\n",
        "2:6 abc.b: 1.5 is out of range: must be above 0 and at most 1",
    ),
    "a weight": (
        "weights:\n  revenue_volume: 101\n",
        "2:19 weights.revenue_volume: 101 is out of range: must be between 0 and 100",
    ),
    "a share below zero": (
        "matrix:\n  growth_weight: -0.1\n",
        "2:18 matrix.growth_weight: -0.1 is out of range: must be between 0 and 1",
    ),
    "a rule of the settings": (
        "abc:\n  a: 0.9\n  b: 0.5\n",
        "2:3 abc: b (0.5) must not be below a (0.9)",
    ),
}


@pytest.mark.parametrize(
    ("text", "expected"), list(SETTINGS_CASES.values()), ids=list(SETTINGS_CASES)
)
def test_a_settings_error_reads_as_one_sentence_at_its_place(text: str, expected: str) -> None:
    assert refused(text, "kam.yaml", PortfolioSettings) == [expected]


def _error(kind: str, value: object, loc: tuple[str | int, ...] = ("name",), **ctx: object):  # type: ignore[no-untyped-def]
    details = {"type": kind, "loc": loc, "input": value, "msg": f"pydantic's own {kind}"}
    return {**details, "ctx": ctx} if ctx else details


# Every kind of error describe() words, as pydantic gives it, with no written form
# (a value the file does not hold as one scalar): the message shows the value itself.
KINDS = {
    "a literal": (_error("literal_error", "x", expected="'a' or 'b'"),
                  "'x' is not allowed; use one of: a, b"),
    "an enum with no choices named": (_error("enum", "x"), "'x' is not allowed; use one of: "),
    "above an upper bound, both declared": (
        _error("less_than_equal", 150, ("health", "nps"), le=100),
        "150 is out of range: must be between -100 and 100"),
    "an upper bound alone": (_error("less_than", 7, ("nowhere",), lt=5),
                             "7 is out of range: must be below 5"),
    "a float bound alone": (_error("greater_than", 0.5, ("nowhere",), gt=1.5),
                            "0.5 is out of range: must be above 1.5"),
    "a whole number that is not one": (_error("int_parsing", "x"),
                                       "expected a whole number, got 'x'"),
    "a number that is not one": (_error("float_parsing", "x"), "expected a number, got 'x'"),
    "a number of the wrong type": (_error("float_type", [1]), "expected a number, got a list"),
    "a flag that is not one": (_error("bool_parsing", "x"), "expected true or false, got 'x'"),
    "a date and time": (_error("datetime_parsing", "x"),
                        "expected a date written YYYY-MM-DD (like 2026-12-31), got 'x'"),
    "a mapping wanted": (_error("dict_type", [1]),
                         "expected a mapping of 'key: value' lines, got a list"),
    "a model's attributes": (_error("model_attributes_type", 3),
                             "expected a mapping of 'key: value' lines, got 3"),
    "a model wanted": (_error("model_type", None),
                       "expected a mapping of 'key: value' lines, got nothing"),
    "true for text": (_error("string_type", True), "expected text, got true; write it in "
                      "quotes ('true') if it is text"),
    "false for text": (_error("string_type", False), "expected text, got false; write it in "
                       "quotes ('false') if it is text"),
    "a float for text": (_error("string_type", 2.50), "expected text, got 2.5; write it in "
                         "quotes ('2.5') if it is text"),
    "a whole number for text": (_error("string_type", 7), "expected text, got 7; write it in "
                                "quotes ('7') if it is text"),
    "a date for text": (_error("string_type", dt.date(2026, 1, 2)),
                        "expected text, got 2026-01-02"),
    "text for a list": (_error("list_type", "x"),
                        "expected a list (lines starting with '- '), got 'x'"),
    "a mapping for text": (_error("string_type", {"a": 1}), "expected text, got a mapping"),
    "an id": (_error("string_pattern_mismatch", "a b"),
              "'a b' is not a valid id: use letters, digits, '-', '_' or '.', no spaces"),
    "too long": (_error("string_too_long", "x", max_length=64),
                 "is too long (at most 64 characters)"),
    "a key that is a date": (_error("invalid_key", dt.date(2026, 1, 2), ("health", "[key]")),
                             "the key 2026-01-02 is read as a date, not a word; write the "
                             "field's name (or put the key in quotes)"),
    "a key of another kind": (_error("invalid_key", None, ("health", "[key]")),
                              "the key nothing is read as a value, not a word; write the "
                              "field's name (or put the key in quotes)"),
    "a rule's own words": (_error("value_error", 1, error="b must not be below a"),
                           "b must not be below a"),
    "a rule without its words": (_error("value_error", 1), "pydantic's own value_error"),
    "a kind not worded here": (_error("uuid_type", 1), "pydantic's own uuid_type"),
}  # fmt: skip


@pytest.mark.parametrize(("error", "expected"), list(KINDS.values()), ids=list(KINDS))
def test_every_kind_of_error_is_worded(error: Any, expected: str) -> None:
    assert describe(error, Account) == expected


def test_a_misspelt_choice_names_the_nearest_one_only() -> None:
    error = _error("enum", "hig", expected="'low', 'medium', 'high' or 'higher'")
    assert describe(error, Account).endswith("(did you mean 'high'?)")
