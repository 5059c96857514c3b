"""ABC analysis of one year: the revenue ranking, where its cut-offs fall, and the tiers.

A tier is a run of the ranking (A from the top, then B, then C), so everything here
is worked out from cut positions in a `RevenueOrder` rather than account by account.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import accumulate, pairwise, repeat
from operator import truediv
from typing import NamedTuple

from kamtui.core.account.model import Abc
from kamtui.core.analysis.id_order import IdOrder


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


@dataclass(frozen=True, eq=False)
class RevenueOrder:
    """One year's accounts, highest revenue first (ties by id), with the running total.

    The sequences are never changed once the order is made (a live portfolio makes a new
    order for a year whose revenue changed), so an analysis holding it stays true.
    """

    accounts: IdOrder
    # Amounts as C doubles: copied without touching 10,000 float objects.
    revenue: array[float]
    running: array[float]
    _cuts: dict[tuple[float, float], tuple[int, int]] = field(
        default_factory=dict, init=False, repr=False
    )

    @property
    def total(self) -> float:
        return self.running[-1] if self.running else 0.0

    def position(self, account_id: str, amount: float) -> int:
        """Where `account_id` with `amount` sits (or would sit) in this order."""
        return revenue_position(self.accounts, self.revenue, account_id, amount)

    def cuts(self, abc: Abc) -> tuple[int, int]:
        """Where tier A and tier B end (positions, end excluded).

        An account belongs to a run when the share *before* it is still short of the
        cut-off, so the account that crosses the cut-off closes the run. Zero revenue is C.
        """
        cuts = self._cuts.get((abc.a, abc.b))
        if cuts is None:
            cuts = self._cuts[(abc.a, abc.b)] = self._cuts_at(abc)
        return cuts

    def _cuts_at(self, abc: Abc) -> tuple[int, int]:
        total = self.total
        if not total:
            return 0, 0  # no revenue at all: every account is C

        def share(running: float) -> float:
            return running / total

        # The share before account i is share(running[i - 1]); bisect counts those short.
        # Accounts without revenue are the tail, and the share before each is the whole
        # (running[-1] is the total, so exactly 1.0): never short of a cut-off, always C.
        end_a = bisect_left(self.running, abc.a, key=share) + 1
        end_b = max(end_a, bisect_left(self.running, abc.b, key=share) + 1)
        return end_a, end_b

    def tier_at(self, position: int, abc: Abc) -> Tier:
        end_a, end_b = self.cuts(abc)
        return Tier.A if position < end_a else Tier.B if position < end_b else Tier.C

    def tiers(self, abc: Abc) -> dict[str, Tier]:
        """Every account's tier, in ranking order."""
        end_a, end_b = self.cuts(abc)
        ids = self.accounts
        return (
            dict.fromkeys(ids[:end_a], Tier.A)
            | dict.fromkeys(ids[end_a:end_b], Tier.B)
            | dict.fromkeys(ids[end_b:], Tier.C)
        )

    def summary(self, abc: Abc) -> dict[Tier, TierSummary]:
        end_a, end_b = self.cuts(abc)
        total = self.total
        summary: dict[Tier, TierSummary] = {}
        # Tiers are consecutive runs of the ranking: A from the top, then B, then C.
        runs = ((Tier.A, 0, end_a), (Tier.B, end_a, end_b), (Tier.C, end_b, len(self.accounts)))
        for tier, start, end in runs:
            revenue = sum(self.revenue[start:end])
            summary[tier] = TierSummary(end - start, revenue, revenue / total if total else 0.0)
        return summary

    def ranking(self) -> RevenueRanking:
        total = self.total
        shares = (
            tuple(map(truediv, self.running, repeat(total)))
            if total
            else (0.0,) * len(self.running)
        )
        return RevenueRanking(tuple(self.accounts), tuple(self.revenue), shares, total)


def revenue_position(
    accounts: Sequence[str], revenue: Sequence[float], account_id: str, amount: float
) -> int:
    """Where (`account_id`, `amount`) sits in parallel lists ranked by revenue, then id."""
    return bisect_left(
        range(len(accounts)), (-amount, account_id), key=lambda i: (-revenue[i], accounts[i])
    )


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


def rank_revenue(revenue_by_account: Mapping[str, float]) -> RevenueOrder:
    ids = sorted(revenue_by_account)
    # Python's sort is stable even in reverse, so ties stay in id order.
    ids.sort(key=revenue_by_account.__getitem__, reverse=True)
    revenue = array("d", map(revenue_by_account.__getitem__, ids))
    return RevenueOrder(IdOrder(ids), revenue, array("d", accumulate(revenue)))


def abc_tiers(revenue_by_account: Mapping[str, float], a: float, b: float) -> dict[str, Tier]:
    """A: the shortest run from the top reaching share `a`; B: on until `b`; C: the rest."""
    return rank_revenue(revenue_by_account).tiers(Abc(a=a, b=b))


def pareto(order: RevenueOrder, abc: Abc, year: int | None) -> Pareto:
    # Tier A is a run from the top of the ranking, so the vital few are a prefix of it.
    count_a = order.cuts(abc)[0]
    ranking = order.ranking()
    count = len(ranking.accounts)
    return Pareto(
        year=year,
        vital_few=ranking.accounts[:count_a],
        accounts_share=count_a / count if count else 0.0,
        revenue_share=ranking.cumulative_share[count_a - 1] if count_a else 0.0,
        ranking=ranking,
    )


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
