"""Per-account figures, pinned on hand-computed accounts."""

from __future__ import annotations

import datetime as dt

import pytest

from kamtui.core.account.model import Level, Onboarding
from kamtui.core.analysis.scoring import (
    AccountFlag,
    Quadrant,
    account_figures,
    revenue_growth,
)
from tests.conftest import TODAY
from tests.core.portfolio_builders import make_account, make_settings

DEFAULT = make_settings()


def figures(**kwargs):
    return account_figures(make_account(**kwargs), DEFAULT, TODAY)


class TestSelectionScore:
    def test_all_threes_score_50(self):
        assert figures(criteria=(3, 3, 3, 3, 3)).score == 50

    def test_extremes(self):
        assert figures(criteria=(1, 1, 1, 1, 1)).score == 0
        assert figures(criteria=(5, 5, 5, 5, 5)).score == 100

    def test_equal_weights(self):
        # (4 + 0 + 0 + 0 + 4) / (4 × 5) = 40%
        assert figures(criteria=(5, 1, 1, 1, 5)).score == 40

    def test_custom_weights(self):
        settings = make_settings(weights=(3, 1, 1, 0, 1))
        account = make_account(criteria=(5, 1, 1, 1, 5))
        # (3·4 + 1·0 + 1·0 + 0·0 + 1·4) / (4 × 6) = 16 / 24
        assert account_figures(account, settings, TODAY).score == pytest.approx(200 / 3)

    def test_a_zero_weight_criterion_does_not_count(self):
        settings = make_settings(weights=(0, 0, 0, 0, 2))
        account = make_account(criteria=(1, 1, 1, 1, 4))
        assert account_figures(account, settings, TODAY).score == 75


class TestGrowthHarmonyPriority:
    def test_growth_uses_the_three_revenue_criteria_only(self):
        # (4 + 0 + 0) / 12; product fit and strategic value do not count
        assert figures(criteria=(5, 1, 1, 5, 5)).growth == pytest.approx(100 / 3)

    def test_growth_exactly_50_is_high(self):
        result = figures(criteria=(5, 3, 1, 1, 1), harmony=(5, 5, 1, 1))
        assert result.growth == 50
        assert result.harmony == 50
        assert result.quadrant is Quadrant.strategic

    def test_harmony(self):
        # (3 + 2 + 1 + 1) / 16
        assert figures(harmony=(4, 3, 2, 2)).harmony == 43.75

    def test_no_harmony_means_no_priority_and_no_quadrant(self):
        result = figures(criteria=(5, 5, 5, 5, 5))
        assert result.harmony is None
        assert result.priority is None
        assert result.quadrant is None

    def test_priority_default_weight_is_the_mean(self):
        # growth 50, harmony 43.75
        assert figures(criteria=(3, 3, 3, 3, 3), harmony=(4, 3, 2, 2)).priority == 46.875

    def test_priority_custom_growth_weight(self):
        settings = make_settings(matrix={"growth_weight": 0.8})
        account = make_account(criteria=(3, 3, 3, 3, 3), harmony=(4, 3, 2, 2))
        # 0.8 × 50 + 0.2 × 43.75
        assert account_figures(account, settings, TODAY).priority == pytest.approx(48.75)

    @pytest.mark.parametrize(
        ("criteria", "harmony", "expected"),
        [
            ((3, 3, 3, 1, 1), (5, 5, 1, 1), Quadrant.strategic),  # 50 / 50
            ((3, 3, 2, 5, 5), (5, 5, 1, 1), Quadrant.develop),  # 41.67 / 50
            ((3, 3, 3, 1, 1), (4, 3, 2, 2), Quadrant.opportunistic),  # 50 / 43.75
            ((3, 3, 2, 5, 5), (4, 3, 2, 2), Quadrant.maintain),  # 41.67 / 43.75
        ],
    )
    def test_quadrants_at_the_boundary(self, criteria, harmony, expected):
        assert figures(criteria=criteria, harmony=harmony).quadrant is expected


