"""User text from account files as Rich `Text`: literal, never markup, never escapes.

A name like "[bold red]ACME" must show its brackets, and an ANSI escape or a
carriage return must not move the cursor; `kamtui.render.safe_text` does the
cleaning for every front end, this module only wraps the result for widgets.
"""

from __future__ import annotations

from rich.text import Text

from kamtui.render.safe_text import one_line


def literal(value: object, style: str = "") -> Text:
    """One line of user text, cut with an ellipsis where it does not fit."""
    return Text(one_line(str(value)), style=style, no_wrap=True, overflow="ellipsis")


def paragraph(value: object, style: str = "") -> Text:
    """User text that keeps its line breaks (notes, evidence) and wraps at the width."""
    lines = [one_line(line) for line in str(value).splitlines()]
    return Text("\n".join(lines), style=style)
