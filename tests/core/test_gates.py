"""The review gates' rules (`core/review/gates.py`) on a real repository: the base read
through git, the working tree loaded as `check` loads it. The CLI's tests
(tests/cli/test_check.py) pin every rule's message, line and column."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from kamtui.core.analysis.scoring import account_figures
from kamtui.core.loading.loader import load_folder
from kamtui.core.review.gate_memo import GateMemo
from kamtui.core.review.gates import GateReport, GateRule, review_against_head, review_gates
from kamtui.core.review.git_source import Repository
from tests.git_repo import HARBOR, GitRepo, gated_repo

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    repo = gated_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    return repo


def review(repo: GitRepo, base: str | None = "main") -> GateReport:
    head = load_folder(repo.folder)
    before = None
    if base is not None:
        repository = Repository.find(repo.folder)
        assert repository is not None
        before = repository.read_folder(base, "accounts")
    return review_gates(head, before, TODAY, base_label=base or "the base")


def rules(report: GateReport) -> list[tuple[str, GateRule, int, int]]:
    return [(f.account_id, f.rule, f.line, f.column) for f in report.findings]


@pytest.mark.parametrize(
    ("was", "now", "broken"),
    [
        ("champion", "supporter", False),
        ("champion", "neutral", True),
        ("champion", "blocker", True),
        ("neutral", "blocker", False),
    ],
)
def test_only_a_friend_turned_neutral_or_worse_is_a_champion_lost(
    repo: GitRepo, was: str, now: str, broken: bool
) -> None:
    if was != "champion":
        repo.edit("harbor.yaml", "attitude: champion", f"attitude: {was}")
        repo.commit("was")
    repo.edit("harbor.yaml", f"attitude: {was}", f"attitude: {now}")
    found = rules(review(repo, "HEAD"))
    assert found == ([("harbor", GateRule.champion_lost, 42, 15)] if broken else [])


def test_every_stakeholder_gone_points_at_the_name(repo: GitRepo) -> None:
    text = (repo.folder / "harbor.yaml").read_text(encoding="utf-8")
    start, end = text.index("stakeholders:"), text.index("needs:")
    (repo.folder / "harbor.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    report = review(repo)
    assert rules(report) == [("harbor", GateRule.champion_lost, 2, 1)]
    assert report.failed


def test_an_account_new_since_the_base_has_nothing_to_lose(repo: GitRepo) -> None:
    repo.write("zeta.yaml", (repo.folder / "harbor.yaml").read_text(encoding="utf-8"))
    repo.edit("zeta.yaml", "attitude: champion", "attitude: blocker")
    assert rules(review(repo)) == []


def test_a_base_version_that_does_not_validate_is_not_compared(repo: GitRepo) -> None:
    valid = repo.git("rev-parse", "HEAD").strip()
    repo.edit("harbor.yaml", "product_fit: 4", "product_fit: nine")
    repo.commit("Broken")
    repo.edit("harbor.yaml", "product_fit: nine", "product_fit: 1")
    repo.edit("harbor.yaml", "attitude: champion", "attitude: skeptic")
    report = review(repo, "HEAD")
    assert report.not_compared == ("harbor",)
    assert rules(report) == []
    # Against main, where it was valid, both comparing rules find it.
    assert {rule for _, rule, _, _ in rules(review(repo, valid))} == {
        GateRule.champion_lost,
        GateRule.score_drop,
    }


def test_without_a_base_nothing_is_compared(repo: GitRepo) -> None:
    repo.edit("harbor.yaml", "attitude: champion", "attitude: skeptic")
    report = review(repo, None)
    assert (report.findings, report.compared, report.checked) == ((), False, 3)


def test_a_finding_reads_like_a_linter_line(repo: GitRepo) -> None:
    repo.edit("acme.yaml", "status: planned", "status: dropped")
    (finding,) = review(repo).findings
    assert str(finding) == (
        "accounts/acme.yaml:1:1: error: [plan_missing] tier A account without an open "
        "objective (every objective is done or dropped): give it a plan"
    )


# The mutation run found these: each pins a place or a word a plausible slip would move.


def name_later(repo: GitRepo, account: str) -> None:
    """Put `name:` last in the file: an account-level finding must point at it, not at
    the file's first key."""
    path = repo.folder / account
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    name = next(line for line in lines if line.startswith("name:"))
    lines.remove(name)
    path.write_text("".join(lines) + name, encoding="utf-8")


def test_account_level_findings_point_at_the_name_wherever_it_is(repo: GitRepo) -> None:
    for account in ("harbor.yaml", "acme.yaml"):
        name_later(repo, account)
    repo.commit("Names later")
    # Acme: no objective at all (plan_missing says so); Harbor: no stakeholders left
    # (champion_lost at the name) and a score that fell (score_drop at the name).
    acme = "".join(
        line
        for line in (repo.folder / "acme.yaml").read_text(encoding="utf-8").splitlines(True)
        if not line.startswith(("objectives:", "  - {id: renewal"))
    )
    (repo.folder / "acme.yaml").write_text(acme, encoding="utf-8")
    text = (repo.folder / "harbor.yaml").read_text(encoding="utf-8")
    start, end = text.index("stakeholders:"), text.index("needs:")
    text = text[:start] + text[end:]
    text = text.replace("product_fit: 4 ", "product_fit: 1 ").replace(
        "lifetime_value: 4", "lifetime_value: 1"
    )
    (repo.folder / "harbor.yaml").write_text(text, encoding="utf-8")
    report = review(repo, "HEAD")
    found = {(f.account_id, f.rule): (f.line, f.column, f.message) for f in report.findings}
    acme_name = 1 + acme.splitlines().index("name: Acme Corp")
    harbor_name = 1 + text.splitlines().index("name: Harbor Health System")
    assert acme_name > 2 and harbor_name > 2
    assert found[("acme", GateRule.plan_missing)] == (
        acme_name,
        1,
        "tier A account without an open objective (no objectives): give it a plan",
    )
    assert found[("harbor", GateRule.champion_lost)][:2] == (harbor_name, 1)
    line, column, message = found[("harbor", GateRule.score_drop)]
    assert (line, column) == (harbor_name, 1)
    # 25 points by the weights here, to the last digit: not rounded to a whole number.
    assert "fell" in message and "points since HEAD" in message


