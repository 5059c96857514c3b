"""Hand-built stakeholder maps for the stakeholder, org-chart and rendering tests."""

from __future__ import annotations

from typing import Any

from kamtui.core.account.model import Account
from tests.core.portfolio_builders import make_account


def person(person_id: str, **fields: Any) -> dict[str, Any]:
    """A stakeholder named after their id unless a name is given."""
    return {"id": person_id, "name": fields.pop("name", person_id.title()), **fields}


def map_of(*people: dict[str, Any], name: str = "Acme") -> Account:
    return make_account(name=name, stakeholders=list(people))


def hospital() -> Account:
    """The worked example of KAM.md: good relations with the usual contacts, a neutral
    EVP who decides, and an outside consultant with the EVP's ear."""
    return map_of(
        person("ceo", name="Olivia Chen", title="CEO", decision_power="medium"),
        person(
            "evp",
            name="Morgan Lee",
            title="EVP",
            reports_to="ceo",
            decision_power="high",
            attitude="neutral",
            relationship="weak",
        ),
        person(
            "it-director",
            name="Sam Patel",
            title="IT Director",
            reports_to="evp",
            decision_power="medium",
            attitude="supporter",
            relationship="strong",
            touchpoint=True,
        ),
        person(
            "it-architect",
            name="Ada Novak",
            title="Architect",
            reports_to="it-director",
            decision_power="low",
            attitude="champion",
            relationship="strong",
            touchpoint=True,
        ),
        person(
            "consultant",
            name="Jules Martin",
            title="Partner",
            organization="Larch Advisory",
            attitude="champion",
            relationship="good",
            influences=["evp"],
        ),
        name="Harbor Health",
    )
