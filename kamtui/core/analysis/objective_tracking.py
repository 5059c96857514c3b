"""Whether an objective's measure keeps pace with its calendar.

- **Progress**: (value − baseline) / (target − baseline), clipped to [0, 1]; when the
  target is the baseline, 1 once the value has reached it (value ≥ target), else 0.
  The value is `current` as of today (`readings.py`).
- **Expected**: (today − start) / (due − start) in days, clipped to [0, 1]; due on its
  start day, 1 from that day on, else 0.
- **Tracking**: `done` or `dropped` as the status says; `no_data` without a baseline,
  a value, a target, a start or a due date; else `behind` when progress < expected −
  tolerance, `ahead` when progress > expected + tolerance, otherwise `on_track`.

The user's `status` stays as written: an objective they call on track that tracking
finds behind is flagged (`behind_plan`), not rewritten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from kamtui.core.account.model import Objective, ObjectiveStatus
from kamtui.core.analysis.readings import reading


class Tracking(StrEnum):
    done = "done"
    dropped = "dropped"
    no_data = "no_data"
    behind = "behind"
    on_track = "on_track"
    ahead = "ahead"


@dataclass(frozen=True, slots=True)
class ObjectiveTracking:
    """An objective as of a day: its measure's value then (`readings.py`), progress,
    expected share and tracking."""

    id: str
    value: float | None
    progress: float | None
    expected: float | None
    tracking: Tracking


def _clipped(share: float) -> float:
    return min(1.0, max(0.0, share))


def progress(value: float, baseline: float, target: float) -> float:
    if target == baseline:
        return 1.0 if value >= target else 0.0
    return _clipped((value - baseline) / (target - baseline))


def expected(start: dt.date, due: dt.date, today: dt.date) -> float:
    if due == start:
        return 1.0 if today >= due else 0.0
    return _clipped((today - start).days / (due - start).days)


def track(objective: Objective, tolerance: float, today: dt.date) -> ObjectiveTracking:
    value = reading(objective.current, today).value
    baseline, target = objective.baseline, objective.target
    start, due = objective.start, objective.due
    done = None
    if value is not None and baseline is not None and target is not None:
        done = progress(value, baseline, target)
    due_share = expected(start, due, today) if start is not None and due is not None else None
    if objective.status is ObjectiveStatus.done:
        tracking = Tracking.done
    elif objective.status is ObjectiveStatus.dropped:
        tracking = Tracking.dropped
    elif done is None or due_share is None:
        tracking = Tracking.no_data
    else:
        # Rounded so that a gap of exactly the tolerance (0.3 against 0.4) is on track,
        # as the rule reads, and not behind by a float's last digit.
        gap = round(done - due_share, 9)
        tracking = (
            Tracking.behind
            if gap < -tolerance
            else Tracking.ahead
            if gap > tolerance
            else Tracking.on_track
        )
    return ObjectiveTracking(objective.id, value, done, due_share, tracking)


def behind_plan(
    objectives: tuple[Objective, ...] | list[Objective], tracked: tuple[ObjectiveTracking, ...]
) -> tuple[str, ...]:
    """The objectives whose status says on track while tracking finds them behind."""
    return tuple(
        objective.id
        for objective, figures in zip(objectives, tracked, strict=True)
        if objective.status is ObjectiveStatus.on_track and figures.tracking is Tracking.behind
    )
