"""`analyse_portfolio` kept up to date as accounts change, without redoing every account.

Profiled at 10,000 accounts, a fresh `analyse_portfolio` takes about 85 ms: grouping
revenue by year, sorting each year's ranking, the score ranking and the at-risk
queue, and Python-level sums over every account. Here each of those orders is a
sorted list updated for the changed accounts only (bisect), and per-account values
sit in dicts in the fresh pass's order, so sums run over them in C in the same order
and give the very same floats. What is left per update is copying those lists into
the result's tuples, the tiers (cut positions in each ranking) and the tier movements.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Collection, Iterable, Mapping
from itertools import accumulate, pairwise, repeat
from operator import truediv
from typing import Any

from kamtui.core.model import Account, Onboarding, PortfolioSettings
from kamtui.core.portfolio import (
    AccountRows,
    PortfolioAnalysis,
    RevenueRanking,
    Satisfaction,
    Tier,
    TierMovement,
    pareto,
    tier_cuts,
    tier_movements,
    tier_summary,
    tiers_between,
)
from kamtui.core.scoring import MRR_PLANS, AccountFigures

# (negated value, ..., account id): ascending order is highest value first, ties by id.
_Key = tuple[Any, ...]


class _Ranked:
    """Ids sorted by a key whose first item is a negated value (highest value first).

    The values are kept beside the ids, in step for bisect, so that the tuples of a
    result are copies of lists rather than Python loops.
    """

    def __init__(self) -> None:
        self.keys: list[_Key] = []
        self.ids: list[str] = []
        self.values: list[float] = []

    def add(self, key: _Key) -> None:
        index = bisect_left(self.keys, key)
        self.keys.insert(index, key)
        self.ids.insert(index, str(key[-1]))
        self.values.insert(index, -key[0])

    def remove(self, key: _Key) -> None:
        index = bisect_left(self.keys, key)
        del self.keys[index]
        del self.ids[index]
        del self.values[index]

    def ranking(self) -> RevenueRanking:
        """As `rank_revenue` gives it, when the values are one year's revenue."""
        revenue = tuple(self.values)
        running = tuple(accumulate(revenue))
        total = running[-1] if running else 0.0
        shares = tuple(map(truediv, running, repeat(total))) if total else (0.0,) * len(revenue)
        return RevenueRanking(tuple(self.ids), revenue, shares, total)


