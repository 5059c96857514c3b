"""Meaning-level diffs of accounts and portfolios, on the hand-computed accounts of
`tests/git_repo.py` (see its docstring for every figure used here)."""

from __future__ import annotations

import datetime as dt

import pytest

from kamtui.core.account.account_file import load_account_bytes
from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.analysis.abc_analysis import Tier
from kamtui.core.review.changes import (
    AccountDiff,
    ActionDone,
    Change,
    FieldChange,
    FigureChange,
    LogDiff,
    LogEntry,
    PathChange,
    Side,
    TeamChange,
    need_change_kind,
)
from kamtui.core.review.diff import diff_account_files, diff_portfolios, log_diff
from kamtui.render.diff_lines import Line, account_sections
from tests.conftest import TODAY
from tests.core.portfolio_builders import make_account
from tests.git_repo import ACME, HARBOR, TINY


def account(text: str) -> Account:
    found, problems = load_account_bytes(text.encode(), "test.yaml", PortfolioSettings())
    assert found is not None, problems
    return found


def side(settings: PortfolioSettings | None = None, **texts: str) -> Side:
    return Side({i: account(t) for i, t in texts.items()}, settings or PortfolioSettings())


BASE = {"harbor": HARBOR, "acme": ACME, "tiny": TINY}


def diff_harbor(new_text: str) -> AccountDiff:
    """The diff of harbor alone within the base portfolio, with its text replaced."""
    diff = diff_portfolios(side(**BASE), side(**{**BASE, "harbor": new_text}), TODAY)
    assert [a.id for a in diff.accounts] == ["harbor"]
    return diff.accounts[0]


def _reordered_objectives() -> str:
    first = (
        "  - id: cloud-migration\n    what: Move all clinical workloads to our cloud\n"
        "    due: 2026-12-31\n    status: at_risk\n"
    )
    second = "  - id: hipaa-audit\n    what: Pass the HIPAA audit\n    due: 2026-05-31\n    status: done\n"
    assert first + second in HARBOR
    return HARBOR.replace(first + second, second + first)


def _reordered_stakeholders() -> str:
    start = HARBOR.index("  - id: ceo")
    middle = HARBOR.index("  - id: evp")
    end = HARBOR.index("needs:")
    return HARBOR[:start] + HARBOR[middle:end] + HARBOR[start:middle] + HARBOR[end:]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            HARBOR.replace("# BAA signed", "# BAA signed in March") + "# end\n", id="comments"
        ),
        pytest.param(
            HARBOR.replace(
                "name: Harbor Health System\nindustry: Healthcare\n",
                "industry: Healthcare\nname: Harbor Health System\n",
            ),
            id="keys-reordered",
        ),
        pytest.param(HARBOR.replace("\n  ", "\n    "), id="re-indented"),
        pytest.param(
            HARBOR.replace("  product_fit: 4 ", "  product_fit: {score: 4}"), id="shorthand"
        ),
        pytest.param(
            HARBOR.replace("[healthcare, cloud-migration]", "[cloud-migration, healthcare]"),
            id="tags-reordered",
        ),
        pytest.param(_reordered_stakeholders(), id="stakeholders-reordered"),
        pytest.param(_reordered_objectives(), id="objectives-reordered"),
    ],
)
def test_layout_is_no_change_in_meaning(text: str) -> None:
    assert text != HARBOR
    diff = diff_portfolios(side(**BASE), side(**{**BASE, "harbor": text}), TODAY)
    assert diff.accounts == ()
    assert not diff.changed


def test_a_criterion_moves_the_score() -> None:
    diff = diff_harbor(HARBOR.replace("product_fit: 4 ", "product_fit: 5 "))
    assert diff.status == "changed"
    assert diff.fields == (FieldChange("criteria.product_fit", 4, 5),)
    # 17 → 18 points of 20; growth and harmony do not use product fit.
    assert diff.figures == (FigureChange("score", 85.0, 90.0),)


def test_evidence_is_a_fact_of_its_own() -> None:
    diff = diff_harbor(HARBOR.replace("Two new hospitals in 2027", "Three new hospitals"))
    assert diff.fields == (
        FieldChange(
            "criteria.revenue_potential.evidence",
            "Two new hospitals in 2027",
            "Three new hospitals",
        ),
    )
    assert diff.figures == ()


