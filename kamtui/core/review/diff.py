"""Meaning-level comparison of two accounts, or of two portfolios.

Both sides are validated models, so a reordered list, a re-indented block or an
edited comment compares equal. Every derived figure comes from the analytics
(`scoring`, `portfolio`, `stakeholders`); this module only sets them side by side.
Within one comparison both sides are judged on the same `today`, so an objective
"becomes overdue" here because of an edit (a status or due date), not because time passed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TypeVar

from pydantic import BaseModel

from kamtui.core.account.model import Account, Action, Activity, PortfolioSettings
from kamtui.core.analysis.portfolio import PortfolioAnalysis, analyse_portfolio
from kamtui.core.analysis.record import FigureValue, record_values
from kamtui.core.analysis.scoring import account_figures
from kamtui.core.people.stakeholders import (
    StakeholderAnalysis,
    analyse_stakeholders,
    describe_person,
)
from kamtui.core.review.changes import (
    AccountDiff,
    AccountState,
    AccountStatus,
    ActionDone,
    Change,
    FieldChange,
    FigureChange,
    LogDiff,
    LogEntry,
    NeedChange,
    NeedDiff,
    ObjectiveChange,
    PathChange,
    PortfolioDiff,
    Side,
    StakeholderDiff,
)
from kamtui.core.review.facts import Facts, item_keys, item_of, model_facts
from kamtui.core.review.programme_changes import programme_diff

T = TypeVar("T")


def diff_portfolios(old: Side, new: Side, today: dt.date, year: int | None = None) -> PortfolioDiff:
    """Compare two portfolios as of `today` (each side's analysis year unless `year`)."""
    left_out = old.invalid | new.invalid
    old_accounts = {i: a for i, a in old.accounts.items() if i not in left_out}
    new_accounts = {i: a for i, a in new.accounts.items() if i not in left_out}
    before = analyse_portfolio(old_accounts, old.settings, today, year)
    after = analyse_portfolio(new_accounts, new.settings, today, year)
    accounts = [
        diff
        for account_id in sorted(old_accounts.keys() | new_accounts.keys())
        if (
            diff := diff_account(
                account_id,
                _state(before, old_accounts, account_id),
                _state(after, new_accounts, account_id),
            )
        )
        is not None
    ]
    return PortfolioDiff(
        accounts=tuple(accounts),
        settings=_field_changes(model_facts(old.settings), model_facts(new.settings)),
        not_compared=tuple(sorted(left_out)),
        count=_moved(len(before.rows), len(after.rows)),
        year=_moved(before.year, after.year),
        revenue_total=_moved(before.revenue_total, after.revenue_total),
        vital_few=_moved(before.pareto.vital_few, after.pareto.vital_few),
        at_risk=_moved(before.at_risk, after.at_risk),
        mrr_total=_moved(before.mrr_total, after.mrr_total),
        mrr_at_risk=_moved(before.mrr_at_risk, after.mrr_at_risk),
        currency=new.settings.currency,
        names={**_names(old.accounts), **_names(new.accounts)},
    )


def diff_account_files(
    account_id: str,
    old: Account | None,
    new: Account | None,
    old_settings: PortfolioSettings,
    new_settings: PortfolioSettings,
    today: dt.date,
    *,
    invalid: bool = False,
) -> PortfolioDiff:
    """Compare two versions of one account file, outside any portfolio (so without tiers).

    `invalid`: a side's file did not load, so there is nothing to compare (the account
    is listed as not compared, never as added or removed).
    """
    if invalid:
        shown = new or old
        return PortfolioDiff(
            accounts=(),
            not_compared=(account_id,),
            currency=new_settings.currency,
            names={} if shown is None else {account_id: shown.name},
        )
    diff = diff_account(
        account_id,
        None if old is None else AccountState(old, account_figures(old, old_settings, today)),
        None if new is None else AccountState(new, account_figures(new, new_settings, today)),
    )
    shown = new or old
    return PortfolioDiff(
        accounts=() if diff is None else (diff,),
        currency=new_settings.currency,
        names={} if shown is None else {account_id: shown.name},
    )


def diff_account(
    account_id: str, old: AccountState | None, new: AccountState | None
) -> AccountDiff | None:
    """What changed in one account; None when nothing did (in meaning or in figures)."""
    shown = new or old
    if shown is None:
        return None
    if (
        old is not None
        and new is not None
        and (old.account is new.account or old.account == new.account)
    ):
        # Same plan on the same day: only the settings or the rest of the portfolio
        # can move its figures, and its flags cannot move at all.
        before, after = _figures(old), _figures(new)
        figures = figure_changes(before, after)
        if not figures:
            return None
        return AccountDiff(account_id, shown.account.name, "changed", figures, after)
    old_map = None if old is None else analyse_stakeholders(old.account)
    new_map = None if new is None else analyse_stakeholders(new.account)
    before, after = _figures(old), _figures(new)
    figures = figure_changes(before, after)
    latest = after or before
    if old is None or new is None or old_map is None or new_map is None:
        status: AccountStatus = "added" if new is not None else "removed"
        return AccountDiff(account_id, shown.account.name, status, figures, latest)
    old_facts, new_facts = model_facts(old.account), model_facts(new.account)
    fields = _field_changes(old_facts, new_facts, _one_sided_items(old_facts, new_facts))
    stakeholders = _stakeholder_diff(old.account, new.account, old_map, new_map, fields)
    objectives = _objective_changes(old, new)
    needs = _need_diff(old, new)
    log = log_diff(old.account, new.account)
    programme = programme_diff(old.account, new.account)
    if (
        not (figures or fields or objectives)
        and stakeholders.empty
        and needs.empty
        and log.empty
        and programme.empty
    ):
        # Only the layout differs: items in another order.
        return None
    return AccountDiff(
        account_id,
        shown.account.name,
        "changed",
        figures,
        latest,
        fields=fields,
        stakeholders=stakeholders,
        objectives=objectives,
        needs=needs,
        log=log,
        programme=programme,
    )


def log_diff(old: Account | None, new: Account) -> LogDiff:
    """Entries of the log on one side only (an entry is its date and summary: one whose
    other facts changed is the same entry, changed), and actions done since `old`."""
    before = dict(item_keys(old.activities)) if old is not None else {}
    after = dict(item_keys(new.activities))
    done: list[ActionDone] = []
    was = {o.id: dict(item_keys(o.actions)) for o in old.objectives} if old is not None else {}
    for objective in new.objectives:
        earlier = was.get(objective.id, {})
        for key, action in item_keys(objective.actions):
            assert isinstance(action, Action)
            previous = earlier.get(key)
            if action.done and not (isinstance(previous, Action) and previous.done):
                done.append(ActionDone(objective.id, key, action.what))
    return LogDiff(
        logged=_entries(after, before),
        dropped=_entries(before, after),
        actions_done=tuple(done),
    )


def told_by_log(log: LogDiff) -> set[str]:
    """The fact paths a log diff tells in its own words: its actions' `done`."""
    return {f"objectives[{a.objective}].actions[{a.action}].done" for a in log.actions_done}


def _entries(side: Mapping[str, BaseModel], other: Mapping[str, BaseModel]) -> tuple[LogEntry, ...]:
    """The entries of `side` that `other` lacks, oldest first."""
    entries = []
    for key in sorted(side.keys() - other.keys()):
        activity = side[key]
        assert isinstance(activity, Activity)
        entries.append(
            LogEntry(
                date=activity.date.isoformat(),
                kind=None if activity.kind is None else activity.kind.value,
                people=tuple(activity.with_),
                summary=activity.summary,
                next=activity.next,
                next_due=None if activity.next_due is None else activity.next_due.isoformat(),
            )
        )
    return tuple(entries)


def _state(
    analysis: PortfolioAnalysis, accounts: Mapping[str, Account], account_id: str
) -> AccountState | None:
    row = analysis.rows.get(account_id)
    if row is None:
        return None
    return AccountState(accounts[account_id], row.figures, row.tier, row.stale)


def _figures(state: AccountState | None) -> dict[str, FigureValue]:
    """The figures a reviewer follows: the account's record (see `record_values`)."""
    return {} if state is None else record_values(state.figures, state.tier, stale=state.stale)


def figure_changes(
    before: Mapping[str, FigureValue], after: Mapping[str, FigureValue]
) -> tuple[FigureChange, ...]:
    """Every named figure whose value differs (absent on one side counts as None)."""
    return tuple(
        FigureChange(name, before.get(name), after.get(name))
        for name in dict.fromkeys([*before, *after])
        if before.get(name) != after.get(name)
    )


# The sections whose items added or removed are reported whole, each in its own part of
# the diff (a log entry in the log's, `log_diff`).
_ITEMS_REPORTED_WHOLE = frozenset(
    {"stakeholders", "objectives", "needs", "activities", "team", "customer_goals"}
)


def _one_sided_items(old: Facts, new: Facts) -> set[tuple[str, str]]:
    """(section, id) of list items present on one side only, in a section that reports
    them as added or removed."""
    old_items = {item for path in old if (item := item_of(path)) is not None}
    new_items = {item for path in new if (item := item_of(path)) is not None}
    return {item for item in old_items ^ new_items if item[0] in _ITEMS_REPORTED_WHOLE}


def _field_changes(
    old: Facts, new: Facts, skipped: set[tuple[str, str]] | None = None
) -> tuple[FieldChange, ...]:
    skipped = skipped or set()
    # New facts keep their place in the model's order; removed ones follow where they were.
    paths = dict.fromkeys([*new, *old])
    return tuple(
        FieldChange(path, old.get(path), new.get(path))
        for path in paths
        if old.get(path) != new.get(path) and item_of(path) not in skipped
    )


def _stakeholder_diff(
    old: Account,
    new: Account,
    old_map: StakeholderAnalysis,
    new_map: StakeholderAnalysis,
    fields: tuple[FieldChange, ...],
) -> StakeholderDiff:
    before = {person.id: person for person in old.stakeholders}
    after = {person.id: person for person in new.stakeholders}
    # A target on one side only is in to_win's change; here, paths that moved.
    old_paths, new_paths = old_map.influence_paths, new_map.influence_paths
    old_wary, new_wary = set(old_map.unfriendly_paths), set(new_map.unfriendly_paths)
    paths = tuple(
        PathChange(
            target, old_paths[target], new_paths[target], target in old_wary, target in new_wary
        )
        for target in sorted(old_paths.keys() & new_paths.keys())
        # An attitude change between the ends can make the same path unfriendly.
        if (old_paths[target], target in old_wary) != (new_paths[target], target in new_wary)
    )
    added = tuple(sorted(after.keys() - before.keys()))
    removed = tuple(sorted(before.keys() - after.keys()))
    changed = tuple(
        sorted({item[1] for c in fields if (item := item_of(c.path)) and item[0] == "stakeholders"})
    )
    to_win = _moved(old_map.to_win, new_map.to_win)
    mentioned = {*added, *removed, *changed}
    if to_win is not None:
        mentioned.update((*old_map.to_win, *new_map.to_win))
    for change in paths:
        mentioned.update(change.before or ())
        mentioned.update(change.after or ())
    everyone = {**before, **after}
    return StakeholderDiff(
        added=added,
        removed=removed,
        changed=changed,
        to_win=to_win,
        paths=paths,
        people={i: describe_person(everyone[i]) for i in sorted(mentioned)},
        names={i: everyone[i].name for i in sorted(mentioned)},
    )


def _objective_changes(old: AccountState, new: AccountState) -> tuple[ObjectiveChange, ...]:
    before = {o.id: o for o in old.account.objectives}
    after = {o.id: o for o in new.account.objectives}
    overdue_before = set(old.figures.objectives_overdue)
    overdue_after = set(new.figures.objectives_overdue)
    changes: list[ObjectiveChange] = []
    for objective_id in _ids(before, after):
        status = Change(
            before[objective_id].status.value if objective_id in before else None,
            after[objective_id].status.value if objective_id in after else None,
        )
        overdue = Change(
            objective_id in overdue_before if objective_id in before else None,
            objective_id in overdue_after if objective_id in after else None,
        )
        if status.before != status.after or overdue.before != overdue.after:
            what = (after.get(objective_id) or before[objective_id]).what
            changes.append(ObjectiveChange(objective_id, what, status, overdue))
    return tuple(changes)


def _need_diff(old: AccountState, new: AccountState) -> NeedDiff:
    before = {n.id: n for n in old.account.needs}
    after = {n.id: n for n in new.account.needs}
    changes: list[NeedChange] = []
    for need_id in _ids(before, after):
        was, now = before.get(need_id), after.get(need_id)
        status = Change(
            None if was is None else was.status.value, None if now is None else now.status.value
        )
        value = Change(None if was is None else was.value, None if now is None else now.value)
        shown = now or was
        if shown is not None and (status.before != status.after or value.before != value.after):
            changes.append(NeedChange(need_id, shown.what, status, value))
    return NeedDiff(tuple(changes), _moved(old.figures.needs_value, new.figures.needs_value))


def _ids(before: Mapping[str, object], after: Mapping[str, object]) -> list[str]:
    return sorted(before.keys() | after.keys())


def _moved(before: T | None, after: T | None) -> Change[T] | None:
    return None if before == after else Change(before, after)


def _names(accounts: Mapping[str, Account]) -> dict[str, str]:
    return {account_id: account.name for account_id, account in accounts.items()}
