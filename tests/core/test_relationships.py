"""The contact rules on accounts built for them: key players, staleness by tier, going cold."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kamtui.core.account.model import Cadence
from kamtui.core.analysis.abc_analysis import Tier
from kamtui.core.analysis.portfolio import analyse_portfolio
from kamtui.core.analysis.relationships import (
    KeyPlayer,
    cadence_days,
    going_cold,
    is_key_player,
    last_contacts,
    relationships,
    unmet_days,
)
from tests.core.portfolio_builders import make_account, make_settings

TODAY = dt.date(2026, 12, 1)
CADENCE = Cadence()  # A 30, B 60, C 90


def people(**extra: dict[str, Any]) -> list[dict[str, Any]]:
    base = {
        "ceo": {"decision_power": "high"},
        "buyer": {"touchpoint": True},
        "user": {"decision_power": "medium"},
        "fan": {"decision_power": "low", "touchpoint": False},
    }
    base.update(extra)
    return [{"id": key, "name": key.title(), **fields} for key, fields in base.items()]


def log(*entries: tuple[str, list[str]], **fields: Any) -> list[dict[str, Any]]:
    return [
        {"date": dt.date.fromisoformat(day), "with": who, "summary": "met", **fields}
        for day, who in entries
    ]


def test_key_players_are_high_power_or_touchpoints() -> None:
    account = make_account(stakeholders=people())
    assert [p.id for p in account.stakeholders if is_key_player(p)] == ["ceo", "buyer"]


def test_a_stakeholders_last_contact_is_their_latest_activity() -> None:
    account = make_account(
        stakeholders=people(),
        activities=log(
            ("2026-10-01", ["ceo", "buyer"]), ("2026-11-01", ["buyer"]), ("2026-09-01", ["ceo"])
        ),
    )
    assert last_contacts(account, TODAY) == {
        "ceo": dt.date(2026, 10, 1),
        "buyer": dt.date(2026, 11, 1),
    }


def test_a_meeting_today_is_contact_and_a_planned_one_listed_first_hides_no_other() -> None:
    account = make_account(
        stakeholders=people(),
        activities=log(
            ("2026-12-20", ["ceo"]), (TODAY.isoformat(), ["buyer"]), ("2026-11-01", ["ceo"])
        ),
    )
    assert last_contacts(account, TODAY) == {"buyer": TODAY, "ceo": dt.date(2026, 11, 1)}
    assert relationships(account, TODAY).last_contact == TODAY
    only_health = make_account(health={"last_contact": TODAY})
    assert relationships(only_health, TODAY).last_contact == TODAY


def test_a_date_after_today_is_planned_and_counts_from_that_day_on() -> None:
    """A meeting booked for tomorrow (or a year mistyped as 2062) is no contact yet."""
    account = make_account(
        stakeholders=people(),
        activities=log(("2026-11-01", ["ceo"]), ("2026-12-02", ["ceo", "buyer"])),
        health={"last_contact": dt.date(2062, 11, 5)},
    )
    assert last_contacts(account, TODAY) == {"ceo": dt.date(2026, 11, 1)}
    assert relationships(account, TODAY).last_contact == dt.date(2026, 11, 1)
    # The buyer is met only in the plan; the CEO 30 days ago, which is within tier A's 30.
    stale = relationships(account, TODAY).stale(CADENCE, Tier.A, TODAY)
    assert stale == (KeyPlayer("buyer", None),)
    tomorrow = TODAY + dt.timedelta(days=1)
    assert last_contacts(account, tomorrow) == {
        "ceo": dt.date(2026, 12, 2),
        "buyer": dt.date(2026, 12, 2),
    }
    assert relationships(account, tomorrow).stale(CADENCE, Tier.A, tomorrow) == ()


def test_the_accounts_last_contact_includes_health_last_contact() -> None:
    later = make_account(
        activities=log(("2026-10-01", [])), health={"last_contact": dt.date(2026, 11, 5)}
    )
    earlier = make_account(
        activities=log(("2026-10-01", [])), health={"last_contact": dt.date(2026, 9, 5)}
    )
    assert relationships(later, TODAY).last_contact == dt.date(2026, 11, 5)
    assert relationships(earlier, TODAY).last_contact == dt.date(2026, 10, 1)
    assert relationships(make_account(), TODAY).last_contact is None
    assert relationships(later, TODAY).days_since_contact(TODAY) == 26


@pytest.mark.parametrize(("tier", "days"), [(Tier.A, 30), (Tier.B, 60), (Tier.C, 90), (None, 90)])
def test_cadence_by_tier_and_none_takes_c(tier: Tier | None, days: int) -> None:
    assert cadence_days(CADENCE, tier) == days


@pytest.mark.parametrize(
    ("tier", "last", "stale"),
    [
        # A: 30 days allowed; exactly 30 is not stale, 31 is.
        (Tier.A, "2026-11-01", False),
        (Tier.A, "2026-10-31", True),
        (Tier.B, "2026-10-02", False),
        (Tier.B, "2026-10-01", True),
        (Tier.C, "2026-09-02", False),
        (Tier.C, "2026-09-01", True),
        (None, "2026-09-02", False),
        (None, "2026-09-01", True),
    ],
)
def test_stale_is_more_days_than_the_cadence(tier: Tier | None, last: str, stale: bool) -> None:
    account = make_account(
        stakeholders=people(buyer={"touchpoint": False}), activities=log((last, ["ceo"]))
    )
    found = relationships(account, TODAY).stale(CADENCE, tier, TODAY)
    assert (found == (KeyPlayer("ceo", dt.date.fromisoformat(last)),)) is stale


def test_a_key_player_never_contacted_is_stale_and_others_are_not() -> None:
    account = make_account(stakeholders=people(), activities=log(("2026-11-30", ["ceo", "user"])))
    assert relationships(account, TODAY).stale(CADENCE, Tier.A, TODAY) == (
        KeyPlayer("buyer", None),
    )


def test_actions_and_next_steps_overdue_only_when_open_and_past_due() -> None:
    objectives = [
        {
            "id": "grow",
            "what": "Grow",
            "actions": [
                {"what": "due yesterday", "due": dt.date(2026, 11, 30)},
                {"what": "due today", "due": dt.date(2026, 12, 1)},
                {"what": "done late", "due": dt.date(2026, 1, 1), "done": True},
                {"what": "no date"},
            ],
        }
    ]
    activities = log(("2026-11-01", []), next="call", next_due=dt.date(2026, 11, 30)) + log(
        ("2026-11-02", []), next="mail", next_due=dt.date(2026, 11, 1), next_done=True
    )
    found = relationships(make_account(objectives=objectives, activities=activities), TODAY)
    assert (found.actions_open, found.actions_overdue, found.next_steps_overdue) == (3, 1, 1)


def test_going_cold_orders_by_tier_then_stalest_then_id() -> None:
    def contacts(*days: str | None) -> Any:
        extra = {f"p{n}": {"decision_power": "high"} for n in range(len(days))}
        entries = [(day, [f"p{n}"]) for n, day in enumerate(days) if day is not None]
        account = make_account(
            stakeholders=[{"id": k, "name": k, **v} for k, v in extra.items()],
            activities=log(*entries),
        )
        return relationships(account, TODAY)

    accounts = [
        ("c-old", Tier.C, contacts("2026-01-01")),
        ("none-never", None, contacts(None)),
        ("a-recent", Tier.A, contacts("2026-11-20")),  # 11 days: not stale
        ("a-60", Tier.A, contacts("2026-10-02")),
        ("a-never", Tier.A, contacts("2026-11-30", None)),
        ("b-70", Tier.B, contacts("2026-09-22")),
        ("a-60-tie", Tier.A, contacts("2026-10-02")),
        ("a-90", Tier.A, contacts("2026-09-02", "2026-11-25")),
        ("c-fresh", Tier.C, contacts("2026-11-01")),
    ]
    assert going_cold(accounts, CADENCE, TODAY) == [
        "a-never",
        "a-90",
        "a-60",
        "a-60-tie",
        "b-70",
        "c-old",
        "none-never",
    ]


def test_a_next_step_due_today_or_done_is_not_overdue() -> None:
    activities = (
        log(("2026-11-01", []), next="call", next_due=TODAY)
        + log(("2026-11-02", []), next="mail", next_due=dt.date(2026, 11, 1), next_done=True)
        + log(("2026-11-04", []), next="demo", next_due=dt.date(2026, 11, 2), next_done=True)
        + log(("2026-11-03", []), next="visit", next_due=dt.date(2026, 11, 30), next_done=False)
    )
    found = relationships(make_account(activities=activities), TODAY)
    assert found.next_steps_overdue == 1


def test_the_stalest_key_players_time_is_the_longest_or_never() -> None:
    met = [KeyPlayer("a", dt.date(2026, 11, 1)), KeyPlayer("b", dt.date(2026, 9, 2))]
    assert unmet_days(met, TODAY) == 90
    assert unmet_days([*met, KeyPlayer("c", None)], TODAY) is None
    assert unmet_days([], TODAY) is None


def test_days_since_contact_are_none_without_one() -> None:
    assert relationships(make_account(), TODAY).days_since_contact(TODAY) is None
    met = make_account(activities=log(("2026-11-21", [])))
    assert relationships(met, TODAY).days_since_contact(TODAY) == 10


def test_stale_key_players_are_listed_by_id() -> None:
    account = make_account(stakeholders=people(zed={"touchpoint": True}, abe={"touchpoint": True}))
    assert [p.id for p in relationships(account, TODAY).stale(CADENCE, Tier.A, TODAY)] == [
        "abe",
        "buyer",
        "ceo",
        "zed",
    ]


def test_the_portfolio_orders_going_cold_by_its_own_tiers_and_cadence() -> None:
    """Tiers from revenue (80/95 cut-offs of 1000: 500 and 300 A, 150 B, 50 C, none
    without revenue),
    staleness by kam.yaml's cadence (A 20 days here, not 30)."""
    ceo = [{"id": "ceo", "name": "Ceo", "decision_power": "high"}]

    def account(revenue: float | None, met: str | None, owner: str | None = None) -> Any:
        return make_account(
            revenue={2026: revenue} if revenue else None,
            stakeholders=ceo,
            activities=log((met, ["ceo"])) if met else [],
            owner=owner,
        )

    accounts = {
        "big": account(500, "2026-11-05", "Dana"),  # A, 26 days > 20: stale
        "big-fresh": account(300, "2026-11-25", "Dana"),  # A, 6 days
        "mid": account(150, "2026-09-01", "Lee"),  # B, 91 days > 60
        "small": account(50, None, "Lee"),  # C, never met
        "untiered": account(None, "2026-01-01"),  # no tier: the C cadence, stale
        "untiered-fresh": account(None, "2026-11-30"),
    }
    settings = make_settings(cadence={"A": 20, "B": 60, "C": 90})
    analysis = analyse_portfolio(accounts, settings, TODAY)
    assert [analysis.rows[i].tier for i in ("big", "mid", "small", "untiered")] == [
        Tier.A,
        Tier.B,
        Tier.C,
        None,
    ]
    assert analysis.going_cold == ("big", "mid", "small", "untiered")
    assert analysis.rows["big"].stale == ("ceo",)
    assert analysis.rows["big-fresh"].stale == ()
    assert [(b.owner, b.accounts, b.revenue, b.going_cold) for b in analysis.owners] == [
        ("Dana", 2, 800, 1),
        ("Lee", 2, 200, 2),
        (None, 2, 0, 1),
    ]


