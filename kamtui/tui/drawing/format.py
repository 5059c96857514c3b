"""Numbers as the app's narrow columns show them.

`compact` and `MISSING` are the report's (one way to shorten an amount everywhere);
the app adds what its cells need: arrows for growth, whole numbers, grouped digits.
"""

from __future__ import annotations

import datetime as dt

from kamtui.render.report_format import MISSING as MISSING
from kamtui.render.report_format import change_size
from kamtui.render.report_format import compact as compact


def arrow_percent(share: float | None) -> str:
    """0.231 → "▲ 23%", -0.05 → "▼ 5%", 10.5 → "▲ ×12": the arrow says the direction
    without colour."""
    if share is None:
        return MISSING
    arrow = "▲" if share > 0 else "▼" if share < 0 else "="
    return f"{arrow} {change_size(share)}"


def days_ago(day: dt.date, today: dt.date) -> str:
    """ "2026-11-18 (6 days ago)", "(today)", "(yesterday)"; a date to come "(in 3 days)"."""
    days = (today - day).days
    if days == 0:
        when = "today"
    elif days == 1:
        when = "yesterday"
    elif days > 0:
        when = f"{days} days ago"
    else:
        when = "tomorrow" if days == -1 else f"in {-days} days"
    return f"{day.isoformat()} ({when})"


def number(value: float | None, digits: int = 0) -> str:
    return MISSING if value is None else f"{value:.{digits}f}"


def grouped(amount: float | None) -> str:
    """3200000 → "3,200,000": for detail panes, where there is room."""
    return MISSING if amount is None else f"{amount:,.0f}"
