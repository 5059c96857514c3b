"""Portfolio figures, pinned on small hand-computed portfolios."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kamtui.core.account.model import Activity, Onboarding, Stakeholder
from kamtui.core.analysis.abc_analysis import (
    Tier,
    TierMovement,
    TierSummary,
)
from kamtui.core.analysis.portfolio import analyse_portfolio, at_risk_queue
from kamtui.core.analysis.scoring import account_figures
from tests.conftest import TODAY
from tests.core.portfolio_builders import REVENUE, make_account, make_settings

A, B, C = Tier.A, Tier.B, Tier.C
DEFAULT = make_settings()


@pytest.fixture
def eight():
    return {i: make_account(name=f"Account {i.upper()}", revenue=r) for i, r in REVENUE.items()}


class TestAtRiskQueue:
    def figures(self, criteria, **health):
        account = make_account(criteria=criteria, health={"churn_risk": "high", **health})
        return account_figures(account, DEFAULT, TODAY)

    def test_by_score_then_longest_in_queue_then_id(self):
        """With no money recorded, the score decides, then time in the queue, then id."""
        queue = at_risk_queue(
            {
                "v-low-score": self.figures((2, 2, 2, 2, 2)),
                "x-recent": self.figures((4, 4, 4, 4, 4), at_risk_since="2026-06-01"),
                "y-oldest": self.figures((4, 4, 4, 4, 4), at_risk_since="2026-01-01"),
                "z-undated": self.figures((4, 4, 4, 4, 4)),
                "w-top": self.figures((5, 5, 5, 5, 5), at_risk_since="2026-10-01"),
                "b-twin": self.figures((4, 4, 4, 4, 4), at_risk_since="2026-06-01"),
                "safe": account_figures(make_account(), DEFAULT, TODAY),
            }
        )
        assert queue == ["w-top", "y-oldest", "b-twin", "x-recent", "z-undated", "v-low-score"]

    def test_an_undated_entry_comes_after_one_that_entered_today(self):
        """Zero days in the queue is a date, not a missing one: it goes first on a tie."""
        queue = at_risk_queue(
            {
                "a-undated": self.figures((3, 3, 3, 3, 3)),
                "b-today": self.figures((3, 3, 3, 3, 3), at_risk_since=TODAY.isoformat()),
            }
        )
        assert queue == ["b-today", "a-undated"]

    def test_a_day_in_the_queue_counts_from_the_first(self):
        yesterday = TODAY - dt.timedelta(days=1)
        queue = at_risk_queue(
            {
                "a-today": self.figures((3, 3, 3, 3, 3), at_risk_since=TODAY.isoformat()),
                "b-yesterday": self.figures((3, 3, 3, 3, 3), at_risk_since=yesterday.isoformat()),
            }
        )
        assert queue == ["b-yesterday", "a-today"]

    def test_the_money_at_stake_comes_first(self):
        """MRR (highest first), then the latest year's revenue, then the score."""

        def at_risk(criteria, mrr, revenue, since=None):
            health = {"churn_risk": "high", **({"at_risk_since": since} if since else {})}
            account = make_account(
                criteria=criteria, health=health, mrr={"standard": mrr}, revenue=revenue
            )
            return account_figures(account, DEFAULT, TODAY)

        queue = at_risk_queue(
            {
                # Halvorsen's case: a big payer with a low score, long in the queue.
                "halvorsen": at_risk((2, 2, 2, 2, 2), 175_000, {2026: 2_500_000}, "2025-11-01"),
                "pacific": at_risk((4, 4, 4, 4, 4), 31_000, {2026: 390_000}, "2026-09-01"),
                "same-mrr-more-revenue": at_risk((3, 3, 3, 3, 3), 31_000, {2025: 9, 2026: 500_000}),
                "same-mrr-old-revenue": at_risk(
                    (5, 5, 5, 5, 5), 31_000, {2026: 390_000, 2024: 10**7}
                ),
                "none": at_risk((5, 5, 5, 5, 5), 0, {}),
            }
        )
        assert queue == [
            "halvorsen",
            "same-mrr-more-revenue",
            "same-mrr-old-revenue",
            "pacific",
            "none",
        ]

    def test_missing_money_and_score_count_as_zero(self):
        """No revenue ranks below any revenue; a score not assessed below any score
        above 0 and level with 0, where time in the queue decides."""
        settings = make_settings(weights=(0.01, 1, 1, 1, 1))

        def at_risk(criteria, revenue, since):
            health = {"churn_risk": "high", "at_risk_since": since}
            account = make_account(criteria=criteria, health=health, revenue=revenue)
            return account_figures(account, settings, TODAY)

        barely = at_risk((2, 1, 1, 1, 1), {}, "2026-11-01")
        assert 0 < barely.score < 1
        queue = at_risk_queue(
            {
                "a-no-revenue": at_risk((3, 3, 3, 3, 3), {}, "2025-01-01"),
                "b-half-a-euro": at_risk((3, 3, 3, 3, 3), {2026: 0.5}, "2026-11-01"),
                "c-not-assessed": at_risk((None,) * 5, {}, "2025-01-01"),
                "d-barely-scored": barely,
                "e-score-zero": at_risk((1, 1, 1, 1, 1), {}, "2026-11-01"),
            }
        )
        assert queue == [
            "b-half-a-euro",
            "a-no-revenue",
            "d-barely-scored",
            "c-not-assessed",
            "e-score-zero",
        ]


