"""A diff in words: the lines every diff rendering (terminal, Markdown) lays out.

The renderings differ in colour and markup only; what is said, in what order and
with which numbers, is decided once here. All user text passes through `one_line`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from kamtui.core.account.model import Attitude
from kamtui.core.analysis.record import FigureValue
from kamtui.core.review.changes import (
    AccountDiff,
    Change,
    FieldChange,
    FigureChange,
    LogDiff,
    LogEntry,
    NeedChange,
    ObjectiveChange,
    PathChange,
    PortfolioDiff,
    ProgrammeDiff,
    StakeholderDiff,
    TeamChange,
)
from kamtui.core.review.diff import told_by_log
from kamtui.core.review.facts import FactValue
from kamtui.render.safe_text import one_line
from kamtui.render.stakeholder_style import UNFRIENDLY_MARK

Kind = Literal["changed", "added", "removed", "note"]
# +1: better for the account or portfolio, -1: worse, 0: neither (or a matter of taste).
Trend = Literal[-1, 0, 1]
NOTHING = "—"
TREND_MARKS: dict[int, str] = {1: " ▲", -1: " ▼", 0: ""}

# Amounts of money: whole, as the file writes them (`mrr: 120000`).
MONEY_FIGURES = frozenset(
    {"mrr", "pipeline_weighted", "pipeline_growth", "pipeline_renewals", "open_value"}
)
# Pipeline figures have no direction (a need won leaves the pipeline for revenue), nor
# has open value (less of it is a sale or a door closed).
_HIGHER_IS_BETTER = frozenset(
    {"score", "growth", "harmony", "priority", "health", "map_status", "mrr"}
)
# Worst first: a KPI's band (`band.nps`) and an objective's tracking (`tracking.grow`).
_RANKED = {
    "band.": ("red", "amber", "green"),
    "tracking.": ("behind", "on_track", "ahead"),
}
_FEWER_IS_BETTER = frozenset({"flags", "stale", "missing_roles"})
_TIER_RANK = {"A": 3, "B": 2, "C": 1}
_ATTITUDES = tuple(attitude.value for attitude in Attitude)


@dataclass(frozen=True, slots=True)
class Line:
    """`label: before → after` (changed), `+ label: after` (added), `− label: before`
    (removed), or `label: after` alone (note)."""

    label: str
    before: str = ""
    after: str = ""
    kind: Kind = "changed"
    trend: Trend = 0
    # The label is a field path, shown as code where the format has code.
    path: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    lines: tuple[Line, ...]


SUMMARY_FIGURES = ("score", "tier", "quadrant")


def headline(diff: PortfolioDiff) -> str:
    """`2 accounts changed, 1 added.` or `No change in meaning.`"""
    said: list[str] = []
    for status in ("changed", "added", "removed"):
        count = sum(1 for account in diff.accounts if account.status == status)
        if count:
            noun = "" if said else (" account" if count == 1 else " accounts")
            said.append(f"{count}{noun} {status}")
    if diff.settings:
        said.append("portfolio settings changed")
    if said:
        return ", ".join(said) + "."
    if diff.not_compared:
        count = len(diff.not_compared)
        return f"{count} account{'s' if count != 1 else ''} not compared: a file is invalid."
    return "No change in meaning."


def summary_cells(diff: AccountDiff) -> list[str]:
    """The summary-table cells of an account: score, tier, quadrant; `before → after` when moved."""
    cells = []
    for name in SUMMARY_FIGURES:
        change = diff.figure(name)
        # An added or removed account has one side: its figures, without arrows.
        if change is None or diff.status != "changed":
            cells.append(figure_text(name, diff.latest.get(name)))
        else:
            before = figure_text(name, change.before)
            after = figure_text(name, change.after)
            cells.append(f"{before} → {after}{TREND_MARKS[figure_line(change).trend]}")
    return cells


def account_title(diff: AccountDiff) -> str:
    return f"{one_line(diff.name)} ({diff.id})"


def account_sections(diff: AccountDiff, currency: str) -> list[Section]:
    """Figures first (what a reviewer decides on), then the edits behind them."""
    # Status and value edits of objectives and needs are told, with their context,
    # in their own sections.
    told = (
        {f"objectives[{c.id}].status" for c in diff.objectives}
        | {f"needs[{c.id}].{name}" for c in diff.needs.changes for name in ("status", "value")}
        | told_by_log(diff.log)
        | {f"team[{c.key}].role" for c in diff.programme.team}
        | {f"customer_goals[{c.id}].met" for c in diff.programme.goals}
        # The status is a figure of the record: told there.
        | ({"status"} if diff.figure("status") is not None else set())
    )
    fields = [change for change in diff.fields if change.path not in told]
    sections = [
        Section("Figures", tuple(figure_line(change) for change in diff.figures)),
        Section("Changes", tuple(line for c in fields for line in field_lines(c))),
        Section("Stakeholders", _stakeholder_lines(diff.stakeholders)),
        Section("Objectives", tuple(_objective_line(change) for change in diff.objectives)),
        Section("Needs", _need_lines(diff, currency)),
        Section("Log", log_lines(diff.log)),
        Section("Programme", programme_lines(diff.programme)),
    ]
    return [section for section in sections if section.lines]


def portfolio_lines(diff: PortfolioDiff) -> list[Line]:
    """Portfolio-wide effects, then settings edits, then what could not be compared."""
    names = diff.names
    lines: list[Line] = []
    if diff.count is not None:
        lines.append(Line("accounts", _text(diff.count.before), _text(diff.count.after)))
    if diff.year is not None:
        lines.append(Line("analysis year", _text(diff.year.before), _text(diff.year.after)))
    if diff.revenue_total is not None:
        lines.append(_money_moved("revenue", diff.revenue_total, diff.currency, better=1))
    lines.extend(_membership("Pareto vital few", diff.vital_few, names, joining=1))
    lines.extend(
        Line(
            f"tier of {_name(move.id, names)}",
            _text(move.before),
            _text(move.after),
            trend=_tier_trend(move.before, move.after),
        )
        for move in diff.tier_moves
    )
    lines.extend(_membership("at-risk queue", diff.at_risk, names, joining=-1))
    if diff.mrr_total is not None:
        lines.append(_money_moved("MRR", diff.mrr_total, diff.currency, better=1))
    if diff.mrr_at_risk is not None:
        lines.append(_money_moved("MRR at risk", diff.mrr_at_risk, diff.currency, better=-1))
    lines.extend(
        Line(f"kam.yaml {line.label}", line.before, line.after, line.kind, path=True)
        for change in diff.settings
        for line in field_lines(change)
    )
    lines.extend(
        Line("not compared (invalid file, see the problems)", after=_name(i, names), kind="note")
        for i in diff.not_compared
    )
    return lines


def figure_text(name: str, value: FigureValue) -> str:
    if value is None:
        return NOTHING
    if name in MONEY_FIGURES:
        return fact_text(value)
    if isinstance(value, bool | int):
        return fact_text(value)
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, tuple):
        return ", ".join(word.replace("_", " ") for word in value) if value else "none"
    return one_line(value)


def fact_text(value: FactValue | None) -> str:
    """A fact's value as the file would say it: `4`, `0.55`, `true`, `neutral`."""
    if value is None:
        return NOTHING
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, tuple):
        return ", ".join(one_line(word) for word in value)
    if isinstance(value, int):
        return str(value)
    return one_line(value)


