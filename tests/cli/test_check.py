"""`kamtui check` (issue 23): each review gate on a real git repository, base commit and
working tree, with the line and column of every finding, the three formats and the exit
codes. The portfolio is tests/git_repo.py's: harbor and acme tier A, tiny tier C."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import kamtui
from tests.git_repo import HARBOR, GitRepo, gated_repo

TODAY = "2026-11-24"
# Harbor's champion, as its file writes them: lines 39 to 44.
CONSULTANT = HARBOR[HARBOR.index("  - id: consultant") : HARBOR.index("needs:")]
BEHIND = """\
  - id: nps-up
    what: Raise NPS to 50
    baseline: 10
    current: 12
    target: 50
    start: 2026-01-01
    due: 2026-12-31
    status: on_track
"""
UNASSESSED = """\
name: Nova Labs
revenue: {2026: 50000}
criteria:
  revenue_volume: 2
  revenue_potential:
  lifetime_value: 3
  product_fit:
  strategic_value: 2
"""


def check(*args: str) -> tuple[int, str, str]:
    return kamtui("check", "--today", TODAY, *args)


def findings(*args: str) -> list[tuple[str, int, int, str, str]]:
    code, out, _ = check("--format", "json", *args)
    assert code in (0, 1)
    return [(f["path"], f["line"], f["column"], f["severity"], f["rule"]) for f in json.loads(out)]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """The portfolio committed on `main` (stale_key_player off), run from the repository's top."""
    repo = gated_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    return repo


def test_nothing_broken_passes_quietly(repo: GitRepo) -> None:
    code, out, err = check("accounts", "--base", "main")
    assert (code, out) == (0, "")
    assert err == "3 accounts checked: 0 errors, 0 warnings\n"


def test_a_champion_turned_skeptic_fails_at_the_attitude(repo: GitRepo) -> None:
    repo.edit("harbor.yaml", "attitude: champion", "attitude: skeptic")
    code, out, err = check("accounts", "--base", "main")
    assert code == 1
    assert out == (
        "accounts/harbor.yaml:42:15: error: [champion_lost] Jules Martin (consultant) was "
        "champion at main and is now skeptic, in a tier A account\n"
    )
    assert err == "3 accounts checked: 1 error, 0 warnings\n"


def test_a_champion_removed_fails_at_the_stakeholders_key(repo: GitRepo) -> None:
    repo.edit("harbor.yaml", CONSULTANT, "")
    assert findings("accounts", "--base", "main") == [
        ("accounts/harbor.yaml", 24, 1, "error", "champion_lost")
    ]
    _, out, _ = check("accounts", "--base", "main")
    assert "Jules Martin (consultant), champion at main, was removed from a tier A account" in out


def test_a_champion_kept_friendly_or_in_a_tier_c_account_passes(repo: GitRepo) -> None:
    repo.edit("harbor.yaml", "attitude: champion", "attitude: supporter")
    repo.write("sub/tiny.yaml", repo.folder.joinpath("sub/tiny.yaml").read_text() + "\n")
    assert findings("accounts", "--base", "main") == []
    # Tiny is tier C: losing its champion is not gated.
    tiny = "stakeholders:\n  - {id: cfo, name: Ann Poe, attitude: champion}\n"
    repo.write("sub/tiny.yaml", repo.folder.joinpath("sub/tiny.yaml").read_text() + tiny)
    repo.commit("Tiny's CFO")
    repo.edit("sub/tiny.yaml", "attitude: champion", "attitude: blocker")
    assert findings("accounts", "--base", "HEAD") == []


def test_a_tier_a_account_without_an_open_objective(repo: GitRepo) -> None:
    repo.edit("acme.yaml", "status: planned", "status: done")
    code, out, _ = check("accounts")
    assert code == 1
    assert out == (
        "accounts/acme.yaml:1:1: error: [plan_missing] tier A account without an open "
        "objective (every objective is done or dropped): give it a plan\n"
    )


def test_an_objective_on_track_by_its_status_and_behind_by_its_tracking(repo: GitRepo) -> None:
    repo.write("acme.yaml", repo.folder.joinpath("acme.yaml").read_text() + BEHIND)
    code, out, _ = check("accounts")
    assert code == 0
    assert out == (
        "accounts/acme.yaml:15:13: warning: [status_contradiction] objective nps-up says "
        "on_track, but its tracking is behind (5% done against 90% of its time gone)\n"
    )


def test_stale_key_players_of_a_tier_a_account(repo: GitRepo) -> None:
    repo.write("kam.yaml", "")
    assert findings("accounts") == [
        ("accounts/harbor.yaml", 25, 5, "warning", "stale_key_player"),
        ("accounts/harbor.yaml", 32, 5, "warning", "stale_key_player"),
        ("accounts/harbor.yaml", 39, 5, "warning", "stale_key_player"),
    ]
    _, out, _ = check("accounts")
    assert "key player Morgan Lee (evp) is stale: never met (tier A cadence: 30 days)" in out


