"""Decoding an encoded account gives back exactly the account pydantic validated."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from bench.gen import SETTINGS_TEXT, account_text
from kamtui.core.account.account_file import load_account_bytes
from kamtui.core.account.model import Account, Attitude, PortfolioSettings, Stakeholder
from kamtui.core.loading import account_codec
from kamtui.core.loading.account_codec import decode_account, encode_account
from kamtui.core.loading.loader import load_folder
from tests.conftest import EXAMPLES, MINIMAL


@pytest.fixture(autouse=True)
def compiled_afresh() -> None:
    """Each test generates and compiles the codec itself: made once per process, it would
    be made before the mutation run picks a mutant, and no test would see the generator."""
    account_codec._account_codec.cache_clear()


def state(value: Any) -> Any:
    """Everything pydantic keeps on a model, recursively, with the type of every value."""
    if isinstance(value, BaseModel):
        kept = value.__getstate__()
        return (
            type(value),
            {name: state(item) for name, item in kept["__dict__"].items()},
            kept["__pydantic_fields_set__"],
            kept["__pydantic_extra__"],
            kept["__pydantic_private__"],
        )
    if isinstance(value, list):
        return [state(item) for item in value]
    if isinstance(value, dict):
        return {key: state(item) for key, item in value.items()}
    return type(value), value


# The generated accounts name the offerings of the generated kam.yaml.
GENERATED_SETTINGS = PortfolioSettings.model_validate(yaml.safe_load(SETTINGS_TEXT))


def validated(text: str) -> Account:
    account, problems = load_account_bytes(text.encode(), "a.yaml", GENERATED_SETTINGS)
    assert problems == [] and account is not None
    return account


def test_every_example_and_generated_account_comes_back_the_same() -> None:
    accounts = list(load_folder(EXAMPLES).accounts.values())
    accounts += [validated(account_text(index, seed=3)) for index in range(40)]
    for account in accounts:
        decoded = decode_account(encode_account(account))
        assert decoded == account
        assert state(decoded) == state(account)


def test_unset_fields_stay_unset_and_defaults_stay_defaults() -> None:
    account = validated(MINIMAL)
    decoded = decode_account(encode_account(account))
    assert decoded.model_fields_set == {"name", "criteria"}
    assert decoded.health.model_fields_set == set()
    assert decoded.model_dump(exclude_unset=True) == account.model_dump(exclude_unset=True)


def test_custom_kpis_come_back_as_numbers_or_readings_by_date() -> None:
    """A mapping whose values are converted (readings by date inside a mapping by id)."""
    settings = PortfolioSettings.model_validate({"kpis": [{"id": "otd"}, {"id": "fill"}]})
    text = MINIMAL + "kpis: {otd: {2026-03-31: 0.9, 2026-06-30: 0.93}, fill: 0.5}\n"
    account, problems = load_account_bytes(text.encode(), "a.yaml", settings)
    assert problems == [] and account is not None
    decoded = decode_account(encode_account(account))
    assert decoded.kpis == {
        "otd": {dt.date(2026, 3, 31): 0.9, dt.date(2026, 6, 30): 0.93},
        "fill": 0.5,
    }
    assert state(decoded) == state(account)


def test_edge_values_survive() -> None:
    text = MINIMAL + (
        "revenue: {2024: 1.0e15, 2025: 0.1, 2026: -0.0}\n"
        "since: 1999-12-31\n"
        "tags: []\n"
        'notes: "Zoë 山田 \\u00e9 \\U0001F600"\n'
        "stakeholders:\n  - {id: a, name: Ann, influences: []}\n"
    )
    decoded = decode_account(encode_account(validated(text)))
    assert decoded.revenue[2024] == 1e15
    assert decoded.revenue[2025] == 0.1
    assert math.copysign(1, decoded.revenue[2026]) == -1
    assert decoded.since == dt.date(1999, 12, 31)
    assert decoded.notes == "Zoë 山田 é 😀"
    assert decoded.stakeholders[0].attitude is Attitude.neutral


def test_equal_field_sets_are_shared_between_models() -> None:
    first = decode_account(encode_account(validated(account_text(1, seed=0))))
    second = decode_account(encode_account(validated(account_text(2, seed=0))))
    assert first.criteria.__pydantic_fields_set__ is second.criteria.__pydantic_fields_set__


def test_a_decoded_model_copies_its_field_set_before_changing_it() -> None:
    account = decode_account(encode_account(validated(account_text(1, seed=0))))
    person: Stakeholder = account.stakeholders[0]
    shared = set(person.model_fields_set)
    changed = person.model_copy(update={"notes": "new"})
    assert "notes" in changed.model_fields_set
    assert person.model_fields_set == shared


class _Union(BaseModel):
    value: int | str


class _Complex(BaseModel):
    value: complex


class _Callable(BaseModel):
    value: Any


class _Pair(BaseModel):
    value: tuple[int, int]


@pytest.mark.parametrize(
    ("model", "what"),
    [
        (_Union, "the union int | str"),
        (_Complex, "<class 'complex'>"),
        (_Callable, "typing.Any"),
        (_Pair, "tuple[int, int]"),
    ],
)
def test_a_field_the_codec_cannot_store_is_named_when_it_is_made(
    model: type[BaseModel], what: str
) -> None:
    # A field added to the format that the codec cannot keep fails loudly, naming it.
    with pytest.raises(TypeError) as refused:
        account_codec._compile(model)
    assert str(refused.value) == f"account_codec cannot store {what}"
