"""Objectives against their calendar: progress, expected, tracking, and the flag raised
when an objective said on track is behind (core/analysis/objective_tracking.py), on
the edges the issue names."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kamtui.core.account.model import Objective
from kamtui.core.analysis.objective_tracking import (
    ObjectiveTracking,
    Tracking,
    behind_plan,
    expected,
    progress,
    track,
)

TODAY = dt.date(2026, 11, 24)
D = dt.date
# Started 100 days ago, due in 100 days: half the time is gone.
HALFWAY = {"start": D(2026, 8, 16), "due": D(2027, 3, 4)}


def objective(**fields: Any) -> Objective:
    return Objective.model_validate(
        {"id": "grow", "what": "Grow", "baseline": 100, "target": 200, **HALFWAY, **fields}
    )


def test_halfway_is_halfway() -> None:
    assert expected(HALFWAY["start"], HALFWAY["due"], TODAY) == 0.5


@pytest.mark.parametrize(
    ("value", "baseline", "target", "share"),
    [
        (150, 100, 200, 0.5),
        (250, 100, 200, 1.0),  # past the target: clipped
        (50, 100, 200, 0.0),  # below the baseline: clipped
        (0.2, 0.3, 0.1, 0.5),  # a measure to bring down: churn from 30% to 10%
        (40, 40, 40, 1.0),  # target = baseline, reached
        (41, 40, 40, 1.0),
        (39, 40, 40, 0.0),  # target = baseline, not reached
    ],
)
def test_progress(value: float, baseline: float, target: float, share: float) -> None:
    assert progress(value, baseline, target) == pytest.approx(share)


@pytest.mark.parametrize(
    ("start", "due", "share"),
    [
        (D(2026, 12, 1), D(2027, 6, 1), 0.0),  # a start after today: nothing expected yet
        (D(2026, 1, 1), D(2026, 6, 30), 1.0),  # past due: all of it
        (TODAY, TODAY, 1.0),  # due on its start day, today
        (D(2026, 11, 25), D(2026, 11, 25), 0.0),  # ... tomorrow
        (D(2026, 11, 23), D(2026, 11, 25), 0.5),
    ],
)
def test_expected(start: dt.date, due: dt.date, share: float) -> None:
    assert expected(start, due, TODAY) == share


@pytest.mark.parametrize(
    ("current", "tracking"),
    [
        (150, Tracking.on_track),
        # 0.1 tolerance: progress 0.4 is exactly expected − tolerance, not below it.
        (140, Tracking.on_track),
        (139, Tracking.behind),
        (160, Tracking.on_track),  # exactly expected + tolerance
        (161, Tracking.ahead),
        # Readings: the latest on or before today counts, a future one does not.
        ({D(2026, 9, 1): 120, D(2026, 11, 1): 139, D(2026, 12, 1): 200}, Tracking.behind),
    ],
)
def test_tracking_against_the_tolerance(current: Any, tracking: Tracking) -> None:
    assert track(objective(current=current), 0.1, TODAY).tracking is tracking


def test_a_gap_of_exactly_the_tolerance_is_on_track_despite_float_arithmetic() -> None:
    """0.3 − 0.4 is −0.10000000000000003 in floats: still the tolerance, not past it."""
    four_tenths_gone = {"start": D(2026, 8, 16), "due": D(2027, 4, 23)}
    tracked = track(objective(current=130, **four_tenths_gone), 0.1, TODAY)
    assert (tracked.progress, tracked.expected) == (pytest.approx(0.3), 0.4)
    assert tracked.tracking is Tracking.on_track


def test_the_figures_of_a_tracked_objective() -> None:
    assert track(objective(current=139), 0.1, TODAY) == ObjectiveTracking(
        "grow", 139, pytest.approx(0.39), 0.5, Tracking.behind
    )


@pytest.mark.parametrize("missing", ["baseline", "current", "target", "start", "due"])
def test_anything_missing_is_no_data(missing: str) -> None:
    fields: dict[str, Any] = {"current": 150, **HALFWAY, "baseline": 100, "target": 200}
    fields[missing] = None
    tracked = track(objective(**fields), 0.1, TODAY)
    assert tracked.tracking is Tracking.no_data


def test_readings_all_in_the_future_are_no_data_yet() -> None:
    tracked = track(objective(current={D(2026, 12, 31): 190}), 0.1, TODAY)
    assert (tracked.value, tracked.progress, tracked.tracking) == (None, None, Tracking.no_data)


@pytest.mark.parametrize(
    ("status", "tracking"), [("done", Tracking.done), ("dropped", Tracking.dropped)]
)
def test_done_and_dropped_say_so_whatever_the_measure(status: str, tracking: Tracking) -> None:
    tracked = track(objective(current=101, status=status), 0.1, TODAY)
    assert tracked == ObjectiveTracking("grow", 101, 0.01, 0.5, tracking)


def test_only_an_objective_said_on_track_and_found_behind_is_flagged() -> None:
    objectives = [
        objective(id="a", current=110, status="on_track"),  # behind: flagged
        objective(id="b", current=110, status="at_risk"),  # behind, and they know
        objective(id="c", current=110, status="planned"),
        objective(id="d", current=150, status="on_track"),  # on track indeed
        objective(id="e", status="on_track"),  # no data
    ]
    tracked = tuple(track(o, 0.1, TODAY) for o in objectives)
    assert behind_plan(objectives, tracked) == ("a",)


def test_the_gap_is_rounded_to_nine_decimals_before_the_tolerance_is_applied() -> None:
    """Progress 0.3999999999 against 0.5 expected: a gap of −0.1000000001, which nine
    decimals make the tolerance itself (on track), and ten would not."""
    tracked = track(objective(baseline=0, target=10**10, current=3999999999), 0.1, TODAY)
    assert tracked.tracking is Tracking.on_track
