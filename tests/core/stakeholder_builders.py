"""Hand-built stakeholder maps for the stakeholder, org-chart and rendering tests."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import networkx as nx

from kamtui.core.account.model import Account
from kamtui.core.people.stakeholders import Link, allies, stakeholder
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


_KNOWN = {"strong": 0, "good": 1, "weak": 2, "none": 3}


def every_shortest_path(graph: nx.DiGraph, target: str) -> tuple[tuple[str, ...], ...]:
    """Every shortest path from an ally to `target`, in the order `influence_path`
    prefers them: fewest steps of advice up a reporting line, then the ally we know
    best, then a champion, then by ids. Found by networkx's own enumeration, apart from
    the search under test, so that the two check each other."""
    if target not in graph:
        return ()
    paths = [
        tuple(path)
        for ally in allies(graph)
        if nx.has_path(graph, ally, target)
        for path in nx.all_shortest_paths(graph, ally, target)
    ]
    fewest = min((len(path) for path in paths), default=0)

    def preference(path: tuple[str, ...]) -> tuple[int, int, bool, str, tuple[str, ...]]:
        ally = stakeholder(graph, path[0])
        upward = sum(graph.edges[a, b]["kind"] is Link.reports_to for a, b in pairwise(path))
        return (upward, _KNOWN[ally.relationship.value], ally.attitude.value != "champion",
                ally.id, path)  # fmt: skip

    return tuple(sorted((path for path in paths if len(path) == fewest), key=preference))
