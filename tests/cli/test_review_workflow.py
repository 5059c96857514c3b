"""The example pull-request workflow: valid for GitHub, and its diff step works on a clone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kamtui.cli import main
from tests.conftest import REPO
from tests.git_repo import GitRepo, portfolio_repo

WORKFLOW = REPO / "examples" / "github-actions" / "kamtui-review.yml"


def test_the_workflow_is_a_valid_github_workflow() -> None:
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_checks_out_history_and_posts_the_markdown_diff() -> None:
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    steps = jobs["review"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    scripts = "\n".join(step.get("run", "") for step in steps)
    assert 'kamtui validate "$ACCOUNTS"' in scripts
    assert 'kamtui diff "origin/$BASE" --format md -- "$ACCOUNTS" > review.md' in scripts
    assert 'kamtui check "$ACCOUNTS" --base "origin/$BASE" --format github' in scripts
    assert "gh pr comment" in "\n".join(step.get("run", "") for step in jobs["comment"]["steps"])


def test_least_privilege_and_a_pinned_install_from_the_repository() -> None:
    """The job that runs kamtui cannot write; the one that writes runs no kamtui; kamtui
    comes from a repository at a full commit hash, never by name from the index."""
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    review, comment = workflow["jobs"]["review"], workflow["jobs"]["comment"]
    assert review["permissions"] == {"contents": "read"}
    assert comment["permissions"] == {"pull-requests": "write"}
    assert not any("kamtui" in step.get("run", "") for step in comment["steps"])
    source = review["env"]["KAMTUI_SOURCE"]
    assert source.startswith("git+https://") and len(source.rsplit("@", 1)[1]) == 40
    installs = [step["run"] for step in review["steps"] if "pip install" in step.get("run", "")]
    assert installs == ['pip install "kamtui @ $KAMTUI_SOURCE"']


def test_the_diff_step_on_a_pull_request_clone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upstream = portfolio_repo(tmp_path / "upstream")
    clone = GitRepo.clone(upstream, tmp_path / "clone")
    clone.edit("harbor.yaml", "product_fit: 4 ", "product_fit: 5 ")
    clone.commit("Product fit 5")
    monkeypatch.chdir(clone.root)
    result = CliRunner().invoke(
        main, ["diff", "origin/main", "--format", "md", "--today", "2026-11-24", "--", "accounts"]
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("## kamtui review: `origin/main` → `working tree`\n")
    assert (
        "| Harbor Health System (harbor) | changed | 85.0 → 90.0 ▲ | A | strategic |"
        in result.stdout
    )


def test_the_gates_step_on_a_pull_request_clone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its command, as the workflow runs it: an annotation on the attitude's line."""
    upstream = portfolio_repo(tmp_path / "upstream")
    clone = GitRepo.clone(upstream, tmp_path / "clone")
    clone.edit("harbor.yaml", "attitude: champion", "attitude: neutral")
    clone.commit("The consultant cools")
    monkeypatch.chdir(clone.root)
    result = CliRunner().invoke(
        main,
        [
            "check",
            "accounts",
            "--base",
            "origin/main",
            "--format",
            "github",
            "--today",
            "2026-11-24",
        ],
    )
    assert result.exit_code == 1
    assert (
        "::error file=accounts/harbor.yaml,line=42,col=15,title=kamtui check [champion_lost]::"
        in result.stdout
    )
