"""Characters a reader cannot see: what an id may not hold, and what a display escapes.

An id is how a person tells one stakeholder, objective or account from another. A
zero-width space, a bidirectional override or a tag character makes `acme` and
`acme\\u200b` two ids that look the same in a diff, a review comment or a table; a
text editor may not show them either. Such a character in an id is an error that
names it, so the reader can find and remove it.
"""

from __future__ import annotations

import re
import unicodedata

# Controls (Cc), line and paragraph separators (Zl, Zp), format characters (Cf) and
# the rest of Unicode's Default_Ignorable_Code_Point (fillers, variation selectors,
# combining grapheme joiner, the tag block), which editors and terminals draw as nothing.
INVISIBLE_CLASS = (
    "\x00-\x1f\x7f-\x9f\xad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
_INVISIBLE = re.compile(f"[{INVISIBLE_CLASS}]")


def code_point(char: str) -> str:
    """`U+200B ZERO WIDTH SPACE`; controls, which have no name, say what they are."""
    name = unicodedata.name(char, "")
    if not name:
        name = "(a control character)" if unicodedata.category(char) == "Cc" else "(unnamed)"
    return f"U+{ord(char):04X} {name}"


def invisible_in(text: str) -> str | None:
    """Which invisible character `text` holds and where, or None: `an invisible
    character, U+200B ZERO WIDTH SPACE, after 'ev'`."""
    found = _INVISIBLE.search(text)
    if found is None:
        return None
    start = found.start()
    before = ("…" if start > 20 else "") + text[max(0, start - 20) : start]
    where = f"after '{before}'" if before else "at the start"
    return f"an invisible character, {code_point(found.group())}, {where}"
