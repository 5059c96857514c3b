"""The org chart of one account, laid out once for every front end.

The rich tree, the Mermaid and DOT charts and the TUI's Stakeholders tab all walk the
same `OrgChart`, so they agree on who sits where, in what order, who is to win and
through whom, and none of them recomputes anything.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from kamtui.core.account.model import Account, Level, Stakeholder
from kamtui.core.people.buying_centre import MapStatus
from kamtui.core.people.stakeholders import (
    StakeholderAnalysis,
    analyse_graph,
    decision_graph,
    describe_person,
    stakeholder,
    unfriendly_people,
)

_POWER_RANK = {Level.high: 0, Level.medium: 1, Level.low: 2, None: 3}


def chart_order(person: Stakeholder) -> tuple[int, str, str]:
    """Siblings are shown high decision power first, then by name."""
    return (_POWER_RANK[person.decision_power], person.name.casefold(), person.id)


@dataclass(frozen=True)
class OrgNode:
    """One person in the chart, with their direct reports below them."""

    person: Stakeholder
    reports: tuple[OrgNode, ...]
    # The dotted lines reaching this person, in chart order.
    influenced_by: tuple[Stakeholder, ...]
    to_win: bool
    ally: bool
    # A key player not met within the cadence (the rule is relationships.py's).
    stale: bool = False
    # To win, and their path of influence has a skeptic or a blocker on the way.
    unfriendly_path: bool = False

    def walk(self, depth: int = 0) -> Iterator[tuple[OrgNode, int]]:
        """This node and everyone below it, depth first, with their depth."""
        stack = [(self, depth)]
        while stack:
            node, level = stack.pop()
            yield node, level
            stack.extend((child, level + 1) for child in reversed(node.reports))


@dataclass(frozen=True)
class ExternalGroup:
    """People outside the customer's hierarchy, one group per organization."""

    organization: str
    people: tuple[OrgNode, ...]


@dataclass(frozen=True)
class WinTarget:
    """A stakeholder to win and the path of influence from an ally to them."""

    person: Stakeholder
    path: tuple[Stakeholder, ...] | None
    # "Larch Advisory (Jules Martin, champion) → Morgan Lee, EVP (neutral, high power)"
    description: str
    # The skeptics and blockers between the ally and the person: a path to be wary of.
    unfriendly: tuple[Stakeholder, ...] = ()

    @property
    def path_ids(self) -> tuple[str, ...]:
        return () if self.path is None else tuple(person.id for person in self.path)


@dataclass(frozen=True)
class OrgChart:
    account_name: str
    # The tops of the customer's hierarchy: no manager, or a manager not on record.
    roots: tuple[OrgNode, ...]
    externals: tuple[ExternalGroup, ...]
    to_win: tuple[WinTarget, ...]
    # (manager id, report id) for every line drawn in the tree.
    reporting_lines: tuple[tuple[str, str], ...]
    # (influencer id, influenced id) for every dotted line between known people.
    influence_lines: tuple[tuple[str, str], ...]
    analysis: StakeholderAnalysis
    # How complete the map is; its missing roles are drawn as placeholders.
    status: MapStatus

    def path_steps(self) -> frozenset[tuple[str, str]]:
        """Every (from, to) step of a path of influence to someone to win."""
        return frozenset(
            step for target in self.to_win for step in itertools.pairwise(target.path_ids)
        )

    def walk(self) -> Iterator[tuple[OrgNode, int]]:
        """Every node with its depth: the hierarchy first, then the external groups."""
        yield from walk(self.roots)
        for group in self.externals:
            yield from walk(group.people)


def walk(roots: Iterable[OrgNode]) -> Iterator[tuple[OrgNode, int]]:
    """Every node of these trees with its depth, depth first, in chart order."""
    for root in roots:
        yield from root.walk()


