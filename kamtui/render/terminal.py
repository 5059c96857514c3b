"""The console every command prints its tables, trees and coloured text with.

It reads no markup and no emoji codes: a plain string that reaches it (a column
header holding the currency from `kam.yaml`, a table cell) is shown as written, so
"[link=…]" in a file cannot become a live link nor ":x:" a symbol. Text from files
still goes through `safe_text.one_line`, which removes what would move the cursor.
"""

from __future__ import annotations

from rich.console import Console


def terminal_console(*, soft_wrap: bool = False) -> Console:
    return Console(markup=False, emoji=False, highlight=False, soft_wrap=soft_wrap)
