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
from textual.widgets import DataTable, Static

from kamtui.core.portfolio import PortfolioAnalysis, Tier, TierMovement
from kamtui.tui.text import literal
from kamtui.tui.views.base import PortfolioView, titled_table
from kamtui.tui.views.chart import shorten
from kamtui.tui.views.tier_shares import TierShares

UP = "▲"
DOWN = "▼"
NONE = "·"
_NAME_WIDTH = 28
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
    """Accounts down, years across, each cell the account's tier that year."""

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
        & #abc-grid { width: 3fr; height: 1fr; }
        & #abc-movements { width: 2fr; height: 1fr; }
        &.-narrow #abc-grid, &.-narrow #abc-movements { width: 1fr; }
        & DataTable { border-title-color: $text-muted; border: round $panel; }
        & DataTable:focus { border: round $accent; }
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
                f" the accounts making the first {abc.a:.0%} of a year's revenue · ",
                ("B", self._tier_style(Tier.B)),
                f" on to {abc.b:.0%} · ",
                ("C", self._tier_style(Tier.C)),
                f" the rest · {NONE} no revenue · {UP} up  {DOWN} down",
            )
        )
        self.query_one(TierShares).show(analysis.years, analysis.abc_summary)
        self._show_grid(analysis)
        self._show_movements(analysis)

    def _tier_style(self, tier: Tier) -> Style:
        return self.get_component_rich_style(f"abc--{tier.value.lower()}", partial=True)

    def _tier_cell(self, tier: Tier | None) -> Text:
        if tier is None:
            return Text(f"{NONE:^4}")
        return Text(f"{tier.value:^4}", style=self._tier_style(tier))

    def _move_cell(self, movement: TierMovement | None) -> Text:
        if movement is None:
            return Text("")
        return Text(
            move_label(movement),
            style=self.get_component_rich_style(
                "abc--up" if direction(movement) == UP else "abc--down", partial=True
            ),
        )

    def _show_grid(self, analysis: PortfolioAnalysis) -> None:
        grid: DataTable[Text] = self.query_one("#abc-grid", DataTable)
        grid.clear(columns=True)
        grid.add_column("Account", width=_NAME_WIDTH, key="account")
        for year in analysis.years:
            grid.add_column(str(year), key=str(year))
        # The last step between years, shown beside each account.
        last_step = analysis.years[-2:] if len(analysis.years) > 1 else ()
        if last_step:
            grid.add_column(f"{last_step[0]}→{last_step[1]}", key="move")
        latest = {
            m.account: m for m in analysis.movements if last_step and m.to_year == last_step[1]
        }
        # Highest revenue of the analysis year first; accounts without any that year after.
        ranked = analysis.pareto.ranking.accounts
        ranked_ids = set(ranked)
        unranked = [i for i in analysis.rows if i not in ranked_ids]
        for account_id in (*ranked, *unranked):
            row = analysis.rows[account_id]
            cells = [
                literal(row.name),
                *(self._tier_cell(row.tiers.get(y)) for y in analysis.years),
            ]
            if last_step:
                cells.append(self._move_cell(latest.get(account_id)))
            grid.add_row(*cells, key=account_id)

    def _show_movements(self, analysis: PortfolioAnalysis) -> None:
        moves: DataTable[Text] = self.query_one("#abc-movements", DataTable)
        moves.clear(columns=True)
        moves.add_column("Move", key="move")
        moves.add_column("Years", key="years")
        moves.add_column("Account", key="account")
        newest_first = sorted(analysis.movements, key=lambda m: -m.to_year)
        for movement in newest_first:
            moves.add_row(
                self._move_cell(movement),
                Text(f"{movement.from_year}→{movement.to_year}"),
                literal(shorten(analysis.rows[movement.account].name, _NAME_WIDTH)),
            )
