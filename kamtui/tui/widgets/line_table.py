"""What every line-drawn table shares: RowCursor's keys and moves, and the colours of
the header, the striped rows and the cursor (the `rows--*` components).

The accounts table and the views' tables (RowsTable) draw their lines differently
(a column layout that scrolls sideways, cells asked of an owner) but must look and
move alike: a change of stripe or cursor colour is made here, once.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style

from kamtui.tui.widgets.focus_lines import FocusInLines
from kamtui.tui.widgets.row_cursor import RowCursor


class LineTable(RowCursor, FocusInLines):
    """A RowCursor drawn as a table: `header_style()`, `style_of("rows--even")` and
    `cursor_style()` give the colours of its lines.

    The focus shows in the header (in the accent colour) and the cursor row alone, so
    that moving the focus between tables repaints two lines of each (`FocusInLines`).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "rows--header",
        "rows--header-focused",
        "rows--even",
        "rows--cursor",
        "rows--cursor-blurred",
    }
    DEFAULT_CSS = """
    LineTable {
        & > .rows--header { text-style: bold; background: $panel; }
        & > .rows--header-focused { text-style: bold; background: $panel; color: $accent; }
        & > .rows--even { background: $surface-lighten-1 50%; }
        &:dark > .rows--even { background: $surface-darken-1 40%; }
        & > .rows--cursor-blurred {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .rows--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    def header_style(self) -> Style:
        return self.style_of("rows--header-focused" if self.has_focus else "rows--header")

    def cursor_style(self) -> Style:
        """The cursor row's colours on top of the table's own."""
        return self.style_of("rows--cursor" if self.has_focus else "rows--cursor-blurred")

    def focus_lines(self) -> list[int]:
        return [self.scroll_offset.y, self.line_of(self.cursor) + 1]