def exact_money(amount: float | None, currency: str) -> str:
    return NOTHING if amount is None else f"{amount:,.0f} {one_line(currency)}"


def field_lines(change: FieldChange) -> list[Line]:
    """One line per field; a set of words (tags, SWOT) gets one line per word added or removed."""
    if isinstance(change.before, tuple) or isinstance(change.after, tuple):
        return [
            Line(change.path, after=fact_text(w), kind="added", path=True)
            for w in change.words_added
        ] + [
            Line(change.path, before=fact_text(w), kind="removed", path=True)
            for w in change.words_removed
        ]
    return [
        Line(
            change.path,
            fact_text(change.before),
            fact_text(change.after),
            trend=_attitude_trend(change.path, change.before, change.after),
            path=True,
        )
    ]


def figure_line(change: FigureChange) -> Line:
    """A figure that moved; one that appeared (or went) shows as added (or removed)."""
    if change.before is None and change.after is not None:
        return Line(change.name, after=figure_text(change.name, change.after), kind="added")
    if change.after is None and change.before is not None:
        return Line(change.name, before=figure_text(change.name, change.before), kind="removed")
    return Line(
        change.name,
        figure_text(change.name, change.before),
        figure_text(change.name, change.after),
        trend=_figure_trend(change),
    )


def _figure_trend(change: FigureChange) -> Trend:
    before, after = change.before, change.after
    if (
        change.name in _HIGHER_IS_BETTER
        and isinstance(before, int | float)
        and isinstance(after, int | float)
    ):
        return _sign(after - before)
    if change.name == "tier":
        return _tier_trend(before, after)
    for prefix, ranks in _RANKED.items():
        if change.name.startswith(prefix) and before in ranks and after in ranks:
            return _sign(ranks.index(str(after)) - ranks.index(str(before)))
    # Fewer warnings, fewer key players not met in time: better.
    if change.name in _FEWER_IS_BETTER and isinstance(before, tuple) and isinstance(after, tuple):
        return _sign(len(before) - len(after))
    return _attitude_trend(change.name, before, after)


