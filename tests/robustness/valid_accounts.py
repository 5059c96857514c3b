"""A hypothesis strategy for account files that validate: every field, any text.

Built as plain data (what a person writes), dumped to YAML by PyYAML, so the test
goes through the same loader as a real file.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from kamtui.core.account.model import (
    CRITERIA,
    HARMONY_FACETS,
    Attitude,
    BuyingRole,
    Level,
    NeedKind,
    NeedStatus,
    ObjectiveStatus,
    Onboarding,
    ProgrammeStatus,
    Relationship,
    Stage,
    TeamRole,
)

# Any text, including control characters, markup and other scripts; no lone surrogates
# (a UTF-8 file cannot hold them).
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
# Fields that must not be blank once stripped.
required_texts = texts.filter(lambda text: text.strip() != "")
ids = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.-]{0,15}\Z")
scores = st.integers(1, 5)
amounts = st.one_of(st.integers(0, 10**12), st.floats(0, 1e12, allow_nan=False))
dates = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))


def _enum(kind: type) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in kind])


def _optional(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=fields)


_criterion = st.one_of(
    scores,
    st.fixed_dictionaries({"score": scores}, optional={"evidence": texts}),
)
_health = _optional(
    {
        "nps": st.integers(-100, 100),
        "csat": st.floats(1, 5),
        "engagement": _enum(Level),
        "churn_risk": _enum(Level),
        "onboarding": _enum(Onboarding),
        "at_risk_since": dates,
        "adoption": st.floats(0, 1),
        "cltv": amounts,
        "last_contact": dates,
    }
)


def _objective(item_id: str) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"id": st.just(item_id), "what": required_texts},
        optional={
            "why": texts,
            "how": texts,
            "metric": texts,
            "target": st.floats(-1e6, 1e6),
            "due": dates,
            "status": _enum(ObjectiveStatus),
        },
    )


def _need(item_id: str) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"id": st.just(item_id), "what": required_texts},
        optional={
            "kind": _enum(NeedKind),
            "horizon": dates,
            "value": amounts,
            "status": _enum(NeedStatus),
        },
    )


def _goal(item_id: str) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"id": st.just(item_id), "what": required_texts},
        optional={"why": texts, "horizon": dates, "met": st.booleans()},
    )


_team = st.lists(
    st.fixed_dictionaries(
        {"name": required_texts}, optional={"role": _enum(TeamRole), "responsibility": texts}
    ),
    max_size=3,
)
_economics = st.dictionaries(
    st.integers(1900, 2200),
    st.fixed_dictionaries({"gross_profit": amounts, "cost_to_serve": amounts}),
    max_size=2,
)


@st.composite
def _stakeholders(draw: st.DrawFn) -> list[dict[str, Any]]:
    """People whose reporting lines point only at earlier people (so never a cycle)."""
    people_ids = draw(st.lists(ids, max_size=5, unique=True))
    people: list[dict[str, Any]] = []
    for index, person_id in enumerate(people_ids):
        earlier, others = people_ids[:index], [p for p in people_ids if p != person_id]
        person = draw(
            st.fixed_dictionaries(
                {"id": st.just(person_id), "name": required_texts},
                optional={
                    "title": texts,
                    "organization": texts,
                    "decision_power": _enum(Level),
                    "attitude": _enum(Attitude),
                    "relationship": _enum(Relationship),
                    "touchpoint": st.booleans(),
                    "role": _enum(BuyingRole),
                    "notes": texts,
                    **({"reports_to": st.sampled_from(earlier)} if earlier else {}),
                    **(
                        {"influences": st.lists(st.sampled_from(others), unique=True)}
                        if others
                        else {}
                    ),
                },
            )
        )
        people.append(person)
    return people


@st.composite
def _items(draw: st.DrawFn, make: Any) -> list[dict[str, Any]]:
    return [draw(make(item_id)) for item_id in draw(st.lists(ids, max_size=4, unique=True))]


account_data = st.fixed_dictionaries(
    {
        "name": required_texts,
        "criteria": st.fixed_dictionaries({name: _criterion for name in CRITERIA}),
    },
    optional={
        "industry": texts,
        "owner": texts,
        "status": _enum(ProgrammeStatus),
        "promoted_on": dates,
        "review_on": dates,
        "team": _team,
        "stage": _enum(Stage),
        "since": dates,
        "tags": st.lists(texts, max_size=4),
        "revenue": st.dictionaries(st.integers(1900, 2200), amounts, max_size=4),
        "revenue_potential": amounts,
        "mrr": _optional({plan: amounts for plan in ("basic", "standard", "premium")}),
        "harmony": st.fixed_dictionaries({facet: scores for facet in HARMONY_FACETS}),
        "economics": _economics,
        "health": _health,
        "customer_goals": _items(_goal),
        "objectives": _items(_objective),
        "stakeholders": _stakeholders(),
        "needs": _items(_need),
        "swot": _optional(
            {
                part: st.lists(texts, max_size=3)
                for part in ("strengths", "weaknesses", "opportunities", "threats")
            }
        ),
        "notes": texts,
    },
)
