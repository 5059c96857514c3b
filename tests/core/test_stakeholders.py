"""The decision graph and each definition of the stakeholder analysis, on hand-built maps."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kamtui.core.account.model import PortfolioSettings, Stakeholder
from kamtui.core.people.buying_centre import account_map_status
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
    unfriendly_people,
)
from tests.core.stakeholder_builders import every_path, hospital, map_of, person
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
    account = hospital()
    assert stakeholder_summary(account, account_map_status(account, PortfolioSettings())) == {
        "to_win": ["evp"],
        "influence_paths": {"evp": ["consultant", "evp"]},
        "unfriendly_paths": [],
        "coverage": 0.0,
        "single_threaded": False,
        "map_status": 1,
        "missing_roles": ["buyer", "champion", "decision_maker"],
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


def test_the_path_is_the_fewest_edges_from_any_ally_when_everyone_between_costs_alike() -> None:
    # far: ally -> x -> y -> target (two neutrals); near: ally2 -> z -> target (one).
    account = map_of(
        person("target", decision_power="high"),
        person("ally", attitude="champion", influences=["x"]),
        person("x", influences=["y"]),
        person("y", influences=["target"]),
        person("ally2", attitude="supporter", influences=["z"]),
        person("z", influences=["target"]),
    )
    assert influence_path(decision_graph(account), "target") == ("ally2", "z", "target")


def test_at_equal_cost_the_path_through_fewer_people_wins() -> None:
    # Two skeptics cost what five neutrals do: the length decides, not the ids.
    account = map_of(
        person("t", decision_power="high"),
        person("a", attitude="champion", influences=["s1", "b1"]),
        person("s1", attitude="skeptic", influences=["s2"]),
        person("s2", attitude="skeptic", influences=["t"]),
        *(person(f"b{i}", influences=[f"b{i + 1}"]) for i in range(1, 5)),
        person("b5", influences=["t"]),
    )
    assert influence_path(decision_graph(account), "t") == ("a", "s1", "s2", "t")


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


def between(*attitudes: str | None) -> tuple[str, ...] | None:
    """The path to `t` when one route passes the people of `attitudes` (None: not
    written) and another passes two neutrals: the cost of four to beat."""
    middle = [f"m{i}" for i in range(len(attitudes))]
    account = map_of(
        person("t", decision_power="high"),
        person("a", attitude="champion", influences=[middle[0], "n0"]),
        *(
            person(m, influences=[nxt], **({} if att is None else {"attitude": att}))
            for m, nxt, att in zip(middle, [*middle[1:], "t"], attitudes, strict=True)
        ),
        person("n0", attitude="neutral", influences=["n1"]),
        person("n1", attitude="neutral", influences=["t"]),
    )
    return influence_path(decision_graph(account), "t")


def test_each_person_between_the_ends_costs_by_attitude() -> None:
    """Neutral 2 (or not written), skeptic 5, blocker 20, against the other route's two
    neutrals (4); "m" < "n", so a tie goes to the m route."""
    via_m = lambda n: ("a", *(f"m{i}" for i in range(n)), "t")  # noqa: E731
    via_n = ("a", "n0", "n1", "t")
    assert between("neutral") == via_m(1)  # 2 against 4
    assert between("neutral", "neutral") == via_m(2)  # a tie: ids
    assert between(None, None) == via_m(2)  # not written: neutral
    assert between(None, None, None) == via_n  # 6 against 4
    assert between("skeptic") == via_n  # 5 against 4
    assert between("blocker") == via_n


def test_a_friend_between_the_ends_is_where_the_path_starts() -> None:
    """A champion or supporter costs 1 between the ends, but starting at them costs
    nothing and takes fewer people."""
    assert between("neutral", "supporter") == ("m1", "t")
    assert between("champion", "neutral") == ("m0", "m1", "t")


def test_a_skeptic_or_a_blocker_is_passed_when_every_other_way_costs_more() -> None:
    def route(attitude: str, others: int) -> tuple[str, ...] | None:
        """One route through a person of `attitude`, one through `others` neutrals."""
        neutrals = [f"z{i}" for i in range(others)]
        account = map_of(
            person("t", decision_power="high"),
            person("a", attitude="champion", influences=["m", neutrals[0]]),
            person("m", attitude=attitude, influences=["t"]),
            *(
                person(z, influences=[nxt])
                for z, nxt in zip(neutrals, [*neutrals[1:], "t"], strict=True)
            ),
        )
        return influence_path(decision_graph(account), "t")

    assert route("skeptic", 2) == ("a", "z0", "z1", "t")  # 4 < 5
    assert route("skeptic", 3) == ("a", "m", "t")  # 5 < 6
    assert route("blocker", 9) == ("a", *(f"z{i}" for i in range(9)), "t")  # 18 < 20
    assert route("blocker", 10) == ("a", "m", "t")  # 20 = 20: fewer people
    assert route("blocker", 11) == ("a", "m", "t")  # 20 < 22


def test_the_ends_cost_nothing() -> None:
    """A blocker to win is reached straight from a skeptic-free ally; the ally at the
    start is not counted either, so a direct line costs nothing whoever the ends are."""
    account = map_of(
        person("t", decision_power="high", attitude="blocker"),
        person("a", attitude="supporter", influences=["t", "c"]),
        person("c", attitude="champion", influences=["t"]),
    )
    graph = decision_graph(account)
    assert influence_path(graph, "t") == ("a", "t")
    assert unfriendly_people(graph, ("a", "t")) == ()


def test_a_path_through_a_skeptic_or_blocker_is_marked_unfriendly() -> None:
    account = map_of(
        person("cto", decision_power="high", attitude="blocker", influences=["ceo"]),
        person("ceo", decision_power="high"),
        person("cfo", decision_power="high", attitude="skeptic", influences=["coo"]),
        person("coo", decision_power="high"),
        person("ally", attitude="champion", influences=["cto", "cfo"]),
    )
    graph = decision_graph(account)
    assert influence_paths(graph) == {
        "ceo": ("ally", "cto", "ceo"),
        "cfo": ("ally", "cfo"),
        "coo": ("ally", "cfo", "coo"),
        "cto": ("ally", "cto"),
    }
    assert unfriendly_people(graph, ("ally", "cto", "ceo")) == ("cto",)
    assert analyse_stakeholders(account).unfriendly_paths == ("ceo", "coo")
    summary = stakeholder_summary(account, account_map_status(account, PortfolioSettings()))
    assert summary["unfriendly_paths"] == ["ceo", "coo"]


def test_an_unreachable_target_has_no_path() -> None:
    account = map_of(
        person("target", decision_power="high", attitude="skeptic", influences=["ally"]),
        person("ally", attitude="champion"),
    )
    graph = decision_graph(account)
    assert influence_path(graph, "target") is None
    assert every_path(graph, "target") == ()
    summary = stakeholder_summary(account, account_map_status(account, PortfolioSettings()))
    assert summary["influence_paths"] == {"target": None}
    assert summary["unfriendly_paths"] == []


def test_with_no_allies_at_all_no_one_is_reached() -> None:
    account = map_of(person("a", decision_power="high"), person("b", influences=["a"]))
    assert influence_paths(decision_graph(account)) == {"a": None}


def test_an_allys_own_path_is_themselves_and_unknown_targets_have_none() -> None:
    graph = decision_graph(hospital())
    assert influence_path(graph, "consultant") == ("consultant",)
    assert every_path(graph, "consultant")[0] == ("consultant",)
    assert influence_path(graph, "nobody") is None
    assert every_path(graph, "nobody") == ()


def test_a_tie_goes_to_fewer_people_then_to_the_ids_in_order() -> None:
    # The dotted line and advice up the reporting line tie: "consultant" < "it-director".
    assert every_path(decision_graph(hospital()), "evp")[:2] == (
        ("consultant", "evp"),
        ("it-director", "evp"),
    )
    account = map_of(
        person("t", decision_power="high"),
        person("b", attitude="champion", influences=["x", "y"]),
        person("a", attitude="champion", influences=["y", "x"]),
        person("x", influences=["t"]),
        person("y", influences=["t"]),
    )
    graph = decision_graph(account)
    assert influence_path(graph, "t") == ("a", "x", "t")
    assert every_path(graph, "t") == (
        ("a", "x", "t"),
        ("a", "y", "t"),
        ("b", "x", "t"),
        ("b", "y", "t"),
    )


def test_a_mid_path_tie_is_settled_by_the_ids_after_the_common_start() -> None:
    """a → b, then c2 or c1 (both neutral) on to the target: the same cost and length,
    so c1 (smaller id) is taken there, mid-path, whatever order b lists them in."""
    account = map_of(
        person("a", attitude="champion", influences=["b"]),
        person("b", influences=["c2", "c1"]),
        person("c1", influences=["t"]),
        person("c2", influences=["t"]),
        person("t", decision_power="high"),
    )
    assert influence_path(decision_graph(account), "t") == ("a", "b", "c1", "t")


def test_costs_add_up_along_the_whole_path() -> None:
    """a → b1 → c1 → t passes a supporter and a skeptic (6), a → b2 → c2 → t two
    neutrals (4): the second wins although b1 < b2. A search that kept only the last
    person's cost would take the first (5 < 2 is false, but 1 < 2 at b)."""
    account = map_of(
        person("a", attitude="champion", influences=["b1", "b2"]),
        person("b1", attitude="supporter", influences=["c1"]),
        person("b2", influences=["c2"]),
        person("c1", attitude="skeptic", influences=["t"]),
        person("c2", influences=["t"]),
        person("t", decision_power="high"),
    )
    assert influence_path(decision_graph(account), "t") == ("a", "b2", "c2", "t")


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


ATTITUDES = ["champion", "supporter", "neutral", "skeptic", "blocker", None]


@st.composite
def random_maps(draw: st.DrawFn) -> Any:
    """Small maps dense in ties: few attitudes, many lines, ids that sort apart from
    the order they are written in."""
    ids = [f"p{i}" for i in draw(st.permutations(range(draw(st.integers(1, 8)))))]
    people = []
    for person_id in ids:
        attitude = draw(st.sampled_from(ATTITUDES))
        people.append(
            person(
                person_id,
                **({} if attitude is None else {"attitude": attitude}),
                reports_to=draw(st.none() | st.sampled_from(ids)),
                influences=draw(st.lists(st.sampled_from(ids), max_size=3, unique=True)),
            )
        )
    return map_of(*people)


@settings(max_examples=300, deadline=None)
@given(random_maps(), st.integers(0, 7))
def test_the_path_is_the_first_of_every_path_by_cost_people_and_ids(
    account: Any, index: int
) -> None:
    graph = decision_graph(account)
    target = f"p{index}"
    every = every_path(graph, target)
    assert influence_path(graph, target) == (every[0] if every else None)
    for path in every:
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
    assert coverage(decision_graph(map_of())) is None


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
    assert analysis.unfriendly_paths == ()
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