def test_tags_are_reported_word_by_word() -> None:
    diff = diff_harbor(HARBOR.replace("[healthcare, cloud-migration]", "[healthcare, reference]"))
    (change,) = diff.fields
    assert change.path == "tags"
    assert change.words_added == ("reference",)
    assert change.words_removed == ("cloud-migration",)


def test_winning_the_evp_empties_the_to_win_list() -> None:
    text = HARBOR.replace(
        "attitude: neutral\n    relationship: weak", "attitude: supporter\n    relationship: weak"
    )
    diff = diff_harbor(text)
    assert diff.fields == (FieldChange("stakeholders[evp].attitude", "neutral", "supporter"),)
    assert diff.stakeholders.changed == ("evp",)
    assert diff.stakeholders.to_win == Change(("evp",), ())
    assert diff.stakeholders.people["evp"] == "Morgan Lee, EVP (supporter, high power)"


def test_a_new_ally_changes_the_path_of_influence() -> None:
    # The CEO above the EVP turns supporter: two paths of one step tie, and the
    # lexicographically smaller one (ceo, evp) is the path now.
    text = HARBOR.replace(
        "attitude: neutral\n    relationship: good", "attitude: supporter\n    relationship: good"
    )
    diff = diff_harbor(text)
    assert diff.stakeholders.to_win is None
    assert diff.stakeholders.paths == (PathChange("evp", ("consultant", "evp"), ("ceo", "evp")),)
    assert diff.stakeholders.names["ceo"] == "Evelyn Carter"


def path_lines(diff: AccountDiff) -> list[Line]:
    """The lines a review shows for paths of influence."""
    lines = [line for section in account_sections(diff, "USD") for line in section.lines]
    return [line for line in lines if line.label.startswith("path of influence")]


def test_a_path_that_turns_unfriendly_is_a_change_though_its_people_stay() -> None:
    """The consultant reaches the EVP through the CEO; the CEO turns skeptic and no other
    way exists, so the path is the same people, now through a skeptic."""
    via_ceo = HARBOR.replace("influences: [evp]", "influences: [ceo]")
    skeptic = via_ceo.replace("attitude: neutral", "attitude: skeptic", 1)
    diff = diff_portfolios(
        side(**{**BASE, "harbor": via_ceo}), side(**{**BASE, "harbor": skeptic}), TODAY
    )
    (harbor,) = diff.accounts
    path = ("consultant", "ceo", "evp")
    assert harbor.stakeholders.paths == (PathChange("evp", path, path, False, True),)
    (line,) = path_lines(harbor)
    assert line.after == "Jules Martin › Evelyn Carter › Morgan Lee ⚠ through a skeptic or blocker"
    assert line.trend == -1
    back = diff_portfolios(
        side(**{**BASE, "harbor": skeptic}), side(**{**BASE, "harbor": via_ceo}), TODAY
    )
    (line,) = path_lines(back.accounts[0])
    assert line.trend == 1


def test_stakeholders_added_and_removed_are_not_listed_field_by_field() -> None:
    text = HARBOR.replace(
        "needs:",
        "  - {id: cfo, name: Raymond Osei, title: CFO, decision_power: high, attitude: skeptic}\nneeds:",
    )
    start = text.index("  - id: consultant")
    text = text[:start] + text[text.index("  - {id: cfo") :]
    diff = diff_harbor(text)
    assert diff.stakeholders.added == ("cfo",)
    assert diff.stakeholders.removed == ("consultant",)
    assert diff.stakeholders.people["cfo"] == "Raymond Osei, CFO (skeptic, high power)"
    assert diff.stakeholders.people["consultant"] == "Larch Advisory (Jules Martin, champion)"
    assert diff.fields == ()
    assert diff.stakeholders.to_win == Change(("evp",), ("cfo", "evp"))
    # Without the consultant no ally is left to reach the EVP.
    assert diff.stakeholders.paths == (PathChange("evp", ("consultant", "evp"), None),)
    # One touchpoint (the CEO) is left: single-threaded now.
    assert diff.figure("flags") == FigureChange("flags", (), ("single_threaded",))


