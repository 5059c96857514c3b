"""The weekly agenda: one ranked list of what each key account manager should do next.

The rules (README, "kamtui agenda"), built on the definitions of the earlier issues:
1. `at_risk_silent`: an at-risk account whose latest activity up to today is more than
   14 days before today, or that has none (date: that activity's; none first);
2. `overdue_action`: an action not done whose due date is past (date: due);
3. `overdue_next_step`: an activity's next step not done whose `next_due` is past
   (date: next_due);
4. `objective_behind`: an objective whose tracking is behind (date: due);
5. `renewal_due`: the contract ends between today and its `notice_days` after today,
   both days counted (default: `renewal_window`) (date: the contract's end);
6. `stale_key_player`: a key player not met within the cadence of the account's tier
   (date: their last contact; never met first);
7. `unassessed`: an account not yet assessed (no date).
Rules 1, 5 and 6 are the at-risk queue, the renewals and the key players going cold,
which count the programme's accounts (key and under review) alone, as everywhere; the
others are any account's own work, candidates and former accounts included.
Ordered by kind as above, then the account's MRR (highest first), then the date (none
first), then the account's id, then the subject. `owner` keeps the items of that
owner's accounts and the actions whose own owner is that name (spaces and case aside).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum

from kamtui.core.account.model import Account
from kamtui.core.analysis.objective_tracking import Tracking
from kamtui.core.analysis.portfolio import AccountRow, PortfolioAnalysis
from kamtui.core.analysis.relationships import action_overdue, next_step_overdue
from kamtui.core.analysis.scoring import owner_name
from kamtui.core.people.person_names import person_key

SILENT_AFTER = 14  # days without a logged activity that make an at-risk account silent


class AgendaKind(StrEnum):
    """The kinds of item, in the agenda's order."""

    at_risk_silent = "at_risk_silent"
    overdue_action = "overdue_action"
    overdue_next_step = "overdue_next_step"
    objective_behind = "objective_behind"
    renewal_due = "renewal_due"
    stale_key_player = "stale_key_player"
    unassessed = "unassessed"


_KIND_ORDER = {kind: number for number, kind in enumerate(AgendaKind)}


@dataclass(frozen=True, slots=True)
class AgendaItem:
    kind: AgendaKind
    account: str
    # What the item is about: a stakeholder's or objective's id, an action's id (or
    # OBJECTIVE_ID/N, N from 1), a next step's activity date; None for the account.
    subject: str | None
    date: dt.date | None
    reason: str


def _same_owner(name: str | None, owner: str) -> bool:
    found = owner_name(name)
    return found is not None and person_key(found) == person_key(owner)


def _items(
    row: AccountRow, account: Account, analysis: PortfolioAnalysis
) -> Iterator[tuple[AgendaItem, str | None]]:
    """Each item of one account, with the owner of the action it is about (if any)."""
    today, figures, key = analysis.today, row.figures, row.id
    programme = figures.in_programme
    if programme and figures.at_risk:
        held = [entry.date for entry in account.activities if entry.date <= today]
        latest = max(held, default=None)
        if latest is None or (today - latest).days > SILENT_AFTER:
            said = "yet" if latest is None else f"for {(today - latest).days} days"
            reason = f"At risk, and nothing logged {said}."
            yield AgendaItem(AgendaKind.at_risk_silent, key, None, latest, reason), None
    for objective in account.objectives:
        for number, action in enumerate(objective.actions, start=1):
            if action_overdue(action, today):
                subject = action.id or f"{objective.id}/{number}"
                by = f" ({action.owner})" if action.owner else ""
                reason = f"Overdue action{by}: {action.what}"
                item = AgendaItem(AgendaKind.overdue_action, key, subject, action.due, reason)
                yield item, action.owner
    for entry in account.activities:
        if next_step_overdue(entry, today):
            reason = f"Overdue next step: {entry.next}"
            subject = entry.date.isoformat()
            yield (
                AgendaItem(AgendaKind.overdue_next_step, key, subject, entry.next_due, reason),
                None,
            )
    dues = {objective.id: objective.due for objective in account.objectives}
    for tracked in figures.objectives_tracking:
        if tracked.tracking is Tracking.behind:
            due = dues.get(tracked.id)
            done, expected = tracked.progress or 0.0, tracked.expected or 0.0
            reason = f"Behind its plan: {done:.0%} done, {expected:.0%} expected by now."
            yield AgendaItem(AgendaKind.objective_behind, key, tracked.id, due, reason), None
    contract = account.contract
    if programme and contract is not None and contract.end is not None:
        notice = analysis.renewal_window if contract.notice_days is None else contract.notice_days
        if today <= contract.end <= today + dt.timedelta(days=notice):
            left = (contract.end - today).days
            reason = f"Contract ends in {left} days, within its {notice} days' notice."
            yield AgendaItem(AgendaKind.renewal_due, key, None, contract.end, reason), None
    for player in row.stale_players if programme else ():
        if player.last_contact is None:
            reason = "Key player never met."
        else:
            reason = f"Key player not met for {(today - player.last_contact).days} days."
        item = AgendaItem(AgendaKind.stale_key_player, key, player.id, player.last_contact, reason)
        yield item, None
    if figures.score is None:
        reason = "Not assessed: score every selection criterion."
        yield AgendaItem(AgendaKind.unassessed, key, None, None, reason), None


def agenda(
    analysis: PortfolioAnalysis, accounts: Mapping[str, Account], owner: str | None = None
) -> tuple[AgendaItem, ...]:
    """The agenda of the portfolio `analysis` was made from (`accounts`, its valid
    accounts), for `owner` (None: every owner), in the order of the rules above."""
    wanted = None if owner is None else owner_name(owner)
    ranked = []
    for row in analysis.rows.values():
        account = accounts[row.id]
        ours = wanted is None or _same_owner(account.owner, wanted)
        for item, action_owner in _items(row, account, analysis):
            if ours or (wanted is not None and _same_owner(action_owner, wanted)):
                when = item.date
                ranked.append(
                    (
                        _KIND_ORDER[item.kind],
                        -row.figures.mrr,
                        when is not None,
                        when or dt.date.min,
                        item.account,
                        item.subject or "",
                        item,
                    )
                )
    ranked.sort(key=lambda entry: entry[:6])
    return tuple(entry[-1] for entry in ranked)
