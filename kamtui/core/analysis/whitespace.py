"""White space: accounts (or their divisions) against what we sell, the cross-sell map.

Each account records, per offering of `kam.yaml`'s `offerings`, a cell: owned,
pipeline, open, not_fit or competitor; an offering it does not write is **open**.
An account with `divisions` records its cells per division instead (writing both is
an error, see `integrity.py`), and its cell for an offering is the best of its
divisions' by `BEST_FIRST`: owned > pipeline > competitor > open > not_fit (one
division that buys it makes the account a customer of it; it is a fit anywhere one
division is).

- **Penetration** of an offering = accounts that own it / accounts where it is not
  not_fit; None when every account is not_fit (or there is none).
- **Open value** of an account = Σ list_price over its open cells, division by
  division: an offering open in three divisions counts three list prices; an
  offering without a list price adds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from kamtui.core.account.model import Account, Offering, OfferingState

# Best first: an account's cell is the first of these that any of its divisions has.
BEST_FIRST: tuple[OfferingState, ...] = (
    OfferingState.owned,
    OfferingState.pipeline,
    OfferingState.competitor,
    OfferingState.open,
    OfferingState.not_fit,
)
_RANK = {cell: rank for rank, cell in enumerate(BEST_FIRST)}


@dataclass(frozen=True, slots=True)
class DivisionCells:
    """One division's cells, every declared offering present (kam.yaml's order)."""

    id: str
    name: str | None
    cells: Mapping[str, OfferingState] = field(hash=False)


@dataclass(frozen=True, slots=True)
class Penetration:
    """How far one offering has gone into the portfolio."""

    # Accounts that own it.
    owned: int
    # Accounts where it is open.
    open: int
    # Accounts where it fits (any cell but not_fit): the denominator.
    fit: int

    @property
    def share(self) -> float | None:
        return self.owned / self.fit if self.fit else None


def cells(
    written: Mapping[str, OfferingState], offerings: Sequence[str]
) -> dict[str, OfferingState]:
    """A cell for every offering, in `offerings` order: what is written, else open."""
    return {offering: written.get(offering, OfferingState.open) for offering in offerings}


def best(found: Iterable[OfferingState]) -> OfferingState:
    """The best of one or more cells by `BEST_FIRST`."""
    return min(found, key=_RANK.__getitem__)


def division_cells(account: Account, offerings: Sequence[str]) -> tuple[DivisionCells, ...]:
    """Each division's cells; none for an account without divisions."""
    return tuple(
        DivisionCells(
            division.id, division.name, MappingProxyType(cells(division.whitespace, offerings))
        )
        for division in account.divisions
    )


def account_cells(account: Account, offerings: Sequence[str]) -> dict[str, OfferingState]:
    """The account's cell for every offering: its own, or the best of its divisions'."""
    if not account.divisions:
        return cells(account.whitespace, offerings)
    units = [cells(division.whitespace, offerings) for division in account.divisions]
    return {offering: best(unit[offering] for unit in units) for offering in offerings}


def open_value(account: Account, offerings: Sequence[Offering]) -> float:
    """Σ list_price over the open cells, each division counted on its own."""
    ids = [offering.id for offering in offerings]
    units = [division.whitespace for division in account.divisions] or [account.whitespace]
    return sum(
        (
            offering.list_price or 0.0
            for unit in units
            for offering, cell in zip(offerings, cells(unit, ids).values(), strict=True)
            if cell is OfferingState.open
        ),
        0.0,
    )


def penetration(
    accounts: Iterable[Mapping[str, OfferingState]], offerings: Sequence[str]
) -> dict[str, Penetration]:
    """Each offering's owned, open and fit counts over the accounts' cells."""
    owned = dict.fromkeys(offerings, 0)
    open_ = dict.fromkeys(offerings, 0)
    fit = dict.fromkeys(offerings, 0)
    for found in accounts:
        for offering in offerings:
            cell = found[offering]
            owned[offering] += cell is OfferingState.owned
            open_[offering] += cell is OfferingState.open
            fit[offering] += cell is not OfferingState.not_fit
    return {
        offering: Penetration(owned[offering], open_[offering], fit[offering])
        for offering in offerings
    }
