"""The diff's lines one rule at a time: which way each kind of change points (▲ ▼),
what an empty side says, and which edits are told in a section of their own.

The golden reviews (test_diff_goldens.py) pin whole outputs of real accounts; the
edges here (a side missing, a name unknown, a list emptied) are where those reviews
would need an account per rule.
"""

from __future__ import annotations

import pytest

from kamtui.core.review.changes import (
    AccountDiff,
    ActionDone,
    Change,
    FieldChange,
    FigureChange,
    GoalChange,
    LogDiff,
    LogEntry,
    NeedChange,
    NeedDiff,
    ObjectiveChange,
    PathChange,
    PortfolioDiff,
    ProgrammeDiff,
    StakeholderDiff,
)
from kamtui.render.diff_lines import (
    Line,
    Trend,
    account_sections,
    exact_money,
    fact_text,
    field_lines,
    figure_line,
    headline,
    log_lines,
    portfolio_lines,
    programme_lines,
)
from kamtui.render.stakeholder_style import UNFRIENDLY_MARK


def account_diff(
    status: str = "changed", figures: tuple[FigureChange, ...] = (), **parts: object
) -> AccountDiff:
    return AccountDiff("acme", "Acme", status, figures, {}, **parts)  # type: ignore[arg-type]


def section(diff: AccountDiff, title: str) -> tuple[Line, ...]:
    found = {s.title: s.lines for s in account_sections(diff, "EUR")}
    return found.get(title, ())


@pytest.mark.parametrize(
    ("statuses", "said"),
    [
        (["changed"], "1 account changed."),
        (["changed", "changed", "added"], "2 accounts changed, 1 added."),
        (["added", "removed"], "1 account added, 1 removed."),
    ],
)
def test_the_headline_counts_accounts_by_what_happened(statuses: list[str], said: str) -> None:
    diff = PortfolioDiff(tuple(account_diff(s) for s in statuses))
    assert headline(diff) == said


@pytest.mark.parametrize(
    ("invalid", "said"),
    [
        ((), "No change in meaning."),
        (("broken",), "1 account not compared: a file is invalid."),
        (("broken", "torn"), "2 accounts not compared: a file is invalid."),
    ],
)
def test_a_headline_without_changes(invalid: tuple[str, ...], said: str) -> None:
    assert headline(PortfolioDiff((), not_compared=invalid)) == said


def test_a_list_of_words_gets_a_line_per_word_even_from_nothing() -> None:
    assert field_lines(FieldChange("tags", None, ("cloud", "eu"))) == [
        Line("tags", after="cloud", kind="added", path=True),
        Line("tags", after="eu", kind="added", path=True),
    ]
    assert field_lines(FieldChange("swot.threats", ("price war",), None)) == [
        Line("swot.threats", before="price war", kind="removed", path=True)
    ]


@pytest.mark.parametrize(
    ("before", "after", "trend"),
    [
        ("neutral", "champion", 1),
        ("champion", "blocker", -1),
        ("skeptic", "supporter", 1),
        ("supporter", "skeptic", -1),
    ],
)
def test_an_attitude_points_towards_the_more_favourable(
    before: str, after: str, trend: Trend
) -> None:
    [line] = field_lines(FieldChange("stakeholders[cfo].attitude", before, after))
    assert line == Line("stakeholders[cfo].attitude", before, after, trend=trend, path=True)


@pytest.mark.parametrize(
    ("path", "before", "after"),
    [
        # Attitude words in another field (a note, a title) say nothing of a stance.
        ("notes", "blocker", "champion"),
        # An attitude written for the first time has nothing to be better than.
        ("stakeholders[cfo].attitude", None, "champion"),
        ("stakeholders[cfo].attitude", "champion", None),
    ],
)
def test_no_trend_without_two_attitudes(path: str, before: str | None, after: str | None) -> None:
    [line] = field_lines(FieldChange(path, before, after))
    assert line.trend == 0


def test_a_list_of_words_written_as_a_fact() -> None:
    assert fact_text(("cloud", "eu\x1b[31m")) == "cloud, eu"
    assert exact_money(None, "EUR") == "—"
    assert exact_money(1234567.4, "EUR") == "1,234,567 EUR"


