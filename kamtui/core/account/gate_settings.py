"""The review gates of `kam.yaml`: which rules of the KAM programme fail a pull request.

Each rule is `off`, `error` (the check fails) or `warning` (it is said, and passes);
`score_drop` also takes `{level, points}`. The rules themselves are in
`core/review/gates.py`; this is only their settings, part of the file format.

Apart from `model.py` because `PortfolioSettings` (there) holds a `Gates`: this module
cannot import `model`; it shares the format's base, `Strict`, from `strict.py`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from kamtui.core.account.strict import Strict, shorthand


class GateLevel(StrEnum):
    """What a broken rule does to the check."""

    off = "off"
    error = "error"
    warning = "warning"


class ScoreDrop(Strict):
    """The selection score fell by more than `points` since the base revision."""

    level: GateLevel = Field(GateLevel.warning, description="off | error | warning")
    points: Annotated[float, Field(ge=0, le=100, strict=True)] = Field(
        10, description="How many points the score may fall before the rule breaks, 0 to 100"
    )


# The JSON Schema says "a level, or an object" and leaves the object's keys to the
# model: pydantic 2.9, our floor, cannot write a schema whose input type names a model
# (KeyError '…ScoreDrop-Input__1'), and the object's keys are checked on loading anyway.
ScoreDropField = Annotated[
    ScoreDrop,
    BeforeValidator(
        shorthand(ScoreDrop, "level"), json_schema_input_type=GateLevel | dict[str, Any]
    ),
]


class Gates(Strict):
    """The review gates `kamtui check` applies: each rule off, error or warning."""

    champion_lost: GateLevel = Field(
        GateLevel.error,
        description="In a tier A or B account, a champion or supporter at the base revision "
        "is now neutral, skeptic or blocker, or was removed: off | error | warning",
    )
    plan_missing: GateLevel = Field(
        GateLevel.error,
        description="A tier A account has no objective that is neither done nor dropped: "
        "off | error | warning",
    )
    status_contradiction: GateLevel = Field(
        GateLevel.warning,
        description="An objective's status says on_track while its tracking is behind: "
        "off | error | warning",
    )
    stale_key_player: GateLevel = Field(
        GateLevel.warning,
        description="A key player of a tier A account is not met within the cadence: "
        "off | error | warning",
    )
    score_drop: ScoreDropField = Field(
        default_factory=ScoreDrop,
        description="The selection score fell by more than `points` since the base revision: "
        "off | error | warning, or {level, points} (default: warning, 10 points)",
    )
    unassessed: GateLevel = Field(
        GateLevel.warning,
        description="An account not yet assessed (a selection criterion left empty): "
        "off | error | warning",
    )
