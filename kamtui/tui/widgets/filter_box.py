"""The accounts filter box, lying on the table's bottom border.

Two things keep a key press in it from laying out the whole screen:

- Closed, the box is not hidden but draws the border line it lies on; opening it
  (/) and closing it only repaint it. Showing or hiding a widget lays out the screen
  (20-30 ms on the Accounts screen at 10,000 accounts).
- Textual's Input sets its virtual width to its text's at each change, and a new
  virtual size lays out the screen too: 8-15 ms per letter typed. The box is one
  line in a layer of its own, so its text growing moves nothing else; only its own
  scrolling (read from the virtual size directly) changes.
"""

from __future__ import annotations

from typing import Any, Self

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input


class FilterBox(Input):
    _typing = False

    def __init__(self, lies_on: Widget, **options: Any) -> None:
        super().__init__(**options)
        self._lies_on = lies_on
        # Closed, it is part of the border: out of reach of focus (a view shown
        # again focuses its first focusable widget).
        self.can_focus = False

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        self.add_class("-open")
        self.can_focus = True
        self.focus()

    def close(self) -> None:
        self.remove_class("-open")
        self.can_focus = False

    def render_line(self, y: int) -> Strip:
        if self.is_open:
            return super().render_line(y)
        # The border under the box, as Textual draws it: its colour over the
        # background around the widget, on the widget's own background.
        _, color = self._lies_on.styles.border_bottom
        around, background = self._lies_on.background_colors
        style = Style(color=(around + color).rich_color, bgcolor=background.rich_color)
        return Strip([Segment("─" * self.size.width, style)], self.size.width)

    def _watch_value(self, value: str) -> None:
        self._typing = True
        try:
            super()._watch_value(value)
        finally:
            self._typing = False

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        return super().refresh(
            *regions, repaint=repaint, layout=layout and not self._typing, recompose=recompose
        )
