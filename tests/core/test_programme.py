"""The key-account programme on a portfolio built for its rules: a candidate at exactly
`promote_at`, an even number of accounts in the profit matrix (so that the medians fall
between two of them), an account without economics, candidates and a former key account
that must change no tier, share nor total."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kamtui.core.account.model import CRITERIA, Account
from kamtui.core.analysis.abc_analysis import Tier
from kamtui.core.analysis.portfolio import PortfolioAnalysis, analyse_portfolio
from kamtui.core.analysis.programme import (
    ProfitMatrix,
    ProfitQuadrant,
    ProgrammeReturn,
    TeamLoad,
    profit_matrix,
    programme_return,
    team_load,
)
from kamtui.core.analysis.scoring import AccountFlag, account_figures
from kamtui.core.people.person_names import person_key
from tests.conftest import TODAY
from tests.core.portfolio_builders import make_account, make_settings

SETTINGS = make_settings(programme={"promote_at": 70})
# (5, 5, 4, 3, 2) scores 5 × (4 + 4 + 3 + 2 + 1) = 70 under equal weights: exactly the bar.
AT_THE_BAR = (5, 5, 4, 3, 2)
BELOW_THE_BAR = (5, 4, 4, 3, 2)  # 65


def economics(gross_profit: float, cost_to_serve: float) -> dict[int, dict[str, float]]:
    return {2026: {"gross_profit": gross_profit, "cost_to_serve": cost_to_serve}}


def account(name: str, revenue: float, **fields: Any) -> Account:
    return make_account(name=name, revenue={2025: revenue, 2026: revenue}, **fields)


# Margins after cost to serve: big .375, mid .2, review .4, small .1; revenue 400 300 200
# 100 (and 500 for the account without economics, left out of the matrix).
ACCOUNTS = {
    "big": account(
        "Big", 400, economics=economics(200, 50), owner="Dana Reyes", team=[{"name": "Ana Silva"}]
    ),
    "mid": account("Mid", 300, economics=economics(90, 30), owner="dana reyes"),
    "reviewed": account(
        "Reviewed",
        200,
        status="under_review",
        review_on=TODAY - dt.timedelta(days=1),
        economics=economics(100, 20),
        team=[{"name": "ana silva", "role": "service"}],
    ),
    "small": account("Small", 100, economics=economics(20, 10), review_on=TODAY),
    "bare": account("Bare", 500),
    "at-bar": account(
        "At bar",
        1000,
        criteria=AT_THE_BAR,
        status="candidate",
        economics=economics(900, 1),
        team=[{"name": "Ana Silva"}],
    ),
    "below-bar": account("Below bar", 50, criteria=BELOW_THE_BAR, status="candidate"),
    "former": account(
        "Former", 2000, status="former", economics=economics(1, 500), owner="Dana Reyes"
    ),
}


@pytest.fixture(scope="module")
def analysis() -> PortfolioAnalysis:
    return analyse_portfolio(ACCOUNTS, SETTINGS, TODAY)


def test_only_key_and_under_review_accounts_count_in_the_portfolio(
    analysis: PortfolioAnalysis,
) -> None:
    programme = {"big", "mid", "reviewed", "small", "bare"}
    assert analysis.revenue_total == 1500
    assert set(analysis.abc_tiers[2026]) == programme
    assert set(analysis.pareto.ranking.accounts) == programme
    assert analysis.retention is not None and analysis.retention.accounts == 5
    assert {i for i in analysis.rows if analysis.rows[i].tier is not None} == programme
    # Every account keeps its row, with no tier outside the programme.
    assert set(analysis.rows) == set(ACCOUNTS)
    assert analysis.rows["at-bar"].tiers == {}
    assert analysis.rows["former"].tier is None


def test_candidates_and_former_accounts_change_no_tier(analysis: PortfolioAnalysis) -> None:
    alone = {i: a for i, a in ACCOUNTS.items() if a.status.value in {"key", "under_review"}}
    without = analyse_portfolio(alone, SETTINGS, TODAY)
    assert analysis.abc_tiers == without.abc_tiers
    assert analysis.pareto == without.pareto
    assert analysis.owners == without.owners
    assert analysis.rows["bare"].tier is Tier.A


def test_the_lists_apart(analysis: PortfolioAnalysis) -> None:
    assert analysis.candidates == ("at-bar", "below-bar")
    assert analysis.former == ("former",)
    assert analysis.proposed_for_promotion == ("at-bar",)
    # Past is before today: a review due today is not overdue yet.
    assert analysis.review_overdue == ("reviewed",)


def test_a_candidate_at_exactly_promote_at_is_proposed_and_flagged() -> None:
    at_bar = account_figures(ACCOUNTS["at-bar"], SETTINGS, TODAY)
    below = account_figures(ACCOUNTS["below-bar"], SETTINGS, TODAY)
    assert (at_bar.score, below.score) == (70.0, 65.0)
    assert at_bar.proposed and AccountFlag.proposed in at_bar.flags
    assert not below.proposed and AccountFlag.proposed not in below.flags
    # A key account at the bar is no candidate.
    key = account_figures(make_account(criteria=AT_THE_BAR), SETTINGS, TODAY)
    assert not key.proposed
    # A bar of 0 proposes every scored candidate, and still none not yet assessed.
    top = make_account(criteria=(5, 5, 5, 5, 5), status="candidate")
    assert account_figures(top, make_settings(programme={"promote_at": 0}), TODAY).proposed
    empty = dict.fromkeys(CRITERIA)
    blank = Account.model_validate({"name": "New", "status": "candidate", "criteria": empty})
    assert not account_figures(blank, make_settings(programme={"promote_at": 0}), TODAY).proposed


def test_review_overdue_is_a_flag_of_the_day() -> None:
    figures = account_figures(ACCOUNTS["reviewed"], SETTINGS, TODAY)
    assert figures.review_overdue and AccountFlag.review_overdue in figures.flags
    day_before = account_figures(ACCOUNTS["reviewed"], SETTINGS, TODAY - dt.timedelta(days=1))
    assert not day_before.review_overdue


def test_the_programme_return_over_the_programme_with_economics(
    analysis: PortfolioAnalysis,
) -> None:
    """(410 − 110) / 110 = 2.7272… → 2.727; the candidate and the former account are
    left out, and so is the account without economics."""
    assert analysis.programme_return == ProgrammeReturn(2026, 410.0, 110.0, 2.727, 4)


def test_no_cost_to_serve_is_no_return() -> None:
    free = account_figures(account("Free", 10, economics=economics(50, 0)), SETTINGS, TODAY)
    assert programme_return([free], 2026) == ProgrammeReturn(2026, 50.0, 0.0, None, 1)
    assert programme_return([free], 2025) == ProgrammeReturn(2025, 0.0, 0.0, None, 0)
    assert programme_return([free], None).roi is None


def test_a_divisor_near_zero_gives_no_return_and_no_margin() -> None:
    """1e-310 is a valid amount, but dividing by it is infinite: no figure, not inf."""
    tiny_cost = account_figures(
        account("Tiny cost", 10, economics=economics(1000, 1e-310)), SETTINGS, TODAY
    )
    assert programme_return([tiny_cost], 2026).roi is None
    tiny_revenue = account("Tiny revenue", 1e-310, economics=economics(1000, 10))
    matrix = profit_matrix({"t": account_figures(tiny_revenue, SETTINGS, TODAY)}, 2026)
    assert matrix.places == {}


def test_the_profit_matrix_splits_at_the_medians_of_an_even_count(
    analysis: PortfolioAnalysis,
) -> None:
    """Revenue median (300 + 200) / 2 = 250; margin median (.375 + .2) / 2 = .2875."""
    matrix = analysis.profit_matrix
    assert (matrix.revenue_median, matrix.margin_median) == (250.0, pytest.approx(0.2875))
    places = matrix.places
    assert {i: p.quadrant for i, p in places.items()} == {
        "big": ProfitQuadrant.invest,
        "mid": ProfitQuadrant.protect,
        "reviewed": ProfitQuadrant.grow,
        "small": ProfitQuadrant.review,
    }
    assert (places["big"].revenue, places["big"].margin) == (400.0, pytest.approx(0.375))
    assert places["small"].margin == pytest.approx(0.1)
    assert analysis.rows["big"].profit == places["big"]
    assert analysis.rows["bare"].profit is None
    assert analysis.rows["at-bar"].profit is None


def test_at_the_median_is_high() -> None:
    """Three accounts: the middle one is the median on both axes, and so high on both."""
    three = {
        name: account_figures(
            account(name, revenue, economics=economics(gross, 0)), SETTINGS, TODAY
        )
        for name, revenue, gross in (("a", 100, 10), ("b", 200, 40), ("c", 300, 90))
    }
    found = profit_matrix(three, 2026)
    assert (found.revenue_median, found.margin_median) == (200.0, 0.2)
    places = found.places
    assert places["b"].quadrant is ProfitQuadrant.invest
    assert places["a"].quadrant is ProfitQuadrant.review
    assert places["c"].quadrant is ProfitQuadrant.invest
    # No revenue in the year: no margin, out of the matrix.
    none = account_figures(
        make_account(revenue={2026: 0}, economics=economics(5, 1)), SETTINGS, TODAY
    )
    assert profit_matrix({"none": none}, 2026) == ProfitMatrix({})
    assert profit_matrix(three, None).places == {}


def test_team_load_by_revenue_then_name_however_a_name_is_cased(
    analysis: PortfolioAnalysis,
) -> None:
    """Dana owns big and mid (700); Ana is on big and reviewed (600). The candidate's
    team and the former account's owner add nothing."""
    assert analysis.team_load == (
        TeamLoad("Dana Reyes", ("big", "mid"), 700.0),
        TeamLoad("Ana Silva", ("big", "reviewed"), 600.0),
    )


