"""Hand-built stakeholder maps for the stakeholder, org-chart and rendering tests."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import networkx as nx

from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.people.buying_centre import account_map_status
from kamtui.core.people.org_chart import OrgChart, org_chart
from kamtui.core.people.stakeholders import PASSING_COST, allies, stakeholder
from tests.core.portfolio_builders import make_account


def chart_of(account: Account, stale: Collection[str] = ()) -> OrgChart:
    """The org chart under the default required roles."""
    return org_chart(account, account_map_status(account, PortfolioSettings()), stale)


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


def every_path(graph: nx.DiGraph, target: str) -> tuple[tuple[str, ...], ...]:
    """Every path from an ally to `target` that visits no one twice, in the order
    `influence_path` prefers them: least cost of the people between the ends (by
    `PASSING_COST`), then fewest people, then by ids. Found by networkx's own
    enumeration, apart from the search under test, so that the two check each other."""
    if target not in graph:
        return ()
    paths = [(target,)] if target in allies(graph) else []
    paths += [
        tuple(path)
        for ally in allies(graph)
        if ally != target
        for path in nx.all_simple_paths(graph, ally, target)
    ]

    def preference(path: tuple[str, ...]) -> tuple[int, int, tuple[str, ...]]:
        cost = sum(PASSING_COST[stakeholder(graph, p).attitude] for p in path[1:-1])
        return (cost, len(path), path)

    return tuple(sorted(paths, key=preference))
