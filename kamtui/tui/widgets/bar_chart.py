"""A labelled horizontal bar chart: one row per bar, the value written beside it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from kamtui.render.safe_text import one_line
from kamtui.tui.drawing.chart import fit, fraction_of, hbar, strip
from kamtui.tui.widgets.style_memo import StyleMemo

_LONGEST_LABEL = 18


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    shown: str  # the value as the reader sees it: "3.2M", "4 accounts"
    kind: str = "bar"  # what the colour says: bar, good, warning, bad, muted, accent
    note: str = ""  # after the value: "▲ 23%", "↑ upsell"


class BarChart(StyleMemo, Widget):
    """Bars scaled to the largest value; labels, values and notes line up in columns."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "bars--bar",
        "bars--good",
        "bars--warning",
        "bars--bad",
        "bars--muted",
        "bars--accent",
    }
    DEFAULT_CSS = """
    BarChart {
        height: auto;
        & > .bars--bar { color: $primary; }
        & > .bars--good { color: $success; }
        & > .bars--warning { color: $warning; }
        & > .bars--bad { color: $error; }
        & > .bars--muted { color: $text-muted; }
        & > .bars--accent { color: $accent; text-style: bold; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bars: tuple[Bar, ...] = ()

    def show(self, bars: Sequence[Bar]) -> None:
        self.bars = tuple(bars)
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.bars)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.style_of()
        if y >= len(self.bars):
            return Strip.blank(width, base)
        label_width = min(_LONGEST_LABEL, max(cell_len(one_line(b.label)) for b in self.bars))
        shown_width = max(cell_len(b.shown) for b in self.bars)
        note_width = max(cell_len(b.note) for b in self.bars)
        bar_width = max(1, width - label_width - shown_width - note_width - 3)
        top = max(b.value for b in self.bars)
        bar = self.bars[y]
        style = self.style_of(f"bars--{bar.kind}")
        return strip(
            [
                (fit(bar.label, label_width) + " ", base),
                (hbar(fraction_of(bar.value, top), bar_width), style),
                (" " + bar.shown.rjust(shown_width), base),
                (" " + bar.note if bar.note else "", style),
            ],
            width,
            base,
        )