def test_an_account_without_revenue_that_year_adds_none_and_no_year_adds_nothing() -> None:
    accounts = {
        "paid": make_account(revenue={2026: 10}, owner="Raj"),
        "unpaid": make_account(revenue={2025: 99}, owner="Raj"),
    }
    figures = {i: account_figures(a, SETTINGS, TODAY) for i, a in accounts.items()}
    assert team_load(figures, 2026) == (TeamLoad("Raj", ("paid", "unpaid"), 10.0),)
    assert team_load(figures, None) == (TeamLoad("Raj", ("paid", "unpaid"), 0.0),)


def test_the_owner_on_the_team_too_counts_once() -> None:
    one = {"solo": make_account(revenue={2026: 10}, owner="Raj", team=[{"name": "raj"}])}
    assert analyse_portfolio(one, SETTINGS, TODAY).team_load == (TeamLoad("Raj", ("solo",), 10.0),)


def test_a_tie_in_revenue_is_ordered_by_name() -> None:
    two = {
        "x": make_account(revenue={2026: 10}, owner="Zoe", team=[{"name": "Ben"}]),
    }
    assert [load.name for load in analyse_portfolio(two, SETTINGS, TODAY).team_load] == [
        "Ben",
        "Zoe",
    ]


def test_a_goal_is_unserved_when_open_and_named_by_no_objective() -> None:
    goals = [
        {"id": "open-served", "what": "A"},
        {"id": "open-alone", "what": "B"},
        {"id": "met-alone", "what": "C", "met": True},
        {"id": "met-served", "what": "D", "met": True},
    ]
    objectives = [{"id": "o", "what": "O", "serves": ["open-served", "met-served"]}]
    account = make_account(customer_goals=goals, objectives=objectives)
    assert account_figures(account, SETTINGS, TODAY).goals_unserved == ("open-alone",)


