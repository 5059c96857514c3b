"""The row cursor shared by the line-drawn lists (the accounts table, RowsTable, the Pareto chart).

Each list draws a sticky header on its first line and its rows below it; a list may
put lines between rows (the Pareto chart's rule under the vital few), so a row's
line is asked of the list (`line_of`). Keys move the cursor and keep it in sight;
enter or a click posts `AccountChosen` with the row's account id (a list may say
otherwise: the accounts table opens its detail). A list that keeps something per row
(drawn lines, a selection) hears of each move in `cursor_moved`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.scroll_view import ScrollView

from kamtui.tui.widgets.style_memo import StyleMemo


@dataclass
class AccountChosen(Message):
    """An account picked in a portfolio view (enter, or a click): open it."""

    key: str


class RowCursor(StyleMemo, ScrollView):
    """A ScrollView whose rows carry a cursor; subclasses say how many rows there are,
    which line each is on (below the header), and which account a row is."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Previous row", show=False, id="rows.up"),
        Binding("down", "move(1)", "Next row", show=False, id="rows.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="rows.page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="rows.page_down"),
        Binding("home", "move_to(0)", "First row", show=False, id="rows.first"),
        Binding("end", "move_to(-1)", "Last row", show=False, id="rows.last"),
        Binding("enter", "select", "Open the account", show=False, id="rows.open"),
    ]

    cursor = 0

    def row_count(self) -> int:
        raise NotImplementedError

    def row_key(self, index: int) -> str:
        raise NotImplementedError

    def line_of(self, index: int) -> int:
        """The line of row `index`, counted from the first line under the header."""
        return index

    def row_at(self, line: int) -> int | None:
        """The row on `line` (under the header), None for a line between rows."""
        return line if 0 <= line < self.row_count() else None

    def cursor_moved(self, previous: int, index: int) -> None:
        """The cursor went from row `previous` to row `index` (before they are redrawn)."""

    def _rows_on_screen(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def move_cursor(self, index: int) -> None:
        count = self.row_count()
        if not count:
            return
        previous, self.cursor = self.cursor, max(0, min(count - 1, index))
        self.cursor_moved(previous, self.cursor)
        top = self.scroll_offset.y
        self.scroll_to_cursor()
        if self.scroll_offset.y == top:
            # Only the two rows whose highlight moved are drawn again (the header is line 0).
            for moved in {previous, self.cursor}:
                self.refresh_line(self.line_of(moved) + 1)
        else:
            self.refresh()

    def scroll_to_cursor(self) -> None:
        """Scroll just enough to show the cursor's row."""
        line, top, shown = self.line_of(self.cursor), self.scroll_offset.y, self._rows_on_screen()
        if line < top:
            self.scroll_to(y=line, animate=False, immediate=True)
        elif line >= top + shown:
            self.scroll_to(y=line - shown + 1, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        self.move_cursor(self.cursor + step)

    def action_page(self, step: int) -> None:
        self.move_cursor(self.cursor + step * self._rows_on_screen())

    def action_move_to(self, index: int) -> None:
        self.move_cursor(index if index >= 0 else self.row_count() - 1)

    def account_under_cursor(self) -> str | None:
        """The account id of the cursor's row (what enter opens), None with no rows."""
        return self.row_key(self.cursor) if self.row_count() else None

    def action_select(self) -> None:
        account = self.account_under_cursor()
        if account is not None:
            self.post_message(AccountChosen(account))

    def on_resize(self, _event: events.Resize) -> None:
        # Laid out anew (the dashboard stacks its tables at 80 columns; a terminal made
        # smaller): the keys act on the focused list and its cursor, so both stay in sight.
        self.call_after_refresh(self.scroll_to_cursor)
        if self.has_focus:
            self.call_after_refresh(self.scroll_visible, animate=False)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        index = self.row_at(self.scroll_offset.y + offset.y - 1)
        if index is not None:
            self.move_cursor(index)
            self.action_select()