class LivePortfolio:
    """`analyse(accounts, figures, changed)` equals `analyse_portfolio(accounts, settings,
    today, figures=figures)`; `changed` names the ids added, changed or removed since
    the last call (None: start again from every account).
    """

    def __init__(self, settings: PortfolioSettings, today: dt.date) -> None:
        self.settings = settings
        self.today = today
        self._start({}, {})

    def _start(
        self, accounts: Mapping[str, Account], figures: Mapping[str, AccountFigures]
    ) -> None:
        self._figures: dict[str, AccountFigures] = {}
        self._names: dict[str, str] = {}
        self._years: dict[int, _Ranked] = {}
        self._by_score = _Ranked()
        self._at_risk = _Ranked()
        self._endangered = _Ranked()
        self._upsell = _Ranked()
        self._onboarding: dict[Onboarding | None, int] = dict.fromkeys([*Onboarding, None], 0)
        # Each year's tier A and tier B ids, and the tier movements by pair of years.
        self._runs: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
        self._moves: dict[tuple[int, int], dict[str, TierMovement]] = {}
        # Ids whose row may differ since the previous analysis; None: any of them.
        self.retiered: frozenset[str] | None = None
        for account_id in accounts:
            self._add(account_id, accounts[account_id], figures[account_id])
        self._sums()

    def _sums(self) -> None:
        """Per-account values in account order, for sums in the fresh pass's order."""
        items = self._figures.items()
        self._mrr = {account_id: f.mrr for account_id, f in items}
        self._plans = {
            plan: {account_id: f.mrr_by_plan[plan] for account_id, f in items} for plan in MRR_PLANS
        }
        self._csat = {i: f.csat for i, f in items if f.csat is not None}
        self._nps = {i: f.nps for i, f in items if f.nps is not None}

    def _update_sums(self, account_id: str, before: AccountFigures, f: AccountFigures) -> None:
        """Replace one account's values in place: its place in the order stays."""
        if (before.csat is None) != (f.csat is None) or (before.nps is None) != (f.nps is None):
            # It joins or leaves the surveyed accounts somewhere in the middle: start again.
            self._sums()
            return
        self._mrr[account_id] = f.mrr
        for plan, values in self._plans.items():
            values[account_id] = f.mrr_by_plan[plan]
        if f.csat is not None:
            self._csat[account_id] = f.csat
        if f.nps is not None:
            self._nps[account_id] = f.nps

    def analyse(
        self,
        accounts: Mapping[str, Account],
        figures: Mapping[str, AccountFigures],
        changed: Collection[str] | None = None,
    ) -> PortfolioAnalysis:
        if changed is None or any((i in accounts) != (i in self._figures) for i in changed):
            # A new or removed id moves the account order every sum follows: start again.
            self._start(accounts, figures)
            touched = None
        else:
            touched = changed
            for account_id in changed:
                if account_id in self._figures:
                    before = self._figures[account_id]
                    self._drop(account_id)
                    self._add(account_id, accounts[account_id], figures[account_id])
                    self._update_sums(account_id, before, figures[account_id])
        return self._analysis(touched)

    def _retiered(
        self, touched: Collection[str], runs: Mapping[int, tuple[frozenset[str], frozenset[str]]]
    ) -> frozenset[str]:
        """The touched ids and those whose tier in some year moved (tier runs that differ)."""
        moved = set(touched)
        for y, (run_a, run_b) in runs.items():
            before_a, before_b = self._runs[y]
            moved |= run_a ^ before_a
            moved |= run_b ^ before_b
        return frozenset(moved)

    def _moved(
        self, ids: Iterable[str], tiers_by_year: Mapping[int, Mapping[str, Tier]]
    ) -> tuple[TierMovement, ...]:
        """`tier_movements`, recomputed for `ids` only."""
        for (earlier, later), moves in self._moves.items():
            before, after = tiers_by_year[earlier], tiers_by_year[later]
            for i in ids:
                if (i in after and before.get(i) is not after[i]) or (
                    i in before and i not in after
                ):
                    moves[i] = TierMovement(i, earlier, later, before.get(i), after.get(i))
                else:
                    moves.pop(i, None)
        return tuple(moves[i] for moves in self._moves.values() for i in sorted(moves))

    def _add(self, account_id: str, account: Account, f: AccountFigures) -> None:
        self._figures[account_id] = f
        self._names[account_id] = account.name
        for year in f.revenue:
            self._years.setdefault(year, _Ranked())
        for ranked, key in self._places(account_id, f):
            ranked.add(key)
        self._onboarding[f.onboarding] += 1

    def _drop(self, account_id: str) -> None:
        f = self._figures[account_id]
        for ranked, key in self._places(account_id, f):
            ranked.remove(key)
        for year in f.revenue:
            if not self._years[year].ids:
                del self._years[year]
        self._onboarding[f.onboarding] -= 1

    def _places(self, account_id: str, f: AccountFigures) -> list[tuple[_Ranked, _Key]]:
        """Every sorted list the account is in, with its key there."""
        by_score = (-f.score, account_id)
        places = [(self._years[year], (-amount, account_id)) for year, amount in f.revenue.items()]
        places.append((self._by_score, by_score))
        if f.at_risk:
            places.append((self._at_risk, _risk_key(account_id, f)))
        if f.endangered:
            places.append((self._endangered, by_score))
        if f.upsell:
            places.append((self._upsell, by_score))
        return places

    def _analysis(self, touched: Collection[str] | None) -> PortfolioAnalysis:
        year = max(self._years, default=None)
        rankings = {y: self._years[y].ranking() for y in sorted(self._years)}
        abc = self.settings.abc
        cuts = {y: tier_cuts(r, abc.a, abc.b) for y, r in rankings.items()}
        tiers_by_year = {y: tiers_between(r.accounts, *cuts[y]) for y, r in rankings.items()}
        runs = {
            y: (frozenset(r.accounts[: cuts[y][0]]), frozenset(r.accounts[cuts[y][0] : cuts[y][1]]))
            for y, r in rankings.items()
        }
        if touched is None or runs.keys() != self._runs.keys():
            self.retiered = None
            movements = tier_movements(tiers_by_year)
            self._moves = {pair: {} for pair in pairwise(tiers_by_year)}
            for move in movements:
                self._moves[(move.from_year, move.to_year)][move.account] = move
        else:
            self.retiered = self._retiered(touched, runs)
            movements = self._moved(self.retiered, tiers_by_year)
        self._runs = runs
        ranked = tuple(self._by_score.ids)
        at_risk = tuple(self._at_risk.ids)
        figures = dict(self._figures)
        return PortfolioAnalysis(
            today=self.today,
            year=year,
            years=tuple(rankings),
            currency=self.settings.currency,
            rows=AccountRows(ranked, dict(self._names), figures, tiers_by_year, year),
            abc_tiers=tiers_by_year,
            abc_summary={y: tier_summary(rankings[y], t) for y, t in tiers_by_year.items()},
            movements=movements,
            pareto=pareto(rankings[year], tiers_by_year[year], year)
            if year is not None
            else pareto(RevenueRanking((), (), (), 0.0), {}, year),
            at_risk=at_risk,
            endangered=tuple(self._endangered.ids),
            upsell=tuple(self._upsell.ids),
            mrr_total=sum(self._mrr.values()),
            mrr_at_risk=sum(self._mrr[account_id] for account_id in at_risk),
            mrr_by_plan={plan: sum(values.values()) for plan, values in self._plans.items()},
            revenue_totals={y: ranking.total for y, ranking in rankings.items()},
            onboarding=dict(self._onboarding),
            satisfaction=Satisfaction(
                csat_mean=sum(self._csat.values()) / len(self._csat) if self._csat else None,
                csat_accounts=len(self._csat),
                nps_mean=sum(self._nps.values()) / len(self._nps) if self._nps else None,
                nps_accounts=len(self._nps),
            ),
        )


def _risk_key(account_id: str, f: AccountFigures) -> _Key:
    # The at-risk queue's order: score (highest first), longest in the queue, then id.
    days = f.days_at_risk
    return (-f.score, days is None, -(days or 0), account_id)
