"""A diff as Markdown for a pull-request comment: a summary table, then a section per account."""

from __future__ import annotations

import re

from kamtui.core.diff import PortfolioDiff
from kamtui.render.diff_lines import (
    TREND_MARKS,
    Line,
    account_sections,
    account_title,
    headline,
    portfolio_lines,
    summary_cells,
)
from kamtui.render.safe_text import one_line

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def render_diff_md(diff: PortfolioDiff, old_label: str, new_label: str) -> str:
    out = [
        f"## kamtui review: {_code(old_label)} → {_code(new_label)}",
        "",
        _escape(headline(diff)),
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
                [_escape(account_title(account)), account.status]
                + [_escape(cell) for cell in summary_cells(account)]
            )
            + " |"
            for account in diff.accounts
        )
    portfolio = portfolio_lines(diff)
    if portfolio:
        out += ["", "### Portfolio", ""]
        out.extend(_bullet(line) for line in portfolio)
    for account in diff.accounts:
        out += ["", f"### {_escape(account_title(account))}: {account.status}"]
        for section in account_sections(account, diff.currency):
            out += ["", f"**{section.title}**", ""]
            out.extend(_bullet(line) for line in section.lines)
    return "\n".join(out) + "\n"


def _bullet(line: Line) -> str:
    label = _code(line.label) if line.path else _escape(line.label)
    mark = TREND_MARKS[line.trend]
    if line.kind == "added":
        return f"- **+** {label}: {_escape(line.after)}{mark}"
    if line.kind == "removed":
        return f"- **−** {label}: ~~{_escape(line.before)}~~{mark}"
    if line.kind == "note":
        return f"- {label}: **{_escape(line.after)}**{mark}"
    return f"- {label}: {_escape(line.before)} → **{_escape(line.after)}**{mark}"


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))


def _code(text: str) -> str:
    """Inline code that survives backticks in the text (a fence longer than any run in it)."""
    text = one_line(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"
