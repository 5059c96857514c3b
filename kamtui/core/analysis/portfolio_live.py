"""`analyse_portfolio` kept up to date as accounts change, without redoing every account.

Profiled at 10,000 accounts, a fresh `analyse_portfolio` takes about 85 ms, most of
it sorting. A save changes one account, so here each order of `PortfolioOrders` is
updated for the changed accounts only (bisect), into new orders that share what
did not change with the old ones, so that earlier analyses stay true. A year's running totals are
recomputed from the first position that changed, with the same additions in the
same order as a fresh pass: the floats, and so the tiers, are the very same.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from array import array
from bisect import bisect_left
from collections.abc import (
    Callable,
    Collection,
    Hashable,
    ItemsView,
    Iterator,
    Mapping,
    Sequence,
    ValuesView,
)
from heapq import merge
from itertools import accumulate
from typing import TypeVar, cast

from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.analysis.abc_analysis import RevenueOrder, revenue_position
from kamtui.core.analysis.id_order import IdOrder
from kamtui.core.analysis.portfolio import (
    PortfolioAnalysis,
    PortfolioOrders,
    at_risk_key,
    portfolio_orders,
    score_key,
)
from kamtui.core.analysis.scoring import AccountFigures

_Value = TypeVar("_Value")
_OrderKey = Callable[[str, AccountFigures], tuple[Hashable, ...]]


class _Overlay(Mapping[str, _Value]):
    """A dict in key order with some keys replaced, added or removed (None), without
    copying it: copying 10,000 entries costs 0.15 ms, and a save changes one.

    The dict is never changed, so an overlay handed out stays as it was. Iterating
    builds the whole dict once (sums over every account then run in C); the next
    overlay starts from that dict.
    """

    # Changes kept aside before they are folded into a new dict.
    _FOLD = 64

    def __init__(
        self, base: Mapping[str, _Value], changes: Mapping[str, _Value | None] | None = None
    ) -> None:
        self._base = base
        # Removing a key that was never there changes nothing.
        self._changes = {k: v for k, v in (changes or {}).items() if v is not None or k in base}
        added = sum(1 for k in self._changes if k not in base)
        removed = sum(1 for v in self._changes.values() if v is None)
        self._reshaped = bool(added or removed)
        self._len = len(base) + added - removed
        self._whole: Mapping[str, _Value] | None = None if self._changes else base

    def updated(self, changes: Mapping[str, _Value | None]) -> _Overlay[_Value]:
        if self._whole is not None:
            return _Overlay(self._whole, changes)
        overlay = _Overlay(self._base, {**self._changes, **changes})
        return _Overlay(overlay.whole()) if len(overlay._changes) > self._FOLD else overlay

    def whole(self) -> Mapping[str, _Value]:
        """Everything in one dict, in key order."""
        if self._whole is None:
            if self._reshaped:
                # Keys came or went: merge the added ones into their places (Python speed).
                keys = merge(self._base, sorted(self._changes.keys() - self._base.keys()))
                self._whole = {k: v for k in keys if (v := self._get(k)) is not None}
            else:
                # Only values replaced, none removed: the changes hold no None (C speed).
                self._whole = {**self._base, **cast(dict[str, _Value], self._changes)}
        return self._whole

    def _get(self, key: str) -> _Value | None:
        changes = self._changes
        return changes[key] if key in changes else self._base.get(key)

    def __getitem__(self, key: str) -> _Value:
        value = self._get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self.whole())

    def __len__(self) -> int:
        return self._len

    def values(self) -> ValuesView[_Value]:
        return self.whole().values()

    def items(self) -> ItemsView[str, _Value]:
        return self.whole().items()


class LivePortfolio:
    """`analyse(accounts, figures, changed)` equals `analyse_portfolio(accounts, settings,
    today, figures=figures)`; `changed` names the ids added, changed or removed since
    the last call (None: start again from every account). The accounts come in id
    order, as the store hands them over: sums follow that order, to the last bit.
    With `changed`, only those ids are looked up in `accounts` and `figures`.
    """

    def __init__(self, settings: PortfolioSettings, today: dt.date) -> None:
        self.settings = settings
        self.today = today
        self.analysis = self._fresh({}, {})
        # Ids whose row may differ from the previous analysis; None: any of them.
        self.retiered: frozenset[str] | None = None

    def analyse(
        self,
        accounts: Mapping[str, Account],
        figures: Mapping[str, AccountFigures],
        changed: Collection[str] | None = None,
    ) -> PortfolioAnalysis:
        before = self.analysis
        if changed is None:
            self.analysis = self._fresh(accounts, figures)
            self.retiered = None
            return self.analysis
        orders = _updated(
            before.orders,
            {i: figures[i] if i in accounts else None for i in changed},
            {i: accounts[i].name if i in accounts else None for i in changed},
        )
        self.analysis = self._analysis(orders)
        if orders.revenue.keys() != before.orders.revenue.keys():
            self.retiered = None
        else:
            self.retiered = _retiered(before, self.analysis, changed, self.settings)
        return self.analysis

    def _fresh(
        self, accounts: Mapping[str, Account], figures: Mapping[str, AccountFigures]
    ) -> PortfolioAnalysis:
        # Sorted over plain dicts (an overlay's lookups are slower), then kept as overlays.
        per_account = {account_id: figures[account_id] for account_id in accounts}
        names = {account_id: account.name for account_id, account in accounts.items()}
        orders = portfolio_orders(per_account, names, None)
        return self._analysis(
            dataclasses.replace(
                orders,
                figures=_Overlay(per_account),
                names=_Overlay(names),
                programme=_Overlay(orders.programme),
            )
        )

    def _analysis(self, orders: PortfolioOrders) -> PortfolioAnalysis:
        return PortfolioAnalysis(
            orders, self.settings, self.today, max(orders.revenue, default=None)
        )


def _updated(
    orders: PortfolioOrders,
    figures: Mapping[str, AccountFigures | None],
    names: Mapping[str, str | None],
) -> PortfolioOrders:
    """`orders` with the accounts in `figures` changed, added, or removed (None)."""
    old = orders.programme
    new = _overlay(old).updated(
        {i: f if f is not None and f.in_programme else None for i, f in figures.items()}
    )
    revenue = dict(orders.revenue)
    years = {
        y for i in figures for f in (old.get(i), new.get(i)) if f is not None for y in f.revenue
    }
    for year in years:
        moves = [
            (i, before, after)
            for i in figures
            if (before := _revenue(old, i, year)) != (after := _revenue(new, i, year))
        ]
        if moves:
            order = _reordered_revenue(revenue.get(year), moves)
            if order is None:
                del revenue[year]
            else:
                revenue[year] = order
    ids = list(figures)
    old_all = orders.figures
    new_all = _overlay(old_all).updated(figures)
    return PortfolioOrders(
        figures=new_all,
        names=_overlay(orders.names).updated(names),
        programme=new,
        revenue=dict(sorted(revenue.items())),
        by_score=_reordered(orders.by_score, ids, old_all, new_all, score_key, lambda f: True),
        at_risk=_reordered(orders.at_risk, ids, old, new, at_risk_key, lambda f: f.at_risk),
        endangered=_reordered(orders.endangered, ids, old, new, score_key, lambda f: f.endangered),
        upsell=_reordered(orders.upsell, ids, old, new, score_key, lambda f: f.upsell),
    )


def _revenue(figures: Mapping[str, AccountFigures], account_id: str, year: int) -> float | None:
    f = figures.get(account_id)
    return f.revenue.get(year) if f is not None else None


def _overlay(mapping: Mapping[str, _Value]) -> _Overlay[_Value]:
    return mapping if isinstance(mapping, _Overlay) else _Overlay(mapping)


def _reordered(
    order: IdOrder,
    changed: Sequence[str],
    old: Mapping[str, AccountFigures],
    new: Mapping[str, AccountFigures],
    key: _OrderKey,
    member: Callable[[AccountFigures], bool],
) -> IdOrder:
    """`order` (ids of members sorted by `key`) after the `changed` accounts changed."""

    def place(figures: Mapping[str, AccountFigures], i: str) -> tuple[Hashable, ...] | None:
        f = figures.get(i)
        return key(i, f) if f is not None and member(f) else None

    moves = [
        (i, before, after) for i in changed if (before := place(old, i)) != (after := place(new, i))
    ]
    # Leave with the old figures (those the order is sorted by), then enter with the new.
    for _, before, _ in moves:
        if before is not None:
            order = order.deleted(bisect_left(order, before, key=lambda j: key(j, old[j])))
    for i, _, after in moves:
        if after is not None:
            order = order.inserted(bisect_left(order, after, key=lambda j: key(j, new[j])), i)
    return order


def _reordered_revenue(
    order: RevenueOrder | None, moves: Sequence[tuple[str, float | None, float | None]]
) -> RevenueOrder | None:
    """A year's order after accounts' revenue moved (`before`/`after` None: none that year)."""
    accounts = order.accounts if order is not None else IdOrder()
    revenue = array("d", order.revenue) if order is not None else array("d")
    start = len(accounts)
    for account_id, before, _ in moves:
        if before is not None:
            position = revenue_position(accounts, revenue, account_id, before)
            accounts = accounts.deleted(position)
            del revenue[position]
            start = min(start, position)
    for account_id, _, after in moves:
        if after is not None:
            position = revenue_position(accounts, revenue, account_id, after)
            accounts = accounts.inserted(position, account_id)
            revenue.insert(position, after)
            start = min(start, position)
    if not accounts:
        return None
    if order is None or not start:
        return RevenueOrder(accounts, revenue, array("d", accumulate(revenue)))
    # Totals before the first changed position stay; from there on they are added up
    # again (`initial` is the last one kept, so it is not kept twice).
    running = order.running[: start - 1]
    # Straight into the array, without a list of up to 10,000 floats on the way.
    running.extend(accumulate(revenue[start:], initial=order.running[start - 1]))
    return RevenueOrder(accounts, revenue, running)


def _retiered(
    before: PortfolioAnalysis,
    after: PortfolioAnalysis,
    changed: Collection[str],
    settings: PortfolioSettings,
) -> frozenset[str]:
    """The changed ids and those whose tier moved in some year.

    Every other account moved at most len(changed) places, so its tier can only have
    changed if it sits that close to where a cut-off was or is now.
    """
    moved = set(changed)
    reach = len(changed) + 1
    for year, order in after.orders.revenue.items():
        previous = before.orders.revenue[year]
        if previous is order:
            continue
        windows = [
            (max(0, min(cut_before, cut_after) - reach), max(cut_before, cut_after) + reach)
            for cut_before, cut_after in zip(
                previous.cuts(settings.abc), order.cuts(settings.abc), strict=True
            )
        ]
        near = {i for o in (previous, order) for lo, hi in windows for i in o.accounts[lo:hi]}
        moved.update(i for i in near if before.tier(i, year) is not after.tier(i, year))
    return frozenset(moved)
