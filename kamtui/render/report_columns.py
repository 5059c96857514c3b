"""The report's account columns, declared once: every format of `kamtui report` reads
this list, so a new column is one entry here (and `tests/cli/test_golden_facts.py`
fails until every format shows it).

A column has a `key` (the CSV header and the JSON field) and a `value`, unrounded:
numbers as numbers, enums by value, dates ISO, lists as tuples (a JSON list; words
joined by spaces in CSV). A value that is a mapping (tiers, revenue, MRR by year or by
plan) is one JSON object, and one CSV column per entry the portfolio has, named
`csv_prefix` + entry (`tier_2025`); a list of records (each objective's tracking) is
JSON's alone (`in_csv=False`), its flags in a column of ids beside. A column with a `title` is also in the two tables
(Markdown and the terminal), which show its `text`; the terminal shows a column only
from `shown_from` columns on (`WIDE`: the wide table's extra columns), so that in a
narrow terminal the account's name keeps its room and the least needed figures go.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from kamtui.core.analysis.portfolio import AccountRow, PortfolioAnalysis
from kamtui.core.analysis.scoring import MRR_PLANS, PipelineValue
from kamtui.render.report_format import (
    MISSING,
    compact,
    figure,
    flags,
    margin,
    signed_number,
    signed_percent,
)

Align = Literal["left", "right", "center"]

# From this many terminal columns on, the table shows every column and the flags in
# a column of their own (below it, under the name).
WIDE = 150
# The narrowest layout: below it the tables give whole columns away (at 30 columns the
# tiers table showed tiers A and C and no B), so a narrower terminal gets this one and
# wraps its lines, which loses nothing.
NARROWEST = 40


@dataclass(frozen=True)
class ReportColumn:
    key: str
    value: Callable[[AccountRow], Any]
    # The tables' header for the analysis year (None: no revenue yet); "\n" breaks a
    # header where the terminal table wraps it (Markdown puts a space).
    title: Callable[[int | None], str] | None = None
    text: Callable[[AccountRow], str] | None = None
    align: Align = "right"
    # The narrowest terminal that shows the column: below 72 columns the quadrant, below
    # 64 the change on last year and below 48 the MRR go, leaving the name 20-30 cells.
    shown_from: int = 0
    # A mapping column: its CSV columns are `csv_prefix` + each of `entries`.
    csv_prefix: str = ""
    entries: Callable[[PortfolioAnalysis], Sequence[object]] | None = None
    in_csv: bool = True

    def csv_keys(self, analysis: PortfolioAnalysis) -> list[str]:
        if not self.in_csv:
            return []
        if self.entries is None:
            return [self.key]
        return [f"{self.csv_prefix}{entry}" for entry in self.entries(analysis)]

    def csv_values(self, row: AccountRow, analysis: PortfolioAnalysis) -> list[Any]:
        if not self.in_csv:
            return []
        value = self.value(row)
        if self.entries is None:
            return [value]
        return [value.get(entry) for entry in self.entries(analysis)]


def _titled(title: str) -> Callable[[int | None], str]:
    return lambda year: title


def _enum(value: Any) -> str | None:
    return None if value is None else str(value.value)


def _one_decimal(value: float | None) -> str:
    return MISSING if value is None else f"{value:.1f}"


def _trend(row: AccountRow, kpi: str) -> str:
    """ " ▲" or " ▼" after a KPI that rose or fell since its previous reading, " =" when
    it held; nothing with a single reading."""
    figures = row.figures.kpis.get(kpi)
    if figures is None or figures.trend is None:
        return ""
    return " ▲" if figures.trend > 0 else " ▼" if figures.trend < 0 else " ="


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _kpis(row: AccountRow) -> dict[str, dict[str, Any]]:
    """Each KPI with a value: value, previous, trend, band and the dated readings."""
    return {
        kpi: {
            "value": figures.value,
            "previous": figures.previous,
            "trend": figures.trend,
            "band": None if figures.band is None else figures.band.value,
            "series": [[day.isoformat(), value] for day, value in figures.series],
        }
        for kpi, figures in row.figures.kpis.items()
    }


def _tracking(row: AccountRow) -> list[dict[str, Any]]:
    """Each objective's progress and expected share (3 decimals) and its tracking word."""
    return [
        {
            "id": tracked.id,
            "progress": _rounded(tracked.progress, 3),
            "expected": _rounded(tracked.expected, 3),
            "tracking": tracked.tracking.value,
        }
        for tracked in row.figures.objectives_tracking
    ]


