"""An account as flat facts: items named by id (or date, or position), ids not repeated
as facts of their own, nested items located by their outermost item."""

from __future__ import annotations

import datetime as dt

from kamtui.core.review.facts import item_of, model_facts
from tests.core.portfolio_builders import make_account


def test_log_entries_of_one_day_are_numbered_in_file_order() -> None:
    account = make_account(
        activities=[
            {"date": dt.date(2026, 11, 12), "summary": summary} for summary in ("a", "b", "c")
        ]
        + [{"date": dt.date(2026, 11, 13), "summary": "d"}]
    )
    facts = model_facts(account)
    assert [key for key in facts if key.endswith(".summary")] == [
        "activities[2026-11-12].summary",
        "activities[2026-11-12 #2].summary",
        "activities[2026-11-12 #3].summary",
        "activities[2026-11-13].summary",
    ]
    assert facts["activities[2026-11-12 #3].summary"] == "c"


def test_an_items_id_is_in_its_paths_not_a_fact_of_its_own() -> None:
    account = make_account(stakeholders=[{"id": "evp", "name": "Morgan Lee"}])
    facts = model_facts(account)
    assert facts["stakeholders[evp].name"] == "Morgan Lee"
    assert not [key for key in facts if key.endswith(".id")]


def test_a_nested_item_belongs_to_its_outermost_item() -> None:
    assert item_of("objectives[grow].actions[2].what") == ("objectives", "grow")
    assert item_of("stakeholders[evp].attitude") == ("stakeholders", "evp")
    assert item_of("criteria.product_fit") is None
