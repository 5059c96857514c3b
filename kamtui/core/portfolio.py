"""Portfolio figures: ABC tiers over the years, Pareto, the at-risk queue, MRR and onboarding.

Everything here is a cheap pass over per-account figures (`kamtui.core.scoring`),
so a caller that caches those can recompute the portfolio on every change.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import accumulate, pairwise
from typing import NamedTuple

from kamtui.core.model import Account, Onboarding, PortfolioSettings
from kamtui.core.scoring import MRR_PLANS, AccountFigures, account_figures, revenue_growth


class Tier(StrEnum):
    A = "A"
    B = "B"
    C = "C"


@dataclass(frozen=True, slots=True)
class RevenueRanking:
    """One year's revenue, highest first (ties by id), with the running cumulative share."""

    accounts: tuple[str, ...]
    revenue: tuple[float, ...]
    cumulative_share: tuple[float, ...]
    total: float


_EMPTY_RANKING = RevenueRanking((), (), (), 0.0)


@dataclass(frozen=True, slots=True)
class Pareto:
    """The vital few of one year: its tier-A accounts, and the series behind a Pareto chart."""

    year: int | None
    vital_few: tuple[str, ...]
    accounts_share: float
    revenue_share: float
    ranking: RevenueRanking


@dataclass(frozen=True, slots=True)
class TierSummary:
    """One tier of one year: how many accounts, their revenue and its share of the year."""

    accounts: int
    revenue: float
    share: float


class TierMovement(NamedTuple):
    """An account whose tier changed between two consecutive years; None: no revenue that year."""

    account: str
    from_year: int
    to_year: int
    before: Tier | None
    after: Tier | None


@dataclass(frozen=True, slots=True)
class AccountRow:
    """One account's line in the portfolio: its figures joined with the portfolio's tiers."""

    id: str
    name: str
    figures: AccountFigures
    tier: Tier | None
    tiers: Mapping[int, Tier]
    revenue: float | None
    revenue_growth: float | None


class AccountRows(Mapping[str, AccountRow]):
    """Rows by account id, iterated in rank order (score, highest first, then id).

    A row is built when it is looked up, so a screen showing twenty rows of ten
    thousand accounts pays for twenty.
    """

    def __init__(
        self,
        ranked: tuple[str, ...],
        names: Mapping[str, str],
        figures: Mapping[str, AccountFigures],
        tiers_by_year: Mapping[int, Mapping[str, Tier]],
        year: int | None,
    ) -> None:
        self._ranked = ranked
        self._names = names
        self._figures = figures
        self._tiers_by_year = tiers_by_year
        self._year = year

    def __getitem__(self, account_id: str) -> AccountRow:
        figures = self._figures[account_id]
        tiers = {y: t[account_id] for y, t in self._tiers_by_year.items() if account_id in t}
        year = self._year
        return AccountRow(
            id=account_id,
            name=self._names[account_id],
            figures=figures,
            tier=tiers.get(year) if year is not None else None,
            tiers=tiers,
            revenue=figures.revenue.get(year) if year is not None else None,
            revenue_growth=revenue_growth(figures.revenue, year) if year is not None else None,
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self._ranked)

    def __len__(self) -> int:
        return len(self._ranked)


@dataclass(frozen=True, slots=True)
class Satisfaction:
    """Survey scores across the accounts that report them (None when none does)."""

    csat_mean: float | None
    csat_accounts: int
    nps_mean: float | None
    nps_accounts: int


def satisfaction(figures: Iterable[AccountFigures]) -> Satisfaction:
    rows = list(figures)
    csat = [f.csat for f in rows if f.csat is not None]
    nps = [f.nps for f in rows if f.nps is not None]
    return Satisfaction(
        csat_mean=sum(csat) / len(csat) if csat else None,
        csat_accounts=len(csat),
        nps_mean=sum(nps) / len(nps) if nps else None,
        nps_accounts=len(nps),
    )


