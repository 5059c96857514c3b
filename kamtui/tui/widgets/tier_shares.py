"""Each year's revenue split into tiers A, B and C, as one stacked bar per year.

Tiers differ by fill (█ ▓ ░) and carry their letter, so the split reads without colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from kamtui.core.analysis.abc_analysis import Tier, TierSummary
from kamtui.tui.drawing.chart import strip

FILL: dict[Tier, str] = {Tier.A: "█", Tier.B: "▓", Tier.C: "░"}
_LETTER = Style(reverse=True, bold=True)


class TierShares(Widget):
    """One row per year: the stacked bar, then each tier's accounts and revenue share."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"tiers--a", "tiers--b", "tiers--c"}
    DEFAULT_CSS = """
    TierShares {
        height: auto;
        & > .tiers--a { color: $success; }
        & > .tiers--b { color: $warning; }
        & > .tiers--c { color: $text-muted; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._years: tuple[int, ...] = ()
        self._summary: Mapping[int, Mapping[Tier, TierSummary]] = {}

    def show(self, years: Sequence[int], summary: Mapping[int, Mapping[Tier, TierSummary]]) -> None:
        self._years = tuple(years)
        self._summary = summary
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._years)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y >= len(self._years):
            return Strip.blank(width, base)
        year = self._years[y]
        summary = self._summary[year]
        digits = max(
            len(str(s.accounts)) for tiers in self._summary.values() for s in tiers.values()
        )
        legend = [
            (
                f"  {tier.value} {summary[tier].accounts:>{digits}} · {summary[tier].share:>4.0%}",
                tier,
            )
            for tier in Tier
        ]
        bar_width = max(3, width - 5 - sum(len(text) for text, _ in legend))
        segments: list[tuple[str, Style]] = [(f"{year} ", base)]
        share_before = 0.0
        for tier in Tier:
            start = round(share_before * bar_width)
            share_before += summary[tier].share
            segments.extend(self._segment(tier, round(share_before * bar_width) - start))
        segments.extend((text, self._style(tier)) for text, tier in legend)
        return strip(segments, width, base)

    def _style(self, tier: Tier) -> Style:
        return self.get_component_rich_style(f"tiers--{tier.value.lower()}")

    def _segment(self, tier: Tier, cells: int) -> list[tuple[str, Style]]:
        """`cells` of the tier's fill, its letter in the middle when there is room."""
        style = self._style(tier)
        if cells < 3:
            return [(FILL[tier] * cells, style)]
        middle = cells // 2
        return [
            (FILL[tier] * middle, style),
            (tier.value, style + _LETTER),
            (FILL[tier] * (cells - middle - 1), style),
        ]
