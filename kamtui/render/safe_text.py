"""User text made safe to show: in a terminal, a chart label, a one-line field or a
pull-request comment.

Account files, `kam.yaml`, file names and git's commit subjects may carry any
character (YAML's "\\e" escape writes an ESC), and a name that moves the cursor,
writes to the clipboard, recolours the terminal or reverses the line's direction would
let one file disguise what the tool shows. Everything shown passes through here:
`one_line` for what a person reads, `escaped` for what must stay exact (a file name in
a diagnostic), `inline_markdown` for a comment GitHub renders.
"""

from __future__ import annotations

import re
import unicodedata

from kamtui.core.account.invisible import INVISIBLE_CLASS

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST) and two-character escapes.
_ANSI_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-_])")
# Bidirectional overrides and isolates: they reorder what follows them on screen.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
_SPACES = re.compile(r"\s+")
# Every invisible character (tab excepted: it hides nothing), and the lone surrogates
# that stand for the bytes of a file name that is not UTF-8 (they cannot be written
# to a UTF-8 terminal).
HIDDEN = re.compile(rf"(?!\t)[{INVISIBLE_CLASS}\ud800-\udfff]")
# Markdown's punctuation that could start emphasis, code, a link or an image (`[`), a
# tag, an entity, a table cell, strike-through, maths or a heading's closing `#`s.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$#])")
# Where GitHub makes a mention (`@user`, `@org/team`, an e-mail address), an issue
# reference (`#12`) or a link (`https://…`, `www.…`) of plain text.
_GITHUB_ACTIVE = re.compile(r"(@|#|:(?=//)|\b(?i:www)(?=\.))")


def one_line(text: str) -> str:
    """The text on one line: escapes and bidi controls dropped, control characters and
    line breaks turned into single spaces, ends trimmed."""
    if text.isprintable():
        # No control, format or separator character but the plain space (the common
        # case, checked in C): only runs of spaces to fold. The loop below takes
        # 40 us a name, 1.2 s of the table rows of 10,000 accounts.
        return (_SPACES.sub(" ", text) if "  " in text else text).strip()
    text = _ANSI_ESCAPE.sub("", text).translate(_BIDI_CONTROLS)
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text)
    return _SPACES.sub(" ", text).strip()


def escaped(text: str) -> str:
    """The text with each invisible character written as its escape (`\\x1b`, `\\n`,
    `\\u200b`, `\\udcff`).

    For what must stay exact while being shown: a file name in a diagnostic, a
    broken file's text. Nothing is dropped, so the reader can still find the file,
    and nothing is hidden, so `lu\\u200bmen.yaml` is not taken for `lumen.yaml`.
    """
    return HIDDEN.sub(lambda match: match.group().encode("unicode_escape").decode(), text)


def inline_markdown(text: str) -> str:
    """User text on one line for GitHub Markdown, shown as written and inert.

    Punctuation is backslash-escaped, so nothing styles, links or opens a tag; a
    zero-width space (`&#8203;`) after `@` and `#`, inside `://` and after `www`
    keeps GitHub from notifying a person or team, referencing an issue or making a
    link, while the text reads the same.
    """
    return _GITHUB_ACTIVE.sub(r"\1&#8203;", _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text)))