@dataclass(frozen=True, slots=True)
class PortfolioAnalysis:
    """Every portfolio figure as of `today` for the analysis `year`."""

    today: dt.date
    year: int | None
    years: tuple[int, ...]
    currency: str
    rows: AccountRows
    abc_tiers: Mapping[int, Mapping[str, Tier]]
    abc_summary: Mapping[int, Mapping[Tier, TierSummary]]
    movements: tuple[TierMovement, ...]
    pareto: Pareto
    at_risk: tuple[str, ...]
    endangered: tuple[str, ...]
    upsell: tuple[str, ...]
    mrr_total: float
    mrr_at_risk: float
    mrr_by_plan: Mapping[str, float]
    revenue_totals: Mapping[int, float]
    onboarding: Mapping[Onboarding | None, int]
    satisfaction: Satisfaction

    @property
    def revenue_total(self) -> float:
        """Revenue of the analysis year (0 when no account has any)."""
        return self.revenue_totals.get(self.year, 0.0) if self.year is not None else 0.0


def rank_revenue(revenue_by_account: Mapping[str, float]) -> RevenueRanking:
    ids = sorted(revenue_by_account)
    # Python's sort is stable even in reverse, so ties stay in id order.
    ids.sort(key=revenue_by_account.__getitem__, reverse=True)
    revenue = tuple(map(revenue_by_account.__getitem__, ids))
    running = tuple(accumulate(revenue))
    total = running[-1] if running else 0.0
    return RevenueRanking(
        accounts=tuple(ids),
        revenue=revenue,
        cumulative_share=tuple(r / total for r in running) if total else (0.0,) * len(ids),
        total=total,
    )


def tiers_from_ranking(ranking: RevenueRanking, a: float, b: float) -> dict[str, Tier]:
    """A: the shortest run from the top reaching share `a`; B: on until `b`; C: the rest."""
    return tiers_between(ranking.accounts, *tier_cuts(ranking, a, b))


def tiers_between(ids: Sequence[str], end_a: int, end_b: int) -> dict[str, Tier]:
    """A before `end_a`, B on to `end_b`, C after, in ranking order."""
    return (
        dict.fromkeys(ids[:end_a], Tier.A)
        | dict.fromkeys(ids[end_a:end_b], Tier.B)
        | dict.fromkeys(ids[end_b:], Tier.C)
    )


def tier_cuts(ranking: RevenueRanking, a: float, b: float) -> tuple[int, int]:
    """Where tier A and tier B end in the ranking (positions, end excluded).

    An account belongs to a run when the share *before* it is still short of the
    cut-off, so the account that crosses the cut-off closes the run. Zero revenue is C.
    """
    shares = ranking.cumulative_share
    paying = len(ranking.accounts) - ranking.revenue.count(0)
    # Shares before account i are shares[i - 1]; bisect counts those short of the cut-off.
    end_a = min(paying, bisect_left(shares, a) + 1)
    end_b = max(end_a, min(paying, bisect_left(shares, b) + 1))
    return end_a, end_b


def abc_tiers(revenue_by_account: Mapping[str, float], a: float, b: float) -> dict[str, Tier]:
    return tiers_from_ranking(rank_revenue(revenue_by_account), a, b)


def tier_summary(ranking: RevenueRanking, tiers: Mapping[str, Tier]) -> dict[Tier, TierSummary]:
    counts = Counter(tiers.values())
    summary: dict[Tier, TierSummary] = {}
    start = 0
    # Tiers are consecutive runs of the ranking: A from the top, then B, then C.
    for tier in Tier:
        end = start + counts[tier]
        revenue = sum(ranking.revenue[start:end])
        share = revenue / ranking.total if ranking.total else 0.0
        summary[tier] = TierSummary(counts[tier], revenue, share)
        start = end
    return summary


def pareto(ranking: RevenueRanking, tiers: Mapping[str, Tier], year: int | None) -> Pareto:
    # Tier A is a run from the top of the ranking, so the vital few are a prefix of it.
    count_a = [tiers[account_id] for account_id in ranking.accounts].count(Tier.A)
    count = len(ranking.accounts)
    return Pareto(
        year=year,
        vital_few=ranking.accounts[:count_a],
        accounts_share=count_a / count if count else 0.0,
        revenue_share=ranking.cumulative_share[count_a - 1] if count_a else 0.0,
        ranking=ranking,
    )


def at_risk_queue(figures: Mapping[str, AccountFigures]) -> tuple[str, ...]:
    """High churn risk, by score (highest first), then longest in the queue, then id."""

    def importance(account_id: str) -> tuple[float, bool, int, str]:
        days = figures[account_id].days_at_risk
        return (-figures[account_id].score, days is None, -(days or 0), account_id)

    return tuple(sorted((i for i, f in figures.items() if f.at_risk), key=importance))


