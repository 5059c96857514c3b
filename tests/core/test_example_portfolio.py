"""The example portfolio loads cleanly and shows every part of the format in use.

`accounts.example/` is the demo a key account manager opens first, so these tests
also pin the situations it exists to show: when a field, an enum value or a story
disappears from it (or a new field is added to the model without an example), they fail.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections import defaultdict
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from kamtui.core.account.model import (
    Account,
    Attitude,
    Level,
    ObjectiveStatus,
    PortfolioSettings,
    Stakeholder,
)
from kamtui.core.analysis.kpis import kpi_readings
from kamtui.core.loading.loader import Folder, load_folder

EXAMPLE = Path(__file__).resolve().parents[2] / "accounts.example"
TODAY = dt.date(2026, 11, 24)
LATEST_YEAR = 2026
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


# Function scope: mutmut credits code run in a fixture to the first test only, so a shared
# load would hide every later test from the mutation run.
@pytest.fixture
def folder() -> Folder:
    return load_folder(EXAMPLE)


@pytest.fixture
def accounts(folder: Folder) -> list[Account]:
    return list(folder.accounts.values())


def _types_in(annotation: Any) -> Iterator[type]:
    """Every class named in an annotation, through unions, containers and Annotated."""
    if isinstance(annotation, type) and typing.get_origin(annotation) is None:
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _types_in(argument)


def _model_classes(root: type[BaseModel]) -> list[type[BaseModel]]:
    """`root` and every model class reachable from its fields."""
    found: list[type[BaseModel]] = []
    pending = [root]
    while pending:
        model = pending.pop()
        if model in found:
            continue
        found.append(model)
        for field in model.model_fields.values():
            pending.extend(t for t in _types_in(field.annotation) if issubclass(t, BaseModel))
    return found


def _instances(value: Any) -> Iterator[BaseModel]:
    """Every model instance inside `value`, `value` included."""
    if isinstance(value, BaseModel):
        yield value
        for name in type(value).model_fields:
            yield from _instances(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _instances(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _instances(item)


def _unset_fields(root: type[BaseModel], values: list[Any]) -> list[str]:
    """`Model.field` for each field reachable from `root` that no instance sets explicitly."""
    used: dict[type[BaseModel], set[str]] = defaultdict(set)
    for value in values:
        for instance in _instances(value):
            used[type(instance)] |= instance.model_fields_set
    return [
        f"{model.__name__}.{name}"
        for model in _model_classes(root)
        for name in model.model_fields
        if name not in used[model]
    ]


def test_the_example_loads_without_problems(folder: Folder) -> None:
    assert [str(problem) for problem in folder.problems] == []
    assert 15 <= len(folder.accounts) <= 18


def test_the_example_sets_every_account_field(accounts: list[Account]) -> None:
    assert _unset_fields(Account, accounts) == []


def test_kam_yaml_sets_every_portfolio_setting(folder: Folder) -> None:
    assert _unset_fields(PortfolioSettings, [folder.settings]) == []
    assert folder.settings.weights.product_fit == 1.5
    assert folder.settings.weights.strategic_value == 1.5


def test_every_enum_field_takes_every_value_somewhere(accounts: list[Account]) -> None:
    seen: dict[tuple[type[BaseModel], str], set[Enum]] = defaultdict(set)
    for account in accounts:
        for instance in _instances(account):
            for name in type(instance).model_fields:
                value = getattr(instance, name)
                # A mapping of enums (white space by offering) takes each of its values.
                found = value.values() if isinstance(value, dict) else [value]
                seen[type(instance), name].update(v for v in found if isinstance(v, Enum))
    missing = [
        f"{model.__name__}.{name} = {member.value}"
        for model in _model_classes(Account)
        for name, field in model.model_fields.items()
        for enum in _types_in(field.annotation)
        if issubclass(enum, Enum)
        for member in enum
        if member not in seen[model, name]
    ]
    assert missing == []


def test_files_carry_the_schema_modeline_and_slug_ids(folder: Folder) -> None:
    for loaded in folder.files:
        depth = len(loaded.path.relative_to(EXAMPLE).parts)
        first_line = loaded.path.read_text(encoding="utf-8").splitlines()[0]
        schema = "../" * depth + "schemas/account.schema.json"
        assert first_line == f"# yaml-language-server: $schema={schema}", loaded.path
        assert SLUG.fullmatch(loaded.account_id), loaded.path
    assert any(len(f.path.relative_to(EXAMPLE).parts) > 1 for f in folder.files)


def test_the_hospital_cloud_story(folder: Folder) -> None:
    harbor = folder.accounts["harbor-health"]
    people = {person.id: person for person in harbor.stakeholders}
    evp = people["evp"]
    assert (evp.name, evp.reports_to) == ("Morgan Lee", "ceo")
    assert (evp.attitude, evp.decision_power, evp.touchpoint) == (
        Attitude.neutral,
        Level.high,
        False,
    )
    consultant = people["consultant"]
    assert consultant.organization == "Larch Advisory"
    assert consultant.attitude is Attitude.champion
    assert "evp" in consultant.influences
    objectives = {objective.id: objective for objective in harbor.objectives}
    assert objectives["cloud-migration"].status is ObjectiveStatus.at_risk
    assert "voice-transcription" in {need.id for need in harbor.needs}


def _latest(account: Account) -> float:
    return account.revenue.get(LATEST_YEAR, 0)


def _is_endangered(account: Account) -> bool:
    return account.health.engagement is Level.low and account.health.churn_risk is Level.high


def _is_shrinking(account: Account) -> bool:
    amounts = [account.revenue[year] for year in sorted(account.revenue)]
    return len(amounts) == 3 and amounts[0] > amounts[1] > amounts[2]


def _grows_with_harmony(account: Account) -> bool:
    harmony = account.harmony
    return (
        harmony is not None
        and min(harmony.model_dump().values()) >= 4
        and account.revenue.get(LATEST_YEAR - 2, 0) * 3 <= _latest(account)
    )


def _touchpoints(account: Account) -> int:
    return sum(person.touchpoint for person in account.stakeholders)


def _has_high_power(people: list[Stakeholder]) -> bool:
    return any(person.decision_power is Level.high for person in people)


def _is_overdue(account: Account) -> bool:
    finished = (ObjectiveStatus.done, ObjectiveStatus.dropped)
    return any(
        o.due is not None and o.due < TODAY and o.status not in finished for o in account.objectives
    )


# Each situation the demo exists to show, and how to recognise an account in it.
SITUATIONS: dict[str, Callable[[Account], bool]] = {
    "biggest payer leaving": lambda a: _is_endangered(a) and _is_shrinking(a),
    "small collaborative account growing fast": _grows_with_harmony,
    "struggling big buyer": lambda a: (
        a.criteria.revenue_volume.score >= 4 and a.criteria.lifetime_value.score <= 2
    ),
    "new account with one year of revenue": lambda a: list(a.revenue) == [LATEST_YEAR],
    "a year without revenue": lambda a: 0 in a.revenue.values(),
    "no harmony assessed": lambda a: a.harmony is None,
    "single-threaded": lambda a: bool(a.stakeholders) and _touchpoints(a) <= 1,
    "nobody with high decision power": lambda a: (
        bool(a.stakeholders) and not _has_high_power(a.stakeholders)
    ),
    "premium plan": lambda a: a.mrr is not None and a.mrr.premium > 0,
    "objective overdue and not done": _is_overdue,
}


@pytest.mark.parametrize("situation", SITUATIONS)
def test_the_example_shows(situation: str, accounts: list[Account]) -> None:
    assert any(SITUATIONS[situation](account) for account in accounts)


def test_several_accounts_entered_the_at_risk_queue_at_different_times(
    accounts: list[Account],
) -> None:
    dates = {a.health.at_risk_since for a in accounts if a.health.at_risk_since is not None}
    assert len(dates) >= 3


def test_premium_is_the_upsell_line_for_most_accounts(accounts: list[Account]) -> None:
    today = dt.date(2026, 11, 24)
    on_premium = [a for a in accounts if kpi_readings(a, today)["mrr_premium"].value]
    assert 2 <= len(on_premium) <= len(accounts) // 3


def test_revenue_has_a_pareto_shape(accounts: list[Account]) -> None:
    # The vital few: under a third of the accounts make three quarters of the revenue.
    latest = sorted((_latest(account) for account in accounts), reverse=True)
    few = len(accounts) * 30 // 100
    assert sum(latest[:few]) >= 0.75 * sum(latest)
