"""Numbers as the app's narrow columns show them."""

from __future__ import annotations

MISSING = "–"


def compact(amount: float | None) -> str:
    """3200000 → "3.2M", 120000 → "120k", 950 → "950": four characters or so."""
    if amount is None:
        return MISSING
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(amount) >= limit:
            scaled = amount / limit
            digits = 1 if abs(scaled) < 100 else 0
            return f"{scaled:.{digits}f}".removesuffix(".0") + suffix
    return f"{amount:.0f}"


def signed_percent(share: float | None) -> str:
    """0.231 → "▲ 23%", -0.05 → "▼ 5%": the arrow says the direction without colour."""
    if share is None:
        return MISSING
    arrow = "▲" if share > 0 else "▼" if share < 0 else "="
    return f"{arrow} {abs(share):.0%}"


def number(value: float | None, digits: int = 0) -> str:
    return MISSING if value is None else f"{value:.{digits}f}"


def grouped(amount: float | None) -> str:
    """3200000 → "3,200,000": for detail panes, where there is room."""
    return MISSING if amount is None else f"{amount:,.0f}"