def tier_movements(tiers_by_year: Mapping[int, Mapping[str, Tier]]) -> tuple[TierMovement, ...]:
    """Tier changes between each pair of consecutive years with data, in year then id order."""
    movements: list[TierMovement] = []
    for earlier, later in pairwise(sorted(tiers_by_year)):
        before, after = tiers_by_year[earlier], tiers_by_year[later]
        changed = [i for i, tier in after.items() if before.get(i) is not tier]
        changed += before.keys() - after.keys()
        movements += (
            TierMovement(i, earlier, later, before.get(i), after.get(i)) for i in sorted(changed)
        )
    return tuple(movements)


def onboarding_counts(figures: Iterable[AccountFigures]) -> dict[Onboarding | None, int]:
    """Accounts per onboarding status, every status present; None: status not recorded."""
    counts: dict[Onboarding | None, int] = dict.fromkeys([*Onboarding, None], 0)
    for f in figures:
        counts[f.onboarding] += 1
    return counts


def mrr_by_plan(figures: Iterable[AccountFigures]) -> dict[str, float]:
    plans = [f.mrr_by_plan for f in figures]
    return {plan: sum(p[plan] for p in plans) for plan in MRR_PLANS}


def revenue_by_year(figures: Mapping[str, AccountFigures]) -> dict[int, dict[str, float]]:
    """year → account id → revenue, for every year any account has."""
    by_year: dict[int, dict[str, float]] = {}
    for account_id, f in figures.items():
        for year, amount in f.revenue.items():
            by_year.setdefault(year, {})[account_id] = amount
    return by_year


def rank_by_score(figures: Mapping[str, AccountFigures]) -> tuple[str, ...]:
    ranked = sorted(figures)
    ranked.sort(key=lambda account_id: figures[account_id].score, reverse=True)
    return tuple(ranked)


def analyse_portfolio(
    accounts: Mapping[str, Account],
    settings: PortfolioSettings,
    today: dt.date,
    year: int | None = None,
    figures: Mapping[str, AccountFigures] | None = None,
) -> PortfolioAnalysis:
    """The portfolio as of `today`, for `year` (default: the latest year with revenue).

    `figures` may hold cached `account_figures` for some or all accounts; the rest
    are computed. Years after the analysis year are left out of tiers and totals.
    """
    cached = figures or {}
    per_account = {
        account_id: cached.get(account_id) or account_figures(account, settings, today)
        for account_id, account in accounts.items()
    }
    by_year = revenue_by_year(per_account)
    if year is None:
        year = max(by_year, default=None)
    rankings = {y: rank_revenue(by_year[y]) for y in sorted(by_year) if year is None or y <= year}
    abc = settings.abc
    tiers_by_year = {y: tiers_from_ranking(r, abc.a, abc.b) for y, r in rankings.items()}
    ranked = rank_by_score(per_account)
    at_risk = at_risk_queue(per_account)
    return PortfolioAnalysis(
        today=today,
        year=year,
        years=tuple(rankings),
        currency=settings.currency,
        rows=AccountRows(
            ranked,
            {account_id: account.name for account_id, account in accounts.items()},
            per_account,
            tiers_by_year,
            year,
        ),
        abc_tiers=tiers_by_year,
        abc_summary={y: tier_summary(rankings[y], tiers) for y, tiers in tiers_by_year.items()},
        movements=tier_movements(tiers_by_year),
        pareto=_pareto_of(year, rankings, tiers_by_year),
        at_risk=at_risk,
        endangered=tuple(i for i in ranked if per_account[i].endangered),
        upsell=tuple(i for i in ranked if per_account[i].upsell),
        mrr_total=sum(f.mrr for f in per_account.values()),
        mrr_at_risk=sum(per_account[account_id].mrr for account_id in at_risk),
        mrr_by_plan=mrr_by_plan(per_account.values()),
        revenue_totals={y: ranking.total for y, ranking in rankings.items()},
        onboarding=onboarding_counts(per_account.values()),
        satisfaction=satisfaction(per_account.values()),
    )


def _pareto_of(
    year: int | None,
    rankings: Mapping[int, RevenueRanking],
    tiers_by_year: Mapping[int, Mapping[str, Tier]],
) -> Pareto:
    if year is None or year not in rankings:
        return pareto(_EMPTY_RANKING, {}, year)
    return pareto(rankings[year], tiers_by_year[year], year)
