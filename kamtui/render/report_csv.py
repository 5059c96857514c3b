"""The portfolio report as CSV: one row per account, in rank order, for spreadsheets."""

from __future__ import annotations

import csv
import io

from kamtui.core.portfolio import AccountRow, PortfolioAnalysis
from kamtui.core.scoring import MRR_PLANS
from kamtui.render.safe_text import one_line

# A spreadsheet runs a cell starting with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    """User text that a spreadsheet shows instead of evaluating (OWASP's CSV-injection
    advice), and that a terminal the CSV is printed to shows instead of obeying."""
    value = one_line(value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _cell(value: float | bool | str | None) -> str | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def header(analysis: PortfolioAnalysis) -> list[str]:
    years = analysis.years
    return [
        "rank",
        "id",
        "name",
        "score",
        "growth",
        "harmony",
        "priority",
        "quadrant",
        "tier",
        *(f"tier_{year}" for year in years),
        "revenue",
        *(f"revenue_{year}" for year in years),
        "revenue_growth",
        "mrr",
        *(f"mrr_{plan}" for plan in MRR_PLANS),
        "upsell",
        "endangered",
        "at_risk",
        "days_at_risk",
        "objectives_overdue",
        "needs_value",
        "onboarding",
        "csat",
        "nps",
        "cltv",
        "engagement",
        "adoption",
        "last_contact",
        "single_threaded",
        "low_satisfaction",
        "flags",
    ]


def _row(rank: int, row: AccountRow, years: tuple[int, ...]) -> list[str | float]:
    f = row.figures
    values: list[float | bool | str | None] = [
        rank,
        _text(row.id),
        _text(row.name),
        f.score,
        f.growth,
        f.harmony,
        f.priority,
        f.quadrant and f.quadrant.value,
        row.tier and row.tier.value,
        *(row.tiers[y].value if y in row.tiers else None for y in years),
        row.revenue,
        *(f.revenue.get(y) for y in years),
        row.revenue_growth,
        f.mrr,
        *(f.mrr_by_plan[plan] for plan in MRR_PLANS),
        f.upsell,
        f.endangered,
        f.at_risk,
        f.days_at_risk,
        " ".join(f.objectives_overdue),
        f.needs_value,
        f.onboarding and f.onboarding.value,
        f.csat,
        f.nps,
        f.cltv,
        f.engagement and f.engagement.value,
        f.adoption,
        None if f.last_contact is None else f.last_contact.isoformat(),
        f.single_threaded,
        f.low_satisfaction,
        " ".join(flag.value for flag in f.flags),
    ]
    return [_cell(value) for value in values]


def render_csv(analysis: PortfolioAnalysis) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header(analysis))
    for rank, row in enumerate(analysis.rows.values(), start=1):
        writer.writerow(_row(rank, row, analysis.years))
    return out.getvalue()
