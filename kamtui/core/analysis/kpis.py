"""An account's KPIs as of a day: value, previous, trend and band, and its health score.

- **Band** of a value: when higher is better, red below `red`, amber below `amber`,
  else green; when lower is better, red above `red`, amber above `amber`, else green.
  Defaults: nps red 0 amber 30, csat red 3.0 amber 4.0, adoption red 0.4 amber 0.7
  (`kam.yaml`'s `kpis` may set others); cltv and MRR have no bands; a custom KPI
  (declared in `kam.yaml`'s `kpis`, recorded under an account's `kpis`) has the bands
  and direction declared there, or none. Engagement high /
  medium / low and churn risk low / medium / high are green / amber / red.
- **Health score** (0..100): the mean of band points (green 100, amber 50, red 0)
  weighted by `kam.yaml`'s `health_score`, over the KPIs named there that have a
  value; None when none has.
- **At risk**: churn risk equal to `at_risk.churn_risk`, or a health score below
  `at_risk.health_below` when that is set.

Values, previous readings and trends are those of `readings.py`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from kamtui.core.account.model import (
    BANDED_KPIS,
    LEVEL_KPIS,
    Account,
    Better,
    KpiBands,
    Level,
    PortfolioSettings,
)
from kamtui.core.analysis.readings import Reading, reading


def banded_kpis(settings: PortfolioSettings) -> tuple[str, ...]:
    """Every KPI with bands, in the order the report lists them: the built-in ones, then
    the custom ones kam.yaml gives bands."""
    custom = [kpi for kpi, definition in settings.custom_kpis().items() if definition.bands]
    return (*BANDED_KPIS, *LEVEL_KPIS, *custom)


class Band(StrEnum):
    green = "green"
    amber = "amber"
    red = "red"


BAND_POINTS: Mapping[Band, int] = MappingProxyType({Band.green: 100, Band.amber: 50, Band.red: 0})
DEFAULT_BANDS: Mapping[str, KpiBands] = MappingProxyType(
    {
        "nps": KpiBands(red=0, amber=30),
        "csat": KpiBands(red=3.0, amber=4.0),
        "adoption": KpiBands(red=0.4, amber=0.7),
    }
)
ENGAGEMENT_BANDS: Mapping[Level, Band] = MappingProxyType(
    {Level.high: Band.green, Level.medium: Band.amber, Level.low: Band.red}
)
CHURN_RISK_BANDS: Mapping[Level, Band] = MappingProxyType(
    {Level.low: Band.green, Level.medium: Band.amber, Level.high: Band.red}
)


@dataclass(frozen=True, slots=True)
class Kpi:
    """One KPI as of a day; `band` None for a KPI without bands."""

    value: float
    previous: float | None
    trend: float | None
    band: Band | None
    series: tuple[tuple[dt.date, float], ...]


def band(value: float, bands: KpiBands, better: Better = "higher") -> Band:
    if better == "higher":
        return Band.red if value < bands.red else Band.amber if value < bands.amber else Band.green
    return Band.red if value > bands.red else Band.amber if value > bands.amber else Band.green


def kpi_readings(account: Account, today: dt.date) -> dict[str, Reading]:
    """Each built-in numeric KPI's reading (`model.NUMERIC_KPIS`), written or not, then
    each custom KPI the account records."""
    health = account.health
    readings = {
        "nps": reading(health.nps, today),
        "csat": reading(health.csat, today),
        "adoption": reading(health.adoption, today),
        "cltv": reading(health.cltv, today),
    }
    for plan in ("basic", "standard", "premium"):
        readings[f"mrr_{plan}"] = reading(
            getattr(account.mrr, plan) if account.mrr else None, today
        )
    for kpi, measure in account.kpis.items():
        readings[kpi] = reading(measure, today)
    return readings


def account_kpis(readings: Mapping[str, Reading], settings: PortfolioSettings) -> dict[str, Kpi]:
    """The KPIs that have a value, banded by `settings` (else the defaults)."""
    definitions = {definition.id: definition for definition in settings.kpis}
    kpis = {}
    for kpi, read in readings.items():
        if read.value is None:
            continue
        definition = definitions.get(kpi)
        bands = definition.bands if definition and definition.bands else DEFAULT_BANDS.get(kpi)
        better: Better = definition.better if definition else "higher"
        banded = band(read.value, bands, better) if bands is not None else None
        kpis[kpi] = Kpi(read.value, read.previous, read.trend, banded, read.series)
    return kpis


def kpi_bands(kpis: Mapping[str, Kpi], account: Account) -> dict[str, Band]:
    """The band of each KPI that has one and a value: the banded numbers, engagement and
    churn risk."""
    banded = {kpi: figures.band for kpi, figures in kpis.items() if figures.band is not None}
    # In `banded_kpis` order: the built-in numbers, the levels, the custom KPIs.
    bands = {kpi: band for kpi, band in banded.items() if kpi in BANDED_KPIS}
    engagement, churn_risk = account.health.engagement, account.health.churn_risk
    if engagement is not None:
        bands["engagement"] = ENGAGEMENT_BANDS[engagement]
    if churn_risk is not None:
        bands["churn_risk"] = CHURN_RISK_BANDS[churn_risk]
    bands.update(banded)
    return bands


def health_score(bands: Mapping[str, Band], weights: Mapping[str, float]) -> float | None:
    counted = [(weight, BAND_POINTS[bands[kpi]]) for kpi, weight in weights.items() if kpi in bands]
    total = sum(weight for weight, _ in counted)
    if total == 0:
        return None
    return sum(weight * points for weight, points in counted) / total


def is_at_risk(account: Account, score: float | None, settings: PortfolioSettings) -> bool:
    rule = settings.at_risk
    if account.health.churn_risk is rule.churn_risk:
        return True
    return rule.health_below is not None and score is not None and score < rule.health_below
