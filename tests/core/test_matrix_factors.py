"""The scoring matrix's axes as weighted tables of factors (criteria, harmony facets and
kam.yaml's extra factors), on accounts built for the edges of the rule."""

from __future__ import annotations

from typing import Any

import pytest

from kamtui.core.account.account_file import load_account_bytes
from kamtui.core.account.model import PortfolioSettings
from kamtui.core.analysis.scoring import account_figures, growth, harmony
from tests.conftest import MINIMAL, TODAY
from tests.core.portfolio_builders import make_account


def matrix(**fields: Any) -> PortfolioSettings:
    return PortfolioSettings.model_validate({"matrix": fields})


WEIGHED = matrix(
    growth={"revenue_volume": 1, "revenue_potential": 3, "market_growth": 2},
    harmony={"culture": 1, "vision": 1, "product_fit": 2},
    factors=[{"id": "market_growth", "name": "Market growth"}],
)


def test_the_defaults_give_today_s_means_exactly() -> None:
    account = make_account(criteria=(2, 4, 4, 5, 1), harmony=(4, 3, 5, 2))
    default = PortfolioSettings().matrix
    assert growth(account, default) == 100 * (1 + 3 + 3) / 12
    assert harmony(account, default) == 100 * (3 + 2 + 4 + 1) / 16


def test_each_axis_is_the_weighted_mean_over_the_factors_the_account_scored() -> None:
    """Growth: (1 × 1 + 3 × 3 + 2 × 4) / (4 × 6) = 75; the extra factor unscored, it is
    left out: (1 + 9) / (4 × 4) = 62.5. Harmony mixes facets and a criterion."""
    scored = make_account(
        criteria=(2, 4, 3, 5, 1), harmony=(1, 3, 5, 1), factors={"market_growth": 5}
    )
    assert growth(scored, WEIGHED.matrix) == 75
    unscored = make_account(criteria=(2, 4, 3, 5, 1), harmony=(1, 3, 5, 1))
    assert growth(unscored, WEIGHED.matrix) == 62.5
    # (2 + 4 + 2 × 4) / (4 × 4)
    assert harmony(scored, WEIGHED.matrix) == 87.5


def test_an_axis_with_none_of_its_factors_scored_has_no_value() -> None:
    """No harmony block, and the harmony table holds only facets: no harmony, as today."""
    account = make_account(criteria=(3, 3, 3, 3, 3))
    assert harmony(account, PortfolioSettings().matrix) is None
    only_extra = matrix(harmony={"market_growth": 1}, factors=[{"id": "market_growth"}])
    assert harmony(account, only_extra.matrix) is None
    figures = account_figures(account, only_extra, TODAY)
    assert (figures.harmony, figures.priority, figures.quadrant) == (None, None, None)


def test_an_account_not_assessed_has_no_growth_whatever_it_scored() -> None:
    account = make_account(criteria=(3, 3, 3, 3, 3), factors={"market_growth": 5})
    account = account.model_copy(
        update={"criteria": account.criteria.model_copy(update={"product_fit": None})}
    )
    assert growth(account, WEIGHED.matrix) is None


def test_the_figures_carry_the_scores_used_growth_s_then_harmony_s() -> None:
    account = make_account(
        criteria=(2, 4, 3, 5, 1), harmony=(1, 3, 5, 1), factors={"market_growth": 5}
    )
    figures = account_figures(account, WEIGHED, TODAY)
    assert dict(figures.factors) == {
        "revenue_volume": 2,
        "revenue_potential": 4,
        "market_growth": 5,
        "culture": 3,
        "vision": 5,
        "product_fit": 5,
    }


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"growth": {"revenue_volum": 1}},
            "no factor in growth 'revenue_volum'; did you mean 'revenue_volume'?",
        ),
        ({"harmony": {"culture": 0}}, "harmony needs a factor with a weight above 0"),
        (
            {"factors": [{"id": "culture"}]},
            "'culture' is a criterion or a harmony facet already",
        ),
        ({"factors": [{"id": "x"}, {"id": "x"}]}, "the factor 'x' is defined twice"),
    ],
)
def test_kam_yaml_s_matrix_is_checked(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("?", r"\?")):
        matrix(**fields)


def test_an_undeclared_factor_is_an_error_at_its_key() -> None:
    text = MINIMAL + "factors: {market_grwth: 4}\n"
    account, problems = load_account_bytes(text.encode(), "a.yaml", WEIGHED)
    assert account is None
    assert [(p.line, p.column, p.message) for p in problems] == [
        (
            8,
            11,
            "factors.market_grwth: 'market_grwth' is no factor of kam.yaml's matrix.factors; "
            "did you mean 'market_growth'? (it declares market_growth)",
        )
    ]
    assert load_account_bytes(text.replace("grwth", "growth").encode(), "a.yaml", WEIGHED)[0]
