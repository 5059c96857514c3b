"""A focus change that repaints only the lines showing it, not the whole widget.

Textual repaints a widget whole when it gains or loses the focus (`Widget.focus()`
and the focus and blur handlers all call `refresh()`), and setting `has_focus`
restyles the widget and its scrollbars for any `:focus` rule. At 10,000 accounts a
press of → in the ABC view (focus from one table to the other) took 35-41 ms, against
8 ms for a cursor move; with only each table's header and cursor line repainted and
no restyle, 17-19 ms (medians of 10 presses, the two versions run alternately,
2026-12-04). The rest is Textual's own work for a focus change (the footer's keys,
the screen's update).

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
        self._focus_changed(True)

    def on_blur(self, event: events.Blur) -> None:
        event.prevent_default()
        self._focus_changed(False)

    def _focus_changed(self, focused: bool) -> None:
        # Set without its watcher, which restyles the widget and its scrollbars (a
        # third of the time left): no style of ours depends on `:focus`.
        self.set_reactive(Widget.has_focus, focused)
        for line in self.focus_lines():
            self.refresh_line(line)
        # What Widget's handlers do besides the repaint: ancestors hear of it.
        if self.parent is not None:
            message = events.DescendantFocus if self.has_focus else events.DescendantBlur
            self.parent.post_message(message(self))


def take_focus(widget: Widget) -> None:
    """Focus `widget` without the whole repaint of `Widget.focus()`."""
    widget.screen.set_focus(widget)
