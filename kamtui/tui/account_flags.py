"""The warning flags of an account, as words with a symbol; colour only repeats them."""

from __future__ import annotations

from dataclasses import dataclass

from kamtui.core.scoring import HealthFlag, health_flags
from kamtui.render.safe_text import one_line
from kamtui.tui.portfolio_model import AccountFile


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
    raised = health_flags(figures, file.single_threaded)
    for flag in raised:
        # One word per account in a narrow column: endangered already says at risk.
        if flag is HealthFlag.at_risk and HealthFlag.endangered in raised:
            continue
        flags.append(_health_flag(flag, len(figures.objectives_overdue)))
    return flags


def _health_flag(flag: HealthFlag, overdue: int) -> Flag:
    match flag:
        case HealthFlag.endangered:
            return Flag(
                "‼ endangered",
                "endangered at risk",
                "bold red",
                "Low engagement and high cancellation risk.",
            )
        case HealthFlag.at_risk:
            return Flag("! at risk", "at risk", "dark_orange", "High cancellation risk.")
        case HealthFlag.overdue:
            return Flag(
                f"{overdue} overdue",
                "overdue objectives",
                "yellow",
                f"{overdue} objective{'s' if overdue > 1 else ''} past due and not done.",
            )
        case HealthFlag.single_threaded:
            return Flag(
                "single-threaded",
                "single-threaded single threaded",
                "magenta",
                "Fewer than two touchpoints: one contact leaves and the account goes dark.",
            )
