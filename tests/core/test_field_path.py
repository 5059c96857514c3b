"""Dotted paths as people write them → places in an account's data, and the words of
every way a path can name nothing (`kamtui set` prints them)."""

from __future__ import annotations

from typing import Any

import pytest

from kamtui.core.editing.field_path import PathError, resolve_path

DATA: dict[str, Any] = {
    "name": "Acme",
    "objectives": [{"id": "grow", "what": "Grow", "actions": [{"what": "a"}, {"what": "b"}]}],
    "stakeholders": [{"id": "evp", "name": "E"}, {"id": "cfo", "name": "C"}],
    "criteria": {"product_fit": {"score": 4, "evidence": "fits"}, "revenue_volume": 3},
    "revenue": {2025: 1},
    "needs": [],
}


@pytest.mark.parametrize(
    ("dotted", "path"),
    [
        ("objectives.grow.actions.2.done", ("objectives", 0, "actions", 1, "done")),
        ("stakeholders.cfo.attitude", ("stakeholders", 1, "attitude")),
        ("stakeholders.evp", ("stakeholders", 0)),
        ("criteria.product_fit", ("criteria", "product_fit", "score")),
        ("criteria.product_fit.score", ("criteria", "product_fit", "score")),
        ("criteria.revenue_volume", ("criteria", "revenue_volume")),
        ("criteria.revenue_volume.score", ("criteria", "revenue_volume")),
        ("revenue.2026", ("revenue", "2026")),
        ("name", ("name",)),
        ("stakeholders", ("stakeholders",)),
        ("revenue", ("revenue",)),
    ],
)
def test_a_path_names_its_place(dotted: str, path: tuple[Any, ...]) -> None:
    assert resolve_path(dotted, DATA) == path


@pytest.mark.parametrize(
    ("dotted", "message"),
    [
        ("a..b", "'a..b' is not a path like stakeholders.evp.attitude"),
        (
            "stakeholders.evq.attitude",
            "stakeholders has no item 'evq'; did you mean 'evp'? it has: evp, cfo",
        ),
        ("objectives.grow.actions.3.what", "objectives.grow.actions has no item '3'; it has: 1, 2"),
        ("objectives.grow.actions.x", "objectives.grow.actions has no item 'x'; it has: 1, 2"),
        (
            "objectives.grow.what.x",
            "objectives.grow.what holds a single value; 'x' cannot follow it",
        ),
        ("needs.x.y", "needs has no items"),
        ("revenue.2026.x", "revenue.2026 holds a single value; 'x' cannot follow it"),
        ("objectives.grow.dona", "objectives.grow has no field 'dona'; it has: id, what, "),
    ],
)
def test_a_path_that_names_nothing_says_what_there_is(dotted: str, message: str) -> None:
    with pytest.raises(PathError) as raised:
        resolve_path(dotted, DATA)
    assert str(raised.value).startswith(message)


def test_an_unknown_field_of_the_account_suggests_the_nearest() -> None:
    with pytest.raises(PathError) as raised:
        resolve_path("nme", DATA)
    assert str(raised.value).startswith(
        "an account has no field 'nme'; did you mean 'name'? it has: name, industry,"
    )


def test_an_item_that_is_not_a_mapping_holds_a_single_value() -> None:
    """A hand-broken list (`stakeholders: [x]`): its item has no fields to name."""
    with pytest.raises(PathError) as raised:
        resolve_path("stakeholders.1.name", {"stakeholders": ["x"]})
    assert str(raised.value) == "stakeholders.1 holds a single value; 'name' cannot follow it"


DOTTED_IDS: dict[str, Any] = {
    "stakeholders": [
        {"id": "j", "name": "J"},
        {"id": "j.smith", "name": "Jo Smith"},
        {"id": "2", "name": "Two"},
        {"id": "k", "name": "K"},
    ]
}


@pytest.mark.parametrize(
    ("dotted", "path"),
    [
        # An id may hold dots: the longest id the path starts with is the item.
        ("stakeholders.j.smith.attitude", ("stakeholders", 1, "attitude")),
        ("stakeholders.j.smith", ("stakeholders", 1)),
        ("stakeholders.j.attitude", ("stakeholders", 0, "attitude")),
        # An id that looks like a number is an id first; other numbers count from 1.
        ("stakeholders.2.name", ("stakeholders", 2, "name")),
        ("stakeholders.4.name", ("stakeholders", 3, "name")),
    ],
)
def test_an_item_is_named_by_its_whole_id(dotted: str, path: tuple[Any, ...]) -> None:
    assert resolve_path(dotted, DOTTED_IDS) == path


def test_a_dotted_id_that_is_not_there_is_named_by_its_first_part() -> None:
    with pytest.raises(PathError) as raised:
        resolve_path("stakeholders.x.smith.attitude", DOTTED_IDS)
    assert str(raised.value) == "stakeholders has no item 'x'; it has: j, j.smith, 2, k"


def test_items_without_an_id_are_offered_by_their_number_beside_those_with_one() -> None:
    data = {"objectives": [{"id": "grow", "actions": [{"what": "a"}, {"id": "b"}, {"what": "c"}]}]}
    with pytest.raises(PathError) as raised:
        resolve_path("objectives.grow.actions.zzz.done", data)
    assert str(raised.value) == "objectives.grow.actions has no item 'zzz'; it has: 1, b, 3"