def _attitude_trend(path: str, before: object, after: object) -> Trend:
    if path.endswith(".attitude") and before in _ATTITUDES and after in _ATTITUDES:
        # Attitudes are listed from most to least favourable.
        return _sign(_ATTITUDES.index(str(before)) - _ATTITUDES.index(str(after)))
    return 0


def _tier_trend(before: object, after: object) -> Trend:
    return _sign(_TIER_RANK.get(str(after), 0) - _TIER_RANK.get(str(before), 0))


def _stakeholder_lines(diff: StakeholderDiff) -> tuple[Line, ...]:
    people = diff.people

    def who(person_id: str) -> str:
        return one_line(people.get(person_id, person_id))

    lines = [Line("stakeholder", after=who(i), kind="added") for i in diff.added]
    lines.extend(Line("stakeholder", before=who(i), kind="removed") for i in diff.removed)
    if diff.to_win is not None:
        before, after = set(diff.to_win.before or ()), set(diff.to_win.after or ())
        lines.extend(
            Line("now to win", after=who(i), kind="note", trend=-1) for i in sorted(after - before)
        )
        lines.extend(
            Line("no longer to win", after=who(i), kind="note", trend=1)
            for i in sorted(before - after)
        )
    for change in diff.paths:
        lines.append(
            Line(
                f"path of influence to {one_line(diff.names.get(change.target, change.target))}",
                _path_text(change.before, change.unfriendly_before, diff.names),
                _path_text(change.after, change.unfriendly_after, diff.names),
                trend=_path_trend(change),
            )
        )
    return tuple(lines)


def _path_text(path: tuple[str, ...] | None, unfriendly: bool, names: Mapping[str, str]) -> str:
    """Ally first; `›` so the path's steps never read as the diff's own `→`."""
    if path is None:
        return "no ally reaches them"
    text = " › ".join(one_line(names.get(i, i)) for i in path)
    return f"{text} {UNFRIENDLY_MARK}" if unfriendly else text


def _path_trend(change: PathChange) -> Trend:
    """Reaching someone beats not; then a path without a skeptic or blocker on the way
    beats one with; then a shorter path."""
    before, after = change.before, change.after
    if before is None or after is None:
        return 1 if before is None else -1
    if change.unfriendly_before != change.unfriendly_after:
        return 1 if change.unfriendly_before else -1
    return _sign(len(before) - len(after))


def _objective_line(change: ObjectiveChange) -> Line:
    label = f"{one_line(change.what)} ({change.id})"
    status, overdue = change.status, change.overdue
    if status.before is None:
        return Line(label, after=_status_text(status.after, overdue.after), kind="added")
    if status.after is None:
        return Line(label, before=_status_text(status.before, overdue.before), kind="removed")
    trend: Trend = -1 if overdue.after and not overdue.before else 0
    if overdue.before and not overdue.after:
        trend = 1
    return Line(
        label,
        _status_text(status.before, overdue.before),
        _status_text(status.after, overdue.after),
        trend=trend,
    )


def _status_text(status: str | None, overdue: bool | None) -> str:
    return f"{status}, overdue" if overdue else str(status)


def log_lines(log: LogDiff) -> tuple[Line, ...]:
    """`+ 2026-11-12 meeting with evp, cfo: Walked … · next: Send the model by 2026-11-20`,
    the same for an entry taken out (−), then `Book the workshop (cloud): done ✓`."""
    logged = [Line(label, after=text, kind="added") for label, text in map(_entry, log.logged)]
    dropped = [Line(label, before=text, kind="removed") for label, text in map(_entry, log.dropped)]
    done = [
        Line(f"{one_line(action.what)} ({action.objective})", after="done ✓", kind="note", trend=1)
        for action in log.actions_done
    ]
    return (*logged, *dropped, *done)


