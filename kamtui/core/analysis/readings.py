"""Which reading of a measure counts on a given day.

A measure is written as one number or as readings by date. As of `today`, its value
is the latest reading dated on or before today, its previous the reading before that,
and its trend value − previous (None with fewer than two readings). Readings dated
after today are planned or mistyped, not measured: they count from their day on.
A plain number has no date: it is the value on any day, with no previous and no trend.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Reading:
    value: float | None
    previous: float | None
    trend: float | None
    # The dated readings up to today, oldest first (none for a plain number).
    series: tuple[tuple[dt.date, float], ...]


NO_READING = Reading(None, None, None, ())


def reading(measure: float | Mapping[dt.date, float] | None, today: dt.date) -> Reading:
    if measure is None:
        return NO_READING
    if not isinstance(measure, Mapping):
        return Reading(measure, None, None, ())
    series = tuple(sorted((day, value) for day, value in measure.items() if day <= today))
    if not series:
        return NO_READING
    value = series[-1][1]
    previous = series[-2][1] if len(series) > 1 else None
    # Nine decimals: 4.1 − 3.8 is 0.2999999999999998 in floats, and reports print it.
    trend = None if previous is None else round(value - previous, 9)
    return Reading(value, previous, trend, series)