def test_objective_status_and_overdue() -> None:
    # hipaa-audit was due 2026-05-31 and done; reopened it is overdue on TODAY (2026-11-24).
    text = HARBOR.replace("status: done", "status: on_track").replace(
        "status: at_risk", "status: on_track"
    )
    diff = diff_harbor(text)
    by_id = {change.id: change for change in diff.objectives}
    assert by_id["hipaa-audit"].status == Change("done", "on_track")
    assert by_id["hipaa-audit"].overdue == Change(False, True)
    assert by_id["cloud-migration"].status == Change("at_risk", "on_track")
    assert by_id["cloud-migration"].overdue == Change(False, False)
    assert diff.figure("flags") == FigureChange("flags", (), ("overdue",))


def test_objectives_added_and_removed() -> None:
    text = HARBOR.replace(
        "stakeholders:", "  - {id: nps, what: Raise NPS to 40, status: planned}\nstakeholders:"
    )
    diff = diff_harbor(text)
    (change,) = diff.objectives
    assert (change.id, change.what) == ("nps", "Raise NPS to 40")
    assert change.status == Change(None, "planned")
    assert change.overdue == Change(None, False)


def test_needs_won_lost_added_and_the_pipeline() -> None:
    text = (
        HARBOR.replace("value: 400000\n    status: open", "value: 400000\n    status: won").replace(
            "value: 150000\n    status: open", "value: 150000\n    status: lost"
        )
        + "  - {id: backup, what: Offsite backup, value: 90000}\n"
    )
    diff = diff_harbor(text)
    kinds = {change.id: change.kind for change in diff.needs.changes}
    assert kinds == {"backup": "added", "pacs": "won", "voice": "lost"}
    # Open pipeline: 400,000 + 150,000 before; only the new 90,000 after.
    assert diff.needs.pipeline == Change(550000.0, 90000.0)
    assert diff.fields == (
        FieldChange("needs[pacs].status", "open", "won"),
        FieldChange("needs[voice].status", "open", "lost"),
    )


def test_a_need_whose_value_alone_changed_is_reported() -> None:
    diff = diff_harbor(
        HARBOR.replace("value: 400000\n    status: open", "value: 250000\n    status: open")
    )
    (change,) = diff.needs.changes
    assert (change.id, change.kind) == ("pacs", "value")
    assert change.value == Change(400000.0, 250000.0)
    assert change.status == Change("open", "open")
    assert diff.needs.pipeline == Change(550000.0, 400000.0)


def test_revenue_growth_moves_tiers_and_the_vital_few() -> None:
    new = side(**{**BASE, "harbor": HARBOR.replace("2026: 3000000", "2026: 5000000")})
    diff = diff_portfolios(side(**BASE), new, TODAY)
    assert [a.id for a in diff.accounts] == ["acme", "harbor"]
    acme, harbor = diff.accounts
    # acme's own plan did not change: only its tier moved, because harbor grew.
    assert acme.fields == ()
    assert acme.figures == (FigureChange("tier", "A", "B"),)
    assert harbor.fields == (FieldChange("revenue.2026", 3000000.0, 5000000.0),)
    assert harbor.figures == ()
    assert [(m.id, m.before, m.after) for m in diff.tier_moves] == [("acme", Tier.A, Tier.B)]
    assert diff.vital_few == Change(("harbor", "acme"), ("harbor",))
    assert diff.revenue_total == Change(4200000.0, 6200000.0)


def test_churn_risk_moves_the_mrr_at_risk() -> None:
    new = side(**{**BASE, "acme": ACME.replace("churn_risk: low", "churn_risk: high")})
    diff = diff_portfolios(side(**BASE), new, TODAY)
    assert diff.at_risk == Change((), ("acme",))
    assert diff.mrr_at_risk == Change(0.0, 10000.0)
    assert diff.mrr_total is None
    (acme,) = diff.accounts
    # acme has no stakeholders (single-threaded all along) and MRR with no premium plan.
    assert acme.figure("flags") == FigureChange(
        "flags", ("single_threaded", "upsell"), ("at_risk", "single_threaded", "upsell")
    )


def test_accounts_added_and_removed_carry_score_and_tier() -> None:
    diff = diff_portfolios(side(harbor=HARBOR, acme=ACME), side(harbor=HARBOR, tiny=TINY), TODAY)
    # harbor stays tier A on both sides: not listed.
    removed, tiny = diff.accounts
    assert (removed.id, removed.status) == ("acme", "removed")
    assert removed.figure("score") == FigureChange("score", 50.0, None)
    assert removed.figure("tier") == FigureChange("tier", "A", None)
    assert (tiny.id, tiny.status) == ("tiny", "added")
    assert tiny.figure("score") == FigureChange("score", None, 25.0)
    # harbor 3,000,000 of 3,200,000 is 94%: tiny starts past 0.80 and before 0.95.
    assert tiny.figure("tier") == FigureChange("tier", None, "B")
    assert diff.count is None


