"""The accounts filter box, lying on the table's bottom border.

It never takes the focus: while the user types a filter the table keeps it, and the
Accounts view hands the box the keys that edit a line (`type_key`). A change of focus
restyles and repaints the table, the box and the footer: 10-15 ms at 10,000
accounts on / and on escape, most of a frame before anything is filtered. For the
same reason nothing here changes the box's classes or size: opening, typing and
closing only repaint its one line.

Closed, the box draws the border line it lies on; open, the filter (with a cursor
while typing), or what a filter can match.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from kamtui.tui.widgets.line_edit import LineEdit


class FilterBox(Widget, can_focus=False):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "filter-box--cursor",
        "filter-box--placeholder",
    }
    DEFAULT_CSS = """
    FilterBox {
        background: $boost;
        color: $foreground;
        & > .filter-box--cursor {
            background: $input-cursor-background;
            color: $input-cursor-foreground;
            text-style: $input-cursor-text-style;
        }
        & > .filter-box--placeholder { color: $text-disabled; }
    }
    """

    class Clicked(Message):
        """A click on the box: the user wants to type a filter."""

    def __init__(self, lies_on: Widget, *, placeholder: str, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lies_on = lies_on
        self.placeholder = placeholder
        self._line = LineEdit()
        self.typing = False

    @property
    def is_open(self) -> bool:
        """Shown as a box, not as the border: while typed in, or holding a filter."""
        return self.typing or bool(self.value)

    @property
    def value(self) -> str:
        return self._line.text

    @property
    def cursor(self) -> int:
        return self._line.cursor

    def set_value(self, value: str) -> None:
        """The filter `value`, the cursor after it."""
        self._line = LineEdit(value, len(value))
        self.refresh()

    def start_typing(self) -> None:
        """Typing goes on at the end of the filter."""
        self._line = self._line.moved(len(self.value))
        self.typing = True
        self.refresh()

    def stop_typing(self) -> None:
        """The filter stays on show; an empty box closes."""
        self.typing = False
        self.refresh()

    def type_key(self, key: str, character: str | None) -> bool:
        """Edit the filter with a key; False for a key that does not edit a line."""
        edited = self._line.edited(key, character)
        if edited is None:
            return False
        self._line = edited
        self.refresh()
        return True

    def paste(self, text: str) -> None:
        """The first line of `text` at the cursor (a filter is one line)."""
        lines = text.splitlines()
        self._line = self._line.inserted(lines[0] if lines else "")
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        if self.typing:
            self._line = self._line.moved(self._character_at(event.x))
            self.refresh()
        else:
            self.post_message(self.Clicked())

    def _character_at(self, x: int) -> int:
        """Which character of the filter is drawn at cell `x` of the box."""
        cells = x + self._scrolled()
        for index, char in enumerate(self.value):
            cells -= cell_len(char)
            if cells < 0:
                return index
        return len(self.value)

    def _scrolled(self) -> int:
        """Cells of the filter scrolled off the left so that the cursor shows."""
        return max(0, cell_len(self.value[: self.cursor]) + 1 - self.size.width)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if not self.is_open:
            # The border under the box, as Textual draws it: its colour over the
            # background around the widget, on the widget's own background.
            _, color = self._lies_on.styles.border_bottom
            around, background = self._lies_on.background_colors
            style = Style(color=(around + color).rich_color, bgcolor=background.rich_color)
            return Strip([Segment("─" * width, style)], width)
        base = self.rich_style
        cursor = base + self.get_component_rich_style("filter-box--cursor")
        if not self.value:
            hint = base + self.get_component_rich_style("filter-box--placeholder")
            head, rest = self.placeholder[:1] or " ", self.placeholder[1:]
            segments = [Segment(head, cursor if self.typing else hint), Segment(rest, hint)]
            return Strip(segments).crop_extend(0, width, base)
        before, after = self.value[: self.cursor], self.value[self.cursor :]
        under = after[:1] or " "
        segments = [
            Segment(before, base),
            Segment(under, cursor if self.typing else base),
            Segment(after[1:], base),
        ]
        start = self._scrolled()
        return Strip(segments).crop_extend(start, start + width, base)
