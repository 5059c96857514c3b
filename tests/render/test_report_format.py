"""The numbers and phrases of the portfolio report, at the edges where their wording turns."""

from __future__ import annotations

import pytest

from kamtui.core.account.model import Onboarding
from kamtui.core.analysis.abc_analysis import Abc, Tier, TierMovement, pareto, rank_revenue
from kamtui.core.analysis.scoring import AccountFlag, account_figures
from kamtui.render.report_format import (
    compact,
    counted,
    flag_label,
    money,
    movement_label,
    name_list,
    onboarding_phrase,
    pareto_sentence,
    percent,
    share_of,
    signed_number,
    signed_percent,
)
from tests.conftest import TODAY
from tests.core.portfolio_builders import make_account, make_settings


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (None, "–"),
        (950, "950"),
        (999.4, "999"),
        (999.5, "1k"),
        (1000, "1k"),
        (99_940, "99.9k"),
        (100_000, "100k"),
        (100_500, "100k"),
        (995_500, "996k"),
        (999_499, "999k"),
        (999_500, "1M"),
        (1_000_000, "1M"),
        (3_200_000, "3.2M"),
        (999_499_999, "999M"),
        (999_500_000, "1B"),
        (999_999_999, "1B"),
        (1_000_000_000, "1B"),
        (-2_500_000, "-2.5M"),
    ],
)
def test_compact_amounts(amount: float | None, text: str) -> None:
    assert compact(amount) == text


def test_money_and_percent_say_missing_for_none() -> None:
    assert (money(None, "USD"), money(0, "EUR"), money(1500, "USD")) == ("–", "EUR 0", "USD 1.5k")
    assert (percent(None), percent(0.0), percent(0.355)) == ("–", "0%", "36%")


@pytest.mark.parametrize(
    ("change", "text"),
    [
        (None, "–"),
        (0.231, "+23%"),
        (-0.05, "−5%"),
        (0.004, "0%"),
        (-0.004, "0%"),
        (0.0, "0%"),
        (9.994, "+999%"),
        # From what would round to +1000% on, the multiple of the year before.
        (9.995, "×11"),
        (98765432.0, "×98.8M"),
    ],
)
def test_signed_percent(change: float | None, text: str) -> None:
    assert signed_percent(change) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (23, "+23"),
        (1, "+1"),
        (0.6, "+1"),
        (0.4, "0"),
        (0, "0"),
        (-0.4, "0"),
        (-1, "−1"),
        (-40.4, "−40"),
    ],
)
def test_signed_number(value: float, text: str) -> None:
    assert signed_number(value) == text


def test_flag_labels_say_the_days_and_the_count() -> None:
    settings = make_settings()
    dated = account_figures(
        make_account(health={"churn_risk": "high", "at_risk_since": "2026-11-14"}), settings, TODAY
    )
    undated = account_figures(make_account(health={"churn_risk": "high"}), settings, TODAY)
    new = account_figures(make_account(criteria=(3, 3, 3, 3, None)), settings, TODAY)
    assert flag_label(AccountFlag.at_risk, dated) == "at risk 10d"
    assert flag_label(AccountFlag.at_risk, undated) == "at risk"
    assert flag_label(AccountFlag.not_assessed, new) == "not assessed"
    assert flag_label(AccountFlag.upsell, new) == "upsell"


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (0, ""),
        (1, "n1"),
        (2, "n1 and n2"),
        (3, "n1, n2 and n3"),
        (8, "n1, n2, n3, n4, n5, n6, n7 and n8"),
        (9, "n1, n2, n3, n4, n5, n6, n7, n8 and 1 more"),
    ],
)
def test_name_lists(count: int, text: str) -> None:
    assert name_list([f"n{i}" for i in range(1, count + 1)]) == text


def test_pareto_sentences_agree_in_number() -> None:
    abc = Abc(a=0.8, b=0.95)
    one = pareto(rank_revenue({"solo": 100}), abc, 2025)
    two = pareto(rank_revenue({"a": 50, "b": 50, "c": 1}), abc, 2025)
    assert pareto_sentence(one) == "1 of 1 account (100%) makes 100% of 2025 revenue"
    assert pareto_sentence(two) == "2 of 3 accounts (67%) make 99% of 2025 revenue"
    assert pareto_sentence(pareto(rank_revenue({}), abc, None)) == "No revenue recorded yet"
    assert pareto_sentence(pareto(rank_revenue({"a": 0}), abc, 2024)) == (
        "No revenue recorded for 2024"
    )


@pytest.mark.parametrize(
    ("before", "after", "text"),
    [
        (Tier.B, Tier.A, "B → A ▲"),
        (Tier.C, Tier.A, "C → A ▲"),
        (Tier.A, Tier.B, "A → B ▼"),
        (Tier.B, Tier.C, "B → C ▼"),
        (None, Tier.C, "new → C"),
        (Tier.A, None, "A → none ▼"),
    ],
)
def test_movement_labels(before: Tier | None, after: Tier | None, text: str) -> None:
    assert movement_label(TierMovement("x", 2025, 2026, before, after)) == text


def test_onboarding_phrase_leaves_out_empty_statuses() -> None:
    counts = {Onboarding.done: 13, Onboarding.in_progress: 0, None: 2}
    assert onboarding_phrase(counts) == "13 done · 2 not recorded"
    assert onboarding_phrase({}) == "no accounts"


def test_share_of_nothing_is_no_share() -> None:
    assert (share_of(1, 4), share_of(0, 4), share_of(1, 0)) == (0.25, 0.0, None)


def test_counts_are_singular_for_one_only() -> None:
    assert [counted(n) for n in (0, 1, 2)] == ["0 accounts", "1 account", "2 accounts"]
    assert counted(1, "key account manager") == "1 key account manager"
