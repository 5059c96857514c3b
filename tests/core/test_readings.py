"""Which reading of a measure counts on a day (core/analysis/readings.py)."""

from __future__ import annotations

import datetime as dt

from kamtui.core.analysis.readings import NO_READING, Reading, reading

TODAY = dt.date(2026, 11, 24)
D = dt.date


def test_a_plain_number_is_the_value_on_any_day_with_no_previous_nor_trend() -> None:
    assert reading(32, TODAY) == Reading(32, None, None, ())


def test_nothing_written_has_no_value() -> None:
    assert reading(None, TODAY) is NO_READING
    assert reading({}, TODAY) is NO_READING


def test_the_latest_reading_on_or_before_today_counts_and_the_one_before_is_previous() -> None:
    series = {D(2026, 9, 30): 32, D(2026, 3, 31): 20, D(2026, 6, 30): 26}
    assert reading(series, TODAY) == Reading(
        32, 26, 6, ((D(2026, 3, 31), 20), (D(2026, 6, 30), 26), (D(2026, 9, 30), 32))
    )


def test_one_reading_has_no_previous_and_no_trend() -> None:
    assert reading({D(2026, 9, 30): 0.93}, TODAY) == Reading(
        0.93, None, None, ((D(2026, 9, 30), 0.93),)
    )


def test_a_reading_dated_today_counts_and_one_dated_tomorrow_does_not() -> None:
    series = {D(2026, 10, 1): 10, TODAY: 14, D(2026, 11, 25): 99}
    assert reading(series, TODAY) == Reading(14, 10, 4, ((D(2026, 10, 1), 10), (TODAY, 14)))


def test_only_future_readings_are_no_value_yet() -> None:
    assert reading({D(2027, 1, 1): 5}, TODAY) is NO_READING


def test_a_falling_measure_has_a_negative_trend() -> None:
    assert reading({D(2026, 1, 1): 4.5, D(2026, 2, 1): 4.0}, TODAY).trend == -0.5