@pytest.mark.parametrize(
    ("change", "trend"),
    [
        (FigureChange("tier", "B", "A"), 1),
        (FigureChange("tier", "A", "C"), -1),
        (FigureChange("band.nps", "amber", "green"), 1),
        (FigureChange("tracking.grow", "on_track", "behind"), -1),
        # Band words in a figure that is no band: no rank.
        (FigureChange("colour", "red", "green"), 0),
        (FigureChange("flags", ("a", "b"), ("a",)), 1),
        (FigureChange("missing_roles", (), ("buyer",)), -1),
        # A list that is no warning: more of it is neither better nor worse.
        (FigureChange("segments", ("a",), ("a", "b")), 0),
        (FigureChange("segments", "abc", ("a",)), 0),
        (FigureChange("stakeholders.cfo.attitude", "blocker", "neutral"), 1),
    ],
)
def test_which_way_a_figure_moved(change: FigureChange, trend: Trend) -> None:
    assert figure_line(change).trend == trend


def test_a_band_word_out_of_its_ranks_has_no_trend() -> None:
    assert figure_line(FigureChange("band.nps", "red", "purple")).trend == 0


def test_a_tier_given_or_taken_points_by_the_tier() -> None:
    moved = PortfolioDiff(
        (
            account_diff(figures=(FigureChange("tier", None, "C"),)),
            AccountDiff("tiny", "Tiny", "changed", (FigureChange("tier", "C", None),), {}),
        ),
        names={"acme": "Acme"},
    )
    assert portfolio_lines(moved) == [
        Line("tier of Acme (acme)", "—", "C", trend=1),
        Line("tier of tiny", "C", "—", trend=-1),
    ]


def test_money_from_or_to_nothing_counts_nothing_as_zero() -> None:
    appeared = PortfolioDiff((), mrr_total=Change(None, 0.5), currency="EUR")
    assert portfolio_lines(appeared) == [Line("MRR", "—", "0 EUR", trend=1)]
    gone = PortfolioDiff((), mrr_at_risk=Change(0.5, None), currency="EUR")
    assert portfolio_lines(gone) == [Line("MRR at risk", "0 EUR", "—", trend=1)]


def test_a_settings_list_edit_is_told_word_by_word() -> None:
    diff = PortfolioDiff(
        (), settings=(FieldChange("buying_centre.required_roles", ("buyer",), ("buyer", "legal")),)
    )
    assert portfolio_lines(diff) == [
        Line("kam.yaml buying_centre.required_roles", after="legal", kind="added", path=True)
    ]


def test_a_stakeholder_or_target_unknown_by_name_shows_their_id() -> None:
    people = StakeholderDiff(
        added=("ghost",),
        removed=("cto",),
        paths=(PathChange("cfo", None, ("cto", "cfo")),),
        people={"cto": "Ann Lee"},
        names={"cto": "Ann Lee"},
    )
    assert section(account_diff(stakeholders=people), "Stakeholders") == (
        Line("stakeholder", after="ghost", kind="added"),
        Line("stakeholder", before="Ann Lee", kind="removed"),
        Line("path of influence to cfo", "no ally reaches them", "Ann Lee › cfo", trend=1),
    )


@pytest.mark.parametrize(
    ("change", "before", "after", "trend"),
    [
        (PathChange("cfo", ("evp", "cfo"), None), "evp › cfo", "no ally reaches them", -1),
        (
            PathChange("cfo", ("evp", "ceo", "cfo"), ("evp", "cfo"), True, False),
            f"evp › ceo › cfo {UNFRIENDLY_MARK}",
            "evp › cfo",
            1,
        ),
        # Through a skeptic is worse even when shorter.
        (
            PathChange("cfo", ("evp", "ceo", "cfo"), ("evp", "cfo"), False, True),
            "evp › ceo › cfo",
            f"evp › cfo {UNFRIENDLY_MARK}",
            -1,
        ),
        (
            PathChange("cfo", ("evp", "cfo"), ("evp", "cto", "cfo")),
            "evp › cfo",
            "evp › cto › cfo",
            -1,
        ),
        (
            PathChange("cfo", ("evp", "ceo", "cfo"), ("cto", "cio", "cfo")),
            "evp › ceo › cfo",
            "cto › cio › cfo",
            0,
        ),
    ],
)
def test_a_path_of_influence_and_which_way_it_moved(
    change: PathChange, before: str, after: str, trend: Trend
) -> None:
    people = StakeholderDiff(paths=(change,), names={"cfo": "Rita Gomez"})
    assert section(account_diff(stakeholders=people), "Stakeholders") == (
        Line(
            "path of influence to Rita Gomez",
            before.replace("cfo", "Rita Gomez"),
            after.replace("cfo", "Rita Gomez"),
            trend=trend,
        ),
    )


def objective(
    status: tuple[str | None, str | None], overdue: tuple[bool | None, bool | None]
) -> ObjectiveChange:
    return ObjectiveChange("grow", "Grow\nEMEA", Change(*status), Change(*overdue))


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (
            objective(("at_risk", None), (True, None)),
            Line("Grow EMEA (grow)", before="at_risk, overdue", kind="removed"),
        ),
        (
            objective((None, "planned"), (None, True)),
            Line("Grow EMEA (grow)", after="planned, overdue", kind="added"),
        ),
        (
            objective(("on_track", "on_track"), (False, True)),
            Line("Grow EMEA (grow)", "on_track", "on_track, overdue", trend=-1),
        ),
        (
            objective(("on_track", "done"), (True, False)),
            Line("Grow EMEA (grow)", "on_track, overdue", "done", trend=1),
        ),
        (
            objective(("on_track", "at_risk"), (True, True)),
            Line("Grow EMEA (grow)", "on_track, overdue", "at_risk, overdue"),
        ),
        (
            objective(("on_track", "at_risk"), (False, False)),
            Line("Grow EMEA (grow)", "on_track", "at_risk"),
        ),
    ],
)
def test_an_objective_points_by_whether_it_fell_overdue(
    change: ObjectiveChange, line: Line
) -> None:
    assert section(account_diff(objectives=(change,)), "Objectives") == (line,)


def test_log_entries_taken_out_and_their_labels() -> None:
    log = LogDiff(
        logged=(LogEntry("2026-11-20", None, ("evp", "cfo"), "Lunch"),),
        dropped=(LogEntry("2026-11-02", "call", (), "Intro", "Send deck", None),),
        actions_done=(ActionDone("grow", "a1", "Book the workshop"),),
    )
    assert log_lines(log) == (
        Line("2026-11-20 entry with evp, cfo", after="Lunch", kind="added"),
        Line("2026-11-02 call", before="Intro · next: Send deck", kind="removed"),
        Line("Book the workshop (grow)", after="done ✓", kind="note", trend=1),
    )


def test_a_goal_met_points_up_and_reopened_down() -> None:
    goals = ProgrammeDiff(
        goals=(
            GoalChange("uptime", "EHR up", Change(False, True)),
            GoalChange("nps", "NPS 40", Change(True, False)),
        )
    )
    assert programme_lines(goals) == (
        Line("goal uptime", after="EHR up: met ✓", kind="note", trend=1),
        Line("goal nps", after="NPS 40: reopened", kind="note", trend=-1),
    )


def need(
    status: tuple[str | None, str | None], value: tuple[float | None, float | None]
) -> NeedChange:
    return NeedChange("ehr", "EHR hosting", Change(*status), Change(*value))


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (need(("open", "lost"), (None, None)), Line("EHR hosting (ehr)", "open", "lost", trend=-1)),
        (
            need(("open", "won"), (5.0, 5.0)),
            Line("EHR hosting (ehr)", "open, 5 EUR", "won, 5 EUR", trend=1),
        ),
        (need(("won", "open"), (5.0, 5.0)), Line("EHR hosting (ehr)", "won, 5 EUR", "open, 5 EUR")),
        (
            need(("open", "open"), (5.0, 9.0)),
            Line("EHR hosting (ehr)", "open, 5 EUR", "open, 9 EUR"),
        ),
    ],
)
def test_a_need_points_up_when_won_and_down_when_lost(change: NeedChange, line: Line) -> None:
    assert section(account_diff(needs=NeedDiff((change,))), "Needs") == (line,)


def test_edits_told_in_their_own_section_are_not_told_again() -> None:
    fields = (
        FieldChange("needs[ehr].value", 5.0, 9.0),
        FieldChange("needs[ehr].status", "open", "won"),
        FieldChange("status", "candidate", "active"),
    )
    diff = account_diff(fields=fields, needs=NeedDiff((need(("open", "won"), (5.0, 9.0)),)))
    # The account's status is told as a figure only when the record has it as one.
    assert section(diff, "Changes") == (Line("status", "candidate", "active", path=True),)
    with_figure = account_diff(
        fields=fields[2:], figures=(FigureChange("status", "candidate", "active"),)
    )
    assert [s.title for s in account_sections(with_figure, "EUR")] == ["Figures"]
