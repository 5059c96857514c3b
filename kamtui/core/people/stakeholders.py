"""The decision-making map of one account: who can influence whom, who to win, and through whom.

An edge A → B in the decision graph means "A can influence B": authority runs down a
reporting line, advice runs up it, and a dotted line (`influences`) runs from the
influencer to the person influenced. The graph is rebuilt for every account on load,
so it stays a plain networkx DiGraph with no derived data cached on it.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import networkx as nx

from kamtui.core.account.model import Account, Attitude, Level, Stakeholder
from kamtui.core.analysis.scoring import is_single_threaded
from kamtui.core.people.buying_centre import CLOSE_RELATIONSHIPS, MapStatus

ALLY_ATTITUDES = frozenset({Attitude.champion, Attitude.supporter})
TO_WIN_ATTITUDES = frozenset({Attitude.neutral, Attitude.skeptic, Attitude.blocker})

# The node attribute holding the Stakeholder; the other node attributes are copies
# of its fields kept for networkx users (filters, exports) who never see the model.
STAKEHOLDER = "stakeholder"


class Link(StrEnum):
    """Why an edge A → B exists: read it as "A <kind> B"."""

    manages = "manages"
    reports_to = "reports_to"
    influences = "influences"


def decision_graph(account: Account) -> nx.DiGraph:
    """The stakeholders as nodes, an edge A → B wherever A can influence B.

    Total on any validated account: the first stakeholder with a given id wins, and
    references to unknown ids or to oneself are skipped (the loader reports them).
    Where a dotted line repeats a reporting line, the edge keeps its reporting kind.
    """
    graph = nx.DiGraph()
    for person in account.stakeholders:
        if person.id not in graph:
            graph.add_node(
                person.id,
                **{STAKEHOLDER: person},
                name=person.name,
                attitude=person.attitude,
                decision_power=person.decision_power,
                relationship=person.relationship,
                touchpoint=person.touchpoint,
                external=person.is_external,
            )
    people = list(_people(graph))
    for person in people:
        manager = person.reports_to
        if manager is not None and manager != person.id and manager in graph:
            graph.add_edge(manager, person.id, kind=Link.manages)
            graph.add_edge(person.id, manager, kind=Link.reports_to)
    for person in people:
        for target in person.influences:
            if target != person.id and target in graph and not graph.has_edge(person.id, target):
                graph.add_edge(person.id, target, kind=Link.influences)
    return graph


def stakeholder(graph: nx.DiGraph, person_id: str) -> Stakeholder:
    found: Stakeholder = graph.nodes[person_id][STAKEHOLDER]
    return found


def _people(graph: nx.DiGraph) -> Iterator[Stakeholder]:
    """Every stakeholder in the graph, by id."""
    for person_id in sorted(graph.nodes):
        yield stakeholder(graph, person_id)


def to_win(graph: nx.DiGraph) -> tuple[str, ...]:
    """High decision power and not yet on our side (neutral, skeptic or blocker), by id."""
    return tuple(
        p.id
        for p in _people(graph)
        if p.decision_power is Level.high and p.attitude in TO_WIN_ATTITUDES
    )


def allies(graph: nx.DiGraph) -> tuple[str, ...]:
    """Champions and supporters, by id."""
    return tuple(p.id for p in _people(graph) if p.attitude in ALLY_ATTITUDES)


# What it costs to go through a person on a path of influence, by their attitude:
# a friend passes the word on, a skeptic may not, a blocker almost surely will not.
# (A friend is never on the cheapest path between its ends: it could start there.)
PASSING_COST = {
    Attitude.champion: 1,
    Attitude.supporter: 1,
    Attitude.neutral: 2,
    Attitude.skeptic: 5,
    Attitude.blocker: 20,
}
UNFRIENDLY_ATTITUDES = frozenset({Attitude.skeptic, Attitude.blocker})


def influence_path(graph: nx.DiGraph, target: str) -> tuple[str, ...] | None:
    """The path of least cost from any ally to `target`; None when no ally reaches
    them. An ally's own path is just themselves.

    A path costs the sum of `PASSING_COST` over the people between its ends (an
    attitude not written counts as neutral). Ties go to the path of fewer people, then
    to the one whose ids, read from the ally on, come first.
    """
    if target not in graph:
        return None
    # Dijkstra on (cost, people, ids): every key grows along a path, and two paths to
    # one person that tie on the first two keep their order whatever follows.
    queue: list[tuple[int, int, tuple[str, ...]]] = [(0, 1, (ally,)) for ally in allies(graph)]
    heapq.heapify(queue)
    settled: set[str] = set()
    while queue:
        cost, length, path = heapq.heappop(queue)
        node = path[-1]
        if node == target:
            return path
        if node in settled:
            continue
        settled.add(node)
        for step in graph.successors(node):
            if step not in settled:
                # Counting the target's own cost too adds the same to every path to it.
                passing = PASSING_COST[stakeholder(graph, step).attitude]
                heapq.heappush(queue, (cost + passing, length + 1, (*path, step)))
    return None


def unfriendly_people(graph: nx.DiGraph, path: tuple[str, ...] | None) -> tuple[str, ...]:
    """The skeptics and blockers between the path's two ends, in the path's order."""
    between = () if path is None else path[1:-1]
    return tuple(p for p in between if stakeholder(graph, p).attitude in UNFRIENDLY_ATTITUDES)


def influence_paths(graph: nx.DiGraph) -> dict[str, tuple[str, ...] | None]:
    """The path of influence to each stakeholder to win."""
    return {target: influence_path(graph, target) for target in to_win(graph)}


def coverage(graph: nx.DiGraph) -> float | None:
    """Share of the high-power stakeholders with whom our relationship is strong or good."""
    deciders = [p for p in _people(graph) if p.decision_power is Level.high]
    if not deciders:
        return None
    return sum(p.relationship in CLOSE_RELATIONSHIPS for p in deciders) / len(deciders)


def touchpoints(graph: nx.DiGraph) -> tuple[str, ...]:
    return tuple(p.id for p in _people(graph) if p.touchpoint)


def single_threaded(graph: nx.DiGraph) -> bool:
    return is_single_threaded(_people(graph))


def person_label(person: Stakeholder) -> str:
    """How a sentence names someone: "Morgan Lee, EVP" or "Larch Advisory (Jules Martin)"."""
    if person.organization is not None:
        return f"{person.organization} ({person.name})"
    return person.name if person.title is None else f"{person.name}, {person.title}"


def describe_person(person: Stakeholder) -> str:
    """A label with stance and weight: "Morgan Lee, EVP (neutral, high power)"."""
    details = [person.attitude.value]
    if person.decision_power is not None:
        details.append(f"{person.decision_power.value} power")
    if person.organization is not None:
        return f"{person.organization} ({person.name}, {', '.join(details)})"
    return f"{person_label(person)} ({', '.join(details)})"


def stakeholder_warnings(graph: nx.DiGraph) -> tuple[str, ...]:
    """What a KAM wants flagged in the map; advice, never errors."""
    warnings = [
        f"{person_label(p)} is a blocker with high decision power and no ally reaches them."
        for p in _people(graph)
        if p.attitude is Attitude.blocker
        and p.decision_power is Level.high
        and influence_path(graph, p.id) is None
    ]
    if not any(p.decision_power is Level.high for p in _people(graph)):
        warnings.append("Nobody with high decision power is recorded: who decides?")
    if not touchpoints(graph):
        warnings.append("No stakeholder is marked as a touchpoint: who is our contact?")
    warnings.extend(
        f"{person_label(p)} is outside the hierarchy but influences nobody on record."
        for p in _people(graph)
        if p.is_external and not p.influences
    )
    return tuple(warnings)


@dataclass(frozen=True)
class StakeholderAnalysis:
    """Every figure of the decision-making map, computed once per account."""

    to_win: tuple[str, ...]
    allies: tuple[str, ...]
    influence_paths: Mapping[str, tuple[str, ...] | None]
    # The people to win whose path has a skeptic or a blocker between its ends, by id.
    unfriendly_paths: tuple[str, ...]
    coverage: float | None
    touchpoints: tuple[str, ...]
    single_threaded: bool
    warnings: tuple[str, ...]


def analyse_graph(graph: nx.DiGraph) -> StakeholderAnalysis:
    paths = influence_paths(graph)
    return StakeholderAnalysis(
        to_win=to_win(graph),
        allies=allies(graph),
        influence_paths=paths,
        unfriendly_paths=tuple(
            sorted(t for t, path in paths.items() if unfriendly_people(graph, path))
        ),
        coverage=coverage(graph),
        touchpoints=touchpoints(graph),
        single_threaded=single_threaded(graph),
        warnings=stakeholder_warnings(graph),
    )


def analyse_stakeholders(account: Account) -> StakeholderAnalysis:
    return analyse_graph(decision_graph(account))


def stakeholder_summary(account: Account, status: MapStatus) -> dict[str, Any]:
    """The JSON-ready `stakeholders` block of `kamtui report --format json`; `status` is
    the account's map status (`AccountFigures.map_status`)."""
    analysis = analyse_stakeholders(account)
    return {
        "to_win": list(analysis.to_win),
        "influence_paths": {
            target: None if path is None else list(path)
            for target, path in analysis.influence_paths.items()
        },
        "unfriendly_paths": list(analysis.unfriendly_paths),
        "coverage": analysis.coverage,
        "single_threaded": analysis.single_threaded,
        "map_status": status.level,
        "missing_roles": [role.value for role in status.missing_roles],
        "warnings": list(analysis.warnings),
    }