def test_a_score_that_fell_more_than_the_points_allowed(repo: GitRepo) -> None:
    # 5 points a criterion step: 85.0 → 75.0 is within the 10 allowed...
    repo.edit("harbor.yaml", "strategic_value: 5", "strategic_value: 3")
    assert findings("accounts", "--base", "main") == []
    # ...85.0 → 70.0 is not.
    repo.edit("harbor.yaml", "strategic_value: 3", "strategic_value: 2")
    code, out, _ = check("accounts", "--base", "main")
    assert code == 0
    assert out == (
        "accounts/harbor.yaml:2:1: warning: [score_drop] selection score fell 15.0 points "
        "since main (85.0 → 70.0), more than the 10 allowed\n"
    )


def test_an_account_not_assessed_is_flagged_at_its_first_empty_criterion(repo: GitRepo) -> None:
    repo.write("nova.yaml", UNASSESSED)
    code, out, _ = check("accounts")
    assert code == 0
    assert out == (
        "accounts/nova.yaml:5:3: warning: [unassessed] not assessed yet: score "
        "revenue_potential, product_fit (1 to 5) to give it a score and a quadrant\n"
    )


def test_without_a_base_the_comparing_rules_do_not_run(repo: GitRepo) -> None:
    repo.edit("harbor.yaml", "attitude: champion", "attitude: blocker")
    repo.edit("harbor.yaml", "strategic_value: 5", "strategic_value: 1")
    code, out, err = check("accounts")
    assert (code, out) == (0, "")
    assert "no --base: champion_lost and score_drop not checked" in err


def test_levels_from_kam_yaml_switch_rules_off_and_to_warning_or_error(repo: GitRepo) -> None:
    repo.edit("harbor.yaml", "attitude: champion", "attitude: neutral")
    repo.edit("harbor.yaml", "strategic_value: 5", "strategic_value: 1")
    repo.edit("acme.yaml", "status: planned", "status: dropped")
    repo.write(
        "kam.yaml",
        "gates:\n  champion_lost: warning\n  plan_missing: off\n  stale_key_player: off\n"
        "  score_drop: {level: error, points: 15}\n",
    )
    assert findings("accounts", "--base", "main") == [
        ("accounts/harbor.yaml", 2, 1, "error", "score_drop"),
        ("accounts/harbor.yaml", 42, 15, "warning", "champion_lost"),
    ]
    assert check("accounts", "--base", "main")[0] == 1
    # The plain level keeps the 10 points; a rule at warning never fails the check.
    repo.write("kam.yaml", "gates: {score_drop: warning, stale_key_player: off, plan_missing: off}")
    assert findings("accounts", "--base", "main") == [
        ("accounts/harbor.yaml", 2, 1, "warning", "score_drop"),
        ("accounts/harbor.yaml", 42, 15, "error", "champion_lost"),
    ]
    repo.write("kam.yaml", "gates: {champion_lost: warning, stale_key_player: off}")
    repo.edit("acme.yaml", "status: dropped", "status: planned")
    assert check("accounts", "--base", "main")[0] == 0


def test_an_unknown_rule_is_an_error_at_its_key(repo: GitRepo) -> None:
    repo.write("kam.yaml", "gates:\n  champion_lots: off\n")
    code, _, err = check("accounts")
    assert code == 1
    assert err.startswith(
        "accounts/kam.yaml:2:3: error: gates: unknown field 'champion_lots' "
        "(did you mean 'champion_lost'?)"
    )


