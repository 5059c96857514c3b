"""KPIs as of a day: bands at their edges, the health score and the at-risk rule
(core/analysis/kpis.py), on accounts built for them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kamtui.core.account.account_file import load_account_bytes
from kamtui.core.account.model import CRITERIA, Account, KpiBands, PortfolioSettings
from kamtui.core.analysis.kpis import (
    Band,
    Kpi,
    account_kpis,
    band,
    health_score,
    is_at_risk,
    kpi_bands,
    kpi_readings,
)
from kamtui.core.analysis.portfolio import mrr_series
from kamtui.core.analysis.scoring import account_figures

TODAY = dt.date(2026, 11, 24)
D = dt.date
SCORES = dict.fromkeys(CRITERIA, 3)


def account(health: dict[str, Any] | None = None, **fields: Any) -> Account:
    return Account.model_validate(
        {"name": "Acme", "criteria": SCORES, "health": health or {}, **fields}
    )


def settings(**fields: Any) -> PortfolioSettings:
    return PortfolioSettings.model_validate(fields)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(29.9, Band.amber), (30, Band.green), (0, Band.amber), (-0.1, Band.red), (-100, Band.red)],
)
def test_higher_is_better_a_value_on_an_edge_takes_the_better_band(
    value: float, expected: Band
) -> None:
    assert band(value, KpiBands(red=0, amber=30)) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.05, Band.green),
        (0.08, Band.green),
        (0.081, Band.amber),
        (0.15, Band.amber),
        (0.151, Band.red),
    ],
)
def test_lower_is_better_a_value_on_an_edge_takes_the_better_band(
    value: float, expected: Band
) -> None:
    assert band(value, KpiBands(red=0.15, amber=0.08), "lower") is expected


def test_the_default_bands_and_kam_yaml_s_own() -> None:
    acme = account({"nps": 30, "csat": 3.99, "adoption": 0.39})
    defaults = account_kpis(kpi_readings(acme, TODAY), settings())
    assert {kpi: figures.band for kpi, figures in defaults.items()} == {
        "nps": Band.green,
        "csat": Band.amber,
        "adoption": Band.red,
    }
    strict = settings(kpis=[{"id": "nps", "bands": {"red": 20, "amber": 50}}])
    assert account_kpis(kpi_readings(acme, TODAY), strict)["nps"].band is Band.amber


def test_a_kpi_without_a_value_is_left_out_and_cltv_has_no_band() -> None:
    kpis = account_kpis(kpi_readings(account({"cltv": 5000}), TODAY), settings())
    assert kpis == {"cltv": Kpi(5000, None, None, None, ())}


def test_readings_give_the_value_previous_trend_and_series_up_to_today() -> None:
    acme = account({"nps": {D(2026, 3, 31): 20, D(2026, 9, 30): 32, D(2027, 1, 1): 90}})
    kpis = account_kpis(kpi_readings(acme, TODAY), settings())
    assert kpis["nps"] == Kpi(32, 20, 12, Band.green, ((D(2026, 3, 31), 20), (D(2026, 9, 30), 32)))


def test_the_health_score_weighs_band_points_over_the_kpis_with_a_value() -> None:
    """nps green 100, csat red 0, engagement amber 50; adoption and churn risk are not
    recorded and count for nothing, not for zero."""
    acme = account({"nps": 40, "csat": 2.5, "engagement": "medium"})
    bands = kpi_bands(account_kpis(kpi_readings(acme, TODAY), settings()), acme)
    assert bands == {"nps": Band.green, "csat": Band.red, "engagement": Band.amber}
    assert health_score(bands, settings().health_score) == 50
    weighted = {"nps": 2, "csat": 1, "engagement": 1, "adoption": 5}
    assert health_score(bands, weighted) == (2 * 100 + 0 + 50) / 4


def test_no_health_score_without_a_banded_value_or_with_only_zero_weights() -> None:
    assert health_score({}, settings().health_score) is None
    assert health_score({"nps": Band.green}, {"nps": 0, "csat": 1}) is None


def test_at_risk_by_churn_risk_or_a_health_score_below_the_setting() -> None:
    high = account({"churn_risk": "high"})
    medium = account({"churn_risk": "medium"})
    assert is_at_risk(high, None, settings())
    assert not is_at_risk(medium, 10, settings())  # health_below unset: today's rule
    on_medium = settings(at_risk={"churn_risk": "medium"})
    assert is_at_risk(medium, None, on_medium) and not is_at_risk(high, None, on_medium)
    below = settings(at_risk={"health_below": 50})
    assert is_at_risk(medium, 49.9, below)
    assert not is_at_risk(medium, 50, below)  # not below: equal
    assert not is_at_risk(medium, None, below)  # no score, no verdict


def test_the_record_carries_the_kpis_and_flags_at_risk_by_the_rule() -> None:
    """Red, red, red and amber: 12.5, below 25; with low engagement, endangered too."""
    acme = account({"nps": -40, "csat": 2.0, "engagement": "low", "churn_risk": "medium"})
    figures = account_figures(acme, settings(at_risk={"health_below": 25}), TODAY)
    assert (figures.health_score, figures.at_risk, figures.endangered) == (12.5, True, True)
    assert figures.nps == -40 and figures.kpis["csat"].band is Band.red


def test_mrr_plans_written_as_readings_count_their_latest() -> None:
    acme = account(
        mrr={"basic": 100, "standard": {D(2026, 6, 30): 300, D(2026, 9, 30): 250}, "premium": 0}
    )
    figures = account_figures(acme, settings(), TODAY)
    assert dict(figures.mrr_by_plan) == {"basic": 100, "standard": 250, "premium": 0}
    assert figures.mrr == 350
    assert figures.kpis["mrr_standard"].trend == -50


B = {"red": 0.9, "amber": 0.95}


@pytest.mark.parametrize(
    ("settings_data", "message"),
    [
        (
            {"kpis": [{"id": "cltv"}]},
            "'cltv' is a built-in KPI without bands; a custom KPI needs an id of its own",
        ),
        (
            {"kpis": [{"id": "otd"}, {"id": "otd"}]},
            "the KPI 'otd' is defined twice",
        ),
        (
            {"health_score": {"cltv": 1}},
            "no KPI with bands 'cltv'; they are: nps, csat, adoption, engagement, churn_risk",
        ),
        (
            # A custom KPI counts in the health score only with bands.
            {"kpis": [{"id": "otd"}, {"id": "fill", "bands": B}], "health_score": {"otd": 1}},
            "no KPI with bands 'otd'; they are: nps, csat, adoption, engagement, churn_risk, fill",
        ),
        (
            {"kpis": [{"id": "on_time", "bands": B}], "health_score": {"on_tme": 1}},
            "no KPI with bands 'on_tme'; did you mean 'on_time'? they are: ",
        ),
        (
            {"kpis": [{"id": "nps", "bands": {"red": 30, "amber": 0}}]},
            "red (30) must not be above amber (0) when higher is better",
        ),
    ],
)
def test_kam_yaml_s_kpi_settings_are_checked(settings_data: dict[str, Any], message: str) -> None:
    with pytest.raises(
        ValueError, match=message.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")
    ):
        PortfolioSettings.model_validate(settings_data)


def test_mrr_over_time_sums_each_plan_as_of_each_reading_date() -> None:
    """A plain amount counts on every date; readings from their first on, at the latest
    by then; a reading after today is not a date yet."""
    plain = account(mrr={"basic": 100})
    growing = account(mrr={"premium": {D(2026, 3, 31): 10, D(2026, 9, 30): 40, D(2027, 3, 31): 99}})
    shrinking = account(mrr={"basic": {D(2026, 6, 30): 50, D(2026, 9, 30): 20}})
    figures = [account_figures(a, settings(), TODAY) for a in (plain, growing, shrinking)]
    series = mrr_series(figures)
    assert series["basic"] == ((D(2026, 3, 31), 100), (D(2026, 6, 30), 150), (D(2026, 9, 30), 120))
    assert series["premium"] == ((D(2026, 3, 31), 10), (D(2026, 6, 30), 10), (D(2026, 9, 30), 40))
    assert series["standard"] == ((D(2026, 3, 31), 0), (D(2026, 6, 30), 0), (D(2026, 9, 30), 0))
    assert series["total"] == ((D(2026, 3, 31), 110), (D(2026, 6, 30), 160), (D(2026, 9, 30), 160))
    # The last point is the portfolio's MRR today.
    assert series["total"][-1][1] == sum(f.mrr for f in figures)


def test_no_readings_no_mrr_series() -> None:
    figures = [account_figures(account(mrr={"basic": 100}), settings(), TODAY)]
    assert mrr_series(figures)["total"] == ()


def test_kam_yaml_may_say_lower_is_better_for_a_kpi() -> None:
    """Adoption 0.5 against red 0.7 and amber 0.4: amber when lower is better (above
    amber, not above red); red as higher-is-better bands would have it."""
    lower = settings(
        kpis=[{"id": "adoption", "better": "lower", "bands": {"red": 0.7, "amber": 0.4}}]
    )
    kpis = account_kpis(kpi_readings(account({"adoption": 0.5}), TODAY), lower)
    assert kpis["adoption"].band is Band.amber


def test_every_health_number_counts_its_readings_up_to_today() -> None:
    later = D(2026, 12, 31)
    acme = account(
        {
            "adoption": {D(2026, 6, 30): 0.5, D(2026, 9, 30): 0.6, later: 0.9},
            "cltv": {D(2026, 1, 1): 1000, later: 5000},
            "csat": {later: 4.0},
        }
    )
    readings = kpi_readings(acme, TODAY)
    assert (readings["adoption"].value, readings["adoption"].previous) == (0.6, 0.5)
    assert readings["cltv"].value == 1000 and readings["csat"].value is None


def test_a_reading_s_date_written_twice_and_a_due_date_before_the_start_are_errors() -> None:
    text = (
        "name: A\n"
        "criteria: {revenue_volume: 1, revenue_potential: 1, lifetime_value: 1, "
        "product_fit: 1, strategic_value: 1}\n"
        'health:\n  csat: {2026-03-31: 4, "2026-03-31": 2}\n'
        "objectives:\n  - id: x\n    what: X\n    start: 2026-12-31\n    due: 2026-01-01\n"
    )
    _, problems = load_account_bytes(text.encode(), "a.yaml", PortfolioSettings())
    assert [str(problem) for problem in problems] == [
        "a.yaml:4:25: error: health.csat: the date 2026-03-31 is written twice",
        "a.yaml:9:10: error: objectives[x].due: due (2026-01-01) is before start (2026-12-31)",
    ]


def test_a_trend_carries_no_float_noise() -> None:
    acme = account({"csat": {D(2026, 6, 30): 3.8, D(2026, 9, 30): 4.1}})
    assert kpi_readings(acme, TODAY)["csat"].trend == 0.3
