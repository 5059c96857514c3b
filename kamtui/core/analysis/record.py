"""An account's record as named values: what every surface shows, compares and follows.

`AccountFigures` (scoring.py) computes each figure and flag once; this names them.
`report` (every format), `show`, `diff`, `history` and the TUI read these names and
values, so a figure added to the record reaches them all, and a golden test checks
that they agree.
"""

from __future__ import annotations

from typing import TypeAlias

from kamtui.core.analysis.abc_analysis import Tier
from kamtui.core.analysis.objective_tracking import Tracking
from kamtui.core.analysis.scoring import AccountFigures, AccountFlag

FigureValue: TypeAlias = float | str | tuple[str, ...] | None

MEASURED = frozenset({Tracking.behind, Tracking.on_track, Tracking.ahead})
# Flags that depend on the day as well as on the file: left out where a rendering
# must not change with the date (`show`, which git's textconv diffs).
DATED_FLAGS = frozenset({AccountFlag.overdue, AccountFlag.behind_plan, AccountFlag.review_overdue})


def record_values(
    figures: AccountFigures,
    tier: Tier | None = None,
    *,
    dated: bool = True,
    stale: tuple[str, ...] | None = None,
) -> dict[str, FigureValue]:
    """The record's figures by name; `tier` and `stale` (the key players not met in
    time, `AccountRow.stale`) need a portfolio (None outside one), and `dated=False`
    leaves out what depends on the day."""
    values: dict[str, FigureValue] = {
        "score": figures.score,
        "growth": figures.growth,
        "harmony": figures.harmony,
        "priority": figures.priority,
        "quadrant": None if figures.quadrant is None else figures.quadrant.value,
        "status": figures.status.value,
    }
    if tier is not None or dated:
        values["tier"] = None if tier is None else tier.value
    values["mrr"] = figures.mrr
    pipeline = figures.pipeline
    values["pipeline_weighted"] = pipeline.weighted
    values["pipeline_growth"] = pipeline.growth
    values["pipeline_renewals"] = pipeline.renewals
    values["open_value"] = figures.open_value
    values["contract_end"] = (
        None if figures.contract_end is None else figures.contract_end.isoformat()
    )
    values["map_status"] = figures.map_status.level
    values["missing_roles"] = tuple(role.value for role in figures.map_status.missing_roles)
    values["goals_unserved"] = figures.goals_unserved
    if dated:
        # As of the day: the readings that count change with it.
        values["health"] = figures.health_score
        values.update({f"band.{kpi}": band.value for kpi, band in figures.bands.items()})
        values.update(
            {
                f"tracking.{tracked.id}": tracked.tracking.value
                for tracked in figures.objectives_tracking
                # Done, dropped and no data say nothing the objective's own fields do not.
                if tracked.tracking in MEASURED
            }
        )
    values["flags"] = tuple(
        flag.value for flag in figures.flags if dated or flag not in DATED_FLAGS
    )
    if stale is not None and dated:
        values["stale"] = stale
    return values
