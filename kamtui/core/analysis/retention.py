"""How much of last year's revenue the portfolio kept, and what its accounts are worth.

Seed 003 names the retention rate and the customer lifetime value as the programme's
KPIs. For year Y against Y−1, over the accounts with revenue in Y−1 (an amount above 0):

- **NRR** (net revenue retention) = Σ rev(Y) / Σ rev(Y−1);
- **GRR** (gross revenue retention) = Σ min(rev(Y), rev(Y−1)) / Σ rev(Y−1): growth
  does not make up for what was lost;
- an account with no revenue written for Y counts as 0 in Y (it was lost);
- per account, **net retention** = rev(Y) / rev(Y−1).

Accounts new in Y are not counted (they had nothing to retain). No figure without an
account that had revenue in Y−1, nor where a ratio overflows (1e15 after 1e-300).

**CLTV totals**: the sum of the accounts' customer lifetime values (each the value of
its `health.cltv` as of the day), overall and by the analysis year's ABC tier.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kamtui.core.analysis.abc_analysis import Tier


@dataclass(frozen=True, slots=True)
class Retention:
    year: int
    nrr: float
    grr: float
    # The accounts counted: those with revenue in the year before.
    accounts: int


@dataclass(frozen=True, slots=True)
class CltvTotals:
    total: float
    by_tier: Mapping[Tier, float]
    # The accounts that record a CLTV.
    accounts: int


def net_retention(revenue: Mapping[int, float], year: int) -> float | None:
    """rev(year) / rev(year − 1), 0 when the year has none; None without revenue before."""
    previous = revenue.get(year - 1, 0.0)
    if previous <= 0:
        return None
    ratio = revenue.get(year, 0.0) / previous
    return ratio if math.isfinite(ratio) else None


def retention(revenues: Iterable[Mapping[int, float]], year: int | None) -> Retention | None:
    """NRR and GRR of `year` against the year before, over the accounts' revenue by year."""
    if year is None:
        return None
    before = kept = kept_gross = 0.0
    accounts = 0
    for revenue in revenues:
        previous = revenue.get(year - 1, 0.0)
        if previous <= 0:
            continue
        current = revenue.get(year, 0.0)
        accounts += 1
        before += previous
        kept += current
        kept_gross += min(current, previous)
    if accounts == 0:
        return None
    nrr, grr = kept / before, kept_gross / before
    if not (math.isfinite(nrr) and math.isfinite(grr)):
        return None
    return Retention(year, nrr, grr, accounts)


def cltv_totals(values: Iterable[tuple[float | None, Tier | None]]) -> CltvTotals:
    """Sum of the (CLTV, tier) pairs given, overall and by tier; every tier present."""
    by_tier = dict.fromkeys(Tier, 0.0)
    total = 0.0
    accounts = 0
    for cltv, tier in values:
        if cltv is None:
            continue
        accounts += 1
        total += cltv
        if tier is not None:
            by_tier[tier] += cltv
    return CltvTotals(total, by_tier, accounts)