def test_reviews_overdue_run_from_the_longest_overdue() -> None:
    # Named so that the ids' order is not the dates'.
    accounts = {
        "a-recent": make_account(review_on=TODAY - dt.timedelta(days=2)),
        "b-long": make_account(review_on=TODAY - dt.timedelta(days=90)),
        "c-due-later": make_account(review_on=TODAY + dt.timedelta(days=5)),
    }
    assert analyse_portfolio(accounts, SETTINGS, TODAY).review_overdue == ("b-long", "a-recent")


def test_one_person_however_the_name_is_spaced_in_the_team_load_books_and_agenda() -> None:
    """`Raj  Patel` (two spaces) on one account's team, `raj patel` owning another."""
    accounts = {
        "c": make_account(revenue={2026: 400}, owner="Dana  Reyes", team=[{"name": "Raj  Patel"}]),
        "d": make_account(revenue={2026: 800}, owner="raj patel"),
    }
    analysis = analyse_portfolio(accounts, SETTINGS, TODAY)
    assert analysis.team_load == (
        TeamLoad("Raj Patel", ("c", "d"), 1200.0),
        TeamLoad("Dana Reyes", ("c",), 400.0),
    )
    analysis = analyse_portfolio(
        {**accounts, "e": make_account(revenue={2026: 1}, owner="dana reyes")}, SETTINGS, TODAY
    )
    assert [(book.owner, book.accounts) for book in analysis.owners] == [
        ("raj patel", 1),
        ("Dana Reyes", 2),
    ]
    assert person_key("  Raj \t Patel ") == person_key("raj patel") == "raj patel"


def test_books_of_equal_revenue_go_by_the_owner_s_name() -> None:
    """Zoe's account comes first by id; Adam's book comes first by name."""
    accounts = {
        "a": make_account(revenue={2026: 100}, owner="Zoe"),
        "b": make_account(revenue={2026: 100}, owner="Adam"),
        "c": make_account(revenue={2026: 100}),
    }
    owners = analyse_portfolio(accounts, SETTINGS, TODAY).owners
    assert [book.owner for book in owners] == ["Adam", "Zoe", None]
