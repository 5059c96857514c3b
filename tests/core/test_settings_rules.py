"""kam.yaml's defaults and the messages of its rules, word for word."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from kamtui.core.account.model import (
    CRITERIA,
    GROWTH_CRITERIA,
    HARMONY_FACETS,
    Account,
    PortfolioSettings,
    free_keys,
)


def test_the_defaults_weigh_everything_alike() -> None:
    settings = PortfolioSettings()
    assert settings.matrix.growth == dict.fromkeys(GROWTH_CRITERIA, 1)
    assert settings.matrix.harmony == dict.fromkeys(HARMONY_FACETS, 1)
    assert settings.health_score == {
        "nps": 1,
        "csat": 1,
        "adoption": 1,
        "engagement": 1,
        "churn_risk": 1,
    }


def message(settings: dict[str, object]) -> str:
    with pytest.raises(ValidationError) as raised:
        PortfolioSettings.model_validate(settings)
    [error] = raised.value.errors()
    return str(error["msg"]).removeprefix("Value error, ")


def test_a_custom_kpi_named_as_a_built_in_without_bands() -> None:
    assert message({"kpis": [{"id": "engagement"}]}) == (
        "'engagement' is a built-in KPI without bands; a custom KPI needs an id of its own "
        "(built in: nps, csat, adoption, cltv, mrr_basic, mrr_standard, mrr_premium, "
        "engagement, churn_risk)"
    )


def test_an_extra_factor_named_as_a_criterion() -> None:
    assert message({"matrix": {"factors": [{"id": CRITERIA[0]}]}}) == (
        f"{CRITERIA[0]!r} is a criterion or a harmony facet already: weigh it in growth or "
        "harmony; an extra factor needs an id of its own"
    )


def test_an_unknown_kpi_in_the_health_score_names_the_nearest_and_all() -> None:
    assert message({"health_score": {"csta": 1}}) == (
        "no KPI with bands 'csta'; did you mean 'csat'? they are: nps, csat, adoption, "
        "engagement, churn_risk"
    )


def test_free_keys_of_a_field_the_format_lacks_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="nosuch"):
        free_keys(Account, "nosuch")


@pytest.mark.parametrize("better", ["higher", "lower"])
def test_red_and_amber_may_meet(better: str) -> None:
    kpi = {"id": "otd", "better": better, "bands": {"red": 0.9, "amber": 0.9}}
    assert PortfolioSettings.model_validate({"kpis": [kpi]}).kpis[0].bands is not None


def test_bands_the_wrong_way_round_say_which_way_is_good() -> None:
    higher = {"id": "otd", "bands": {"red": 0.95, "amber": 0.9}}
    assert message({"kpis": [higher]}) == (
        "red (0.95) must not be above amber (0.9) when higher is better"
    )
    lower = {"id": "damage", "better": "lower", "bands": {"red": 0.01, "amber": 0.02}}
    assert message({"kpis": [lower]}) == (
        "red (0.01) must not be below amber (0.02) when lower is better"
    )


def test_a_factor_defined_twice_is_named() -> None:
    factors = [{"id": "reach"}, {"id": "market"}, {"id": "market"}]
    assert message({"matrix": {"factors": factors}}) == "the factor 'market' is defined twice"