class TestRevenueGrowth:
    def test_growth_over_the_previous_year(self):
        assert revenue_growth({2024: 100, 2025: 150}, 2025) == 0.5
        assert revenue_growth({2024: 200, 2025: 150}, 2025) == -0.25

    @pytest.mark.parametrize(
        "revenue",
        [{2025: 150}, {2024: 0, 2025: 150}, {2024: 100}, {2023: 100, 2025: 150}, {}],
    )
    def test_none_when_a_year_is_missing_or_the_previous_is_zero(self, revenue):
        assert revenue_growth(revenue, 2025) is None

    def test_figures_keep_revenue_by_year_sorted_and_read_only(self):
        result = figures(revenue={2025: 3, 2023: 1, 2024: 2})
        assert list(result.revenue.items()) == [(2023, 1), (2024, 2), (2025, 3)]
        with pytest.raises(TypeError):
            result.revenue[2026] = 4  # type: ignore[index]


class TestHealth:
    @pytest.mark.parametrize(
        ("engagement", "churn_risk", "endangered"),
        [("low", "high", True), ("low", "medium", False), ("medium", "high", False)],
    )
    def test_endangered_is_low_engagement_and_high_churn(self, engagement, churn_risk, endangered):
        result = figures(health={"engagement": engagement, "churn_risk": churn_risk})
        assert result.endangered is endangered

    def test_days_in_the_at_risk_queue(self):
        result = figures(health={"churn_risk": "high", "at_risk_since": "2026-10-25"})
        assert result.at_risk
        assert result.days_at_risk == 30

    def test_high_churn_without_a_date_is_at_risk_for_an_unknown_time(self):
        result = figures(health={"churn_risk": "high"})
        assert result.at_risk
        assert result.days_at_risk is None

    def test_a_stale_at_risk_date_without_high_churn_is_not_in_the_queue(self):
        result = figures(health={"churn_risk": "low", "at_risk_since": "2026-01-01"})
        assert not result.at_risk
        assert result.days_at_risk is None


class TestMrr:
    def test_mrr_sums_the_plans_and_no_premium_is_an_upsell(self):
        result = figures(mrr={"basic": 100, "standard": 50, "premium": 0})
        assert result.mrr == 150
        assert result.upsell

    def test_premium_customers_are_not_an_upsell(self):
        result = figures(mrr={"basic": 100, "premium": 10})
        assert result.mrr == 110
        assert not result.upsell

    @pytest.mark.parametrize("mrr", [None, {"basic": 0, "standard": 0, "premium": 0}])
    def test_no_recurring_revenue_is_no_upsell_line(self, mrr):
        result = figures(mrr=mrr) if mrr else figures()
        assert result.mrr == 0
        assert not result.upsell


def objective(id_: str, due: str | None, status: str = "planned") -> dict:
    return {"id": id_, "what": "Something", "due": due, "status": status}


def test_objectives_overdue_are_past_due_and_still_open():
    result = figures(
        objectives=[
            objective("late", "2026-11-23"),
            objective("late-at-risk", "2025-01-01", "at_risk"),
            objective("due-today", TODAY.isoformat()),
            objective("done", "2026-01-01", "done"),
            objective("dropped", "2026-01-01", "dropped"),
            objective("undated", None, "on_track"),
        ]
    )
    assert result.objectives_overdue == ("late", "late-at-risk")


def test_overdue_depends_on_today():
    account = make_account(objectives=[objective("qbr", "2026-11-23")])
    assert account_figures(account, DEFAULT, dt.date(2026, 11, 23)).objectives_overdue == ()
    assert account_figures(account, DEFAULT, dt.date(2026, 11, 24)).objectives_overdue == ("qbr",)


def test_needs_value_is_the_open_pipeline():
    result = figures(
        needs=[
            {"id": "a", "what": "More", "value": 100},
            {"id": "b", "what": "Unpriced"},
            {"id": "c", "what": "Signed", "value": 500, "status": "won"},
            {"id": "d", "what": "Gone", "value": 50, "status": "lost"},
            {"id": "e", "what": "Later", "value": 25.5, "status": "open"},
        ]
    )
    assert result.needs_value == 125.5


