"""Small accounts built in memory for the scoring and portfolio tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kamtui.core.account.model import CRITERIA, HARMONY_FACETS, Account, PortfolioSettings


def make_account(
    name: str = "Acme",
    criteria: Sequence[int] = (3, 3, 3, 3, 3),
    harmony: Sequence[int] | None = None,
    revenue: dict[int, float] | None = None,
    **fields: Any,
) -> Account:
    """An account with criteria and harmony given in model order, plus any other fields."""
    data: dict[str, Any] = {
        "name": name,
        "criteria": dict(zip(CRITERIA, criteria, strict=True)),
        "revenue": revenue or {},
        **fields,
    }
    if harmony is not None:
        data["harmony"] = dict(zip(HARMONY_FACETS, harmony, strict=True))
    return Account.model_validate(data)


def make_settings(weights: Sequence[float] | None = None, **fields: Any) -> PortfolioSettings:
    """Settings with the criteria weights given in model order, plus any other fields."""
    if weights is not None:
        fields["weights"] = dict(zip(CRITERIA, weights, strict=True))
    return PortfolioSettings.model_validate(fields)


# 2025: 300 250 150 130 | 70 50 | 30 20 of 1000 → cumulative .30 .55 .70 .83 | .90 .95 | .98 1
# 2024: a 400, c 200, e 150, b 100 | d 50, f 50 | g 50 of 1000 (h is new in 2025)
REVENUE = {
    "a": {2024: 400, 2025: 300},
    "b": {2024: 100, 2025: 250},
    "c": {2024: 200, 2025: 150},
    "d": {2024: 50, 2025: 130},
    "e": {2024: 150, 2025: 70},
    "f": {2024: 50, 2025: 50},
    "g": {2024: 50, 2025: 30},
    "h": {2025: 20},
}