class TestAnalysePortfolio:
    def test_latest_year_tiers_and_revenue(self, eight):
        result = analyse_portfolio(eight, DEFAULT, TODAY)
        assert result.year == 2025
        assert result.years == (2024, 2025)
        assert result.revenue_totals == {2024: 1000, 2025: 1000}
        assert result.revenue_total == 1000
        assert result.abc_tiers[2024] == {
            "a": A, "c": A, "e": A, "b": A, "d": B, "f": B, "g": C,
        }  # fmt: skip
        assert result.rows["d"].tier is A
        assert dict(result.rows["d"].tiers) == {2024: B, 2025: A}
        assert result.rows["a"].revenue == 300
        assert result.rows["a"].revenue_growth == -0.25
        assert result.rows["b"].revenue_growth == 1.5

    def test_an_account_missing_a_year(self, eight):
        result = analyse_portfolio(eight, DEFAULT, TODAY, year=2024)
        h = result.rows["h"]
        assert (h.tier, h.revenue, h.revenue_growth, dict(h.tiers)) == (None, None, None, {})
        assert analyse_portfolio(eight, DEFAULT, TODAY).rows["h"].revenue_growth is None

    def test_pareto_summary(self, eight):
        summary = analyse_portfolio(eight, DEFAULT, TODAY).pareto
        assert (summary.year, summary.vital_few) == (2025, ("a", "b", "c", "d"))
        assert (summary.accounts_share, summary.revenue_share) == (0.5, pytest.approx(0.83))

    def test_tier_summary_per_year(self, eight):
        summary = analyse_portfolio(eight, DEFAULT, TODAY).abc_summary
        assert summary[2025] == {
            A: TierSummary(4, 830, pytest.approx(0.83)),
            B: TierSummary(2, 120, pytest.approx(0.12)),
            C: TierSummary(2, 50, pytest.approx(0.05)),
        }
        assert summary[2024][A] == TierSummary(4, 850, pytest.approx(0.85))

    def test_tier_movements_between_consecutive_years(self, eight):
        assert analyse_portfolio(eight, DEFAULT, TODAY).movements == (
            TierMovement("d", 2024, 2025, B, A),
            TierMovement("e", 2024, 2025, A, B),
            TierMovement("h", 2024, 2025, None, C),
        )

    def test_an_earlier_analysis_year_ignores_later_years(self, eight):
        result = analyse_portfolio(eight, DEFAULT, TODAY, year=2024)
        assert result.years == (2024,)
        assert result.movements == ()
        assert result.rows["a"].tier is A
        assert result.rows["a"].revenue_growth is None
        assert result.pareto.vital_few == ("a", "c", "e", "b")
        assert result.pareto.accounts_share == 4 / 7
        assert result.pareto.revenue_share == pytest.approx(0.85)

    def test_a_year_without_data(self, eight):
        result = analyse_portfolio(eight, DEFAULT, TODAY, year=2030)
        assert result.years == (2024, 2025)
        assert result.revenue_total == 0
        assert result.pareto.vital_few == ()
        assert all(row.tier is None and row.revenue is None for row in result.rows.values())

    def test_a_zero_revenue_year(self):
        accounts = {
            "a": make_account(revenue={2023: 0, 2024: 80}),
            "b": make_account(revenue={2023: 0, 2024: 20}),
        }
        result = analyse_portfolio(accounts, DEFAULT, TODAY)
        assert result.revenue_totals == {2023: 0, 2024: 100}
        assert result.abc_tiers[2023] == {"a": C, "b": C}
        assert result.abc_summary[2023] == {
            A: TierSummary(0, 0, 0),
            B: TierSummary(0, 0, 0),
            C: TierSummary(2, 0, 0),
        }
        assert result.rows["a"].revenue_growth is None
        assert result.movements == (
            TierMovement("a", 2023, 2024, C, A),
            TierMovement("b", 2023, 2024, C, B),  # b starts at .80: past the A cut-off, below .95
        )

    def test_custom_cut_offs_change_the_tiers(self, eight):
        settings = make_settings(abc={"a": 0.5, "b": 0.9})
        result = analyse_portfolio(eight, settings, TODAY)
        assert result.pareto.vital_few == ("a", "b")  # .30 → .55 reaches .50
        assert result.rows["c"].tier is B
        assert result.rows["f"].tier is C  # .90 reached by e

    def test_rows_are_ranked_by_score_then_id(self):
        accounts = {
            "m": make_account(criteria=(3, 3, 3, 3, 3)),
            "k": make_account(criteria=(3, 3, 3, 3, 3)),
            "z": make_account(criteria=(5, 5, 5, 5, 5)),
        }
        assert list(analyse_portfolio(accounts, DEFAULT, TODAY).rows) == ["z", "k", "m"]

    def test_risk_mrr_onboarding_and_upsell(self):
        accounts = {
            "calm": make_account(
                criteria=(5, 5, 5, 5, 5),
                mrr={"basic": 100, "premium": 50},
                health={"onboarding": "done"},
            ),
            "shaky": make_account(
                mrr={"standard": 300},
                health={"churn_risk": "high", "engagement": "low", "onboarding": "done"},
            ),
            "worried": make_account(
                criteria=(4, 4, 4, 4, 4),
                mrr={"basic": 40},
                health={"churn_risk": "high", "onboarding": "in_progress"},
            ),
            "new": make_account(criteria=(1, 1, 1, 1, 1)),
        }
        result = analyse_portfolio(accounts, DEFAULT, TODAY)
        assert result.at_risk == ("shaky", "worried")  # MRR 300 before 40
        assert result.mrr_total == 490
        assert result.mrr_at_risk == 340
        assert result.mrr_by_plan == {"basic": 140, "standard": 300, "premium": 50}
        assert result.endangered == ("shaky",)
        assert result.upsell == ("worried", "shaky")
        assert result.onboarding == {
            Onboarding.not_started: 0,
            Onboarding.in_progress: 1,
            Onboarding.done: 2,
            None: 1,
        }

    def test_cached_figures_are_used(self, eight):
        cached = account_figures(eight["h"], DEFAULT, TODAY)
        tweaked = dataclasses.replace(cached, score=99.0)
        result = analyse_portfolio(eight, DEFAULT, TODAY, figures={"h": tweaked})
        assert next(iter(result.rows)) == "h"
        assert result.rows["h"].figures.score == 99

    def test_empty_portfolio(self):
        result = analyse_portfolio({}, DEFAULT, dt.date(2026, 1, 1))
        assert (result.year, result.years, dict(result.rows)) == (None, (), {})
        assert result.pareto.vital_few == ()
        assert result.pareto.accounts_share == 0
        assert (result.revenue_total, result.mrr_total, result.mrr_at_risk) == (0, 0, 0)
        assert result.at_risk == result.movements == ()

    def test_no_revenue_at_all(self):
        result = analyse_portfolio({"a": make_account()}, DEFAULT, TODAY)
        assert result.year is None
        assert result.rows["a"].tier is None
        assert result.pareto.ranking.accounts == ()


