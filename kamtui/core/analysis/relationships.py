"""The living plan's contact rules: key players, last contacts, who is going cold, open actions.

The rules, exactly as the README states them (every surface reads them from here):
- key players: stakeholders with `decision_power: high` or `touchpoint: true`;
- a stakeholder's last contact: the latest date of an activity whose `with` names them;
- an account's last contact: the latest of its activities' dates and `health.last_contact`;
- dates after today are planned, not held: neither last contact counts them yet;
- a key player is stale when never contacted, or when today − last contact > the cadence
  of the account's tier (its ABC tier in the latest revenue year; no tier: the C cadence);
- going cold: accounts with a stale key player, by tier (A, B, C, none), then the stalest
  key player (never contacted first, then most days), then id;
- an action is overdue when not done and due before today; a next step likewise with
  `next_due` and `next_done`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from kamtui.core.account.model import Account, Action, Activity, Cadence, Level, Stakeholder
from kamtui.core.analysis.abc_analysis import Tier

# Tiers in the order going cold lists them; no tier comes last.
_TIER_ORDER = {Tier.A: 0, Tier.B: 1, Tier.C: 2, None: 3}


@dataclass(frozen=True, slots=True)
class KeyPlayer:
    """A key player and the last time we met them (None: never)."""

    id: str
    last_contact: dt.date | None


@dataclass(frozen=True, slots=True)
class Relationships:
    """An account's contacts and open work as of one day; the tier decides what is stale."""

    last_contact: dt.date | None
    # In id order.
    key_players: tuple[KeyPlayer, ...]
    actions_open: int
    actions_overdue: int
    next_steps_overdue: int

    def days_since_contact(self, today: dt.date) -> int | None:
        return None if self.last_contact is None else (today - self.last_contact).days

    def stale(self, cadence: Cadence, tier: Tier | None, today: dt.date) -> tuple[KeyPlayer, ...]:
        """The stale key players, in id order (key_players is kept in it)."""
        # More than `days` days ago is before this day: one comparison a player.
        due = today - dt.timedelta(days=cadence_days(cadence, tier))
        return tuple(
            player
            for player in self.key_players
            if player.last_contact is None or player.last_contact < due
        )


def is_key_player(person: Stakeholder) -> bool:
    return person.decision_power is Level.high or person.touchpoint


def cadence_days(cadence: Cadence, tier: Tier | None) -> int:
    """Days allowed between contacts for an account of `tier` (the C cadence without one)."""
    if tier is Tier.A:
        return cadence.A
    return cadence.B if tier is Tier.B else cadence.C


def last_contacts(account: Account, today: dt.date) -> dict[str, dt.date]:
    """Each stakeholder's latest activity date up to `today`, for those named in one.

    An activity dated after today is planned, not held: it counts from its day on, so
    a meeting booked (or a year mistyped) does not pass for contact made.
    """
    latest: dict[str, dt.date] = {}
    for activity in account.activities:
        if activity.date > today:
            continue
        for person in activity.with_:
            if person not in latest or activity.date > latest[person]:
                latest[person] = activity.date
    return latest


def relationships(account: Account, today: dt.date) -> Relationships:
    contacts = last_contacts(account, today)
    dates = [activity.date for activity in account.activities if activity.date <= today]
    if account.health.last_contact is not None and account.health.last_contact <= today:
        dates.append(account.health.last_contact)
    actions = [action for objective in account.objectives for action in objective.actions]
    return Relationships(
        last_contact=max(dates, default=None),
        key_players=tuple(
            sorted(
                (
                    KeyPlayer(person.id, contacts.get(person.id))
                    for person in account.stakeholders
                    if is_key_player(person)
                ),
                key=lambda player: player.id,
            )
        ),
        actions_open=sum(not action.done for action in actions),
        actions_overdue=sum(action_overdue(action, today) for action in actions),
        next_steps_overdue=sum(next_step_overdue(entry, today) for entry in account.activities),
    )


def action_overdue(action: Action, today: dt.date) -> bool:
    return not action.done and action.due is not None and action.due < today


def next_step_overdue(activity: Activity, today: dt.date) -> bool:
    return not activity.next_done and activity.next_due is not None and activity.next_due < today


def going_cold(
    accounts: Iterable[tuple[str, Tier | None, Relationships]], cadence: Cadence, today: dt.date
) -> list[str]:
    """Ids of the accounts with a stale key player, in the order of the rules above."""
    ranked: list[tuple[int, int, str]] = []
    for account_id, tier, contacts in accounts:
        stale = contacts.stale(cadence, tier, today)
        if not stale:
            continue
        days = unmet_days(stale, today)
        # Never contacted is the stalest of all: it sorts before any number of days.
        stalest = dt.date.max.toordinal() if days is None else days
        ranked.append((_TIER_ORDER[tier], -stalest, account_id))
    return [account_id for _, _, account_id in sorted(ranked)]


def unmet_days(players: Iterable[KeyPlayer], today: dt.date) -> int | None:
    """Days since the stalest of `players` was last met; None when one never was (or
    there are none)."""
    met = [player.last_contact for player in players]
    if None in met:
        return None
    return max(((today - day).days for day in met if day is not None), default=None)
