"""The format's base model and its one shorthand: a bare value for a field's main key."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from kamtui.core.account.gate_settings import GateLevel, Gates, ScoreDrop
from kamtui.core.account.model import Criteria, Criterion


def test_a_bare_score_is_a_criterion_with_that_score() -> None:
    criteria = Criteria.model_validate(
        {
            "revenue_volume": 4,
            "revenue_potential": {"score": 3, "evidence": "expansion plans"},
            "lifetime_value": Criterion(score=2),
            "product_fit": None,
            "strategic_value": 5,
        }
    )
    assert criteria.revenue_volume == Criterion(score=4)
    assert criteria.revenue_potential == Criterion(score=3, evidence="expansion plans")
    assert criteria.lifetime_value == Criterion(score=2)
    assert criteria.product_fit is None


def test_a_bare_level_is_a_score_drop_at_that_level() -> None:
    assert Gates.model_validate({"score_drop": "error"}).score_drop == ScoreDrop(
        level=GateLevel.error
    )
    given = ScoreDrop(level=GateLevel.off, points=5)
    assert Gates.model_validate({"score_drop": given}).score_drop == given
    assert Gates.model_validate({"score_drop": {"points": 3}}).score_drop.points == 3


def test_an_unknown_key_is_an_error_not_ignored() -> None:
    with pytest.raises(ValidationError, match="Extra inputs"):
        Gates.model_validate({"score_drop": {"level": "error", "pionts": 3}})
