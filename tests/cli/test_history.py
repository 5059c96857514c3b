"""`kamtui history` over several real commits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import kamtui
from tests.git_repo import GitRepo, portfolio_repo

EVP_WON = (
    "attitude: neutral\n    relationship: weak",
    "attitude: supporter\n    relationship: weak",
)


def history(*args: str) -> tuple[int, str, str]:
    return kamtui("history", "--today", "2026-11-24", *args)


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = portfolio_repo(tmp_path)
    repo.edit("harbor.yaml", "product_fit: 4 ", "product_fit: 5 ")
    repo.commit("Product fit 5: PACS tiering fits")
    repo.edit("harbor.yaml", *EVP_WON)
    repo.edit("harbor.yaml", "status: at_risk", "status: on_track")
    repo.commit("EVP on board")
    repo.edit("acme.yaml", "2026: 1000000", "2026: 4000000")
    repo.commit("Acme grows")
    repo.edit("harbor.yaml", "industry: Healthcare", "industry: Health care")
    repo.commit("Wording")
    return repo


def test_history_shows_each_commit_and_what_moved(repo: GitRepo) -> None:
    code, out, _ = history("harbor", str(repo.folder))
    assert code == 0
    assert out.splitlines() == [
        "History of Harbor Health System (accounts/harbor.yaml)",
        "",
        f"2026-01-01  {_short(repo, 'HEAD~4')}  Start",
        # The first version is summed up by its record; later ones list every fact moved.
        "    + score: 85.0",
        "    + growth: 83.3",
        "    + harmony: 75.0",
        "    + priority: 79.2",
        "    + quadrant: strategic",
        "    + status: key",
        "    + tier: A",
        "    + mrr: 0",
        "    + pipeline_weighted: 55000",
        "    + pipeline_growth: 0",
        "    + pipeline_renewals: 0",
        "    + open_value: 0",
        "    + map_status: 1",
        "    + missing_roles: buyer, champion, decision maker",
        "    + goals_unserved: none",
        "    + flags: none",
        # No meeting is logged: every key player is not met in time.
        "    + stale: ceo, consultant, evp",
        "",
        f"2026-01-02  {_short(repo, 'HEAD~3')}  Product fit 5: PACS tiering fits",
        "    score: 85.0 → 90.0 ▲",
        "    criteria.product_fit: 4 → 5",
        "",
        f"2026-01-03  {_short(repo, 'HEAD~2')}  EVP on board",
        "    objectives[cloud-migration].status: at_risk → on_track",
        "    stakeholders[evp].attitude: neutral → supporter ▲",
        "",
        # acme's growth (4.0 of 7.2 million; harbor 3.0 starts at 0.556) is in a commit
        # that did not touch harbor: it moves nothing of harbor's record.
        f"2026-01-05  {_short(repo, 'HEAD')}  Wording",
        "    industry: Healthcare → Health care",
    ]


def test_history_json_and_a_tier_from_that_commit_s_portfolio(repo: GitRepo) -> None:
    repo.edit("acme.yaml", "2026: 4000000", "2026: 30000000")
    repo.edit("harbor.yaml", "industry: Health care", "industry: Hospitals")
    repo.commit("Acme dwarfs everyone")
    code, out, _ = history("harbor", str(repo.folder), "--format", "json")
    entries = json.loads(out)
    assert code == 0
    assert [e["subject"] for e in entries][-1] == "Acme dwarfs everyone"
    # 30.0 of 33.2 million: harbor starts at 0.904, past a = 0.80: tier B.
    assert entries[-1]["moves"] == [
        {"name": "tier", "before": "A", "after": "B"},
        {"name": "industry", "before": "Health care", "after": "Hospitals"},
    ]
    assert entries[-1]["figures"]["tier"] == "B"
    assert entries[0]["date"] == "2026-01-01T12:00:00+00:00"


def test_an_untracked_account_has_no_history(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path)
    repo.write(
        "new.yaml",
        "name: New\ncriteria: {revenue_volume: 1, revenue_potential: 1, "
        "lifetime_value: 1, product_fit: 1, strategic_value: 1}\n",
    )
    code, out, _ = history("new", str(repo.folder))
    assert code == 0
    assert "no commits: the file is not tracked by git yet" in out


def test_outside_a_repository(tmp_path: Path, write) -> None:
    write("acme.yaml", "name: A\n")
    code, _, err = history("acme", str(tmp_path))
    assert code == 2
    assert "not inside a git repository" in err


def _short(repo: GitRepo, revision: str) -> str:
    return repo.git("rev-parse", "--short", revision).strip()


def test_a_logged_meeting_and_an_action_done_are_told_in_words(tmp_path: Path) -> None:
    """Not as every fact of the new entry (`activities[…].next_done: — → false`)."""
    repo = portfolio_repo(tmp_path)
    repo.edit(
        "harbor.yaml",
        "    status: at_risk\n",
        "    status: at_risk\n    actions:\n      - what: Book the EVP workshop\n",
    )
    repo.commit("An action")
    harbor = str(repo.folder / "harbor.yaml")
    assert kamtui("log", harbor, "--with", "evp", "--kind", "meeting", "--date", "2026-11-20",
                  "--next", "Send the model", "--next-due", "2026-12-01", "Lunch with the EVP")[0] == 0  # fmt: skip
    repo.edit(
        "harbor.yaml", "Book the EVP workshop\n", "Book the EVP workshop\n        done: true\n"
    )
    repo.commit("Met the EVP, workshop booked")
    out = history("harbor", str(repo.folder))[1]
    last = out.split("Met the EVP, workshop booked\n")[1].splitlines()
    assert last == [
        "    stale: ceo, consultant, evp → ceo, consultant ▲",
        "    + 2026-11-20 meeting with evp: Lunch with the EVP · next: Send the model by 2026-12-01",
        "    Book the EVP workshop (cloud-migration): done ✓ ▲",
    ]
    logged = json.loads(history("harbor", str(repo.folder), "--format", "json")[1])[-1]["log"]
    assert logged["actions_done"] == [
        {
            "objective": "cloud-migration",
            "action": "book-the-evp-workshop",
            "what": "Book the EVP workshop",
        }
    ]
    assert [entry["summary"] for entry in logged["logged"]] == ["Lunch with the EVP"]


def test_a_commit_where_the_file_was_broken_names_its_first_problem(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    repo.edit("harbor.yaml", "product_fit: 4 ", "product_fit: 9 ")
    repo.commit("Typo")
    repo.edit("harbor.yaml", "product_fit: 9 ", "product_fit: 4 ")
    repo.commit("Fixed")
    _, out, _ = history("harbor", str(repo.folder))
    broken = out.split("Typo\n", 1)[1].splitlines()[0]
    assert broken.startswith("    invalid at this commit (1 problem; the first at line ")
    assert broken.endswith(": criteria.product_fit: 9 is out of range: must be between 1 and 5)")
