"""What every line-drawn table shares: RowCursor's keys and moves, and the colours of
the header, the striped rows and the cursor (the `rows--*` components).

The accounts table and the views' tables (RowsTable) draw their lines differently
(a column layout that scrolls sideways, cells asked of an owner) but must look and
move alike: a change of stripe or cursor colour is made here, once.
"""

from __future__ import annotations

from typing import ClassVar

from kamtui.tui.widgets.row_cursor import RowCursor


class LineTable(RowCursor):
    """A RowCursor drawn as a table: `style_of("rows--header")`, `"rows--even"`,
    `"rows--cursor"` give the colours of its lines."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"rows--header", "rows--even", "rows--cursor"}
    DEFAULT_CSS = """
    LineTable {
        & > .rows--header { text-style: bold; background: $panel; }
        & > .rows--even { background: $surface-lighten-1 50%; }
        &:dark > .rows--even { background: $surface-darken-1 40%; }
        & > .rows--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .rows--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """
