"""The weekly agenda's rules and order, on a portfolio built for them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kamtui.core.account.model import Account
from kamtui.core.analysis.agenda import AgendaItem, AgendaKind, agenda
from kamtui.core.analysis.portfolio import analyse_portfolio
from tests.core.portfolio_builders import make_account, make_settings

TODAY = dt.date(2026, 11, 24)


def day(offset: int) -> str:
    """TODAY moved by `offset` days, as a file writes it."""
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def account(name: str, mrr: float, **fields: Any) -> Account:
    return make_account(name=name, mrr={"basic": mrr}, revenue={2026: 1000.0}, **fields)


def items_of(
    accounts: dict[str, Account], owner: str | None = None, **settings: Any
) -> list[AgendaItem]:
    analysis = analyse_portfolio(accounts, make_settings(**settings), TODAY)
    return list(agenda(analysis, accounts, owner))


def short(items: list[AgendaItem]) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (item.kind.value, item.account, item.subject, item.date and item.date.isoformat())
        for item in items
    ]


def test_at_risk_and_silent_for_more_than_14_days_or_never_heard_of() -> None:
    def silent(*dates: int) -> list[tuple[str, str, str | None, str | None]]:
        logged = [{"date": day(d), "summary": "call"} for d in dates]
        accounts = {"a": account("A", 10, health={"churn_risk": "high"}, activities=logged)}
        found = short(items_of(accounts))
        return [entry for entry in found if entry[0] == "at_risk_silent"]

    assert silent() == [("at_risk_silent", "a", None, None)]
    assert silent(-15) == [("at_risk_silent", "a", None, day(-15))]
    assert silent(-14) == []
    # A meeting booked for next week is not contact made.
    assert silent(-20, 3) == [("at_risk_silent", "a", None, day(-20))]
    calm = {"a": account("A", 10, health={"churn_risk": "low"})}
    assert [i for i in short(items_of(calm)) if i[0] == "at_risk_silent"] == []


def test_overdue_actions_are_named_by_their_id_or_their_place() -> None:
    objective = {
        "id": "grow",
        "what": "Grow",
        "actions": [
            {"what": "First", "due": day(-1)},
            {"id": "second", "what": "Second", "due": day(-2)},
            {"what": "Due today", "due": day(0)},
            {"what": "Done", "due": day(-9), "done": True},
            {"what": "No date"},
        ],
    }
    found = short(items_of({"a": account("A", 10, objectives=[objective])}))
    assert [i for i in found if i[0] == "overdue_action"] == [
        ("overdue_action", "a", "second", day(-2)),
        ("overdue_action", "a", "grow/1", day(-1)),
    ]


def test_next_steps_overdue_are_named_by_their_activity_s_date() -> None:
    log = [
        {"date": day(-30), "summary": "a", "next": "Call back", "next_due": day(-3)},
        {"date": day(-20), "summary": "b", "next": "Done", "next_due": day(-9), "next_done": True},
        {"date": day(-10), "summary": "c", "next": "Later", "next_due": day(0)},
    ]
    found = short(items_of({"a": account("A", 10, activities=log)}))
    assert [i for i in found if i[0] == "overdue_next_step"] == [
        ("overdue_next_step", "a", day(-30), day(-3)),
    ]


def test_an_objective_behind_carries_its_due_date() -> None:
    behind = {
        "id": "late",
        "what": "Late",
        "start": day(-100),
        "due": day(100),
        "baseline": 0,
        "target": 100,
        "current": 10,
    }
    ahead = {**behind, "id": "fine", "current": 60}
    found = items_of({"a": account("A", 10, objectives=[behind, ahead])})
    (item,) = [i for i in found if i.kind is AgendaKind.objective_behind]
    assert (item.subject, item.date) == ("late", TODAY + dt.timedelta(days=100))
    assert item.reason == "Behind its plan: 10% done, 50% expected by now."


def test_a_renewal_is_due_within_its_notice_both_days_counted() -> None:
    def due(end: int, notice: int | None, window: int = 120) -> bool:
        contract: dict[str, Any] = {"end": day(end)}
        if notice is not None:
            contract["notice_days"] = notice
        found = items_of({"a": account("A", 10, contract=contract)}, renewal_window=window)
        return any(i.kind is AgendaKind.renewal_due for i in found)

    assert due(0, 30) and due(30, 30) and not due(31, 30) and not due(-1, 30)
    assert due(0, 0) and not due(1, 0)
    # Without notice days, the portfolio's renewal window.
    assert due(120, None) and not due(121, None) and due(10, None, window=10)


def test_stale_key_players_never_met_first() -> None:
    people = [
        {"id": "met", "name": "Met", "decision_power": "high"},
        {"id": "never", "name": "Never", "decision_power": "high"},
        {"id": "fresh", "name": "Fresh", "touchpoint": True},
    ]
    log = [
        {"date": day(-200), "summary": "old", "with": ["met"]},
        {"date": day(-1), "summary": "new", "with": ["fresh"]},
    ]
    found = short(items_of({"a": account("A", 10, stakeholders=people, activities=log)}))
    assert [i for i in found if i[0] == "stale_key_player"] == [
        ("stale_key_player", "a", "never", None),
        ("stale_key_player", "a", "met", day(-200)),
    ]


def test_an_account_not_assessed_is_on_the_agenda_without_a_date() -> None:
    unscored = make_account(name="U", revenue={2026: 1.0})
    unscored = unscored.model_copy(
        update={"criteria": unscored.criteria.model_copy(update={"product_fit": None})}
    )
    found = short(items_of({"u": unscored}))
    assert found == [("unassessed", "u", None, None)]


def test_kinds_first_then_mrr_then_date_then_account_then_subject() -> None:
    def overdue(*actions: tuple[str, int]) -> dict[str, Any]:
        return {
            "id": "o",
            "what": "O",
            "actions": [{"id": i, "what": i, "due": day(d)} for i, d in actions],
        }

    accounts = {
        # b and c tie on MRR: the date decides, then the account's id.
        "c": account("C", 50, objectives=[overdue(("z", -5), ("y", -5))]),
        "b": account("B", 50, objectives=[overdue(("x", -5))]),
        "a": account("A", 10, objectives=[overdue(("w", -50))]),
        "d": account("D", 90, objectives=[overdue(("v", -1))], health={"churn_risk": "high"}),
    }
    found = short(items_of(accounts))
    assert found == [
        ("at_risk_silent", "d", None, None),
        ("overdue_action", "d", "v", day(-1)),
        ("overdue_action", "b", "x", day(-5)),
        ("overdue_action", "c", "y", day(-5)),
        ("overdue_action", "c", "z", day(-5)),
        ("overdue_action", "a", "w", day(-50)),
    ]


def test_an_owner_s_agenda_has_their_accounts_and_their_actions_elsewhere() -> None:
    def with_action(owner: str, action_owner: str | None) -> Account:
        action = {"what": "Call", "due": day(-1), "owner": action_owner}
        return account(
            owner, 10, owner=owner, objectives=[{"id": "o", "what": "O", "actions": [action]}]
        )

    accounts = {
        "dana": with_action("Dana  Reyes", None),
        "tom": with_action("Tom Okafor", "dana reyes"),
        "kim": with_action("Kim Park", "Tom Okafor"),
    }
    mine = [i.account for i in items_of(accounts, owner="DANA REYES")]
    assert mine == ["dana", "tom"]
    assert [i.account for i in items_of(accounts, owner="Tom Okafor")] == ["kim", "tom"]
    assert items_of(accounts, owner="Nobody") == []
    assert len(items_of(accounts)) == 3


def test_each_reason_is_one_plain_sentence_with_its_figures() -> None:
    log = [{"date": day(-15), "summary": "s", "with": ["met"], "next": "Call", "next_due": day(-1)}]
    people = [
        {"id": "met", "name": "Met", "decision_power": "high"},
        {"id": "never", "name": "Never", "touchpoint": True},
    ]
    objective = {
        "id": "o",
        "what": "O",
        "actions": [{"what": "Send it", "owner": "Kim", "due": day(-2)}],
    }
    accounts = {
        "a": account(
            "A",
            10,
            health={"churn_risk": "high"},
            activities=log,
            stakeholders=people,
            objectives=[objective],
            contract={"end": day(30), "notice_days": 60},
        ),
    }
    reasons = {item.kind.value: item.reason for item in items_of(accounts, cadence={"A": 10})}
    assert reasons == {
        "at_risk_silent": "At risk, and nothing logged for 15 days.",
        "overdue_action": "Overdue action (Kim): Send it",
        "overdue_next_step": "Overdue next step: Call",
        "renewal_due": "Contract ends in 30 days, within its 60 days' notice.",
        "stale_key_player": "Key player not met for 15 days.",
    }
    never = [i.reason for i in items_of(accounts, cadence={"A": 10}) if i.subject == "never"]
    assert never == ["Key player never met."]


def test_every_kind_in_one_portfolio_in_the_order_of_kinds() -> None:
    behind = {
        "id": "late", "what": "Late", "start": day(-100), "due": day(100),
        "baseline": 0, "target": 100, "current": 10,
    }  # fmt: skip
    log = [{"date": day(-20), "summary": "s", "next": "Call", "next_due": day(-1)}]
    busy = account(
        "Busy",
        5,
        health={"churn_risk": "high"},
        activities=log,
        stakeholders=[{"id": "cfo", "name": "Cfo", "decision_power": "high"}],
        objectives=[behind, {"id": "o", "what": "O", "actions": [{"what": "A", "due": day(-3)}]}],
        contract={"end": day(10)},
    )
    unscored = make_account(name="U", revenue={2026: 1.0}, mrr={"basic": 99})
    unscored = unscored.model_copy(
        update={"criteria": unscored.criteria.model_copy(update={"product_fit": None})}
    )
    found = short(items_of({"busy": busy, "unscored": unscored}))
    assert [kind for kind, *_ in found] == [kind.value for kind in AgendaKind]
    # MRR orders within a kind only: the unassessed account, with the most MRR, is last.
    assert found[-1] == ("unassessed", "unscored", None, None)


def test_the_other_reasons_and_a_renewal_s_date() -> None:
    today_only = [{"date": day(0), "summary": "s"}]
    quiet = {"a": account("A", 10, health={"churn_risk": "high"}, activities=today_only)}
    # An activity logged today is contact: the account is not silent.
    assert [i for i in items_of(quiet) if i.kind is AgendaKind.at_risk_silent] == []
    never = {"a": account("A", 10, health={"churn_risk": "high"})}
    assert [i.reason for i in items_of(never)] == ["At risk, and nothing logged yet."]
    action = {"id": "o", "what": "O", "actions": [{"what": "Send it", "due": day(-2)}]}
    renewal = {"end": day(5), "notice_days": 30}
    found = items_of({"a": account("A", 10, objectives=[action], contract=renewal)})
    assert [(i.reason, i.date) for i in found] == [
        ("Overdue action: Send it", TODAY + dt.timedelta(days=-2)),
        ("Contract ends in 5 days, within its 30 days' notice.", TODAY + dt.timedelta(days=5)),
    ]
    unscored = make_account(name="U", revenue={2026: 1.0})
    unscored = unscored.model_copy(
        update={"criteria": unscored.criteria.model_copy(update={"product_fit": None})}
    )
    assert [i.reason for i in items_of({"u": unscored})] == [
        "Not assessed: score every selection criterion."
    ]
    nothing_yet = {
        "id": "late", "what": "Late", "start": day(-100), "due": day(100),
        "baseline": 0, "target": 100, "current": 0,
    }  # fmt: skip
    found = items_of({"a": account("A", 10, objectives=[nothing_yet])})
    assert [i.reason for i in found] == ["Behind its plan: 0% done, 50% expected by now."]


def test_the_queues_count_the_programme_alone_the_own_work_counts_everywhere() -> None:
    """At risk, renewals and stale key players are the report's queues: key and under
    review only. Overdue actions and an assessment to do are any account's own work."""
    everything = {
        "stakeholders": [{"id": "boss", "name": "Boss", "decision_power": "high"}],
        "health": {"churn_risk": "high"},
        "contract": {"end": day(10)},
        "objectives": [{"id": "o", "what": "O", "actions": [{"what": "Call", "due": day(-1)}]}],
    }
    accounts = {
        status: account(status, 10, status=status, **everything)
        for status in ("candidate", "key", "under_review", "former")
    }
    queues = {AgendaKind.at_risk_silent, AgendaKind.renewal_due, AgendaKind.stale_key_player}
    found = items_of(accounts)
    assert {i.account for i in found if i.kind in queues} == {"key", "under_review"}
    assert {i.account for i in found if i.kind is AgendaKind.overdue_action} == set(accounts)
    analysis = analyse_portfolio(accounts, make_settings(), TODAY)
    assert set(analysis.at_risk) == set(analysis.going_cold) == {"key", "under_review"}
