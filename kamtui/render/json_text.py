"""Every JSON the program prints: strict, exact and safe to show in a terminal.

Strict: `NaN` and `Infinity` are not JSON (Python writes them by default, and most
parsers then fail), so a figure that is not finite is a bug to raise, never output.
Exact: text stays as written, other scripts included. Safe: a character that moves
the cursor, reorders the line or cannot be seen is written as its `\\uXXXX` escape,
which reads back to the same text.
"""

from __future__ import annotations

import json
import re

from kamtui.render.safe_text import HIDDEN

# json.dumps escapes the controls inside strings itself; the indentation's line breaks
# are the only ones outside them.
_HIDDEN = re.compile(rf"(?!\n){HIDDEN.pattern}")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_text(document: object) -> str:
    """`document` as indented JSON (no trailing newline); ValueError for a NaN or infinity."""
    # Outside strings JSON is ASCII, so a hidden character can only be inside one.
    text = json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False)
    return _HIDDEN.sub(_escape, text)
