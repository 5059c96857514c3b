"""Small accounts built in memory for the scoring and portfolio tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kamtui.core.model import CRITERIA, HARMONY_FACETS, Account, PortfolioSettings


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
