"""ABC analysis of one year, pinned on small hand-computed rankings and against the definition."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamtui.core.account.model import Abc
from kamtui.core.analysis.abc_analysis import Tier, abc_tiers, pareto, rank_revenue
from tests.core.portfolio_builders import REVENUE

A, B, C = Tier.A, Tier.B, Tier.C


class TestAbcTiers:
    def test_a_closes_on_the_account_that_reaches_the_cut_off(self):
        revenue = {"a": 50, "b": 30, "c": 15, "d": 5}  # .50 .80 .95 1
        assert abc_tiers(revenue, 0.8, 0.95) == {"a": A, "b": A, "c": B, "d": C}

    def test_the_account_crossing_the_cut_off_is_in_a(self):
        revenue = {"x": 70, "y": 20, "z": 10}  # .70 → .90 crosses .80
        assert abc_tiers(revenue, 0.8, 0.95) == {"x": A, "y": A, "z": B}

    def test_one_big_account_is_a_alone(self):
        assert abc_tiers({"big": 90, "small": 10}, 0.8, 0.95) == {"big": A, "small": B}

    def test_ties_are_ranked_by_id(self):
        assert abc_tiers({"b": 50, "a": 50}, 0.5, 0.5) == {"a": A, "b": C}
        assert list(rank_revenue({"b": 50, "a": 50, "c": 60}).accounts) == ["c", "a", "b"]

    def test_zero_revenue_is_c_even_when_a_is_100_percent(self):
        assert abc_tiers({"a": 100, "z": 0}, 1.0, 1.0) == {"a": A, "z": C}

    def test_a_zero_revenue_year_is_all_c(self):
        assert abc_tiers({"a": 0, "b": 0}, 0.8, 0.95) == {"a": C, "b": C}

    def test_no_accounts(self):
        assert abc_tiers({}, 0.8, 0.95) == {}

    def test_custom_cut_offs(self):
        revenue = {"a": 50, "b": 30, "c": 15, "d": 5}
        assert abc_tiers(revenue, 0.5, 0.8) == {"a": A, "b": B, "c": C, "d": C}

    def test_the_eight_account_year(self):
        revenue = {i: r[2025] for i, r in REVENUE.items()}
        assert abc_tiers(revenue, 0.8, 0.95) == {
            "a": A, "b": A, "c": A, "d": A, "e": B, "f": B, "g": C, "h": C,
        }  # fmt: skip


class TestPareto:
    def test_vital_few_and_shares(self):
        order = rank_revenue({i: r[2025] for i, r in REVENUE.items()})
        result = pareto(order, Abc(a=0.8, b=0.95), 2025)
        assert result.vital_few == ("a", "b", "c", "d")
        assert result.accounts_share == 0.5
        assert result.revenue_share == pytest.approx(0.83)
        assert result.ranking.total == 1000
        assert result.ranking.revenue == (300, 250, 150, 130, 70, 50, 30, 20)
        assert result.ranking.cumulative_share == pytest.approx(
            (0.30, 0.55, 0.70, 0.83, 0.90, 0.95, 0.98, 1.0)
        )

    def test_zero_revenue_year_has_no_vital_few(self):
        result = pareto(rank_revenue({"a": 0, "b": 0}), Abc(a=0.8, b=0.95), 2023)
        assert result.vital_few == ()
        assert (result.accounts_share, result.revenue_share) == (0, 0)
        assert result.ranking.cumulative_share == (0, 0)


def tiers_by_definition(revenue: dict[str, float], a: float, b: float) -> dict[str, Tier]:
    """The issue's wording, one account at a time."""
    ordered = sorted(revenue.items(), key=lambda item: (-item[1], item[0]))
    total = sum(revenue.values())
    tiers, running = {}, 0.0
    for account_id, amount in ordered:
        before = running / total if total else 1.0
        if amount == 0 or before >= b:
            tiers[account_id] = C
        else:
            tiers[account_id] = A if before < a else B
        running += amount
    return tiers


# Revenues from a few round values, so that totals are round too and a cumulative share
# lands exactly on a cut-off (the edge the definition is about) in most examples, and
# ties in revenue (broken by id) are common.
@given(
    revenue=st.dictionaries(
        st.text("abcdef", min_size=1, max_size=3),
        st.sampled_from([0.0, 5.0, 10.0, 20.0, 25.0, 40.0, 50.0, 100.0]),
        max_size=12,
    ),
    cut_offs=st.tuples(st.integers(1, 20), st.integers(0, 20)),
)
def test_abc_tiers_match_the_definition(revenue, cut_offs):
    a = cut_offs[0] / 20
    b = min(1.0, a + cut_offs[1] / 20)
    assert abc_tiers(revenue, a, b) == tiers_by_definition(revenue, a, b)


def test_the_generator_reaches_a_cut_off_exactly() -> None:
    """The property above is about the edge: check that its values do land on it."""
    hits = 0
    total = 0
    for values in itertools.product([5.0, 10.0, 20.0, 25.0, 40.0, 50.0], repeat=3):
        shares = list(itertools.accumulate(sorted(values, reverse=True)))
        total += 1
        hits += any(share / shares[-1] == step / 20 for share in shares for step in range(1, 21))
    assert hits / total > 0.5
