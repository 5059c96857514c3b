"""A row of tab labels over an underline, drawn by one widget.

Drawn as Textual's tabs are (the active label bright, the others dimmed, a bar
under the active one), but Textual's `TabbedContent` takes 18 widgets for six tabs
and every widget on the screen adds to the cost of each key press, hidden ones too
(about 0.15 ms each: see `key_footer`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

PADDING = 1  # cells each side of a label
BAR = "━"
BAR_ENDS = ("╸", "╺")  # the half bars either side of the active tab's


class TabStrip(Widget, can_focus=False):
    active: reactive[str] = reactive("", always_update=False)
    """The id of the tab shown."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "tab-strip--tab",
        "tab-strip--active",
        "tab-strip--bar",
        "tab-strip--underline",
    }
    DEFAULT_CSS = """
    TabStrip {
        height: 2;
        & > .tab-strip--tab { color: $foreground 50%; }
        & > .tab-strip--active { color: $foreground; }
        & > .tab-strip--bar { color: $block-cursor-background; }
        & > .tab-strip--underline { color: $foreground 10%; }
    }
    """

    @dataclass
    class Activated(Message):
        """A tab was clicked."""

        tab_id: str

    def __init__(
        self,
        tabs: list[tuple[str, str]],
        *,
        short: dict[str, str] | None = None,
        id: str | None = None,
    ) -> None:
        """`tabs`: (id, title) in order; `short`: shorter titles, by id, for a strip too
        narrow for the titles (at 80 columns the view tabs: "Dash", "White")."""
        super().__init__(id=id)
        self._titles = dict(tabs)
        self._short = {tab_id: (short or {}).get(tab_id, title) for tab_id, title in tabs}
        self._counts: dict[str, int] = {}
        self.set_reactive(TabStrip.active, tabs[0][0])

    def set_count(self, tab_id: str, count: int) -> None:
        """Show `count` beside the tab's title, `Objectives (4)`, where the width allows."""
        if self._counts.get(tab_id) != count:
            self._counts[tab_id] = count
            self.refresh()

    def _labels(self) -> dict[str, str]:
        """Each tab's label: with its count when every label fits so, else its title alone,
        else its short title (at 80 columns the counts, or the long titles, would push the
        last tab out of sight)."""
        counted = {
            tab_id: f"{title} ({self._counts[tab_id]})" if tab_id in self._counts else title
            for tab_id, title in self._titles.items()
        }
        for labels in (counted, self._titles):
            needed = sum(Text(label).cell_len + 2 * PADDING for label in labels.values())
            if needed <= self.size.width:
                return labels
        return self._short

    def _spans(self) -> list[tuple[str, int, int]]:
        """Each tab's id and the cells its label takes, padding left out."""
        spans, x = [], 0
        for tab_id, label in self._labels().items():
            width = Text(label).cell_len
            spans.append((tab_id, x + PADDING, x + PADDING + width))
            x += width + 2 * PADDING
        return spans

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        line = Text(no_wrap=True, overflow="crop", end="")
        if y == 0:
            tab = self.get_component_rich_style("tab-strip--tab")
            active = self.get_component_rich_style("tab-strip--active")
            for tab_id, label in self._labels().items():
                line.append(" " * PADDING)
                line.append(label, active if tab_id == self.active else tab)
                line.append(" " * PADDING)
        elif y == 1:
            underline = self.get_component_rich_style("tab-strip--underline")
            bar = self.get_component_rich_style("tab-strip--bar")
            start, end = next((s, e) for tab_id, s, e in self._spans() if tab_id == self.active)
            if start > 0:
                line.append(BAR * (start - 1) + BAR_ENDS[0], underline)
            line.append(BAR * (end - start), bar)
            if end < width:
                line.append(BAR_ENDS[1] + BAR * (width - end - 1), underline)
        line.truncate(width, pad=True)
        segments = list(line.render(self.app.console))
        # The background only: the padding between labels has no colour of its own.
        return Strip(segments, width).apply_style(Style(bgcolor=self.rich_style.bgcolor))

    def on_click(self, event: events.Click) -> None:
        for tab_id, start, end in self._spans():
            if start - PADDING <= event.x < end + PADDING:
                self.post_message(self.Activated(tab_id))
                return