def test_new_weights_move_every_score() -> None:
    weights = PortfolioSettings.model_validate({"weights": {"product_fit": 2}})
    diff = diff_portfolios(side(**BASE), side(weights, **BASE), TODAY)
    assert diff.settings == (FieldChange("weights.product_fit", 1.0, 2.0),)
    scores = {a.id: a.figure("score") for a in diff.accounts}
    # harbor: (3 + 4 + 3 + 2·3 + 4) / (4 · 6) = 20/24; acme keeps 50 (all criteria alike).
    assert scores["harbor"] == FigureChange("score", 85.0, pytest.approx(83.3333333))
    assert "acme" not in scores
    # tiny: all criteria 2, so 25 under any weights.
    assert "tiny" not in scores


def test_an_invalid_side_is_left_out_not_reported_removed() -> None:
    old = side(**BASE)
    new = Side(
        {"harbor": account(HARBOR), "tiny": account(TINY)}, PortfolioSettings(), frozenset({"acme"})
    )
    diff = diff_portfolios(old, new, TODAY)
    assert diff.not_compared == ("acme",)
    assert all(a.id != "acme" for a in diff.accounts)


def test_two_files_are_compared_without_a_portfolio() -> None:
    settings = PortfolioSettings()
    diff = diff_account_files(
        "harbor",
        account(HARBOR),
        account(HARBOR.replace("product_fit: 4 ", "product_fit: 5 ")),
        settings,
        settings,
        TODAY,
    )
    (harbor,) = diff.accounts
    assert harbor.figures == (FigureChange("score", 85.0, 90.0),)
    assert harbor.latest["tier"] is None
    assert diff.vital_few is None and diff.tier_moves == ()


def test_a_year_given_is_the_analysis_year_of_both_sides() -> None:
    """`kamtui diff --year`: both sides are read for that year, not their latest one."""
    new = side(**{**BASE, "harbor": HARBOR.replace("2025: 2600000", "2025: 2800000")})
    diff = diff_portfolios(side(**BASE), new, TODAY, year=2025)
    assert diff.year is None
    # Only harbor has revenue in 2025; acme and tiny are untiered that year on both sides.
    assert diff.revenue_total == Change(2600000.0, 2800000.0)
    assert [a.id for a in diff.accounts] == ["harbor"]
    assert diff.accounts[0].figures == ()


def test_a_new_year_of_revenue_moves_the_analysis_year() -> None:
    new = side(
        **{**BASE, "harbor": HARBOR.replace("2026: 3000000", "2026: 3000000\n  2027: 3500000")}
    )
    diff = diff_portfolios(side(**BASE), new, TODAY)
    assert diff.year == Change(2026, 2027)
    # Only harbor has revenue in 2027: acme and tiny lose their tiers.
    assert diff.revenue_total == Change(4200000.0, 3500000.0)
    assert {a.id: a.figure("tier") for a in diff.accounts} == {
        "acme": FigureChange("tier", "A", None),
        "harbor": None,
        "tiny": FigureChange("tier", "C", None),
    }


def test_more_mrr_moves_the_mrr_total() -> None:
    new = side(**{**BASE, "acme": ACME.replace("standard: 10000", "standard: 12000")})
    diff = diff_portfolios(side(**BASE), new, TODAY)
    assert diff.mrr_total == Change(10000.0, 12000.0)
    assert diff.mrr_at_risk is None
    (acme,) = diff.accounts
    assert acme.figures == (FigureChange("mrr", 10000.0, 12000.0),)


def test_the_new_sides_currency_is_the_one_shown() -> None:
    old = PortfolioSettings.model_validate({"currency": "GBP"})
    new = PortfolioSettings.model_validate({"currency": "EUR"})
    diff = diff_portfolios(side(old, **BASE), side(new, **BASE), TODAY)
    assert diff.currency == "EUR"
    assert diff.settings == (FieldChange("currency", "GBP", "EUR"),)
    assert diff.accounts == ()


