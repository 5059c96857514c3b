"""A diff for the terminal: coloured with rich, readable without colour too.

Colour repeats what the text says: `+`/`−` mark what was added or removed, and
▲/▼ say whether a move is better or worse for the account.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from kamtui.core.review.changes import PortfolioDiff
from kamtui.render.diff_lines import (
    TREND_MARKS,
    Line,
    account_sections,
    account_title,
    headline,
    portfolio_lines,
)
from kamtui.render.safe_text import one_line

_STATUS_STYLE = {"added": "bold green", "removed": "bold red", "changed": "bold yellow"}
_TREND_STYLE = {1: "green", -1: "red", 0: ""}


def render_diff_text(diff: PortfolioDiff, old_label: str, new_label: str) -> RenderableType:
    parts: list[RenderableType] = [
        Text.assemble(
            ("kamtui diff ", "bold"),
            (one_line(old_label), "red"),
            " → ",
            (one_line(new_label), "green"),
        ),
        Text(headline(diff)),
    ]
    portfolio = portfolio_lines(diff)
    if portfolio:
        parts.append(Text("\nPortfolio", style="bold"))
        parts.extend(line_text(line, 1) for line in portfolio)
    for account in diff.accounts:
        parts.append(
            Text.assemble(
                "\n",
                (account_title(account), "bold"),
                " ",
                (account.status, _STATUS_STYLE[account.status]),
            )
        )
        for section in account_sections(account, diff.currency):
            parts.append(Text("  " + section.title, style="underline"))
            parts.extend(line_text(line, 2) for line in section.lines)
    return Group(*parts)


def line_text(line: Line, depth: int) -> Text:
    """One line of a review, indented `depth` steps."""
    text = Text("  " * depth)
    label = Text(line.label, style="cyan" if line.path else "")
    if line.kind == "added":
        text.append("+ ", style="green")
        text.append(label)
        text.append(f": {line.after}", style="green")
    elif line.kind == "removed":
        text.append("− ", style="red")
        text.append(label)
        text.append(f": {line.before}", style="red")
    elif line.kind == "note":
        text.append(label)
        text.append(f": {line.after}", style="bold")
    else:
        text.append(label)
        text.append(": ")
        text.append(line.before, style="red")
        text.append(" → ")
        text.append(line.after, style="green")
    text.append(TREND_MARKS[line.trend], style=_TREND_STYLE[line.trend])
    return text
