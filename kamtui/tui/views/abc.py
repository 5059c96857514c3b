"""ABC tiers per year as a heat map, with the movements between tiers (B→A, A→C …).

Each tier is a letter on a coloured cell, so the grid reads in colour at a
glance and without colour letter by letter; arrows say up (▲) or down (▼).
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container
from textual.widgets import Static

from kamtui.core.analysis.abc_analysis import Tier, TierMovement
from kamtui.core.analysis.portfolio import PortfolioAnalysis
from kamtui.tui.views.base import PortfolioView, titled_table
from kamtui.tui.widgets.rows_table import Cell, Column, RowsTable
from kamtui.tui.widgets.tier_shares import TierShares

UP = "▲"
DOWN = "▼"
NONE = "·"
_NAME_WIDTH = 16  # at least; the name column takes what the others leave
_TIER_ORDER = {Tier.A: 0, Tier.B: 1, Tier.C: 2}


def direction(movement: TierMovement) -> str:
    """▲ for a better tier or a first tier, ▼ for a worse tier or no revenue any more."""
    if movement.before is None:
        return UP
    if movement.after is None:
        return DOWN
    return UP if _TIER_ORDER[movement.after] < _TIER_ORDER[movement.before] else DOWN


def move_label(movement: TierMovement) -> str:
    """ "▲ B→A", "▼ A→·" (· : no revenue that year)."""
    before = movement.before.value if movement.before is not None else NONE
    after = movement.after.value if movement.after is not None else NONE
    return f"{direction(movement)} {before}→{after}"


class AbcView(PortfolioView):
    """Tier shares per year above two tables: accounts by year, and the movements."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"abc--a", "abc--b", "abc--c", "abc--up", "abc--down"}
    DEFAULT_CSS = """
    AbcView {
        height: 1fr;
        layout: vertical;
        & > .abc--a { background: $success-darken-2; color: $text; text-style: bold; }
        & > .abc--b { background: $warning-darken-3; color: $text; }
        & > .abc--c { color: $text-muted; }
        & > .abc--up { color: $success; }
        & > .abc--down { color: $error; }
        & > #abc-summary { color: $text-muted; height: auto; padding: 0 1; }
        & > #abc-shares { padding: 0 1; margin-bottom: 1; }
        & > #abc-body { layout: horizontal; height: 1fr; }
        &.-narrow > #abc-body { layout: vertical; }
        & #abc-grid { width: 3fr; }
        & #abc-movements { width: 2fr; }
        &.-narrow #abc-grid { width: 1fr; height: 2fr; }
        &.-narrow #abc-movements { width: 1fr; height: 1fr; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="abc-summary")
        yield TierShares(id="abc-shares")
        with Container(id="abc-body"):
            yield titled_table("abc-grid", "Tiers by year")
            yield titled_table("abc-movements", "Movements")

    def show(self, analysis: PortfolioAnalysis) -> None:
        abc = self.settings.abc
        self.query_one("#abc-summary", Static).update(
            Text.assemble(
                ("A", self._tier_style(Tier.A)),
                f" the accounts making the first {abc.a:.0%} of a year's revenue; ",
                ("B", self._tier_style(Tier.B)),
                f" on to {abc.b:.0%}; ",
                ("C", self._tier_style(Tier.C)),
                f" the rest; {NONE} no revenue; {UP} up, {DOWN} down",
            )
        )
        self.query_one(TierShares).show(analysis.years, analysis.abc_summary)
        self._show_grid(analysis)
        self._show_movements(analysis)

    def _tier_style(self, tier: Tier) -> Style:
        return self.style_of(f"abc--{tier.value.lower()}", partial=True)

    def _tier_cell(self, tier: Tier | None) -> Cell:
        if tier is None:
            return (NONE, None)
        return (tier.value, self._tier_style(tier))

    def _move_cell(self, movement: TierMovement | None) -> Cell:
        if movement is None:
            return ("", None)
        up = direction(movement) == UP
        return (
            move_label(movement),
            self.style_of("abc--up" if up else "abc--down", partial=True),
        )

    def _show_grid(self, analysis: PortfolioAnalysis) -> None:
        # The last step between years, shown beside each account.
        last_step = analysis.years[-2:] if len(analysis.years) > 1 else ()
        columns = [
            Column("Account", _NAME_WIDTH, flexible=True),
            *(Column(str(year), 4, "center") for year in analysis.years),
            *([Column(f"{last_step[0]}→{last_step[1]}", 9)] if last_step else []),
        ]
        latest = {
            m.account: m for m in analysis.movements if last_step and m.to_year == last_step[1]
        }
        # Highest revenue of the analysis year first; accounts without any that year after.
        ranked = analysis.pareto.ranking.accounts
        ranked_ids = set(ranked)
        order = (*ranked, *(i for i in analysis.programme_ids if i not in ranked_ids))

        def cells(index: int) -> list[Cell]:
            row = analysis.rows[order[index]]
            tiers = [self._tier_cell(row.tiers.get(year)) for year in analysis.years]
            moved = [self._move_cell(latest.get(row.id))] if last_step else []
            return [(row.name, None), *tiers, *moved]

        self.query_one("#abc-grid", RowsTable).show(columns, order, cells)

    def _show_movements(self, analysis: PortfolioAnalysis) -> None:
        newest_first = sorted(analysis.movements, key=lambda m: -m.to_year)
        columns = [
            Column("Move", 6),
            Column("Years", 9),
            Column("Account", _NAME_WIDTH, flexible=True),
        ]

        def cells(index: int) -> list[Cell]:
            movement = newest_first[index]
            return [
                self._move_cell(movement),
                (f"{movement.from_year}→{movement.to_year}", None),
                (analysis.rows[movement.account].name, None),
            ]

        keys = [movement.account for movement in newest_first]
        self.query_one("#abc-movements", RowsTable).show(columns, keys, cells)
