"""What a comparison says: the changes every renderer of a diff reads.

Made by `diff`; `render/diff_*` and `history` read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

from kamtui.core.account.model import Account, NeedStatus, PortfolioSettings
from kamtui.core.analysis.abc_analysis import Tier
from kamtui.core.analysis.record import FigureValue
from kamtui.core.analysis.scoring import AccountFigures
from kamtui.core.loading.loader import Folder
from kamtui.core.review.facts import FactValue

T = TypeVar("T")
AccountStatus = Literal["added", "removed", "changed"]


@dataclass(frozen=True, slots=True)
class Change(Generic[T]):
    """A value before and after; None on the side where it does not exist."""

    before: T | None
    after: T | None


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One fact that differs: `criteria.product_fit` 3 → 4. None: absent on that side."""

    path: str
    before: FactValue | None
    after: FactValue | None

    @property
    def words_added(self) -> tuple[str, ...]:
        """For a set of words (tags, SWOT entries): those only after."""
        return _words(self.after, self.before)

    @property
    def words_removed(self) -> tuple[str, ...]:
        return _words(self.before, self.after)


@dataclass(frozen=True, slots=True)
class FigureChange:
    """A derived figure that moved: score, growth, harmony, priority, quadrant, tier, flags."""

    name: str
    before: FigureValue
    after: FigureValue


@dataclass(frozen=True, slots=True)
class PathChange:
    """The path of influence to someone to win, ally first; None: no ally reaches them.
    `unfriendly_*`: a skeptic or blocker stands between its ends on that side."""

    target: str
    before: tuple[str, ...] | None
    after: tuple[str, ...] | None
    unfriendly_before: bool = False
    unfriendly_after: bool = False


@dataclass(frozen=True, slots=True)
class StakeholderDiff:
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    to_win: Change[tuple[str, ...]] | None = None
    paths: tuple[PathChange, ...] = ()
    # How to describe each person mentioned: "Morgan Lee, EVP (neutral, high power)",
    # and their bare names, for paths of influence.
    people: Mapping[str, str] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.to_win or self.paths)


@dataclass(frozen=True, slots=True)
class ObjectiveChange:
    """An objective added, removed, whose status moved or that became (or stopped being) overdue."""

    id: str
    what: str
    status: Change[str]
    overdue: Change[bool]


@dataclass(frozen=True, slots=True)
class NeedChange:
    id: str
    what: str
    status: Change[str]
    value: Change[float]

    @property
    def kind(self) -> str:
        """added | removed | won | lost | reopened | value (only its value moved)."""
        return need_change_kind(self.status)


# Plain functions, not the properties' bodies: mutmut leaves decorated functions alone.
def need_change_kind(status: Change[str]) -> str:
    if status.before is None:
        return "added"
    if status.after is None:
        return "removed"
    if status.before != status.after:
        return "reopened" if status.after == NeedStatus.open else status.after
    return "value"


@dataclass(frozen=True, slots=True)
class NeedDiff:
    changes: tuple[NeedChange, ...] = ()
    # The open pipeline (`needs_value`), when it moved.
    pipeline: Change[float] | None = None

    @property
    def empty(self) -> bool:
        return not self.changes and self.pipeline is None


@dataclass(frozen=True, slots=True)
class LogEntry:
    """An entry of the account's log, as a diff tells it."""

    date: str
    kind: str | None
    people: tuple[str, ...]
    summary: str
    next: str | None = None
    next_due: str | None = None


@dataclass(frozen=True, slots=True)
class ActionDone:
    """An action of an objective now done (not done, or not written, before); `action`
    names it as the facts do (its id, or what it is)."""

    objective: str
    action: str
    what: str


@dataclass(frozen=True, slots=True)
class LogDiff:
    """The living plan's events: entries logged or taken out, actions done."""

    logged: tuple[LogEntry, ...] = ()
    dropped: tuple[LogEntry, ...] = ()
    actions_done: tuple[ActionDone, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.logged or self.dropped or self.actions_done)


