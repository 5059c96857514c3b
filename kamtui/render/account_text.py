"""One account as plain lines, one fact per line, in a fixed order: what `kamtui show`
prints and what git's textconv diffs, so a diff shows meaning rather than layout.

Only figures of the account's record that depend on the file and the portfolio
settings are shown, never on the date (so no tier, which needs the portfolio, and no
overdue flag), so the same file always renders the same way.
"""

from __future__ import annotations

from kamtui.core.account.model import Account
from kamtui.core.account.problem import Problem
from kamtui.core.analysis.record import record_values
from kamtui.core.analysis.scoring import AccountFigures
from kamtui.core.people.stakeholders import StakeholderAnalysis
from kamtui.core.review.facts import model_facts
from kamtui.render.diff_lines import fact_text, figure_text
from kamtui.render.safe_text import escaped, one_line


def render_account_text(
    account: Account, figures: AccountFigures, stakeholders: StakeholderAnalysis
) -> str:
    record = record_values(figures, dated=False)
    derived = {name: figure_text(name, value) for name, value in record.items()}
    derived["open pipeline"] = fact_text(figures.needs_value)
    derived["to win"] = ", ".join(stakeholders.to_win) or "nobody"
    lines = ["# figures"]
    lines.extend(f"{name}: {value}" for name, value in derived.items())
    lines.append("# facts")
    for path, value in model_facts(account).items():
        words = value if isinstance(value, tuple) else (value,)
        lines.extend(f"{path}: {fact_text(word)}" for word in words)
    return "\n".join(lines) + "\n"


def render_broken_account(problems: list[Problem], raw: str | None) -> str:
    """A file that does not validate: its problems, then its text as written, so that
    a diff of it still shows what changed (control characters as escapes: the text
    goes to a terminal)."""
    lines = ["# this account file is invalid:"]
    lines.extend(f"# line {p.line}, column {p.column}: {one_line(p.message)}" for p in problems)
    if raw is None:
        return "\n".join(lines) + "\n"
    lines.append("# its text as written:")
    # Line by line, so that CRLF endings are dropped rather than shown as "\r".
    lines.extend(escaped(line.removesuffix("\r")) for line in raw.removesuffix("\n").split("\n"))
    return "\n".join(lines) + "\n"