def test_satisfaction_means_over_the_accounts_that_report_them() -> None:
    accounts = {
        "a": make_account(health={"csat": 4.0, "nps": 30}),
        "b": make_account(health={"csat": 3.0, "nps": -10}),
        "c": make_account(),
    }
    result = analyse_portfolio(accounts, make_settings(), TODAY).satisfaction
    assert (result.csat_mean, result.csat_accounts) == (3.5, 2)
    assert (result.nps_mean, result.nps_accounts) == (10, 2)


def test_least_satisfied_lowest_csat_first_then_by_name_then_id() -> None:
    accounts = {
        "z": make_account(name="Alpha", health={"csat": 3.0}),
        "y": make_account(name="Alpha", health={"csat": 3.0}),
        "x": make_account(name="Beta", health={"csat": 2.5}),
        "w": make_account(name="Aardvark", health={"csat": 3.0}),
        "v": make_account(name="Zulu", health={"csat": 4.5}),
        "u": make_account(name="Quiet", health={"nps": 10}),
    }
    result = analyse_portfolio(accounts, make_settings(), TODAY)
    assert result.least_satisfied == ("x", "w", "y", "z", "v")


def test_satisfaction_is_none_when_nobody_reports() -> None:
    result = analyse_portfolio({"a": make_account()}, make_settings(), TODAY).satisfaction
    assert result.csat_mean is None and result.nps_mean is None
    assert result.csat_accounts == result.nps_accounts == 0