def test_a_plan_reweighed_but_unedited_is_reported_changed_by_name() -> None:
    """Only the settings moved harbor's score: it is still listed as changed, with its name."""
    weights = PortfolioSettings.model_validate({"weights": {"product_fit": 2}})
    diff = diff_portfolios(side(**BASE), side(weights, **BASE), TODAY)
    (harbor,) = diff.accounts
    assert (harbor.id, harbor.name, harbor.status) == ("harbor", "Harbor Health System", "changed")
    assert harbor.fields == ()
    assert harbor.latest["score"] == pytest.approx(83.3333333)


def test_a_removed_objective_is_reported() -> None:
    start = HARBOR.index("  - id: hipaa-audit")
    text = HARBOR[:start] + HARBOR[HARBOR.index("stakeholders:") :]
    (change,) = diff_harbor(text).objectives
    assert (change.id, change.what) == ("hipaa-audit", "Pass the HIPAA audit")
    assert change.status == Change("done", None)
    assert change.overdue == Change(False, None)


def test_a_removed_need_is_reported_and_leaves_the_pipeline() -> None:
    text = HARBOR[: HARBOR.index("  - id: voice")]
    diff = diff_harbor(text)
    (change,) = diff.needs.changes
    assert (change.id, change.what, change.kind) == ("voice", "Voice transcription", "removed")
    assert change.status == Change("open", None)
    assert change.value == Change(150000.0, None)
    assert diff.needs.pipeline == Change(550000.0, 400000.0)


def test_only_the_people_the_diff_mentions_are_described() -> None:
    """The EVP is still to win, by the same path: a new title for the CEO does not mention them."""
    diff = diff_harbor(HARBOR.replace("title: CEO", "title: Chief Executive"))
    assert diff.stakeholders.changed == ("ceo",)
    assert diff.stakeholders.to_win is None and diff.stakeholders.paths == ()
    assert dict(diff.stakeholders.names) == {"ceo": "Evelyn Carter"}
    assert list(diff.stakeholders.people) == ["ceo"]


def test_everyone_to_win_is_described_when_the_list_moves() -> None:
    """The CFO stays to win, untouched, while the EVP is won: both are described, so the
    reviewer can read the list before and after."""
    cfo = "  - {id: cfo, name: Raymond Osei, title: CFO, decision_power: high, attitude: skeptic}\n"
    old = HARBOR.replace("needs:", cfo + "needs:")
    new = old.replace(
        "attitude: neutral\n    relationship: weak", "attitude: supporter\n    relationship: weak"
    )
    diff = diff_portfolios(side(**{**BASE, "harbor": old}), side(**{**BASE, "harbor": new}), TODAY)
    (harbor,) = diff.accounts
    assert harbor.stakeholders.changed == ("evp",)
    assert harbor.stakeholders.to_win == Change(("cfo", "evp"), ("cfo",))
    assert harbor.stakeholders.people["cfo"] == "Raymond Osei, CFO (skeptic, high power)"
    assert set(harbor.stakeholders.names) == {"cfo", "evp"}


def test_the_ally_a_path_of_influence_no_longer_starts_from_is_named() -> None:
    """The consultant left the path to the EVP (the CEO leads it now) without being edited."""
    text = HARBOR.replace(
        "attitude: neutral\n    relationship: good", "attitude: supporter\n    relationship: good"
    )
    stakeholders = diff_harbor(text).stakeholders
    assert stakeholders.paths == (PathChange("evp", ("consultant", "evp"), ("ceo", "evp")),)
    assert stakeholders.names == {
        "ceo": "Evelyn Carter",
        "consultant": "Jules Martin",
        "evp": "Morgan Lee",
    }
    assert stakeholders.people["consultant"] == "Larch Advisory (Jules Martin, champion)"


EURO = PortfolioSettings.model_validate({"currency": "EUR"})


def test_a_file_added_is_an_account_added() -> None:
    diff = diff_account_files("harbor", None, account(HARBOR), EURO, EURO, TODAY)
    (harbor,) = diff.accounts
    assert (harbor.id, harbor.name, harbor.status) == ("harbor", "Harbor Health System", "added")
    assert harbor.figure("score") == FigureChange("score", None, 85.0)
    assert harbor.latest["score"] == 85.0
    assert diff.names == {"harbor": "Harbor Health System"}
    assert diff.currency == "EUR"
    assert diff.not_compared == ()


