"""Review gates: the rules of the KAM programme that fail a pull request.

Each rule is switched off, or set to `error` or `warning`, in `kam.yaml` (`gates:`,
`core/account/gate_settings.py`); the working tree's settings decide. The rules read
the same figures every surface reads (tiers, the selection score, tracking and
staleness from `core/analysis`); this module only judges them:

- `champion_lost`: in a tier A or B account (its tier now), a stakeholder who was
  champion or supporter at the base is now neutral, skeptic or blocker, or was removed;
- `plan_missing`: a tier A account has no objective that is neither done nor dropped;
- `status_contradiction`: an objective's status says on_track while its tracking is behind;
- `stale_key_player`: a key player of a tier A account is not met within the cadence;
- `score_drop`: the selection score fell by more than N points since the base;
- `unassessed`: an account not yet assessed (a criterion left empty).

The two that compare with a base (`champion_lost`, `score_drop`) run only when one is
given, and not for an account whose base version does not validate (`not_compared`).
A finding points at the line and column of the field that breaks the rule, in the
working tree's file: the stakeholder's `attitude` (the `stakeholders:` key for one
removed), the objective's `status`, the first criterion left empty, the key player's
entry; the `name:` key for the rules about the whole account.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kamtui.core.account.gate_settings import GateLevel, Gates
from kamtui.core.account.model import Account, Attitude, ObjectiveStatus, PortfolioSettings
from kamtui.core.account.problem import Severity, display_path
from kamtui.core.account.yaml_source import Document, Loc, Position, YamlProblem, parse
from kamtui.core.analysis.abc_analysis import Tier
from kamtui.core.analysis.objective_tracking import Tracking
from kamtui.core.analysis.portfolio import AccountRow, analyse_portfolio
from kamtui.core.analysis.relationships import cadence_days
from kamtui.core.analysis.scoring import AccountFigures, account_figures
from kamtui.core.loading.folder_check import assessment_gap
from kamtui.core.loading.loader import Folder
from kamtui.core.review.gate_memo import GateMemo, JudgedFrom
from kamtui.core.review.git_source import GitError, Repository

FRIENDLY = frozenset({Attitude.champion, Attitude.supporter})
# Tiers whose champions the programme guards; tier C accounts get less of its time.
GUARDED_TIERS = frozenset({Tier.A, Tier.B})
_CLOSED = frozenset({ObjectiveStatus.done, ObjectiveStatus.dropped})


class GateRule(StrEnum):
    champion_lost = "champion_lost"
    plan_missing = "plan_missing"
    status_contradiction = "status_contradiction"
    stale_key_player = "stale_key_player"
    score_drop = "score_drop"
    unassessed = "unassessed"


# Rules that compare the working tree with a base revision.
COMPARING = frozenset({GateRule.champion_lost, GateRule.score_drop})


@dataclass(frozen=True, slots=True)
class GateFinding:
    """One rule broken in one account file, located the way linters do."""

    path: str
    line: int
    column: int
    severity: Severity
    rule: GateRule
    message: str
    account_id: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}:{self.column}: {self.severity}: [{self.rule}] {self.message}"
        )


@dataclass(frozen=True, slots=True)
class GateReport:
    """Every finding, in file and line order, and what could not be judged."""

    findings: tuple[GateFinding, ...]
    # Accounts judged (valid in the working tree).
    checked: int
    # Ids of accounts valid now whose base version did not validate: the comparing
    # rules were skipped for them.
    not_compared: tuple[str, ...] = ()
    # The base was given: the comparing rules ran.
    compared: bool = False

    @property
    def failed(self) -> bool:
        return any(finding.severity == "error" for finding in self.findings)


@dataclass(frozen=True, slots=True)
class _Breach:
    """A rule broken, where in the account's data (a pydantic-style location)."""

    rule: GateRule
    loc: Loc
    message: str
    at_key: bool = False


@dataclass(frozen=True, slots=True)
class _Under:
    """One account under review: now, at the base (None: new, or no base), its row,
    and the working tree's settings."""

    account: Account
    row: AccountRow
    settings: PortfolioSettings
    before: Account | None
    base_settings: PortfolioSettings | None
    base_label: str
    today: dt.date