def test_owners_tied_on_revenue_go_by_name_and_the_unowned_last() -> None:
    accounts = {
        "z": make_account(owner="Zoe"),
        "n": make_account(),
        "a": make_account(owner="Ann", objectives=[_overdue_objective()]),
        "a2": make_account(owner="Ann", health={"churn_risk": "high"}, mrr={"basic": 10}),
    }
    books = analyse_portfolio(accounts, make_settings(), TODAY).owners
    assert [(b.owner, b.accounts, b.mrr, b.at_risk, b.actions_overdue) for b in books] == [
        ("Ann", 2, 10, 1, 1),
        ("Zoe", 1, 0, 0, 0),
        (None, 1, 0, 0, 0),
    ]


def test_one_book_per_owner_however_the_name_is_spaced_or_cased() -> None:
    """As the accounts filter reads owners; the book is named as its first account (by
    id) spells it, and a blank owner is no owner."""
    accounts = {
        "b": make_account(owner="dana  reyes", revenue={2026: 10}),
        "a": make_account(owner="Dana Reyes ", revenue={2026: 20}),
        "c": make_account(owner="", revenue={2026: 5}),
        "d": make_account(owner="   ", revenue={2026: 1}),
    }
    analysis = analyse_portfolio(accounts, make_settings(), TODAY)
    assert [(b.owner, b.accounts, b.revenue) for b in analysis.owners] == [
        ("Dana Reyes", 2, 30),
        (None, 2, 6),
    ]
    assert analysis.rows["b"].figures.owner == "dana reyes"


def _overdue_objective() -> dict[str, Any]:
    return {
        "id": "grow",
        "what": "Grow",
        "actions": [
            {"what": "late", "due": dt.date(2026, 11, 1)},
            {"what": "done", "due": dt.date(2026, 11, 1), "done": True},
            {"what": "later", "due": dt.date(2027, 1, 1)},
        ],
    }
