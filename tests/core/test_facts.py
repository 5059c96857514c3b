"""An account as flat facts: items named by id (or by what they say), ids not repeated
as facts of their own, nested items located by their outermost item."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import BaseModel

from kamtui.core.review.facts import SAID_KEY_LENGTH, item_of, model_facts, said_key
from tests.core.portfolio_builders import make_account


def test_log_entries_are_named_by_date_and_summary_the_same_twice_numbered() -> None:
    """An entry inserted above another of the same day leaves the other's name as it was
    (a position would shift it, and the diff would say the old entry changed)."""
    day = dt.date(2026, 11, 12)
    entries = [{"date": day, "summary": s} for s in ("Call", "Lunch", "Call")]
    facts = model_facts(make_account(activities=entries))
    assert [key for key in facts if key.endswith(".summary")] == [
        "activities[2026-11-12 call].summary",
        "activities[2026-11-12 call #2].summary",
        "activities[2026-11-12 lunch].summary",
    ]
    inserted = [{"date": day, "summary": "Breakfast"}, *entries]
    assert model_facts(make_account(activities=inserted)).keys() > facts.keys()


def test_actions_without_an_id_are_named_by_what_they_are() -> None:
    objective = {
        "id": "grow",
        "what": "Grow",
        "actions": [{"what": "Book the workshop"}, {"id": "deck", "what": "Send the deck"}],
    }
    facts = model_facts(make_account(objectives=[objective]))
    assert [key for key in facts if key.endswith(".what") and "actions" in key] == [
        "objectives[grow].actions[book-the-workshop].what",
        "objectives[grow].actions[deck].what",
    ]


def test_an_items_id_is_in_its_paths_not_a_fact_of_its_own() -> None:
    account = make_account(stakeholders=[{"id": "evp", "name": "Morgan Lee"}])
    facts = model_facts(account)
    assert facts["stakeholders[evp].name"] == "Morgan Lee"
    assert not [key for key in facts if key.endswith(".id")]


def test_a_nested_item_belongs_to_its_outermost_item() -> None:
    assert item_of("objectives[grow].actions[Book it].what") == ("objectives", "grow")
    assert item_of("stakeholders[evp].attitude") == ("stakeholders", "evp")
    assert item_of("criteria.product_fit") is None


def test_a_name_made_from_text_is_words_and_nothing_a_terminal_or_markdown_reads() -> None:
    assert said_key("Walked the EVP through the case!") == "walked-the-evp-through-the-case"
    assert said_key("Müller \x1b[31mred\u202e `x` [y]") == "müller-31mred-x-y"
    assert said_key("?!") == "item"
    assert said_key("word " * 20) == ("word-" * 10)[:SAID_KEY_LENGTH].rstrip("-")


def test_a_name_cut_at_its_length_does_not_end_in_a_dash() -> None:
    assert said_key("a" * (SAID_KEY_LENGTH - 1) + " b") == "a" * (SAID_KEY_LENGTH - 1)


def test_a_list_of_models_without_ids_or_a_value_no_fact_holds_is_a_programming_error() -> None:
    """Every list of the format's models has ids but the log and actions; a new one
    without must be given a name here, not silently keyed."""

    class Note(BaseModel):
        text: str

    class Holder(BaseModel):
        notes: list[Note]
        odd: object = None

    with pytest.raises(TypeError) as unnamed:
        model_facts(Holder(notes=[Note(text="x")]))
    assert str(unnamed.value) == "a Note in a list needs an id"
    with pytest.raises(TypeError) as odd:
        model_facts(Holder(notes=[], odd=1j))
    assert str(odd.value) == "no fact for a complex"
