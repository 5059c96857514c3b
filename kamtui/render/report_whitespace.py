"""The white-space grid in words and marks, shared by the report's Markdown and terminal
forms and the TUI's White space view (the figures are `whitespace.py`'s)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from kamtui.core.account.model import Offering, OfferingState
from kamtui.core.analysis.portfolio import AccountRow, PortfolioAnalysis
from kamtui.render.report_format import compact, percent

# One mark per cell, so that the grid reads without colour.
CELL_MARKS: Mapping[OfferingState, str] = {
    OfferingState.owned: "●",
    OfferingState.pipeline: "◐",
    OfferingState.competitor: "✗",
    OfferingState.open: "○",
    OfferingState.not_fit: "–",
}
CELL_WORDS: Mapping[OfferingState, str] = {
    OfferingState.owned: "owned",
    OfferingState.pipeline: "in pipeline",
    OfferingState.competitor: "held by a competitor",
    OfferingState.open: "open",
    OfferingState.not_fit: "not a fit",
}


def legend() -> str:
    """ "● owned · ◐ in pipeline · …" in the best-of order."""
    return " · ".join(f"{CELL_MARKS[cell]} {CELL_WORDS[cell]}" for cell in CELL_MARKS)


def offering_title(offering: Offering) -> str:
    return offering.name or offering.id


def cell_marks(row: AccountRow, analysis: PortfolioAnalysis) -> list[str]:
    """The account's mark in each offering's column, in kam.yaml's order."""
    cells = row.figures.whitespace
    return [CELL_MARKS[cells[offering.id]] for offering in analysis.offerings]


def penetration_cells(analysis: PortfolioAnalysis) -> list[str]:
    """Each offering's penetration: "67%", or "–" where it fits no account."""
    return [percent(analysis.whitespace[offering.id].share) for offering in analysis.offerings]


def penetration_phrase(analysis: PortfolioAnalysis, text: Callable[[str], str]) -> str:
    """ "Cloud platform 100% (17 of 17) · Security 40% (6 of 15, 5 open)": accounts that
    own each offering of those it fits."""
    parts = []
    for offering in analysis.offerings:
        found = analysis.whitespace[offering.id]
        parts.append(
            f"{text(offering_title(offering))} {percent(found.share)} "
            f"({found.owned} of {found.fit}, {found.open} open)"
        )
    return " · ".join(parts)


def open_value_phrase(
    analysis: PortfolioAnalysis, text: Callable[[str], str], most: int = 3
) -> str:
    """ "2.6M, most at Harbor Health System 920k · …": the open cells at list price."""
    figures = analysis.orders.programme
    largest = sorted(
        (key for key, f in figures.items() if f.open_value > 0),
        key=lambda key: (-figures[key].open_value, key),
    )[:most]
    if not largest:
        return "none"
    named = " · ".join(
        f"{text(analysis.rows[key].name)} {compact(figures[key].open_value)}" for key in largest
    )
    return f"{compact(analysis.open_value)}, most at {named}"