def test_mrr_by_plan_and_onboarding_are_kept_for_the_portfolio_pass():
    result = figures(mrr={"standard": 20, "premium": 5}, health={"onboarding": "in_progress"})
    assert dict(result.mrr_by_plan) == {"basic": 0, "standard": 20, "premium": 5}
    assert result.onboarding is Onboarding.in_progress


def test_the_last_contact_is_the_latest_of_the_log_and_the_health_date():
    """One answer everywhere: the report, show and the TUI read this, not health alone."""
    logged = [{"date": "2026-11-18", "summary": "QBR"}, {"date": "2026-09-01", "summary": "Call"}]
    assert figures(health={"last_contact": "2026-10-02"}, activities=logged).last_contact == (
        dt.date(2026, 11, 18)
    )
    assert figures(health={"last_contact": "2026-11-20"}, activities=logged).last_contact == (
        dt.date(2026, 11, 20)
    )
    assert figures(activities=logged).relationships.last_contact == dt.date(2026, 11, 18)


def test_the_health_figures_are_carried_into_the_record():
    result = figures(
        health={
            "engagement": "medium",
            "adoption": 0.4,
            "cltv": 90000,
            "last_contact": "2026-10-02",
            "csat": 4.5,
            "nps": 30,
        }
    )
    assert (result.engagement, result.adoption, result.cltv, result.last_contact) == (
        Level.medium,
        0.4,
        90000,
        dt.date(2026, 10, 2),
    )
    assert (result.csat, result.nps) == (4.5, 30)


@pytest.mark.parametrize(
    ("mrr", "upsell"),
    [({"basic": 0.5}, True), ({"standard": 0}, False), ({"basic": 9, "premium": 0.5}, False)],
)
def test_any_mrr_without_premium_is_an_upsell(mrr, upsell):
    assert figures(mrr=mrr).upsell is upsell


def test_figures_are_hashable_for_caching():
    first = figures(revenue={2025: 1})
    assert first == figures(revenue={2025: 1})
    assert hash(first) == hash(figures(revenue={2025: 1}))


class TestAccountFlags:
    def test_every_flag_raised_most_urgent_first(self):
        result = figures(
            health={"engagement": "low", "churn_risk": "high", "csat": 3.4},
            objectives=[objective("late", "2026-01-01")],
            mrr={"standard": 100},
        )
        assert result.flags == (
            AccountFlag.endangered,
            AccountFlag.at_risk,
            AccountFlag.overdue,
            AccountFlag.single_threaded,
            AccountFlag.low_satisfaction,
            AccountFlag.upsell,
        )

    def test_at_risk_alone(self):
        result = figures(
            health={"engagement": "high", "churn_risk": "high", "csat": 3.5},
            stakeholders=[
                {"id": "a", "name": "A", "touchpoint": True},
                {"id": "b", "name": "B", "touchpoint": True},
            ],
        )
        assert result.flags == (AccountFlag.at_risk,)

    def test_low_satisfaction_is_below_three_and_a_half(self):
        assert figures(health={"csat": 3.49}).low_satisfaction
        assert not figures(health={"csat": 3.5}).low_satisfaction
        assert not figures().low_satisfaction

    def test_single_threaded_is_fewer_than_two_touchpoints(self):
        one = [{"id": "a", "name": "A", "touchpoint": True}]
        two = [*one, {"id": "b", "name": "B", "touchpoint": True}]
        assert figures(stakeholders=one).single_threaded
        assert not figures(stakeholders=two).single_threaded

    def test_flag_ids_are_stable(self):
        """`report --format json` prints these ids; scripts match them. Renaming one
        breaks them, so this list changes only on purpose (and the README with it)."""
        assert [str(flag) for flag in AccountFlag] == [
            "endangered",
            "at_risk",
            "overdue",
            "behind_plan",
            "review_overdue",
            "single_threaded",
            "low_satisfaction",
            "upsell",
            "proposed",
            "not_assessed",
        ]