def test_github_workflow_commands_name_files_from_the_repository_top(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.edit("harbor.yaml", "attitude: champion", "attitude: skeptic")
    repo.edit("harbor.yaml", "strategic_value: 5", "strategic_value: 2")
    monkeypatch.chdir(repo.folder)
    code, out, err = check("--base", "main", "--format", "github")
    assert code == 1
    assert out == (
        "::warning file=accounts/harbor.yaml,line=2,col=1,title=kamtui check [score_drop]::"
        "selection score fell 15.0 points since main (85.0 → 70.0), more than the 10 allowed\n"
        "::error file=accounts/harbor.yaml,line=42,col=15,title=kamtui check [champion_lost]::"
        "Jules Martin (consultant) was champion at main and is now skeptic, in a tier A account\n"
    )
    assert err == ""


@pytest.mark.parametrize("elsewhere", ["another repository", "no repository"])
def test_without_base_the_paths_are_from_the_top_of_the_folders_repository(
    repo: GitRepo,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    elsewhere: str,
) -> None:
    """Not from the repository (or folder) the check runs in."""
    repo.edit("harbor.yaml", "strategic_value: 5", "strategic_value:")
    other = tmp_path_factory.mktemp("other")
    if elsewhere == "another repository":
        GitRepo(other)
    monkeypatch.chdir(other)
    code, out, _ = check(str(repo.folder), "--format", "github")
    assert code == 0
    assert out.startswith("::warning file=accounts/")
    assert all(line.startswith("::warning file=accounts/") for line in out.splitlines())


def test_json_lists_every_field(repo: GitRepo) -> None:
    repo.edit("harbor.yaml", "attitude: champion", "attitude: skeptic")
    code, out, _ = check("accounts", "--base", "main", "--format", "json")
    assert code == 1
    assert json.loads(out) == [
        {
            "path": "accounts/harbor.yaml",
            "line": 42,
            "column": 15,
            "severity": "error",
            "rule": "champion_lost",
            "message": "Jules Martin (consultant) was champion at main and is now skeptic, "
            "in a tier A account",
        }
    ]


def test_a_file_invalid_at_the_base_is_not_compared_and_said_so(repo: GitRepo) -> None:
    repo.edit("harbor.yaml", "product_fit: 4", "product_fit: 9")
    repo.commit("Broken")
    repo.edit("harbor.yaml", "product_fit: 9", "product_fit: 4")
    repo.edit("harbor.yaml", "attitude: champion", "attitude: skeptic")
    repo.edit("acme.yaml", "status: planned", "status: done")
    code, out, err = check("accounts", "--base", "HEAD")
    assert code == 1
    assert out.startswith("accounts/acme.yaml:1:1: error: [plan_missing]")
    assert "champion_lost" not in out
    assert "HEAD:accounts/harbor.yaml:12:16: error:" in err
    assert "note: harbor does not validate at HEAD: champion_lost and score_drop" in err


def test_a_file_invalid_now_is_reported_and_fails_the_check(repo: GitRepo) -> None:
    repo.edit("harbor.yaml", "product_fit: 4", "product_fit: 9")
    code, out, err = check("accounts", "--base", "main")
    assert (code, out) == (1, "")
    assert err.startswith("accounts/harbor.yaml:12:16: error: criteria.product_fit: 9")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base", "no-such-branch"], "--base 'no-such-branch' is not a revision of"),
        (["--base", "main", "missing"], "no such folder"),
        (["--today", "24/11/2026"], "is not a date like 2026-11-24"),
    ],
)
def test_usage_errors_exit_2_without_a_traceback(
    repo: GitRepo, args: list[str], message: str
) -> None:
    code, _, err = check("accounts", *args) if "missing" not in args else check(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_outside_a_git_repository_only_the_base_needs_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    plan = "objectives:\n  - {id: pilot, what: Run a pilot, status: planned}\n"
    (folder / "nova.yaml").write_text(UNASSESSED + plan, encoding="utf-8")
    monkeypatch.chdir(folder)
    assert check() == (
        0,
        "nova.yaml:5:3: warning: [unassessed] not assessed yet: score revenue_potential, "
        "product_fit (1 to 5) to give it a score and a quadrant\n",
        "1 account checked: 0 errors, 1 warning (no --base: champion_lost and score_drop "
        "not checked)\n",
    )
    code, _, err = check("--base", "HEAD")
    assert code == 2
    assert "is not inside a git repository; --base needs one" in err


def test_a_repository_without_commits_has_no_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = GitRepo(tmp_path)
    repo.write("nova.yaml", UNASSESSED)
    monkeypatch.chdir(tmp_path)
    code, _, err = check("accounts", "--base", "HEAD")
    assert code == 2
    assert "--base 'HEAD' is not a revision of" in err


@pytest.mark.parametrize("level", ["off", "warning", "error"])
def test_every_rule_at_one_level(repo: GitRepo, level: str) -> None:
    """Every rule broken at once, each set to `level` in kam.yaml."""
    repo.edit("harbor.yaml", "attitude: champion", "attitude: skeptic")
    repo.edit("harbor.yaml", "strategic_value: 5", "strategic_value: 1")
    repo.edit("acme.yaml", "status: planned", "status: done")
    repo.edit("harbor.yaml", "stakeholders:\n", BEHIND + "stakeholders:\n")
    repo.write("nova.yaml", UNASSESSED)
    rules = (
        "champion_lost",
        "plan_missing",
        "status_contradiction",
        "stale_key_player",
        "score_drop",
        "unassessed",
    )
    repo.write("kam.yaml", "gates:\n" + "".join(f"  {rule}: {level}\n" for rule in rules))
    found = findings("accounts", "--base", "main")
    if level == "off":
        assert found == []
    else:
        assert {rule for *_, rule in found} == set(rules)
        assert {severity for _, _, _, severity, _ in found} == {level}
    assert check("accounts", "--base", "main")[0] == (1 if level == "error" else 0)
