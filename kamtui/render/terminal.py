"""The console every command prints its tables, trees and coloured text with.

It reads no markup and no emoji codes: a plain string that reaches it (a column
header holding the currency from `kam.yaml`, a table cell) is shown as written, so
"[link=…]" in a file cannot become a live link nor ":x:" a symbol. Text from files
still goes through `safe_text.one_line`, which removes what would move the cursor.
"""

from __future__ import annotations

import os

from rich.console import Console

# Written to a file or a pipe, where no terminal says how wide to be: wide enough for
# every column of the report, where Rich's default of 80 cut names.
PIPED_WIDTH = 160


def terminal_console(*, soft_wrap: bool = False, width: int | None = None) -> Console:
    """`width`: the columns to lay out for (default: the terminal's, or PIPED_WIDTH)."""
    console = Console(markup=False, emoji=False, highlight=False, soft_wrap=soft_wrap)
    if width is None and not console.is_terminal and "COLUMNS" not in os.environ:
        width = PIPED_WIDTH
    if width is not None:
        console.width = width
    return console
