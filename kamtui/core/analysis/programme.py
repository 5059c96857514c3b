"""The key-account programme: what it earns, where each account sits in the profit
matrix, and who of our people carries which accounts.

Every figure here is over the programme's accounts (status `key` or `under_review`),
in the analysis year Y:

- Programme return: `(Σ gross_profit − Σ cost_to_serve) / Σ cost_to_serve` over the
  accounts with economics for Y, to 3 decimals; None when their cost to serve is 0, or
  so small that the ratio is not a finite number.
- Profit matrix: those of them with revenue in Y, each by its revenue (high at or above
  the median of theirs) against its margin after cost to serve,
  `(gross_profit − cost_to_serve) / revenue` (high at or above the median of theirs).
  An account with economics but no revenue in Y (or revenue so small that the margin is
  not a finite number) has no margin: it counts in the return and is left out of the
  matrix.
- Team load: each person named in a `team` or as an owner (matched however the name is
  cased or spaced, spelt as the first account in id order spells it), the accounts they are on
  and the revenue of those accounts in Y; by revenue, highest first, then name.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from statistics import median
from types import MappingProxyType

from kamtui.core.analysis.scoring import AccountFigures
from kamtui.core.people.person_names import person_key

ROI_DECIMALS = 3


class ProfitQuadrant(StrEnum):
    """Where an account sits in the profit matrix: revenue against margin."""

    invest = "invest"  # high revenue, high margin
    protect = "protect"  # high revenue, low margin
    grow = "grow"  # low revenue, high margin
    review = "review"  # low revenue, low margin


@dataclass(frozen=True, slots=True)
class ProfitPlace:
    """An account in the profit matrix of one year."""

    revenue: float
    # (gross profit − cost to serve) / revenue, unrounded.
    margin: float
    quadrant: ProfitQuadrant


@dataclass(frozen=True, slots=True)
class ProfitMatrix:
    """The profit matrix of one year: the accounts placed and the medians they split at
    (None when no account is placed)."""

    places: Mapping[str, ProfitPlace]
    revenue_median: float | None = None
    margin_median: float | None = None


@dataclass(frozen=True, slots=True)
class ProgrammeReturn:
    year: int | None
    gross_profit: float
    cost_to_serve: float
    # Rounded to ROI_DECIMALS; None when nothing was spent to serve the accounts.
    roi: float | None
    # How many accounts have economics for the year.
    accounts: int


@dataclass(frozen=True, slots=True)
class TeamLoad:
    name: str
    # Ids of the accounts they are on, in id order.
    accounts: tuple[str, ...]
    revenue: float


def programme_return(figures: Iterable[AccountFigures], year: int | None) -> ProgrammeReturn:
    """The return of the programme's accounts in `year` (see the module's docstring)."""
    found = [f.economics[year] for f in figures if year is not None and year in f.economics]
    gross = sum(e.gross_profit for e in found)
    cost = sum(e.cost_to_serve for e in found)
    roi = _finite((gross - cost) / cost) if cost else None
    return ProgrammeReturn(
        year, gross, cost, None if roi is None else round(roi, ROI_DECIMALS), len(found)
    )


def profit_matrix(figures: Mapping[str, AccountFigures], year: int | None) -> ProfitMatrix:
    """Each account with economics and revenue in `year`, placed by the medians of them."""
    if year is None:
        return ProfitMatrix(MappingProxyType({}))
    placed: dict[str, tuple[float, float]] = {}
    for account_id, f in figures.items():
        economics = f.economics.get(year)
        revenue = f.revenue.get(year)
        if economics is not None and revenue:
            margin = _finite((economics.gross_profit - economics.cost_to_serve) / revenue)
            if margin is not None:
                placed[account_id] = (revenue, margin)
    if not placed:
        return ProfitMatrix(MappingProxyType({}))
    revenue_median = median(revenue for revenue, _ in placed.values())
    margin_median = median(margin for _, margin in placed.values())
    places = {
        account_id: ProfitPlace(
            revenue, margin, _quadrant(revenue >= revenue_median, margin >= margin_median)
        )
        for account_id, (revenue, margin) in placed.items()
    }
    return ProfitMatrix(MappingProxyType(places), revenue_median, margin_median)


def _finite(ratio: float) -> float | None:
    """The ratio, or None where a divisor near zero (1e-310) made it infinite."""
    return ratio if math.isfinite(ratio) else None


def _quadrant(high_revenue: bool, high_margin: bool) -> ProfitQuadrant:
    if high_revenue:
        return ProfitQuadrant.invest if high_margin else ProfitQuadrant.protect
    return ProfitQuadrant.grow if high_margin else ProfitQuadrant.review


def team_load(figures: Mapping[str, AccountFigures], year: int | None) -> tuple[TeamLoad, ...]:
    """Each of our people on the programme's accounts (see the module's docstring)."""
    spelt: dict[str, str] = {}
    accounts: dict[str, list[str]] = {}
    for account_id in sorted(figures):
        f = figures[account_id]
        people = (*([f.owner] if f.owner is not None else []), *f.team)
        for person in people:
            key = person_key(person)
            spelt.setdefault(key, person)
            on = accounts.setdefault(key, [])
            if not on or on[-1] != account_id:
                on.append(account_id)
    loads = [
        TeamLoad(
            spelt[key],
            tuple(ids),
            sum(figures[i].revenue.get(year, 0.0) for i in ids) if year is not None else 0.0,
        )
        for key, ids in accounts.items()
    ]
    return tuple(sorted(loads, key=lambda load: (-load.revenue, load.name.casefold(), load.name)))
