"""A focus change that repaints only the lines showing it, not the whole widget.

Textual repaints a widget whole when it gains or loses the focus (`Widget.focus()`
and the focus and blur handlers all call `refresh()`), and a `:focus` rule restyles
it whole. At 10,000 accounts a press of → in the ABC view (focus from one table to
the other) took 29-36 ms, two tables of 40 lines through Textual's style cache at
160×50, the machine busy with a mutation run; with only each table's header and
cursor line repainted, 15-17 ms, as much as a move of the cursor.

So a widget of this kind draws its focus itself (`has_focus` read while drawing;
`focus_lines()` names the lines that show it), has no `:focus` rule, and is focused
with `take_focus(widget)` rather than `widget.focus()`.
"""

from __future__ import annotations

from textual import events
from textual.scroll_view import ScrollView
from textual.widget import Widget


class FocusInLines(ScrollView):
    """A scrolled widget whose focus shows in a few lines only (`focus_lines`)."""

    def focus_lines(self) -> list[int]:
        """The lines (in the widget's scrolled coordinates) that look different focused."""
        return []

    def on_focus(self, event: events.Focus) -> None:
        event.prevent_default()  # Widget's own handler repaints the widget whole
        self.has_focus = True
        self._focus_changed()

    def on_blur(self, event: events.Blur) -> None:
        event.prevent_default()
        self.has_focus = False
        self._focus_changed()

    def _focus_changed(self) -> None:
        for line in self.focus_lines():
            self.refresh_line(line)
        # What Widget's handlers do besides the repaint: ancestors hear of it.
        if self.parent is not None:
            message = events.DescendantFocus if self.has_focus else events.DescendantBlur
            self.parent.post_message(message(self))


def take_focus(widget: Widget) -> None:
    """Focus `widget` without the whole repaint of `Widget.focus()`."""
    widget.screen.set_focus(widget)
