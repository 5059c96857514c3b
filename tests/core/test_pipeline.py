"""The weighted pipeline: open needs by their chance (their own, else their stage's in
kam.yaml), growth and renewals apart; a need's stage and status agree."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kamtui.core.account.account_file import load_account_bytes
from kamtui.core.account.model import NeedStatus, PortfolioSettings
from kamtui.core.analysis.portfolio import analyse_portfolio
from kamtui.core.analysis.scoring import PipelineValue, account_figures
from tests.conftest import MINIMAL, TODAY
from tests.core.portfolio_builders import make_account


def need(need_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": need_id, "what": need_id, "value": 1000, **fields}


def test_each_open_need_counts_by_its_stage_s_chance_or_its_own() -> None:
    """Upsell at qualified (25%) 250, cross-sell with its own 60% 600, a renewal at
    negotiation (75%) 750, a service need with no stage (identified, 10%) 100; the won
    and the lost count nothing."""
    account = make_account(
        needs=[
            need("up", kind="upsell", stage="qualified"),
            need("cross", kind="cross_sell", stage="proposal", probability=0.6),
            need("renew", kind="renewal", stage="negotiation"),
            need("service", kind="service"),
            need("won", kind="upsell", stage="won"),
            need("lost", kind="renewal", status="lost"),
        ]
    )
    figures = account_figures(account, PortfolioSettings(), TODAY)
    assert figures.pipeline == PipelineValue(weighted=1700, growth=850, renewals=750)
    # The open pipeline as before: every open need's whole value.
    assert figures.needs_value == 4000


def test_kam_yaml_sets_the_chance_of_each_stage() -> None:
    settings = PortfolioSettings.model_validate({"pipeline": {"identified": 0.5}})
    account = make_account(needs=[need("n", kind="upsell")])
    assert account_figures(account, settings, TODAY).pipeline.growth == 500


def test_the_portfolio_sums_the_accounts_pipelines() -> None:
    accounts = {
        "a": make_account("A", needs=[need("n", kind="renewal", probability=1)]),
        "b": make_account("B", needs=[need("n", kind="upsell", probability=0.5)]),
    }
    analysis = analyse_portfolio(accounts, PortfolioSettings(), TODAY)
    assert analysis.pipeline == PipelineValue(weighted=1500, growth=500, renewals=1000)


def test_a_closed_stage_gives_the_status_and_a_contradiction_is_an_error() -> None:
    won = make_account(needs=[need("n", stage="won")])
    assert won.needs[0].status is NeedStatus.won
    text = MINIMAL + "needs:\n  - {id: n, what: N, stage: won, status: open}\n"
    account, problems = load_account_bytes(text.encode(), "a.yaml", PortfolioSettings())
    assert account is None
    assert [(p.line, p.column) for p in problems] == [(9, 5)]
    assert problems[0].message.endswith(
        "status open contradicts stage won: write status won, or leave status out"
    )


@pytest.mark.parametrize("probability", [-0.1, 1.5])
def test_a_probability_is_a_share(probability: float) -> None:
    text = MINIMAL + f"needs:\n  - {{id: n, what: N, probability: {probability}}}\n"
    account, problems = load_account_bytes(text.encode(), "a.yaml", PortfolioSettings())
    assert account is None and "needs[n].probability" in problems[0].message


def test_renewals_due_are_the_contracts_ending_within_the_window_soonest_first() -> None:
    """Today and today + 120 days both count; the day after, or yesterday, do not."""
    ends = {
        "today": TODAY,
        "edge": TODAY + dt.timedelta(days=120),
        "beyond": TODAY + dt.timedelta(days=121),
        "past": TODAY - dt.timedelta(days=1),
        "soon": TODAY + dt.timedelta(days=30),
    }
    accounts = {key: make_account(key, contract={"end": end}) for key, end in ends.items()}
    accounts["none"] = make_account("None")
    analysis = analyse_portfolio(accounts, PortfolioSettings(), TODAY)
    assert analysis.renewals_due == ("today", "soon", "edge")
    narrow = PortfolioSettings.model_validate({"renewal_window": 30})
    assert analyse_portfolio(accounts, narrow, TODAY).renewals_due == ("today", "soon")


def test_a_contract_cannot_end_before_it_starts() -> None:
    text = MINIMAL + "contract: {start: 2026-06-01, end: 2026-05-31}\n"
    account, problems = load_account_bytes(text.encode(), "a.yaml", PortfolioSettings())
    assert account is None
    assert problems[0].message.endswith("end (2026-05-31) is before start (2026-06-01)")


def test_renewals_add_up_and_a_need_without_value_adds_nothing() -> None:
    account = make_account(
        needs=[
            need("a", kind="renewal", value=100, stage="negotiation"),
            need("b", kind="renewal", value=200, stage="negotiation"),
            need("c", kind="upsell", stage="negotiation", value=None),
        ]
    )
    value = account_figures(account, PortfolioSettings(), TODAY).pipeline
    assert value == PipelineValue(225.0, 0.0, 225.0)