def test_a_base_that_was_not_assessed_is_no_score_drop(repo: GitRepo) -> None:
    repo.edit("harbor.yaml", "product_fit: 4 ", "product_fit:  ")
    repo.commit("Not assessed")
    repo.edit("harbor.yaml", "product_fit:  ", "product_fit: 1 ")
    assert [f.rule for f in review(repo, "HEAD").findings] == []


def test_a_score_drop_says_the_fall_to_its_decimals(repo: GitRepo) -> None:
    # Product fit weighs 1.5 of 5.5: 4 → 1 takes 100·1.5·3/(4·5.5) = 20.45 points.
    repo.write("kam.yaml", "gates:\n  stale_key_player: off\nweights: {product_fit: 1.5}\n")
    repo.commit("Weights")
    repo.edit("harbor.yaml", "product_fit: 4 ", "product_fit: 1 ")
    (finding,) = review(repo, "HEAD").findings
    assert finding.message == (
        "selection score fell 20.5 points since HEAD (84.1 → 63.6), more than the 10 allowed"
    )


def test_the_base_is_called_the_base_unless_named(repo: GitRepo) -> None:
    repo.edit("harbor.yaml", "attitude: champion", "attitude: skeptic")
    head = load_folder(repo.folder)
    repository = Repository.find(repo.folder)
    assert repository is not None
    before = repository.read_folder("main", "accounts")
    (finding,) = review_gates(head, before, TODAY).findings
    assert "was champion at the base and is now skeptic" in finding.message


def test_an_invalid_file_is_skipped_and_the_rest_judged(repo: GitRepo) -> None:
    repo.write("aaa.yaml", "name: [unclosed\n")
    repo.edit("harbor.yaml", "attitude: champion", "attitude: skeptic")
    assert [f.account_id for f in review(repo).findings] == ["harbor"]


def test_a_file_changed_since_it_was_loaded_points_at_its_first_line(repo: GitRepo) -> None:
    repo.edit("harbor.yaml", "attitude: champion", "attitude: skeptic")
    head = load_folder(repo.folder)
    (repo.folder / "harbor.yaml").write_text("name: [now broken\n", encoding="utf-8")
    repository = Repository.find(repo.folder)
    assert repository is not None
    (finding,) = review_gates(head, repository.read_folder("main", "accounts"), TODAY).findings
    assert (finding.line, finding.column) == (1, 1)


def test_stale_key_players_say_when_they_were_last_met(repo: GitRepo) -> None:
    repo.write("kam.yaml", "gates:\n  plan_missing: off\n")
    repo.edit(
        "harbor.yaml",
        "needs:",
        "activities:\n  - {date: 2026-09-01, summary: Review, with: [evp]}\nneeds:",
    )
    messages = {
        f.message for f in review(repo, None).findings if f.rule is GateRule.stale_key_player
    }
    assert any("Morgan Lee (evp) is stale: last met 2026-09-01" in m for m in messages)
    assert any("is stale: never met" in m for m in messages)


def test_the_working_tree_against_head_in_a_repository_and_outside_one(
    repo: GitRepo, tmp_path: Path
) -> None:
    repo.edit("harbor.yaml", "attitude: champion", "attitude: skeptic")
    head = load_folder(repo.folder)
    repository = Repository.find(repo.folder)
    memo = GateMemo()
    report = review_against_head(head, TODAY, repository, memo=memo)
    assert report.compared
    (finding,) = report.findings
    assert "was champion at HEAD" in finding.message
    assert "harbor" in memo.entries
    alone = review_against_head(head, TODAY, None)
    assert (alone.compared, alone.findings) == (False, ())
    # The figures given are those judged (the app passes the ones it keeps).
    figures = {i: account_figures(a, head.settings, TODAY) for i, a in head.accounts.items()}
    figures["harbor"] = dataclasses.replace(figures["harbor"], score=1.0)
    dropped = review_against_head(head, TODAY, repository, figures)
    assert GateRule.score_drop in {f.rule for f in dropped.findings}


def test_before_the_first_commit_nothing_is_compared(tmp_path: Path) -> None:
    bare = GitRepo(tmp_path / "fresh")
    bare.write("harbor.yaml", HARBOR)
    head = load_folder(bare.folder)
    report = review_against_head(head, TODAY, Repository.find(bare.folder))
    assert report.compared is False


def test_a_folder_outside_the_repository_is_judged_without_a_base(
    repo: GitRepo, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "harbor.yaml").write_text(HARBOR, encoding="utf-8")
    report = review_against_head(load_folder(elsewhere), TODAY, Repository.find(repo.folder))
    assert report.compared is False
