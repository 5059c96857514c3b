"""The pre-commit hook validates the whole portfolio (issue 14): run as pre-commit runs
it (the hook's entry and args, no file names), a staged file that reuses an existing
account id in another folder fails the commit, and other YAML is never an account."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kamtui.cli import main
from tests.conftest import MINIMAL
from tests.git_repo import GitRepo

HOOKS = Path(__file__).parents[2] / ".pre-commit-hooks.yaml"


def hooks() -> dict[str, dict[str, object]]:
    return {h["id"]: h for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}


@pytest.fixture
def hook() -> dict[str, object]:
    return hooks()["kamtui-validate"]


def test_the_gates_hook_checks_the_portfolio_without_a_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`kamtui-check` (issue 23): the review gates, run as pre-commit runs them; an
    account with a plan passes, a tier A account without one fails."""
    gates = hooks()["kamtui-check"]
    assert (gates["entry"], gates["pass_filenames"], gates["require_serial"]) == (
        "kamtui check",
        False,
        True,
    )
    repo = GitRepo(tmp_path)
    # Alone with revenue, it is tier A.
    acme = MINIMAL + "revenue: {2026: 100000}\n"
    plan = "objectives:\n  - {id: grow, what: Grow, status: planned}\n"
    (repo.folder / "acme.yaml").parent.mkdir(parents=True)
    (repo.folder / "acme.yaml").write_text(acme + plan, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run_hook(gates, tmp_path, "accounts") == 0
    (repo.folder / "acme.yaml").write_text(acme, encoding="utf-8")
    assert run_hook(gates, tmp_path, "accounts") == 1


def test_the_hook_checks_the_portfolio_not_the_staged_files(hook: dict[str, object]) -> None:
    assert hook["pass_filenames"] is False
    assert hook["require_serial"] is True
    assert hook["entry"] == "kamtui validate"


def run_hook(hook: dict[str, object], cwd: Path, *args: str) -> int:
    entry = shlex.split(str(hook["entry"]))
    assert entry[0] == "kamtui"
    return CliRunner().invoke(main, [*entry[1:], *args], catch_exceptions=False).exit_code


def test_a_new_file_reusing_an_id_elsewhere_fails(
    hook: dict[str, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = GitRepo(tmp_path)
    (repo.folder / "emea").mkdir(parents=True)
    (repo.folder / "kam.yaml").write_text("currency: EUR\n", encoding="utf-8")
    (repo.folder / "acme.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "docker-compose.yml").write_text("services: {web: {}}\n", encoding="utf-8")
    repo.commit("start")
    monkeypatch.chdir(tmp_path)
    assert run_hook(hook, tmp_path, "accounts") == 0
    # A colleague adds the same customer again, in another folder: only this file is staged.
    (repo.folder / "emea" / "acme.yaml").write_text(MINIMAL, encoding="utf-8")
    repo.git("add", "accounts/emea/acme.yaml")
    assert run_hook(hook, tmp_path, "accounts") == 1


# Beside this Python first: CI runs .venv/bin/pytest without the venv on PATH.
PRE_COMMIT = shutil.which(
    "pre-commit", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])
)


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed")
def test_pre_commit_try_repo_on_an_id_clash(tmp_path: Path) -> None:
    """The real thing, where pre-commit is installed (it builds the hook's environment from
    the working tree). From the repository's top, with no kam.yaml, the top is the portfolio."""
    repo = GitRepo(tmp_path)
    (repo.folder / "emea").mkdir(parents=True)
    (repo.folder / "acme.yaml").write_text(MINIMAL, encoding="utf-8")
    repo.commit("start")
    (repo.folder / "emea" / "acme.yaml").write_text(MINIMAL, encoding="utf-8")
    repo.git("add", "-A")
    kamtui = Path(__file__).parents[2]
    result = subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(kamtui), "kamtui-validate"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "duplicate account id 'acme'" in result.stdout
