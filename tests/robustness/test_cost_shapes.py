"""Issue 13, class 3: checks over stakeholders stay right (and linear) on hostile shapes.

Times are measured by bench/cost.py, never here; these files are the shapes that
used to take minutes (a reporting check cubic in chain depth), so a return of that
code would also make this module crawl.
"""

from __future__ import annotations

from pathlib import Path

from kamtui.core.account.account_file import load_account_file
from kamtui.core.account.model import PortfolioSettings
from kamtui.core.people.stakeholders import analyse_stakeholders
from tests.core.stakeholder_builders import chart_of

HEAD = (
    "name: Shape\n"
    "criteria: {revenue_volume: 3, revenue_potential: 3, lifetime_value: 3, product_fit: 3,"
    " strategic_value: 3}\n"
    "stakeholders:\n"
)


def person(index: int, reports_to: int | None = None) -> str:
    line = f"  - {{id: p{index}, name: P {index}"
    if reports_to is not None:
        line += f", reports_to: p{reports_to}"
    return line + "}\n"


def write(tmp_path: Path, people: list[str]) -> Path:
    path = tmp_path / "shape.yaml"
    path.write_text(HEAD + "".join(people), encoding="utf-8")
    return path


def test_a_deep_chain_has_no_cycle_and_charts_to_its_bottom(tmp_path: Path) -> None:
    people = [person(0)] + [person(i, i - 1) for i in range(1, 5000)]
    loaded = load_account_file(write(tmp_path, people), PortfolioSettings())
    assert loaded.problems == []
    assert loaded.account is not None
    chart = chart_of(loaded.account)
    assert [root.person.id for root in chart.roots] == ["p0"]
    assert max(depth for _, depth in chart.walk()) == 4999
    assert analyse_stakeholders(loaded.account).single_threaded


def test_one_long_cycle_is_one_problem_at_its_first_member(tmp_path: Path) -> None:
    size = 3000
    people = [person(i, (i + 1) % size) for i in range(size)]
    loaded = load_account_file(write(tmp_path, people), PortfolioSettings())
    (problem,) = loaded.problems
    assert (problem.line, problem.column) == (4, 37)
    assert problem.message.startswith(
        "stakeholders[p0].reports_to: reporting lines form a cycle: p0 → p1 → p2"
    )
    assert "… 2989 more …" in problem.message
    assert problem.message.endswith("p2999 → p0")
    assert len(problem.message) < 200


def test_a_tail_into_a_cycle_reports_the_cycle_once(tmp_path: Path) -> None:
    # p0 → p1 → … → p999 → p500: a long tail walked into a loop from every start.
    people = [person(i, i + 1) for i in range(999)] + [person(999, 500)]
    loaded = load_account_file(write(tmp_path, people), PortfolioSettings())
    (problem,) = loaded.problems
    assert problem.message.startswith(
        "stakeholders[p500].reports_to: reporting lines form a cycle: p500 → p501"
    )
    assert problem.message.endswith("p999 → p500")


def test_many_small_cycles_are_each_reported(tmp_path: Path) -> None:
    people = [person(i, i ^ 1) for i in range(2000)]
    loaded = load_account_file(write(tmp_path, people), PortfolioSettings())
    assert len(loaded.problems) == 1000
    assert loaded.problems[1].message == (
        "stakeholders[p2].reports_to: reporting lines form a cycle: p2 → p3 → p2"
    )
