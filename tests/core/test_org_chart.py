"""The org-chart layout every front end walks."""

from __future__ import annotations

from kamtui.core.people.org_chart import OrgChart
from tests.core.stakeholder_builders import chart_of, hospital, map_of, person


def outline(chart: OrgChart) -> list[str]:
    return ["  " * depth + node.person.id for node, depth in chart.walk()]


def test_the_hospital_chart() -> None:
    chart = chart_of(hospital())
    assert chart.account_name == "Harbor Health"
    assert [root.person.id for root in chart.roots] == ["ceo"]
    assert [(g.organization, [n.person.id for n in g.people]) for g in chart.externals] == [
        ("Larch Advisory", ["consultant"])
    ]
    assert outline(chart) == ["ceo", "  evp", "    it-director", "      it-architect", "consultant"]
    evp = chart.roots[0].reports[0]
    assert (evp.to_win, evp.ally) == (True, False)
    assert [p.id for p in evp.influenced_by] == ["consultant"]
    assert chart.reporting_lines == (
        ("ceo", "evp"),
        ("evp", "it-director"),
        ("it-director", "it-architect"),
    )
    assert chart.influence_lines == (("consultant", "evp"),)
    assert chart.analysis.to_win == ("evp",)


def test_people_to_win_come_with_their_path_described() -> None:
    (target,) = chart_of(hospital()).to_win
    assert target.person.id == "evp"
    assert target.path is not None
    assert [p.id for p in target.path] == ["consultant", "evp"]
    assert target.description == (
        "Larch Advisory (Jules Martin, champion) → Morgan Lee, EVP (neutral, high power)"
    )


def test_a_person_to_win_no_ally_reaches_says_so() -> None:
    chart = chart_of(
        map_of(person("cfo", name="Dana Cruz", decision_power="high", attitude="blocker"))
    )
    (target,) = chart.to_win
    assert target.person.id == "cfo"
    assert target.path is None
    assert target.description == "Dana Cruz (blocker, high power): no ally reaches them yet"


def test_reports_are_ordered_by_decision_power_then_name() -> None:
    chart = chart_of(
        map_of(
            person("boss"),
            person("a", name="Zoe", reports_to="boss", decision_power="low"),
            person("b", name="yann", reports_to="boss"),
            person("c", name="Xavier", reports_to="boss", decision_power="high"),
            person("d", name="Walter", reports_to="boss", decision_power="medium"),
            person("e", name="Abel", reports_to="boss", decision_power="low"),
        )
    )
    assert outline(chart) == ["boss", "  c", "  d", "  e", "  a", "  b"]


def test_roots_are_the_people_without_a_known_manager() -> None:
    chart = chart_of(
        map_of(
            person("orphan", name="Orphan", reports_to="left-the-company"),
            person("top", name="Top", decision_power="high"),
            person("self", name="Self", reports_to="self"),
        )
    )
    assert [root.person.id for root in chart.roots] == ["top", "orphan", "self"]


def test_externals_are_grouped_by_organization_with_their_own_reports() -> None:
    chart = chart_of(
        map_of(
            person("boss"),
            person("partner", organization="Larch", decision_power="medium"),
            person("analyst", organization="Larch", reports_to="partner"),
            person("auditor", organization="Birch & Co"),
            person("solo", organization="larch"),
            person("buyer", organization="acme consortium"),
        )
    )
    groups = [
        (g.organization, [n.person.id for n, _ in g.people[0].walk()]) for g in chart.externals
    ]
    # Alphabetical whatever the case: "acme" before "Birch" (a plain sort puts capitals first).
    assert groups == [
        ("acme consortium", ["buyer"]),
        ("Birch & Co", ["auditor"]),
        ("Larch", ["partner", "analyst"]),
        ("larch", ["solo"]),
    ]
    assert [root.person.id for root in chart.roots] == ["boss"]


def test_dotted_lines_are_listed_under_the_people_they_reach() -> None:
    chart = chart_of(
        map_of(
            person("target"),
            person("b", name="Bea", influences=["target", "ghost", "b"]),
            person("a", name="Al", decision_power="high", influences=["target"]),
        )
    )
    target = next(node for node, _ in chart.walk() if node.person.id == "target")
    assert [p.id for p in target.influenced_by] == ["a", "b"]
    assert chart.influence_lines == (("a", "target"), ("b", "target"))


def test_a_reporting_cycle_still_shows_everyone_once() -> None:
    chart = chart_of(
        map_of(
            person("a", name="A", reports_to="c"),
            person("b", name="B", reports_to="a"),
            person("c", name="C", reports_to="b"),
            person("d", name="D"),
        )
    )
    assert outline(chart) == ["d", "a", "  b", "    c"]


def test_a_reporting_cycle_is_shown_after_a_top_listed_first() -> None:
    # The top sorts first among everyone, so it is met again, already placed, before the
    # cycle's members: they must still be placed.
    chart = chart_of(
        map_of(
            person("x", name="X", reports_to="y"),
            person("y", name="Y", reports_to="x"),
            person("boss", name="Zed", decision_power="high"),
        )
    )
    assert outline(chart) == ["boss", "x", "  y"]


def test_a_very_deep_hierarchy_needs_no_recursion() -> None:
    people = [person("p0")] + [person(f"p{i}", reports_to=f"p{i - 1}") for i in range(1, 5000)]
    chart = chart_of(map_of(*people))
    depths = [depth for _, depth in chart.walk()]
    assert depths == list(range(5000))
    assert len(chart.reporting_lines) == 4999


def test_an_empty_map_has_an_empty_chart() -> None:
    chart = chart_of(map_of())
    assert (chart.roots, chart.externals, chart.to_win) == ((), (), ())
    assert list(chart.walk()) == []
