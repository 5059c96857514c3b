"""The review gates' rules (`core/review/gates.py`) on a real repository: the base read
through git, the working tree loaded as `check` loads it. The CLI's tests
(tests/cli/test_check.py) pin every rule's message, line and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kamtui.core.loading.loader import load_folder
from kamtui.core.review.gates import GateReport, GateRule, review_gates
from kamtui.core.review.git_source import Repository
from tests.git_repo import GitRepo, gated_repo

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