def review_gates(
    head: Folder,
    base: Folder | None,
    today: dt.date,
    *,
    base_label: str = "the base",
    figures: Mapping[str, AccountFigures] | None = None,
    memo: GateMemo | None = None,
) -> GateReport:
    """Judge the working tree's accounts (`head`) by its `gates:` settings, against
    `base` when given; `figures`: head's accounts' figures the caller has already;
    `memo`: the findings of an earlier review of this folder, reused where nothing they
    were judged from changed (and updated)."""
    gates = head.settings.gates
    analysis = analyse_portfolio(head.accounts, head.settings, today, figures=figures)
    before = base.accounts if base is not None else {}
    invalid_before = (
        {f.account_id for f in base.files if f.account is None} if base is not None else set()
    )
    findings: list[GateFinding] = []
    not_compared: list[str] = []
    for loaded in head.files:
        account, row = loaded.account, analysis.rows.get(loaded.account_id)
        if account is None or row is None:
            continue
        if loaded.account_id in invalid_before:
            not_compared.append(loaded.account_id)
        under = _Under(
            account,
            row,
            head.settings,
            before.get(loaded.account_id),
            None if base is None else base.settings,
            base_label,
            today,
        )
        inputs = JudgedFrom(
            account,
            row.figures,
            under.before,
            under.settings,
            under.base_settings,
            row.tier,
            today,
        )
        kept = memo.get(loaded.account_id, inputs) if memo is not None else None
        if kept is None:
            breaches = [
                breach
                for rule, judge in _RULES.items()
                if _level(gates, rule) is not GateLevel.off
                and (base is not None or rule not in COMPARING)
                for breach in judge(under)
            ]
            kept = (
                tuple(_located(loaded.path, loaded.account_id, breaches, gates)) if breaches else ()
            )
            if memo is not None:
                memo.keep(loaded.account_id, inputs, kept)
        findings.extend(kept)
    if memo is not None:
        memo.only(set(analysis.rows))
    return GateReport(
        findings=tuple(sorted(findings, key=lambda f: (f.path, f.line, f.column, f.rule))),
        checked=len(analysis.rows),
        not_compared=tuple(sorted(not_compared)),
        compared=base is not None,
    )


def review_against_head(
    head: Folder,
    today: dt.date,
    repository: Repository | None,
    figures: Mapping[str, AccountFigures] | None = None,
    memo: GateMemo | None = None,
) -> GateReport:
    """The gates of the working tree against its last commit, as the TUI shows them:
    without a base (so without the comparing rules) outside a repository, before the
    first commit, or when git fails; never raises for git."""
    base = None
    if repository is not None:
        try:
            inside = repository.relative(head.root)
            if repository.commit("HEAD") is not None:
                repository.adopt("HEAD", inside, head)
                base = repository.read_folder("HEAD", inside)
        except (GitError, ValueError):
            base = None
    return review_gates(head, base, today, base_label="HEAD", figures=figures, memo=memo)


def _level(gates: Gates, rule: GateRule) -> GateLevel:
    if rule is GateRule.score_drop:
        return gates.score_drop.level
    level: GateLevel = getattr(gates, rule.value)
    return level


# The rules ------------------------------------------------------------------------------


def _champion_lost(under: _Under) -> Iterator[_Breach]:
    tier = under.row.tier
    if under.before is None or tier not in GUARDED_TIERS:
        return
    now = {person.id: (index, person) for index, person in enumerate(under.account.stakeholders)}
    for person in under.before.stakeholders:
        if person.attitude not in FRIENDLY:
            continue
        was = f"{person.attitude.value} at {under.base_label}"
        found = now.get(person.id)
        if found is None:
            # At the `stakeholders:` key; at the name when the whole list went.
            yield _Breach(
                GateRule.champion_lost,
                ("stakeholders",) if under.account.stakeholders else ("name",),
                f"{_who(person.name, person.id)}, {was}, was removed from a tier {tier} account",
                at_key=True,
            )
        elif found[1].attitude not in FRIENDLY:
            yield _Breach(
                GateRule.champion_lost,
                ("stakeholders", found[0], "attitude"),
                f"{_who(found[1].name, person.id)} was {was} and is now "
                f"{found[1].attitude.value}, in a tier {tier} account",
            )


