"""Revenue retention (NRR, GRR, per account) and CLTV totals, on a portfolio built for
their edges: an account missing the year, one new in it, one that shrank, one that grew."""

from __future__ import annotations

import pytest

from kamtui.core.analysis.abc_analysis import Tier
from kamtui.core.analysis.portfolio import analyse_portfolio
from kamtui.core.analysis.retention import cltv_totals, net_retention, retention
from tests.conftest import TODAY
from tests.core.portfolio_builders import make_account, make_settings

GREW = {2025: 100.0, 2026: 150.0}
SHRANK = {2025: 200.0, 2026: 120.0}
LOST = {2024: 50.0, 2025: 100.0}  # nothing written for 2026: lost
NEW = {2026: 80.0}  # nothing to retain: not counted
ZERO_BEFORE = {2025: 0.0, 2026: 10.0}  # no revenue the year before: not counted


def test_nrr_and_grr_follow_the_rule() -> None:
    """Before 400 (100 + 200 + 100); kept 150 + 120 + 0 = 270 → NRR 0.675; gross kept
    100 + 120 + 0 = 220 → GRR 0.55. The new account and the one at 0 the year before
    are left out."""
    kept = retention([GREW, SHRANK, LOST, NEW, ZERO_BEFORE], 2026)
    assert kept is not None
    assert (kept.year, kept.accounts) == (2026, 3)
    assert kept.nrr == pytest.approx(0.675)
    assert kept.grr == pytest.approx(0.55)


def test_no_retention_without_revenue_the_year_before() -> None:
    assert retention([NEW, ZERO_BEFORE], 2026) is None
    assert retention([GREW], None) is None
    assert retention([], 2026) is None


def test_a_ratio_that_overflows_is_no_figure() -> None:
    assert retention([{2025: 1e-300, 2026: 1e15}], 2026) is None
    assert net_retention({2025: 1e-300, 2026: 1e15}, 2026) is None


def test_any_revenue_above_0_the_year_before_counts() -> None:
    """Half a unit of money is revenue too: the account is counted and kept double."""
    assert net_retention({2025: 0.5, 2026: 1.0}, 2026) == 2.0
    kept = retention([{2025: 0.5, 2026: 1.0}], 2026)
    assert kept is not None and (kept.accounts, kept.nrr, kept.grr) == (1, 2.0, 1.0)


def test_net_retention_of_one_account() -> None:
    assert net_retention(GREW, 2026) == 1.5
    assert net_retention(LOST, 2026) == 0.0
    assert net_retention(NEW, 2026) is None
    assert net_retention(ZERO_BEFORE, 2026) is None


def test_cltv_totals_by_tier_every_tier_present() -> None:
    totals = cltv_totals([(100.0, Tier.A), (None, Tier.A), (30.0, None), (5.0, Tier.C)])
    assert (totals.total, totals.accounts) == (135.0, 3)
    assert totals.by_tier == {Tier.A: 100.0, Tier.B: 0.0, Tier.C: 5.0}


def test_the_portfolio_s_figures_use_the_analysis_year_and_its_tiers() -> None:
    accounts = {
        "grew": make_account("Grew", revenue=GREW, health={"cltv": 1000}),
        "shrank": make_account("Shrank", revenue=SHRANK, health={"cltv": 400}),
        "lost": make_account("Lost", revenue=LOST),
    }
    analysis = analyse_portfolio(accounts, make_settings(), TODAY)
    assert analysis.year == 2026
    assert analysis.retention is not None and analysis.retention.nrr == pytest.approx(0.675)
    assert analysis.rows["lost"].net_retention == 0.0
    assert analysis.rows["shrank"].net_retention == 0.6
    # 2026: Grew (150 of 270, 56%) and Shrank, whose 120 crosses 80%, are both tier A.
    assert analysis.cltv.by_tier[Tier.A] == 1400
    earlier = analyse_portfolio(accounts, make_settings(), TODAY, year=2025)
    assert earlier.retention is not None and earlier.retention.accounts == 1  # Lost in 2024