def test_a_file_removed_is_an_account_removed() -> None:
    diff = diff_account_files("harbor", account(HARBOR), None, EURO, EURO, TODAY)
    (harbor,) = diff.accounts
    assert (harbor.id, harbor.name, harbor.status) == ("harbor", "Harbor Health System", "removed")
    assert harbor.figure("score") == FigureChange("score", 85.0, None)
    assert diff.names == {"harbor": "Harbor Health System"}


def test_a_renamed_account_file_is_named_by_its_new_version() -> None:
    new = HARBOR.replace("name: Harbor Health System", "name: Harbor Health")
    diff = diff_account_files("harbor", account(HARBOR), account(new), EURO, EURO, TODAY)
    (harbor,) = diff.accounts
    assert harbor.fields == (FieldChange("name", "Harbor Health System", "Harbor Health"),)
    assert harbor.name == "Harbor Health"
    assert diff.names == {"harbor": "Harbor Health"}


def test_a_file_on_neither_side_has_nothing_to_report() -> None:
    diff = diff_account_files("harbor", None, None, EURO, EURO, TODAY)
    assert diff.accounts == () and diff.names == {} and not diff.changed


@pytest.mark.parametrize(
    ("old", "new", "names"),
    [
        # The new file did not load: the old one still names the account.
        pytest.param(HARBOR, None, {"harbor": "Harbor Health System"}, id="new-invalid"),
        # The old file did not load, the new one did.
        pytest.param(None, HARBOR, {"harbor": "Harbor Health System"}, id="old-invalid"),
        # An invalid file added: nothing loaded on either side, so no name.
        pytest.param(None, None, {}, id="nothing-loaded"),
    ],
)
def test_an_invalid_file_is_not_compared(
    old: str | None, new: str | None, names: dict[str, str]
) -> None:
    diff = diff_account_files(
        "harbor",
        None if old is None else account(old),
        None if new is None else account(new),
        EURO,
        EURO,
        TODAY,
        invalid=True,
    )
    assert diff.accounts == ()
    assert diff.not_compared == ("harbor",)
    assert diff.names == names
    assert diff.currency == "EUR"


def test_a_meeting_logged_and_a_key_player_turning_stale_are_reported() -> None:
    """A meeting with the EVP (logged 10 days ago) shows, and takes them off the stale
    list; a stricter cadence in kam.yaml (below 10 days for tier A) puts them back on it.
    (A new log entry was once left out of the diff altogether, as an item added.)"""
    met = dt.date.fromordinal(TODAY.toordinal() - 10).isoformat()
    logged = HARBOR + f"activities:\n  - date: {met}\n    with: [evp]\n    summary: Lunch\n"
    diff = diff_harbor(logged)
    # The entry is told whole in the log's part, not fact by fact.
    assert diff.fields == ()
    assert diff.log == LogDiff(logged=(LogEntry(met, None, ("evp",), "Lunch"),))
    assert diff.figures == (
        FigureChange("stale", ("ceo", "consultant", "evp"), ("ceo", "consultant")),
    )
    strict = PortfolioSettings.model_validate({"cadence": {"A": 7}})
    tightened = diff_portfolios(
        side(**{**BASE, "harbor": logged}),
        side(strict, **{**BASE, "harbor": logged}),
        TODAY,
    )
    [harbor] = [a for a in tightened.accounts if a.id == "harbor"]
    assert harbor.figures == (
        FigureChange("stale", ("ceo", "consultant"), ("ceo", "consultant", "evp")),
    )


def test_the_log_tells_entries_logged_and_taken_out_and_actions_done() -> None:
    """An entry inserted above another of its day is new, the other unchanged; an entry
    whose next step was done is the same entry, changed; an action is done once."""
    day = "2026-11-12"
    goal = {"id": "grow", "what": "Grow", "actions": [{"what": "Book it"}, {"what": "Send it"}]}
    old = make_account(
        activities=[
            {"date": day, "summary": "Lunch", "next": "Call back"},
            {"date": "2026-11-01", "summary": "Old note"},
        ],
        objectives=[goal],
    )
    done = {**goal, "actions": [{"what": "Book it", "done": True}, {"what": "Send it"}]}
    new = make_account(
        activities=[
            {"date": day, "summary": "Breakfast", "with": []},
            {"date": day, "summary": "Lunch", "next": "Call back", "next_done": True},
        ],
        objectives=[done, {"id": "new", "what": "New", "actions": [{"what": "Won", "done": True}]}],
    )
    assert log_diff(old, new) == LogDiff(
        logged=(LogEntry(day, None, (), "Breakfast"),),
        dropped=(LogEntry("2026-11-01", None, (), "Old note"),),
        actions_done=(ActionDone("grow", "book-it", "Book it"), ActionDone("new", "won", "Won")),
    )
    assert log_diff(new, new) == LogDiff()
    assert log_diff(new, new).empty and not log_diff(old, new).empty
    # Nothing before (an account's first version): every entry is logged.
    assert [e.summary for e in log_diff(None, old).logged] == ["Old note", "Lunch"]