def programme_lines(diff: ProgrammeDiff) -> tuple[Line, ...]:
    """`+ team: Tom Berg (legal)`, `team: Raj Patel: operations → service`, `+ goal
    ehr-uptime: EHR available`, `goal clinician-experience: met ✓` (▲; reopened ▼)."""
    team = [
        Line(
            "team",
            before=_member(change, change.role.before),
            after=_member(change, change.role.after),
            kind="added"
            if change.role.before is None
            else "removed"
            if change.role.after is None
            else "changed",
        )
        for change in diff.team
    ]
    goals = []
    for goal in diff.goals:
        label, what = f"goal {goal.id}", one_line(goal.what)
        match goal.kind:
            case "added":
                goals.append(Line(label, after=what, kind="added"))
            case "removed":
                goals.append(Line(label, before=what, kind="removed"))
            case "met":
                goals.append(Line(label, after=f"{what}: met ✓", kind="note", trend=1))
            case _:
                goals.append(Line(label, after=f"{what}: reopened", kind="note", trend=-1))
    return (*team, *goals)


def _member(change: TeamChange, role: str | None) -> str:
    """ "Raj Patel (operations)" on the side where they are on the team; with what they
    answer for when they join or leave (a change of it alone is a change of its own)."""
    if role is None:
        return ""
    text = f"{one_line(change.name)} ({role.replace('_', ' ')})"
    moved = change.role.before is None or change.role.after is None
    return f"{text}: {one_line(change.responsibility)}" if moved and change.responsibility else text


def _entry(entry: LogEntry) -> tuple[str, str]:
    """An entry's label (when, what kind, with whom) and text (what happened, what next)."""
    label = f"{entry.date} {entry.kind or 'entry'}"
    if entry.people:
        label += f" with {', '.join(entry.people)}"
    text = one_line(entry.summary)
    if entry.next is not None:
        text += f" · next: {one_line(entry.next)}"
        if entry.next_due is not None:
            text += f" by {entry.next_due}"
    return label, text


def _need_lines(diff: AccountDiff, currency: str) -> tuple[Line, ...]:
    lines = [_need_line(change, currency) for change in diff.needs.changes]
    pipeline = diff.needs.pipeline
    if pipeline is not None:
        # A smaller pipeline is good news when needs were won: no trend either way.
        lines.append(_money_moved("open pipeline", pipeline, currency, better=0))
    return tuple(lines)


def _need_line(change: NeedChange, currency: str) -> Line:
    label = f"{one_line(change.what)} ({change.id})"
    value = change.value
    kind = change.kind
    if kind == "added":
        return Line(
            label, after=_need_text(change.status.after, value.after, currency), kind="added"
        )
    if kind == "removed":
        return Line(
            label, before=_need_text(change.status.before, value.before, currency), kind="removed"
        )
    trend: Trend = 1 if kind == "won" else -1 if kind == "lost" else 0
    return Line(
        label,
        _need_text(change.status.before, value.before, currency),
        _need_text(change.status.after, value.after, currency),
        trend=trend,
    )


def _need_text(status: str | None, value: float | None, currency: str) -> str:
    return str(status) if value is None else f"{status}, {exact_money(value, currency)}"


def _membership(
    label: str, change: Change[tuple[str, ...]] | None, names: Mapping[str, str], *, joining: Trend
) -> list[Line]:
    """Who entered and who left a list (the vital few, the at-risk queue)."""
    if change is None:
        return []
    before, after = set(change.before or ()), set(change.after or ())
    entered = [
        Line(label, after=_name(i, names), kind="added", trend=joining)
        for i in sorted(after - before)
    ]
    left = [
        Line(label, before=_name(i, names), kind="removed", trend=_sign(-joining))
        for i in sorted(before - after)
    ]
    return entered + left


def _money_moved(label: str, change: Change[float], currency: str, *, better: int) -> Line:
    before, after = change.before or 0.0, change.after or 0.0
    return Line(
        label,
        exact_money(change.before, currency),
        exact_money(change.after, currency),
        trend=_sign((after - before) * better),
    )


def _name(account_id: str, names: Mapping[str, str]) -> str:
    name = names.get(account_id)
    return account_id if name is None else f"{one_line(name)} ({account_id})"


def _text(value: object) -> str:
    return NOTHING if value is None else str(value)


def _sign(number: float) -> Trend:
    return 1 if number > 0 else -1 if number < 0 else 0