def org_chart(account: Account, status: MapStatus, stale: Collection[str] = ()) -> OrgChart:
    """The chart of `account`; `status` is its map status (`AccountFigures.map_status`,
    which depends on the portfolio's required roles) and `stale` the ids of its key
    players not met in time (which depend on the account's tier and the day)."""
    graph = decision_graph(account)
    analysis = analyse_graph(graph)
    # The graph holds the first stakeholder of each id, as every other view does.
    people = {person_id: stakeholder(graph, person_id) for person_id in graph.nodes}
    everyone = sorted(people.values(), key=chart_order)
    reports: dict[str, list[str]] = {person.id: [] for person in everyone}
    for person in everyone:
        manager = person.reports_to
        if manager is not None and manager in people and manager != person.id:
            reports[manager].append(person.id)
    managed = {report for team in reports.values() for report in team}
    tops = [person for person in everyone if person.id not in managed]
    placement = _placement(tops + everyone, reports)
    influence_lines = _influence_lines(everyone, people)
    influencers: dict[str, list[Stakeholder]] = {}
    for source, target in influence_lines:
        influencers.setdefault(target, []).append(people[source])
    to_win, allies = set(analysis.to_win), set(analysis.allies)
    nodes: dict[str, OrgNode] = {}
    # A manager is placed before their reports, so building in reverse makes every
    # node after its reports, without recursion on however deep a hierarchy is.
    for person_id, children in reversed(placement):
        nodes[person_id] = OrgNode(
            person=people[person_id],
            reports=tuple(nodes[child] for child in children),
            influenced_by=tuple(influencers.get(person_id, ())),
            to_win=person_id in to_win,
            ally=person_id in allies,
            stale=person_id in stale,
            unfriendly_path=person_id in analysis.unfriendly_paths,
        )
    placed_under = {child for _, children in placement for child in children}
    roots = [nodes[person_id] for person_id, _ in placement if person_id not in placed_under]
    return OrgChart(
        account_name=account.name,
        roots=tuple(node for node in roots if node.person.organization is None),
        externals=_external_groups(
            [
                (node.person.organization, node)
                for node in roots
                if node.person.organization is not None
            ]
        ),
        to_win=tuple(
            _win_target(people, target, path, unfriendly_people(graph, path))
            for target, path in analysis.influence_paths.items()
        ),
        reporting_lines=tuple(
            (manager, child) for manager, children in placement for child in children
        ),
        influence_lines=influence_lines,
        analysis=analysis,
        status=status,
    )


def _placement(
    candidates: list[Stakeholder], reports: dict[str, list[str]]
) -> list[tuple[str, tuple[str, ...]]]:
    """Each person once, with the reports placed under them, managers before reports.

    Candidates are tried in turn as tops of a tree; listing everyone after the true
    tops places the members of a reporting cycle too (the loader reports the cycle).
    """
    placed: set[str] = set()
    placement: list[tuple[str, tuple[str, ...]]] = []
    for top in candidates:
        if top.id in placed:
            continue
        placed.add(top.id)
        stack = [top.id]
        while stack:
            person_id = stack.pop()
            children = tuple(child for child in reports[person_id] if child not in placed)
            placed.update(children)
            placement.append((person_id, children))
            stack.extend(reversed(children))
    return placement


def _influence_lines(
    everyone: list[Stakeholder], people: dict[str, Stakeholder]
) -> tuple[tuple[str, str], ...]:
    # dict.fromkeys drops a line written twice and keeps the first one's place.
    return tuple(
        dict.fromkeys(
            (person.id, target)
            for person in everyone
            for target in person.influences
            if target in people and target != person.id
        )
    )


def _external_groups(roots: list[tuple[str, OrgNode]]) -> tuple[ExternalGroup, ...]:
    """Roots from other organizations, grouped by (organization, root) pairs."""
    groups: dict[str, list[OrgNode]] = {}
    for organization, node in roots:
        groups.setdefault(organization, []).append(node)
    return tuple(
        ExternalGroup(organization=name, people=tuple(groups[name]))
        for name in sorted(groups, key=str.casefold)
    )


def _win_target(
    people: dict[str, Stakeholder],
    target: str,
    path: tuple[str, ...] | None,
    hostile: tuple[str, ...],
) -> WinTarget:
    person = people[target]
    if path is None:
        return WinTarget(person, None, f"{describe_person(person)}: no ally reaches them yet")
    steps = tuple(people[step] for step in path)
    return WinTarget(
        person,
        steps,
        " → ".join(describe_person(step) for step in steps),
        tuple(people[step] for step in hostile),
    )