@dataclass(frozen=True, slots=True)
class TeamChange:
    """One of our people joined (role before None), left (after None) or changed role;
    `key` names them as the facts do (`team[raj-patel]`)."""

    key: str
    name: str
    role: Change[str]
    # What they answer for (on the newest side): said with whoever joins or leaves.
    responsibility: str | None = None


@dataclass(frozen=True, slots=True)
class GoalChange:
    """A customer goal added, removed, met or reopened."""

    id: str
    what: str
    met: Change[bool]

    @property
    def kind(self) -> str:
        """added | removed | met | reopened."""
        return goal_change_kind(self.met)


def goal_change_kind(met: Change[bool]) -> str:
    if met.before is None:
        return "added"
    if met.after is None:
        return "removed"
    return "met" if met.after else "reopened"


@dataclass(frozen=True, slots=True)
class ProgrammeDiff:
    """The account's team and its customer's goals (its status is a figure)."""

    team: tuple[TeamChange, ...] = ()
    goals: tuple[GoalChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.team or self.goals)


@dataclass(frozen=True, slots=True)
class AccountDiff:
    id: str
    name: str
    status: AccountStatus
    figures: tuple[FigureChange, ...]
    # The newest side's figures (the old side's for a removed account), for summaries.
    latest: Mapping[str, FigureValue]
    fields: tuple[FieldChange, ...] = ()
    stakeholders: StakeholderDiff = field(default_factory=StakeholderDiff)
    objectives: tuple[ObjectiveChange, ...] = ()
    needs: NeedDiff = field(default_factory=NeedDiff)
    log: LogDiff = field(default_factory=LogDiff)
    programme: ProgrammeDiff = field(default_factory=ProgrammeDiff)

    def figure(self, name: str) -> FigureChange | None:
        return next((change for change in self.figures if change.name == name), None)


@dataclass(frozen=True, slots=True)
class AccountState:
    """One side of an account: the model, its figures and its tier in that side's portfolio."""

    account: Account
    figures: AccountFigures
    tier: Tier | None = None
    # The key players not met within the cadence of that tier (`AccountRow.stale`).
    stale: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a portfolio comparison; `invalid` ids failed to load on this side."""

    accounts: Mapping[str, Account]
    settings: PortfolioSettings
    invalid: frozenset[str] = frozenset()

    @classmethod
    def from_folder(cls, folder: Folder) -> Side:
        return cls(
            folder.accounts,
            folder.settings,
            frozenset(f.account_id for f in folder.files if f.account is None),
        )


@dataclass(frozen=True, slots=True)
class TierMove:
    id: str
    before: Tier | None
    after: Tier | None


@dataclass(frozen=True, slots=True)
class PortfolioDiff:
    """Accounts whose meaning or figures changed (by id), and portfolio-wide effects.

    The portfolio-wide fields are None when they did not move, and always None when
    two single files were compared (there is no portfolio then).
    """

    accounts: tuple[AccountDiff, ...]
    settings: tuple[FieldChange, ...] = ()
    # Accounts left out because their file is invalid on at least one side.
    not_compared: tuple[str, ...] = ()
    count: Change[int] | None = None
    year: Change[int] | None = None
    revenue_total: Change[float] | None = None
    vital_few: Change[tuple[str, ...]] | None = None
    at_risk: Change[tuple[str, ...]] | None = None
    mrr_total: Change[float] | None = None
    mrr_at_risk: Change[float] | None = None
    currency: str = "USD"
    # id → account name, for every account either side knows.
    names: Mapping[str, str] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.accounts or self.settings)

    @property
    def tier_moves(self) -> tuple[TierMove, ...]:
        return tuple(
            TierMove(diff.id, _tier(move.before), _tier(move.after))
            for diff in self.accounts
            if (move := diff.figure("tier")) is not None
        )


def _words(these: FactValue | None, those: FactValue | None) -> tuple[str, ...]:
    if not isinstance(these, tuple):
        return ()
    others = those if isinstance(those, tuple) else ()
    return tuple(word for word in these if word not in others)


def _tier(value: FigureValue) -> Tier | None:
    return Tier(value) if isinstance(value, str) else None