PROGRAMME = HARBOR.replace(
    "tags: [healthcare, cloud-migration]\n",
    "tags: [healthcare, cloud-migration]\n"
    "team:\n"
    "  - {name: Ana Silva, role: executive_sponsor}\n"
    "  - {name: Raj Patel, role: operations}\n"
    "customer_goals:\n"
    "  - {id: consolidate-dc, what: Close two data centres}\n"
    "  - {id: clinicians, what: Happier clinicians}\n",
)


def programme_diff_of(old: str, new: str) -> AccountDiff:
    diff = diff_portfolios(side(**{**BASE, "harbor": old}), side(**{**BASE, "harbor": new}), TODAY)
    assert [a.id for a in diff.accounts] == ["harbor"]
    return diff.accounts[0]


def test_the_programme_speaks_of_status_team_and_goals() -> None:
    """Status is a figure (told once); a person joined, one left, one changed role; a goal
    added, one met, one removed; none of it repeated field by field."""
    new = (
        PROGRAMME.replace("name: Harbor Health System\n", "name: Harbor Health System\nstatus: under_review\n")
        .replace("  - {name: Ana Silva, role: executive_sponsor}\n", "  - {name: Mei Chen, role: legal}\n")
        .replace("{name: Raj Patel, role: operations}", "{name: Raj Patel, role: service}")
        .replace("  - {id: clinicians, what: Happier clinicians}\n", "  - {id: uptime, what: EHR always up}\n")
        .replace("what: Close two data centres}", "what: Close two data centres, met: true}")
    )  # fmt: skip
    diff = programme_diff_of(PROGRAMME, new)
    assert diff.figure("status") == FigureChange("status", "key", "under_review")
    assert diff.programme.team == (
        TeamChange("ana-silva", "Ana Silva", Change("executive_sponsor", None)),
        TeamChange("mei-chen", "Mei Chen", Change(None, "legal")),
        TeamChange("raj-patel", "Raj Patel", Change("operations", "service")),
    )
    assert [(g.id, g.kind) for g in diff.programme.goals] == [
        ("clinicians", "removed"),
        ("consolidate-dc", "met"),
        ("uptime", "added"),
    ]
    sections = {s.title: s.lines for s in account_sections(diff, "USD")}
    # The status is told among the figures, the rest in the programme's section alone.
    assert "Changes" not in sections
    assert [(line.kind, line.label, line.before, line.after) for line in sections["Programme"]] == [
        ("removed", "team", "Ana Silva (executive sponsor)", ""),
        ("added", "team", "", "Mei Chen (legal)"),
        ("changed", "team", "Raj Patel (operations)", "Raj Patel (service)"),
        ("removed", "goal clinicians", "Happier clinicians", ""),
        ("note", "goal consolidate-dc", "", "Close two data centres: met ✓"),
        ("added", "goal uptime", "", "EHR always up"),
    ]


def test_a_goal_reopened_is_worse() -> None:
    met = PROGRAMME.replace("what: Happier clinicians}", "what: Happier clinicians, met: true}")
    diff = programme_diff_of(met, PROGRAMME)
    assert [(g.id, g.kind) for g in diff.programme.goals] == [("clinicians", "reopened")]
    (line,) = {s.title: s.lines for s in account_sections(diff, "USD")}["Programme"]
    assert (line.after, line.trend) == ("Happier clinicians: reopened", -1)


def test_the_kind_of_a_need_s_change() -> None:
    """A need closed and opened again is reopened; only its value moved, value."""
    assert need_change_kind(Change("won", "open")) == "reopened"
    assert need_change_kind(Change("lost", "open")) == "reopened"
    assert need_change_kind(Change("open", "lost")) == "lost"
    assert need_change_kind(Change("open", "open")) == "value"
    assert need_change_kind(Change(None, "open")) == "added"
    assert need_change_kind(Change("won", None)) == "removed"
