"""The profit matrix: what the programme earns, and each key account by its revenue
against its margin after cost to serve (`kamtui.core.analysis.programme` has the rules).

A line gives the programme's return and the medians the matrix splits at; the four
quadrants follow as counts, then one row per placed account, quadrant by quadrant
(invest, protect, grow, review), the highest revenue first. Enter opens the account.
The programme's accounts without economics for the year are named below, since a
matrix that leaves them out silently reads as if they cost nothing.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from kamtui.core.analysis.portfolio import PortfolioAnalysis
from kamtui.core.analysis.programme import ProfitQuadrant
from kamtui.render.report_format import compact, margin, name_list, programme_phrase
from kamtui.render.safe_text import one_line
from kamtui.tui.drawing.format import MISSING
from kamtui.tui.views.base import PortfolioView, titled_table
from kamtui.tui.widgets.rows_table import Cell, Column, RowsTable

QUADRANT_WORDS = {
    ProfitQuadrant.invest: "high revenue, high margin",
    ProfitQuadrant.protect: "high revenue, low margin",
    ProfitQuadrant.grow: "low revenue, high margin",
    ProfitQuadrant.review: "low revenue, low margin",
}
QUADRANT_ORDER = tuple(QUADRANT_WORDS)
# Named in full below the table up to this many; past it, counted.
NAMED_WITHOUT_ECONOMICS = 5


class ProfitView(PortfolioView):
    """The programme's return over the profit matrix's accounts."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"profit--invest", "profit--review"}
    DEFAULT_CSS = """
    ProfitView {
        height: 1fr;
        layout: vertical;
        & > .profit--invest { color: $success; }
        & > .profit--review { color: $warning; }
        & > #profit-summary { height: auto; padding: 0 1; }
        & > #profit-missing { height: auto; padding: 0 1; color: $text-muted; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="profit-summary")
        yield titled_table("profit-table", "Profit matrix · enter opens the account")
        yield Static(id="profit-missing")

    def show(self, analysis: PortfolioAnalysis) -> None:
        matrix = analysis.profit_matrix
        places = matrix.places
        year = analysis.year
        summary = Text()
        summary.append(f"Programme return ({one_line(analysis.currency)}): ", "bold")
        summary.append(programme_phrase(analysis))
        if matrix.revenue_median is not None and matrix.margin_median is not None:
            summary.append(
                f"\nSplit at the medians: revenue {compact(matrix.revenue_median)} · "
                f"margin {margin(matrix.margin_median)}",
                "dim",
            )
            counts = " · ".join(
                f"{quadrant.value} {sum(p.quadrant is quadrant for p in places.values())}"
                for quadrant in QUADRANT_ORDER
            )
            summary.append(f"\n{counts}")
        self.query_one("#profit-summary", Static).update(summary)
        keys = sorted(
            places,
            key=lambda i: (QUADRANT_ORDER.index(places[i].quadrant), -places[i].revenue, i),
        )
        columns = [
            Column("Account", 16, flexible=True),
            Column("Quadrant", 8),
            Column(f"Revenue {year}" if year is not None else "Revenue", 12, "right"),
            Column("Margin", 7, "right"),
            Column("Gross profit", 12, "right"),
            Column("Cost to serve", 13, "right"),
        ]
        styles = {
            ProfitQuadrant.invest: self.style_of("profit--invest", partial=True),
            ProfitQuadrant.review: self.style_of("profit--review", partial=True),
        }

        def cells(index: int) -> list[Cell]:
            account_id = keys[index]
            place = places[account_id]
            economics = analysis.rows[account_id].figures.economics.get(year) if year else None
            return [
                (one_line(analysis.rows[account_id].name), None),
                (place.quadrant.value, styles.get(place.quadrant)),
                (compact(place.revenue), None),
                (margin(place.margin), None),
                (MISSING if economics is None else compact(economics.gross_profit), None),
                (MISSING if economics is None else compact(economics.cost_to_serve), None),
            ]

        self.query_one("#profit-table", RowsTable).show(columns, keys, cells)
        missing = [i for i in analysis.programme_ids if i not in places]
        self.query_one("#profit-missing", Static).update(Text(self._missing(analysis, missing)))

    @staticmethod
    def _missing(analysis: PortfolioAnalysis, missing: list[str]) -> str:
        if not missing:
            return ""
        year = "" if analysis.year is None else f" for {analysis.year}"
        lead = f"Outside the matrix (no economics or no revenue{year})"
        if len(missing) > NAMED_WITHOUT_ECONOMICS:
            return f"{lead}: {len(missing)} key accounts."
        return f"{lead}: {name_list([one_line(analysis.rows[i].name) for i in missing])}."
