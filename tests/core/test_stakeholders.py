"""The decision graph and each definition of the stakeholder analysis, on hand-built maps."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kamtui.core.account.model import Stakeholder
from kamtui.core.people.stakeholders import (
    STAKEHOLDER,
    Link,
    allies,
    analyse_stakeholders,
    coverage,
    decision_graph,
    describe_person,
    influence_path,
    influence_paths,
    person_label,
    single_threaded,
    stakeholder_summary,
    stakeholder_warnings,
    to_win,
)
from tests.core.stakeholder_builders import every_shortest_path, hospital, map_of, person
from tests.hang_guard import time_limit

NO_TOUCHPOINT = "No stakeholder is marked as a touchpoint: who is our contact?"
NO_DECIDER = "Nobody with high decision power is recorded: who decides?"


def kinds(account_map: Any) -> dict[tuple[str, str], Link]:
    graph = decision_graph(account_map)
    return {(a, b): kind for a, b, kind in graph.edges(data="kind")}


# --- the graph ---------------------------------------------------------------------


def test_an_edge_runs_both_ways_along_a_reporting_line_and_along_a_dotted_line() -> None:
    account = map_of(
        person("boss"),
        person("report", reports_to="boss"),
        person("adviser", organization="Firm", influences=["boss"]),
    )
    assert kinds(account) == {
        ("boss", "report"): Link.manages,
        ("report", "boss"): Link.reports_to,
        ("adviser", "boss"): Link.influences,
    }


def test_nodes_carry_the_stakeholder_and_handy_attributes() -> None:
    graph = decision_graph(hospital())
    node = graph.nodes["consultant"]
    assert isinstance(node[STAKEHOLDER], Stakeholder)
    assert node[STAKEHOLDER].name == "Jules Martin"
    assert (node["name"], node["attitude"], node["external"]) == ("Jules Martin", "champion", True)
    assert (node["decision_power"], node["relationship"], node["touchpoint"]) == (
        None,
        "good",
        False,
    )
    evp = graph.nodes["evp"]
    assert (evp["decision_power"], evp["touchpoint"], evp["external"]) == ("high", False, False)


def test_a_dotted_line_along_a_reporting_line_keeps_the_reporting_kind() -> None:
    account = map_of(person("boss", influences=["report"]), person("report", reports_to="boss"))
    assert kinds(account) == {("boss", "report"): Link.manages, ("report", "boss"): Link.reports_to}


def test_the_graph_skips_dangling_and_self_references_and_keeps_the_first_of_an_id() -> None:
    # The loader reports all of these as errors; the graph must still build.
    account = map_of(
        person("a", reports_to="ghost", influences=["a", "nobody", "b"]),
        person("b", reports_to="b"),
        person("a", name="Second A", reports_to="b"),
    )
    graph = decision_graph(account)
    assert sorted(graph.nodes) == ["a", "b"]
    assert graph.nodes["a"]["name"] == "A"
    assert kinds(account) == {("a", "b"): Link.influences}


def test_a_reporting_cycle_builds_a_graph() -> None:
    account = map_of(person("a", reports_to="b"), person("b", reports_to="a"))
    assert set(kinds(account)) == {("a", "b"), ("b", "a")}


# --- to win, allies and the hospital example -----------------------------------------


def test_the_hospital_evp_is_to_win_through_the_external_consultant() -> None:
    graph = decision_graph(hospital())
    assert to_win(graph) == ("evp",)
    assert allies(graph) == ("consultant", "it-architect", "it-director")
    assert influence_paths(graph) == {"evp": ("consultant", "evp")}


def test_the_hospital_summary_is_the_json_block_of_the_report() -> None:
    assert stakeholder_summary(hospital()) == {
        "to_win": ["evp"],
        "influence_paths": {"evp": ["consultant", "evp"]},
        "coverage": 0.0,
        "single_threaded": False,
        "warnings": [],
    }


def test_to_win_is_high_power_neutral_skeptic_or_blocker_by_id() -> None:
    account = map_of(
        *(
            person(f"{attitude}-{power}", decision_power=power, attitude=attitude)
            for attitude in ("champion", "supporter", "neutral", "skeptic", "blocker")
            for power in ("high", "medium", "low")
        ),
        person("unknown-power", attitude="neutral"),
    )
    assert to_win(decision_graph(account)) == ("blocker-high", "neutral-high", "skeptic-high")


def test_allies_are_champions_and_supporters_by_id() -> None:
    account = map_of(
        person("s", attitude="supporter"),
        person("n", attitude="neutral"),
        person("c", attitude="champion"),
        person("b", attitude="blocker"),
    )
    assert allies(decision_graph(account)) == ("c", "s")


# --- paths of influence ---------------------------------------------------------------


def test_the_path_is_the_fewest_edges_from_any_ally() -> None:
    # far: ally -> x -> y -> target (3 edges); near: ally2 -> z -> target (2 edges).
    account = map_of(
        person("target", decision_power="high"),
        person("ally", attitude="champion", influences=["x"]),
        person("x", influences=["y"]),
        person("y", influences=["target"]),
        person("ally2", attitude="supporter", influences=["z"]),
        person("z", influences=["target"]),
    )
    assert influence_path(decision_graph(account), "target") == ("ally2", "z", "target")


def test_authority_runs_down_and_advice_runs_up_a_reporting_line() -> None:
    account = map_of(
        person("boss", attitude="champion"),
        person("middle", reports_to="boss", decision_power="high"),
        person("deep", reports_to="middle", decision_power="high"),
        person("peer", reports_to="boss"),
        person("top", decision_power="high"),
        person("ally-report", attitude="supporter", reports_to="top"),
    )
    graph = decision_graph(account)
    assert influence_path(graph, "deep") == ("boss", "middle", "deep")
    assert influence_path(graph, "top") == ("ally-report", "top")


def test_an_unreachable_target_has_no_path() -> None:
    account = map_of(
        person("target", decision_power="high", attitude="skeptic", influences=["ally"]),
        person("ally", attitude="champion"),
    )
    graph = decision_graph(account)
    assert influence_path(graph, "target") is None
    assert every_shortest_path(graph, "target") == ()
    assert stakeholder_summary(account)["influence_paths"] == {"target": None}


def test_with_no_allies_at_all_no_one_is_reached() -> None:
    account = map_of(person("a", decision_power="high"), person("b", influences=["a"]))
    assert influence_paths(decision_graph(account)) == {"a": None}


def test_an_allys_own_path_is_themselves_and_unknown_targets_have_none() -> None:
    graph = decision_graph(hospital())
    assert influence_path(graph, "consultant") == ("consultant",)
    assert every_shortest_path(graph, "consultant") == (("consultant",),)
    assert influence_path(graph, "nobody") is None
    assert every_shortest_path(graph, "nobody") == ()


def test_every_tied_path_is_available_on_demand_preferred_first() -> None:
    # The dotted line beats advice up the reporting line at equal length.
    assert every_shortest_path(decision_graph(hospital()), "evp") == (
        ("consultant", "evp"),
        ("it-director", "evp"),
    )


def test_a_tie_between_equal_allies_goes_to_the_smallest_ids() -> None:
    account = map_of(
        person("t", decision_power="high"),
        person("b", attitude="champion", influences=["x", "y"]),
        person("a", attitude="champion", influences=["y", "x"]),
        person("x", influences=["t"]),
        person("y", influences=["t"]),
    )
    graph = decision_graph(account)
    assert influence_path(graph, "t") == ("a", "x", "t")
    assert every_shortest_path(graph, "t") == (
        ("a", "x", "t"),
        ("a", "y", "t"),
        ("b", "x", "t"),
        ("b", "y", "t"),
    )


def test_a_tie_goes_to_the_ally_we_know_best_then_to_a_champion() -> None:
    def path(a_fields: dict[str, Any], b_fields: dict[str, Any]) -> tuple[str, ...] | None:
        account = map_of(
            person("t", decision_power="high"),
            person("a", influences=["t"], **a_fields),
            person("b", influences=["t"], **b_fields),
        )
        return influence_path(decision_graph(account), "t")

    champion = {"attitude": "champion"}
    supporter = {"attitude": "supporter"}
    assert path({**champion, "relationship": "good"}, {**supporter, "relationship": "strong"}) == (
        "b",
        "t",
    )
    assert path({**supporter, "relationship": "weak"}, {**champion, "relationship": "weak"}) == (
        "b",
        "t",
    )
    assert path({**champion, "relationship": "none"}, {**champion, "relationship": "none"}) == (
        "a",
        "t",
    )


def test_many_tied_routes_do_not_slow_the_preferred_path() -> None:
    # 8 layers of 6 people, everyone influencing the whole next layer: 6**8 tied routes.
    layers = [[f"p{layer}-{i}" for i in range(6)] for layer in range(8)]
    people = [person("ally", attitude="champion", influences=layers[0])]
    for layer, ids in enumerate(layers):
        following = layers[layer + 1] if layer + 1 < len(layers) else ["target"]
        people.extend(person(person_id, influences=following) for person_id in ids)
    people.append(person("target", decision_power="high"))
    graph = decision_graph(map_of(*people))
    with time_limit():  # walking each of the 6**8 routes would never finish
        path = influence_path(graph, "target")
    assert path == ("ally", *(ids[0] for ids in layers), "target")


@st.composite
def random_maps(draw: st.DrawFn) -> Any:
    ids = [f"p{i}" for i in range(draw(st.integers(1, 9)))]
    people = [
        person(
            person_id,
            attitude=draw(st.sampled_from(["champion", "supporter", "neutral", "blocker"])),
            relationship=draw(st.sampled_from(["strong", "good", "weak", "none"])),
            reports_to=draw(st.none() | st.sampled_from(ids)),
            influences=draw(st.lists(st.sampled_from(ids), max_size=3, unique=True)),
        )
        for person_id in ids
    ]
    return map_of(*people)


@settings(max_examples=200, deadline=None)
@given(random_maps(), st.integers(0, 8))
def test_the_preferred_path_is_the_first_of_all_tied_shortest_paths(
    account: Any, index: int
) -> None:
    graph = decision_graph(account)
    target = f"p{index}"
    every = every_shortest_path(graph, target)
    assert influence_path(graph, target) == (every[0] if every else None)
    for path in every:
        assert len(path) == len(every[0])
        assert path[-1] == target and path[0] in allies(graph)
        assert all(graph.has_edge(a, b) for a, b in itertools.pairwise(path))
    assert len(set(every)) == len(every)


# --- coverage and touchpoints --------------------------------------------------------


def test_coverage_is_the_share_of_high_power_people_we_know_well() -> None:
    account = map_of(
        person("a", decision_power="high", relationship="strong"),
        person("b", decision_power="high", relationship="good"),
        person("c", decision_power="high", relationship="weak"),
        person("d", decision_power="high", relationship="none"),
        person("e", decision_power="medium", relationship="strong"),
    )
    assert coverage(decision_graph(account)) == 0.5


def test_coverage_is_none_when_nobody_has_high_power() -> None:
    account = map_of(person("a", decision_power="medium", relationship="strong"))
    assert coverage(decision_graph(account)) is None
    assert stakeholder_summary(map_of())["coverage"] is None


def test_single_threaded_means_fewer_than_two_touchpoints() -> None:
    def threaded(count: int) -> bool:
        people = [person(f"p{i}", touchpoint=i < count) for i in range(3)]
        return single_threaded(decision_graph(map_of(*people)))

    assert [threaded(0), threaded(1), threaded(2), threaded(3)] == [True, True, False, False]


# --- warnings --------------------------------------------------------------------------


def test_a_blocker_with_high_power_and_no_path_is_flagged() -> None:
    account = map_of(
        person("cfo", name="Dana Cruz", title="CFO", decision_power="high", attitude="blocker"),
        person("ally", attitude="champion", touchpoint=True),
        person("contact", touchpoint=True),
    )
    assert stakeholder_warnings(decision_graph(account)) == (
        "Dana Cruz, CFO is a blocker with high decision power and no ally reaches them.",
    )


def test_a_blocker_an_ally_reaches_is_not_flagged() -> None:
    account = map_of(
        person("cfo", decision_power="high", attitude="blocker", touchpoint=True),
        person("ally", attitude="champion", influences=["cfo"], touchpoint=True),
    )
    assert stakeholder_warnings(decision_graph(account)) == ()


def test_no_decider_and_no_touchpoint_are_flagged() -> None:
    assert stakeholder_warnings(decision_graph(map_of(person("a")))) == (
        NO_DECIDER,
        NO_TOUCHPOINT,
    )
    assert stakeholder_warnings(decision_graph(map_of())) == (NO_DECIDER, NO_TOUCHPOINT)


def test_an_external_who_influences_nobody_is_flagged() -> None:
    account = map_of(
        person("boss", decision_power="high", touchpoint=True),
        person("lawyer", name="Kim Ode", organization="Ode & Partners"),
        person("adviser", organization="Firm", influences=["boss"]),
    )
    assert stakeholder_warnings(decision_graph(account)) == (
        "Ode & Partners (Kim Ode) is outside the hierarchy but influences nobody on record.",
    )


def test_the_analysis_holds_every_figure() -> None:
    analysis = analyse_stakeholders(hospital())
    assert analysis.to_win == ("evp",)
    assert analysis.allies == ("consultant", "it-architect", "it-director")
    assert analysis.influence_paths == {"evp": ("consultant", "evp")}
    assert analysis.coverage == 0.0
    assert analysis.touchpoints == ("it-architect", "it-director")
    assert analysis.single_threaded is False
    assert analysis.warnings == ()


# --- how people are named ---------------------------------------------------------------


def test_people_are_named_by_title_inside_and_by_organization_outside() -> None:
    people = {p.id: p for p in hospital().stakeholders}
    assert person_label(people["evp"]) == "Morgan Lee, EVP"
    assert person_label(people["consultant"]) == "Larch Advisory (Jules Martin)"
    assert describe_person(people["evp"]) == "Morgan Lee, EVP (neutral, high power)"
    assert describe_person(people["consultant"]) == "Larch Advisory (Jules Martin, champion)"
    assert describe_person(map_of(person("x", name="X")).stakeholders[0]) == "X (neutral)"
    adviser = person("adv", name="Jo Park", organization="Larch", decision_power="medium")
    assert describe_person(map_of(adviser).stakeholders[0]) == (
        "Larch (Jo Park, neutral, medium power)"
    )


def test_upward_steps_are_counted_along_the_whole_path() -> None:
    """a → b1 → c1 → t takes two steps up a reporting line (b1 to c1, c1 to t), a → b2 →
    c2 → t one (a to b2): the second wins although b1 < b2. A search that combined the
    counts any other way than adding (subtracting: 0 - 1 + 1 against 1 - 0 + 0) would
    take the first."""
    account = map_of(
        person("a", attitude="champion", relationship="strong", reports_to="b2", influences=["b1"]),
        person("b1", reports_to="c1"),
        person("b2", influences=["c2"]),
        person("c1", reports_to="t"),
        person("c2", influences=["t"]),
        person("t", decision_power="high"),
    )
    graph = decision_graph(account)
    assert influence_path(graph, "t") == ("a", "b2", "c2", "t")


def test_a_mid_path_tie_goes_to_the_step_that_is_not_advice_up_a_reporting_line() -> None:
    """a → b, then b → c1 (b reports to c1: advice up) or b → c2 (a dotted line), each on
    to the target: the same length. The upward step is taken at b, mid-path, and must be
    counted there (c1 < c2 by id, so a search that forgets it picks the wrong one)."""
    account = map_of(
        person("a", attitude="champion", relationship="strong", influences=["b"]),
        person("b", reports_to="c1", influences=["c2"]),
        person("c1", influences=["t"]),
        person("c2", influences=["t"]),
        person("t", decision_power="high"),
    )
    graph = decision_graph(account)
    assert influence_path(graph, "t") == ("a", "b", "c2", "t")
    assert every_shortest_path(graph, "t") == (("a", "b", "c2", "t"), ("a", "b", "c1", "t"))
