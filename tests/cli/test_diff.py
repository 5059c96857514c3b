"""`kamtui diff` through the CLI entry point, on files, folders and real git repositories."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from tests.conftest import kamtui
from tests.git_repo import HARBOR, GitRepo, portfolio_repo

TODAY = "2026-11-24"
EVP_WON = (
    "attitude: neutral\n    relationship: weak",
    "attitude: supporter\n    relationship: weak",
)


def run(*args: str) -> tuple[int, str, str]:
    return kamtui("diff", "--today", TODAY, *args)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """The three-account portfolio committed, then a review-worthy change on top:
    harbor's product fit 4 → 5, the EVP won over, harbor grown to 5,000,000 (acme
    drops to tier B), the PACS need won, acme's churn risk high. Run from the repository's top."""
    repo = portfolio_repo(tmp_path)
    repo.edit("harbor.yaml", "product_fit: 4 ", "product_fit: 5 ")
    repo.edit("harbor.yaml", *EVP_WON)
    repo.edit("harbor.yaml", "2026: 3000000", "2026: 5000000")
    repo.edit("harbor.yaml", "value: 400000\n    status: open", "value: 400000\n    status: won")
    repo.edit("acme.yaml", "churn_risk: low", "churn_risk: high")
    monkeypatch.chdir(tmp_path)
    return repo


def test_revision_against_the_working_tree_as_markdown(
    repo: GitRepo, snapshot: SnapshotAssertion
) -> None:
    code, out, err = run("HEAD", "--format", "md", "--", "accounts")
    assert (code, err) == (0, "")
    assert out == snapshot


def test_colour_repeats_what_the_text_says(
    repo: GitRepo, snapshot: SnapshotAssertion, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Red for what went, green for what came, yellow for a changed account, cyan for a
    # field path: pinned with the text, as a reviewer's terminal shows them.
    # The same colours whatever terminal the suite runs in (CI has none).
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("COLORTERM", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    code, out, err = run("HEAD", "accounts")
    assert (code, err) == (0, "")
    assert "\x1b[" in out
    assert out == snapshot


def test_revision_against_the_working_tree_as_text(repo: GitRepo) -> None:
    code, out, _ = run("HEAD", "accounts")
    assert code == 0
    assert out.splitlines()[:2] == [
        "kamtui diff HEAD → working tree",
        "2 accounts changed.",
    ]
    for line in [
        "  tier of Acme Corp (acme): A → B ▼",
        "  + at-risk queue: Acme Corp (acme) ▼",
        "  MRR at risk: 0 USD → 10,000 USD ▼",
        "Harbor Health System (harbor) changed",
        "    score: 85.0 → 90.0 ▲",
        "    criteria.product_fit: 4 → 5",
        "    stakeholders[evp].attitude: neutral → supporter ▲",
        "    no longer to win: Morgan Lee, EVP (supporter, high power) ▲",
        "    PACS image archive (pacs): open, 400,000 USD → won, 400,000 USD ▲",
        "    open pipeline: 550,000 USD → 150,000 USD",
    ]:
        assert line in out.splitlines(), line


def test_no_arguments_compare_head_with_the_folder_here(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo.folder)
    code, out, _ = run("--format", "json")
    data = json.loads(out)
    assert code == 0
    assert (data["old"], data["new"], data["changed"]) == ("HEAD", "working tree", True)
    assert [a["id"] for a in data["accounts"]] == ["acme", "harbor"]
    assert data["tier_moves"] == [{"id": "acme", "before": "A", "after": "B"}]
    assert data["mrr_at_risk"] == {"before": 0.0, "after": 10000.0}
    harbor = data["accounts"][1]
    assert {"path": "criteria.product_fit", "before": 4, "after": 5} in harbor["fields"]
    assert harbor["needs"]["changes"][0]["kind"] == "won"


def test_two_revisions(repo: GitRepo) -> None:
    repo.commit("Review")
    repo.edit("acme.yaml", "status: planned", "status: done")
    repo.commit("Renewal signed")
    code, out, _ = run("HEAD~2", "HEAD~1", "--format", "json", "--", "accounts")
    data = json.loads(out)
    assert (code, data["old"], data["new"]) == (0, "HEAD~2", "HEAD~1")
    assert [a["id"] for a in data["accounts"]] == ["acme", "harbor"]
    code, out, _ = run("HEAD~1", "HEAD", "--format", "json", "--", "accounts")
    (acme,) = json.loads(out)["accounts"]
    assert acme["objectives"][0]["status"] == {"before": "planned", "after": "done"}


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(("# The hospital", "# The hospital system, as we see it"), id="comment"),
        pytest.param(
            (
                "revenue:\n  2025: 2600000\n  2026: 3000000\n",
                "revenue:\n    2025: 2600000\n    2026: 3000000\n",
            ),
            id="re-indent",
        ),
        pytest.param(
            (
                "name: Harbor Health System\nindustry: Healthcare\n",
                "industry: Healthcare\nname: Harbor Health System\n",
            ),
            id="key-order",
        ),
    ],
)
def test_layout_edits_are_no_change(repo: GitRepo, edit: tuple[str, str]) -> None:
    (repo.folder / "harbor.yaml").write_text(HARBOR.replace(*edit), encoding="utf-8")
    repo.edit("acme.yaml", "churn_risk: high", "churn_risk: low")
    code, out, err = run("HEAD", "--exit-code", "--", "accounts")
    assert code == 0
    assert "No change in meaning." in out
    assert err == ""  # every file valid: the edit was compared, not left out


def test_exit_code_is_one_with_changes_only_when_asked(repo: GitRepo) -> None:
    assert run("HEAD", "--exit-code", "accounts")[0] == 1
    assert run("HEAD", "accounts")[0] == 0


def test_an_invalid_file_is_a_problem_and_the_rest_is_diffed(repo: GitRepo) -> None:
    repo.edit("acme.yaml", "churn_risk: high", "churn_risk: extreme")
    code, out, err = run("HEAD", "--format", "json", "--", "accounts")
    assert code == 0
    assert err.startswith("accounts/acme.yaml:5:22: error: health.churn_risk:")
    data = json.loads(out)
    assert data["not_compared"] == ["acme"]
    # acme is left out of both sides: harbor's growth now pushes tiny from B (it
    # started at 3.0 of 3.2 million, 0.9375) to C (5.0 of 5.2 million, 0.96).
    assert [(a["id"], a["latest"]["tier"]) for a in data["accounts"]] == [
        ("harbor", "A"),
        ("tiny", "C"),
    ]


def test_two_files(tmp_path: Path) -> None:
    old = tmp_path / "old" / "harbor.yaml"
    new = tmp_path / "new" / "harbor.yaml"
    old.parent.mkdir()
    new.parent.mkdir()
    old.write_text(HARBOR, encoding="utf-8")
    new.write_text(HARBOR.replace(*EVP_WON), encoding="utf-8")
    # The new side's kam.yaml weighs product fit double: (17 + 3) / 24 = 83.3, on both
    # sides, so the weights alone move nothing (issue 14: one account, one weighing).
    (new.parent / "kam.yaml").write_text("weights: {product_fit: 2}\n", encoding="utf-8")
    code, out, err = run(str(old), str(new), "--format", "json")
    (harbor,) = json.loads(out)["accounts"]
    assert code == 0
    assert harbor["figures"] == []  # only the EVP's stance moved: no figure
    assert harbor["latest"]["score"] == 83.33333333333333
    assert harbor["latest"]["tier"] is None
    assert "lies in a portfolio with other settings" in err


def test_two_folders(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path / "repo")
    copy = tmp_path / "copy"
    shutil.copytree(repo.folder, copy)
    (copy / "sub" / "tiny.yaml").unlink()
    code, out, _ = run(str(repo.folder), str(copy), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert [(a["id"], a["status"]) for a in data["accounts"]] == [("tiny", "removed")]
    assert data["count"] == {"before": 3, "after": 2}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-rev"], "'no-such-rev' is neither a file or folder nor a git revision"),
        (["HEAD", "HEAD", "HEAD"], "give at most two revisions"),
        (["HEAD", "--", "a", "b"], "give one account folder after --"),
        (["HEAD", "--", "accounts/harbor.yaml"], "is a file: give the account folder"),
    ],
)
def test_usage_errors(repo: GitRepo, args: list[str], message: str) -> None:
    code, _, err = run(*args)
    assert code == 2
    assert message in err


def test_a_revision_outside_a_repository_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("HEAD")
    assert code == 2
    assert "not inside a git repository" in err


def test_markdown_escapes_what_a_file_may_hold(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    (new / "odd.yaml").write_text(
        'name: "Smith | Jones *Co* <b>\\e[31m"\n'
        "criteria: {revenue_volume: 1, revenue_potential: 1, lifetime_value: 1, "
        "product_fit: 1, strategic_value: 1}\n",
        encoding="utf-8",
    )
    code, out, _ = run(str(old), str(new), "--format", "md")
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("| Smith"))
    # The pipe cannot end the cell, the stars and tags stay text, the escape is gone.
    assert row == ("| Smith \\| Jones \\*Co\\* \\<b\\> (odd) | added | 0.0 | — | — |")