def _plan_missing(under: _Under) -> Iterator[_Breach]:
    if under.row.tier is not Tier.A:
        return
    if any(objective.status not in _CLOSED for objective in under.account.objectives):
        return
    why = "every objective is done or dropped" if under.account.objectives else "no objectives"
    yield _Breach(
        GateRule.plan_missing,
        ("name",),
        f"tier A account without an open objective ({why}): give it a plan",
        at_key=True,
    )


def _status_contradiction(under: _Under) -> Iterator[_Breach]:
    figures = under.row.figures
    tracked = {t.id: t for t in figures.objectives_tracking}
    for index, objective in enumerate(under.account.objectives):
        if objective.id not in figures.objectives_behind:
            continue
        measured = tracked[objective.id]
        gap = ""
        if measured.progress is not None and measured.expected is not None:
            gap = (
                f" ({measured.progress:.0%} done against {measured.expected:.0%} of its time gone)"
            )
        yield _Breach(
            GateRule.status_contradiction,
            ("objectives", index, "status"),
            f"objective {objective.id} says on_track, but its tracking is "
            f"{Tracking.behind.value}{gap}",
        )


def _stale_key_player(under: _Under) -> Iterator[_Breach]:
    if under.row.tier is not Tier.A:
        return
    index_of = {person.id: index for index, person in enumerate(under.account.stakeholders)}
    names = {person.id: person.name for person in under.account.stakeholders}
    days = cadence_days(under.settings.cadence, Tier.A)
    for player in under.row.stale_players:
        when = (
            "never met"
            if player.last_contact is None
            else f"last met {player.last_contact.isoformat()}"
        )
        yield _Breach(
            GateRule.stale_key_player,
            ("stakeholders", index_of[player.id]),
            f"key player {_who(names[player.id], player.id)} is stale: {when} "
            f"(tier A cadence: {days} days)",
        )


def _score_drop(under: _Under) -> Iterator[_Breach]:
    if under.before is None or under.base_settings is None:
        return
    after = under.row.figures.score
    before = account_figures(under.before, under.base_settings, under.today).score
    if before is None or after is None:
        return
    points = under.settings.gates.score_drop.points
    # Rounded so that a fall of exactly the allowance is within it, not beyond by a float's
    # last digit (a score is a weighted mean).
    fall = round(before - after, 9)
    if fall > points:
        yield _Breach(
            GateRule.score_drop,
            ("name",),
            f"selection score fell {fall:.1f} points since {under.base_label} "
            f"({before:.1f} → {after:.1f}), more than the {points:g} allowed",
            at_key=True,
        )


def _unassessed(under: _Under) -> Iterator[_Breach]:
    gap = assessment_gap(under.account)
    if gap is not None:
        yield _Breach(GateRule.unassessed, gap[0], gap[1], at_key=True)


_RULES: dict[GateRule, Callable[[_Under], Iterator[_Breach]]] = {
    GateRule.champion_lost: _champion_lost,
    GateRule.plan_missing: _plan_missing,
    GateRule.status_contradiction: _status_contradiction,
    GateRule.stale_key_player: _stale_key_player,
    GateRule.score_drop: _score_drop,
    GateRule.unassessed: _unassessed,
}


def _who(name: str, person_id: str) -> str:
    return f"{name} ({person_id})"


# Where ----------------------------------------------------------------------------------


def _located(
    path: Path, account_id: str, breaches: list[_Breach], gates: Gates
) -> Iterator[GateFinding]:
    """The breaches of one file as findings at their places in the file as it is now."""
    document = _document(path)
    shown = display_path(path)
    for breach in breaches:
        position = (
            document.position(breach.loc, at_key=breach.at_key)
            if document is not None
            else Position(1, 1)
        )
        level = _level(gates, breach.rule)
        yield GateFinding(
            shown,
            position.line,
            position.column,
            "error" if level is GateLevel.error else "warning",
            breach.rule,
            breach.message,
            account_id,
        )


def _document(path: Path) -> Document | None:
    """The file's node tree for positions; None when it cannot be read again (changed
    since it was loaded): its findings then point at its first line."""
    try:
        return parse(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, YamlProblem):
        return None