PIPELINE_PARTS = ("weighted", "growth", "renewals")


def _pipeline(value: PipelineValue) -> dict[str, float]:
    return {part: getattr(value, part) for part in PIPELINE_PARTS}


def _years(analysis: PortfolioAnalysis) -> Sequence[object]:
    return analysis.years


# The living plan's figures of an account; CSV has each but the last contact (a column
# of its own) under its own name.
_CONTACT_FIGURES = (
    "days_since_contact",
    "stale",
    "actions_open",
    "actions_overdue",
    "next_steps_overdue",
)


def _relationships(row: AccountRow) -> dict[str, Any]:
    found = row.figures.relationships
    return {
        "last_contact": None if found.last_contact is None else found.last_contact.isoformat(),
        "days_since_contact": row.days_since_contact,
        "stale": row.stale,
        "actions_open": found.actions_open,
        "actions_overdue": found.actions_overdue,
        "next_steps_overdue": found.next_steps_overdue,
    }


COLUMNS: tuple[ReportColumn, ...] = (
    ReportColumn("id", lambda row: row.id),
    ReportColumn("name", lambda row: row.name, _titled("Account"), lambda row: row.name, "left"),
    ReportColumn("owner", lambda row: row.figures.owner),
    ReportColumn(
        "status",
        lambda row: row.figures.status.value,
        _titled("Status"),
        lambda row: row.figures.status.value.replace("_", " "),
        "left",
        shown_from=WIDE,
    ),
    ReportColumn("industry", lambda row: row.figures.industry),
    ReportColumn(
        "score", lambda row: row.figures.score, _titled("Score"), lambda r: figure(r.figures.score)
    ),
    ReportColumn(
        "growth",
        lambda row: row.figures.growth,
        _titled("Growth"),
        lambda row: figure(row.figures.growth),
        shown_from=WIDE,
    ),
    ReportColumn(
        "harmony",
        lambda row: row.figures.harmony,
        _titled("Harmony"),
        lambda row: figure(row.figures.harmony),
        shown_from=WIDE,
    ),
    ReportColumn(
        "priority",
        lambda row: row.figures.priority,
        _titled("Priority"),
        lambda row: figure(row.figures.priority),
        shown_from=WIDE,
    ),
    ReportColumn(
        "quadrant",
        lambda row: _enum(row.figures.quadrant),
        _titled("Quadrant"),
        lambda row: _enum(row.figures.quadrant) or "–",
        "left",
        shown_from=72,
    ),
    ReportColumn(
        "tier",
        lambda row: _enum(row.tier),
        _titled("Tier"),
        lambda row: _enum(row.tier) or "–",
        "center",
    ),
    ReportColumn(
        "tiers",
        lambda row: {year: tier.value for year, tier in row.tiers.items()},
        csv_prefix="tier_",
        entries=_years,
    ),
    ReportColumn(
        "revenue",
        lambda row: row.revenue,
        lambda year: f"Revenue\n{year}" if year else "Revenue",
        lambda row: compact(row.revenue),
    ),
    ReportColumn(
        "revenue_by_year",
        lambda row: dict(row.figures.revenue),
        csv_prefix="revenue_",
        entries=_years,
    ),
    ReportColumn(
        "revenue_growth",
        lambda row: row.revenue_growth,
        lambda year: f"vs\n{year - 1}" if year else "Change",
        lambda row: signed_percent(row.revenue_growth),
        shown_from=64,
    ),
    # The open needs weighted by their chance; growth and renewals apart.
    ReportColumn(
        "pipeline",
        lambda row: _pipeline(row.figures.pipeline),
        csv_prefix="pipeline_",
        entries=lambda analysis: PIPELINE_PARTS,
    ),
    # The white space (whitespace.py): each offering's cell, and the open cells at list
    # price; the Markdown grid and the TUI's White space view show both.
    ReportColumn(
        "whitespace",
        lambda row: {key: cell.value for key, cell in row.figures.whitespace.items()},
        in_csv=False,
    ),
    ReportColumn("open_value", lambda row: row.figures.open_value),
    # The profit matrix of the analysis year (programme.py): None outside it.
    ReportColumn(
        "profit_quadrant",
        lambda row: None if row.profit is None else row.profit.quadrant.value,
        _titled("Profit"),
        lambda row: MISSING if row.profit is None else row.profit.quadrant.value,
        "left",
        shown_from=WIDE,
    ),
    ReportColumn(
        "margin",
        lambda row: None if row.profit is None else round(row.profit.margin, 3),
        _titled("Margin"),
        lambda row: margin(row.profit.margin if row.profit else None),
        # Beside the quadrant that says high or low, the figure only from 250 columns on.
        shown_from=250,
    ),
    ReportColumn(
        "contract_end",
        lambda row: (
            None if row.figures.contract_end is None else row.figures.contract_end.isoformat()
        ),
    ),
    # The scores growth and harmony were worked out from (kam.yaml's `matrix`).
    ReportColumn(
        "factors",
        lambda row: dict(row.figures.factors),
        csv_prefix="factor_",
        entries=lambda analysis: analysis.matrix_factors,
    ),
    # JSON and CSV alone: the tables have the change on last year beside the revenue.
    ReportColumn("net_retention", lambda row: _rounded(row.net_retention, 3)),
    ReportColumn(
        "mrr",
        lambda row: row.figures.mrr,
        _titled("MRR"),
        lambda row: compact(row.figures.mrr),
        shown_from=48,
    ),
    ReportColumn(
        "mrr_by_plan",
        lambda row: dict(row.figures.mrr_by_plan),
        csv_prefix="mrr_",
        entries=lambda analysis: MRR_PLANS,
    ),
    ReportColumn("upsell", lambda row: row.figures.upsell),
    ReportColumn("endangered", lambda row: row.figures.endangered),
    ReportColumn("at_risk", lambda row: row.figures.at_risk),
    ReportColumn("days_at_risk", lambda row: row.figures.days_at_risk),
    ReportColumn("objectives_overdue", lambda row: tuple(row.figures.objectives_overdue)),
    ReportColumn("objectives", lambda row: _tracking(row), in_csv=False),
    ReportColumn("objectives_behind", lambda row: tuple(row.figures.objectives_behind)),
    ReportColumn("onboarding", lambda row: _enum(row.figures.onboarding)),
    ReportColumn(
        "csat",
        lambda row: row.figures.csat,
        _titled("CSAT"),
        lambda row: _one_decimal(row.figures.csat) + _trend(row, "csat"),
        shown_from=WIDE,
    ),
    ReportColumn(
        "nps",
        lambda row: row.figures.nps,
        _titled("NPS"),
        lambda row: (
            MISSING
            if row.figures.nps is None
            else signed_number(row.figures.nps) + _trend(row, "nps")
        ),
        shown_from=WIDE,
    ),
    ReportColumn(
        "needs_value",
        lambda row: row.figures.needs_value,
        _titled("Pipeline"),
        lambda row: compact(row.figures.needs_value),
        shown_from=WIDE,
    ),
    ReportColumn(
        "health_score",
        lambda row: _rounded(row.figures.health_score, 1),
        _titled("Health"),
        lambda row: figure(row.figures.health_score),
        shown_from=WIDE,
    ),
    ReportColumn(
        "bands",
        lambda row: {kpi: band.value for kpi, band in row.figures.bands.items()},
        csv_prefix="band_",
        entries=lambda analysis: analysis.banded_kpis,
    ),
    ReportColumn("kpis", lambda row: _kpis(row), in_csv=False),
    ReportColumn("cltv", lambda row: row.figures.cltv),
    ReportColumn("engagement", lambda row: _enum(row.figures.engagement)),
    ReportColumn("churn_risk", lambda row: _enum(row.figures.churn_risk)),
    ReportColumn("adoption", lambda row: row.figures.adoption),
    ReportColumn(
        "last_contact",
        lambda row: (
            None if row.figures.last_contact is None else row.figures.last_contact.isoformat()
        ),
    ),
    ReportColumn("relationships", _relationships, entries=lambda analysis: _CONTACT_FIGURES),
    ReportColumn("single_threaded", lambda row: row.figures.single_threaded),
    ReportColumn("low_satisfaction", lambda row: row.figures.low_satisfaction),
    ReportColumn(
        "flags",
        lambda row: tuple(flag.value for flag in row.figures.flags),
        _titled("Flags"),
        lambda row: ", ".join(flag.label for flag in flags(row.figures)),
        "left",
        shown_from=WIDE,
    ),
)

TABLE_COLUMNS: tuple[ReportColumn, ...] = tuple(c for c in COLUMNS if c.title is not None)


def json_values(row: AccountRow) -> dict[str, Any]:
    """Every column of `row` as JSON: tuples as lists, mapping keys as text."""
    values: dict[str, Any] = {}
    for column in COLUMNS:
        value = column.value(row)
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, Mapping):
            value = {str(key): item for key, item in value.items()}
        values[column.key] = value
    return values