def test_rows_know_their_accounts_without_building_a_row(eight) -> None:
    rows = analyse_portfolio(eight, DEFAULT, TODAY).rows
    assert "a" in rows and "h" in rows
    assert "zz" not in rows and 3 not in rows


def test_analyses_of_different_portfolios_differ(eight) -> None:
    """Equality is what the live analysis is checked against: it must be able to fail."""
    analysis = analyse_portfolio(eight, DEFAULT, TODAY)
    assert analysis == analyse_portfolio(dict(eight), DEFAULT, TODAY)
    fewer = {key: account for key, account in eight.items() if key != "h"}
    assert analysis != analyse_portfolio(fewer, DEFAULT, TODAY)


def test_rows_are_equal_by_what_they_show_and_only_then(eight) -> None:
    """The live analysis is checked by comparing rows: a row must differ from another
    account's, from the same account with another tier, and from the same account as of
    another cadence, and equal the same account's row from a fresh analysis."""
    analysis = analyse_portfolio(eight, DEFAULT, TODAY)
    row = analysis.rows["a"]
    assert row == analyse_portfolio(dict(eight), DEFAULT, TODAY).rows["a"]
    assert row != analysis.rows["b"]
    assert row != analyse_portfolio(eight, DEFAULT, TODAY, year=2024).rows["a"]
    assert row != "a"
    stakeholder = {"id": "ceo", "name": "Ceo", "decision_power": "high"}
    met = [{"date": TODAY - dt.timedelta(days=45), "with": ["ceo"], "summary": "Lunch"}]
    contacted = {**eight, "a": eight["a"].model_copy(update={
        "stakeholders": [Stakeholder.model_validate(stakeholder)],
        "activities": [Activity.model_validate(met[0])],
    })}  # fmt: skip
    strict = make_settings(cadence={"A": 30})
    lenient = make_settings(cadence={"A": 60})
    assert analyse_portfolio(contacted, strict, TODAY).rows["a"].stale == ("ceo",)
    assert analyse_portfolio(contacted, lenient, TODAY).rows["a"].stale == ()
    assert (
        analyse_portfolio(contacted, strict, TODAY).rows["a"]
        != analyse_portfolio(contacted, lenient, TODAY).rows["a"]
    )


def test_both_ways_of_finding_a_tier_agree(eight) -> None:
    """The first lookups bisect the ranking, later ones read the table of all tiers
    (a speed choice, not a rule): every account, year and stranger gets one answer."""
    analysis = analyse_portfolio(eight, DEFAULT, TODAY)
    asked = [(key, year) for key in [*eight, "stranger"] for year in (2023, 2024, 2025)]
    expected = {(key, year): analysis.abc_tiers.get(year, {}).get(key) for key, year in asked}
    assert expected[("h", 2025)] == C and expected[("h", 2024)] is None
    bisected = {(key, year): analysis.tier(key, year) for key, year in asked}
    for _ in range(analysis.BISECTED_LOOKUPS):
        analysis.tier("a", 2025)
    from_table = {(key, year): analysis.tier(key, year) for key, year in asked}
    assert bisected == expected == from_table


def test_equality_compares_every_figure(eight) -> None:
    """A figure added later is compared without being listed anywhere: each one,
    made to differ alone, makes two analyses unequal."""
    names = analyse_portfolio(eight, DEFAULT, TODAY).figure_names()
    assert {"rows", "abc_tiers", "at_risk", "satisfaction", "today"} <= set(names)
    for name in names:
        one, other = (analyse_portfolio(eight, DEFAULT, TODAY) for _ in range(2))
        assert one == other
        vars(other)[name] = object()
        assert one != other, name
