"""LivePortfolio, updated for the changed accounts only, equals a fresh analyse_portfolio."""

from __future__ import annotations

import dataclasses
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from kamtui.core.account.model import (
    Account,
    OfferingState,
    Onboarding,
    ProgrammeStatus,
    YearEconomics,
)
from kamtui.core.analysis.portfolio import PortfolioAnalysis, analyse_portfolio
from kamtui.core.analysis.portfolio_live import LivePortfolio, _Overlay
from kamtui.core.analysis.scoring import MRR_PLANS, AccountFigures, account_figures
from tests.conftest import TODAY
from tests.core.portfolio_builders import make_account, make_settings

# Offerings declared, so that the white-space figures are compared too.
SETTINGS = make_settings(offerings=[{"id": "cloud", "list_price": 10}, {"id": "data"}])
BASE = account_figures(make_account(), SETTINGS, TODAY)
IDS = [f"acct-{n:02}" for n in range(12)]

# Few distinct values, so that ties in revenue, score and days are common.
amounts = st.sampled_from([0.0, 0.0, 100.0, 250.5, 1000.0, 1e6, 3.3])
# Mostly key accounts, as in a portfolio; the others must change no tier nor total.
statuses = st.sampled_from([*[ProgrammeStatus.key] * 3, *ProgrammeStatus])
economics = st.dictionaries(
    st.sampled_from([2025, 2026]),
    st.builds(YearEconomics, gross_profit=amounts, cost_to_serve=amounts),
    max_size=2,
)
people = st.lists(st.sampled_from(["Ana Silva", "ana silva", "Raj Patel", "Mei Chen"]), max_size=2)
figures_strategy = st.builds(
    lambda revenue, score, at_risk, days, endangered, upsell, mrr, onboarding, csat, nps, cells, programme: (
        dataclasses.replace(
            BASE,
            status=programme[0],
            proposed=programme[0] is ProgrammeStatus.candidate and score >= 2.5,
            review_overdue=programme[1],
            review_on=TODAY if programme[1] else None,
            economics=programme[2],
            team=tuple(programme[3]),
            owner=programme[4],
            revenue=revenue,
            score=score,
            at_risk=at_risk,
            days_at_risk=days,
            endangered=endangered,
            upsell=upsell,
            mrr=sum(mrr),
            mrr_by_plan=dict(zip(MRR_PLANS, mrr, strict=True)),
            onboarding=onboarding,
            csat=csat,
            nps=nps,
            whitespace=dict(zip(("cloud", "data"), cells, strict=True)),
            open_value=10.0 * (cells[0] is OfferingState.open),
        )
    ),
    st.dictionaries(st.sampled_from([2024, 2025, 2026]), amounts, max_size=3),
    st.sampled_from([1.0, 2.5, 2.5, 3.0, 4.75]),
    st.booleans(),
    st.one_of(st.none(), st.integers(0, 40)),
    st.booleans(),
    st.booleans(),
    st.lists(st.sampled_from([0.0, 10.1, 99.9, 500.0]), min_size=3, max_size=3),
    st.one_of(st.none(), st.sampled_from(list(Onboarding))),
    st.one_of(st.none(), st.sampled_from([1.0, 3.5, 4.2])),
    st.one_of(st.none(), st.integers(-100, 100)),
    st.lists(st.sampled_from(list(OfferingState)), min_size=2, max_size=2),
    st.tuples(statuses, st.booleans(), economics, people, st.sampled_from([None, "Raj Patel"])),
)
ACCOUNTS = {account_id: make_account(name=f"Account {account_id}") for account_id in IDS}


def assert_same(live: PortfolioAnalysis, fresh: PortfolioAnalysis) -> None:
    assert live == fresh
    # Mapping equality ignores order; the rows' order is the score ranking.
    assert list(live.rows) == list(fresh.rows)
    # Sums run over the accounts in this order: the same order gives the same floats.
    assert list(live.orders.figures.items()) == list(fresh.orders.figures.items())
    assert list(live.orders.names.items()) == list(fresh.orders.names.items())
    assert list(live.orders.programme.items()) == list(fresh.orders.programme.items())
    assert [list(t) for t in live.abc_tiers.values()] == [list(t) for t in fresh.abc_tiers.values()]


@settings(max_examples=150, deadline=None)
@given(
    start=st.dictionaries(st.sampled_from(IDS), figures_strategy, min_size=0, max_size=10),
    edits=st.lists(
        st.tuples(st.sampled_from(IDS), st.one_of(st.none(), figures_strategy)), max_size=8
    ),
)
def test_updates_equal_a_fresh_analysis(
    start: dict[str, AccountFigures], edits: list[tuple[str, AccountFigures | None]]
) -> None:
    figures = dict(sorted(start.items()))
    live = LivePortfolio(SETTINGS, TODAY)
    analysis = live.analyse(_accounts(figures), figures)
    assert_same(analysis, _fresh(figures))
    for account_id, edited in edits:
        if edited is None:
            figures.pop(account_id, None)
        else:
            figures[account_id] = edited
        # The store hands accounts over sorted by id.
        figures = dict(sorted(figures.items()))
        before = analysis
        analysis = live.analyse(_accounts(figures), figures, {account_id})
        assert_same(analysis, _fresh(figures))
        # None (any row may differ) when the years changed.
        if live.retiered is not None:
            assert account_id in live.retiered
            assert tier_changes(before, analysis) <= live.retiered


