"""A diff as Markdown for a pull-request comment: a summary table, then a section per account."""

from __future__ import annotations

import re

from kamtui.core.review.changes import PortfolioDiff
from kamtui.render.diff_lines import (
    TREND_MARKS,
    Line,
    account_sections,
    account_title,
    headline,
    portfolio_lines,
    summary_cells,
)
from kamtui.render.safe_text import inline_markdown, one_line


def render_diff_md(diff: PortfolioDiff, old_label: str, new_label: str) -> str:
    out = [
        f"## kamtui review: {_code(old_label)} → {_code(new_label)}",
        "",
        inline_markdown(headline(diff)),
    ]
    if diff.accounts:
        out += [
            "",
            "| Account | Change | Score | Tier | Quadrant |",
            "|---|---|--:|:-:|---|",
        ]
        out.extend(
            "| "
            + " | ".join(
                [inline_markdown(account_title(account)), account.status]
                + [inline_markdown(cell) for cell in summary_cells(account)]
            )
            + " |"
            for account in diff.accounts
        )
    portfolio = portfolio_lines(diff)
    if portfolio:
        out += ["", "### Portfolio", ""]
        out.extend(_bullet(line) for line in portfolio)
    for account in diff.accounts:
        out += ["", f"### {inline_markdown(account_title(account))}: {account.status}"]
        for section in account_sections(account, diff.currency):
            out += ["", f"**{section.title}**", ""]
            out.extend(_bullet(line) for line in section.lines)
    return "\n".join(out) + "\n"


def _bullet(line: Line) -> str:
    label = _code(line.label) if line.path else inline_markdown(line.label)
    mark = TREND_MARKS[line.trend]
    if line.kind == "added":
        return f"- **+** {label}: {inline_markdown(line.after)}{mark}"
    if line.kind == "removed":
        return f"- **−** {label}: ~~{inline_markdown(line.before)}~~{mark}"
    if line.kind == "note":
        return f"- {label}: **{inline_markdown(line.after)}**{mark}"
    return f"- {label}: {inline_markdown(line.before)} → **{inline_markdown(line.after)}**{mark}"


def _code(text: str) -> str:
    """Inline code that survives backticks in the text (a fence longer than any run in it)."""
    text = one_line(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"
