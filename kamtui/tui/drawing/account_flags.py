"""The warning flags of an account, as words with a symbol; colour only repeats them."""

from __future__ import annotations

from dataclasses import dataclass

from kamtui.core.analysis.scoring import AccountFlag
from kamtui.render.report_format import FLAG_MEANINGS, FLAG_STYLES, flag_label
from kamtui.render.safe_text import one_line
from kamtui.tui.live.portfolio_model import AccountFile


@dataclass(frozen=True, slots=True)
class Flag:
    label: str
    # What a filter matches: the label's words plus synonyms a user may type.
    words: str
    style: str
    explanation: str


def account_flags(file: AccountFile) -> list[Flag]:
    """Most urgent first, so a narrow column cuts the least important."""
    flags: list[Flag] = []
    first = file.problems[0] if file.problems else None
    if file.invalid:
        # The table shows where and what: scanning the list finds the error without opening it.
        where = f" {first.line}:{first.column} {one_line(first.message)}" if first else ""
        flags.append(
            Flag(
                f"✗ invalid{where}",
                "invalid error broken",
                "bold red",
                "The file has errors and no earlier valid version to show.",
            )
        )
        return flags
    if file.stale:
        where = f" (line {first.line})" if first else ""
        flags.append(
            Flag(
                f"⟳ stale{where}",
                "stale error broken",
                "bold yellow",
                "The file on disk has errors; showing its last valid version.",
            )
        )
    if file.row is None:
        return flags
    figures = file.row.figures
    raised = figures.flags
    for flag in raised:
        # One word per account in a narrow column: endangered already says at risk. Upsell
        # is an opportunity most accounts have: the dashboard and the detail's MRR say it.
        if flag is AccountFlag.upsell or (
            flag is AccountFlag.at_risk and AccountFlag.endangered in raised
        ):
            continue
        flags.append(
            Flag(
                _SYMBOLS.get(flag, "") + flag_label(flag, figures),
                f"{flag_label(flag, figures)} {flag.value.replace('_', ' ')} {_SYNONYMS.get(flag, '')}",
                FLAG_STYLES[flag],
                FLAG_MEANINGS[flag],
            )
        )
    return flags


# The table marks the two most urgent with a symbol, so they read in any colour scheme.
_SYMBOLS = {AccountFlag.endangered: "‼ ", AccountFlag.at_risk: "! "}
# What a filter may also be typed as.
_SYNONYMS = {
    AccountFlag.endangered: "at risk",
    AccountFlag.overdue: "overdue objectives",
    AccountFlag.behind_plan: "behind objectives tracking",
    AccountFlag.single_threaded: "single threaded",
    AccountFlag.low_satisfaction: "satisfaction csat",
    AccountFlag.not_assessed: "unassessed unscored new",
    AccountFlag.review_overdue: "status",
    AccountFlag.proposed: "promotion candidate",
}