def tier_changes(before: PortfolioAnalysis, after: PortfolioAnalysis) -> set[str]:
    """Ids whose tier differs in some year, from scratch."""
    return {
        i
        for year in before.abc_tiers.keys() | after.abc_tiers.keys()
        for i in before.abc_tiers.get(year, {}).keys() | after.abc_tiers.get(year, {}).keys()
        if before.abc_tiers.get(year, {}).get(i) is not after.abc_tiers.get(year, {}).get(i)
    }


def test_no_accounts_is_the_empty_portfolio() -> None:
    live = LivePortfolio(SETTINGS, TODAY)
    # Before anything is loaded the analysis is already the empty portfolio's.
    assert_same(live.analysis, _fresh({}))
    assert live.retiered is None
    assert_same(live.analyse({}, {}), _fresh({}))


def _accounts(figures: dict[str, AccountFigures]) -> dict[str, Account]:
    return {account_id: ACCOUNTS[account_id] for account_id in figures}


def _fresh(figures: dict[str, AccountFigures]) -> PortfolioAnalysis:
    return analyse_portfolio(_accounts(figures), SETTINGS, TODAY, figures=figures)


def test_a_large_portfolio_edited_save_by_save_equals_a_fresh_analysis() -> None:
    """Three hundred accounts edited, added and removed over a hundred saves: only those
    near a cut-off can change tier, so the retiered ids are a few of them, and still
    every one whose tier moved."""
    rng = random.Random(7)
    pool = [f"acct-{n:03}" for n in range(340)]
    accounts = {account_id: make_account(name=f"Account {account_id}") for account_id in pool}

    def random_figures() -> AccountFigures:
        return dataclasses.replace(
            BASE,
            revenue={y: float(rng.randrange(0, 10**6, 1000)) for y in (2025, 2026)},
            score=float(rng.randrange(0, 100)),
            at_risk=rng.random() < 0.3,
            days_at_risk=rng.randrange(0, 90),
            endangered=rng.random() < 0.2,
            upsell=rng.random() < 0.2,
            mrr=rng.random() * 5000,
            status=rng.choice([*[ProgrammeStatus.key] * 6, *ProgrammeStatus]),
        )

    figures = {account_id: random_figures() for account_id in pool[:300]}
    live = LivePortfolio(SETTINGS, TODAY)
    analysis = live.analyse(_in_id_order(accounts, figures), figures)
    for step in range(100):
        # Mostly one account per save; every tenth, a batch (a git checkout).
        changed = rng.sample(pool, 5 if step % 10 == 9 else 1)
        for account_id in changed:
            if account_id in figures and rng.random() < 0.15:
                del figures[account_id]
            else:
                figures[account_id] = random_figures()
        figures = dict(sorted(figures.items()))
        before = analysis
        analysis = live.analyse(_in_id_order(accounts, figures), figures, changed)
        fresh = analyse_portfolio(_in_id_order(accounts, figures), SETTINGS, TODAY, figures=figures)
        assert_same(analysis, fresh)
        assert live.retiered is not None
        assert tier_changes(before, analysis) | set(changed) <= live.retiered
        assert len(live.retiered) < 60


def _in_id_order(
    accounts: dict[str, Account], figures: dict[str, AccountFigures]
) -> dict[str, Account]:
    return {account_id: accounts[account_id] for account_id in sorted(figures)}


# An update of the overlay: each key set to a value, or removed (None).
_update = st.dictionaries(
    st.sampled_from([f"k{n:02d}" for n in range(90)]), st.none() | st.integers(0, 9), max_size=40
)


@settings(max_examples=200, deadline=None)
@given(
    base=st.dictionaries(st.sampled_from([f"k{n:02d}" for n in range(60)]), st.integers(0, 9)),
    steps=st.lists(st.tuples(_update, st.booleans()), max_size=8),
)
def test_an_overlay_is_the_dict_it_stands_for_update_after_update(
    base: dict[str, int], steps: list[tuple[dict[str, int | None], bool]]
) -> None:
    """Chains of updates, read whole or not in between (so that changes pile up past the
    fold), give the dict in key order with those keys set and removed."""
    expected = dict(sorted(base.items()))
    overlay = _Overlay(dict(expected))  # the overlay never changes its dict: a copy
    for changes, read_whole in steps:
        overlay = overlay.updated(changes)
        for key, value in changes.items():
            if value is None:
                expected.pop(key, None)
            else:
                expected[key] = value
        expected = dict(sorted(expected.items()))
        assert len(overlay) == len(expected)
        for key in changes:
            assert (key in overlay) == (key in expected)
            if key in expected:
                assert overlay[key] == expected[key]
        if read_whole:
            assert list(overlay.items()) == list(expected.items())
    assert list(overlay) == list(expected)
    assert list(overlay.values()) == list(expected.values())
    assert dict(overlay.whole()) == expected


def test_an_overlay_folds_its_changes_into_one_dict_past_the_fold() -> None:
    overlay = _Overlay({"a": 1}).updated({"b": 2})
    assert overlay.whole() is overlay.whole()
    many = _Overlay({"a": 1}, {"b": 1}).updated({f"c{n:03d}": n for n in range(_Overlay._FOLD)})
    # Folded: the new overlay stands on a dict of everything, with nothing kept aside.
    assert len(many) == _Overlay._FOLD + 2 and many["c063"] == 63 and many["b"] == 1
    assert many._changes == {} and many.whole() is many._base
