"""Whatever git holds, reading it never crashes a command or the app, and never misleads.

Commit subjects with record separators, paths with line breaks or glob characters,
time zones git accepts and Python does not, damaged objects, and a repository git
refuses to read (another user's).
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events

from kamtui.core.review.git_source import Repository
from kamtui.tui.app import KamApp
from kamtui.tui.detail.overview_tab import OverviewTab
from tests.conftest import MINIMAL, kamtui
from tests.git_repo import GitRepo, git_env
from tests.tui.conftest import loaded, make_app, portfolio, wait_for

# The TUI tests' fixtures, used here too.
__all__ = ["make_app", "portfolio"]
MakeApp = Callable[..., KamApp]


def odd_commit(repo: GitRepo, offset: str = "+9959") -> None:
    """A commit whose time-zone offset is beyond ±24 h, made as raw bytes: git keeps it."""
    tree = repo.git("rev-parse", "HEAD^{tree}").strip()
    parent = repo.git("rev-parse", "HEAD").strip()
    body = (
        f"tree {tree}\nparent {parent}\n"
        f"author A <a@b> 1767268800 {offset}\ncommitter A <a@b> 1767268800 {offset}\n\nodd zone\n"
    )
    made = subprocess.run(
        ["git", "hash-object", "-t", "commit", "-w", "--stdin"],
        cwd=repo.root, input=body.encode(), capture_output=True, check=True, env=git_env(),
    ).stdout.decode().strip()  # fmt: skip
    repo.git("update-ref", "refs/heads/main", made)


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.write("acme.yaml", MINIMAL)
    repo.commit("Start \x1e with a record separator \x1f and a unit separator")
    repo.edit("acme.yaml", "product_fit: 4", "product_fit: 5")
    repo.commit("Product fit 5")
    odd_commit(repo)
    return repo


def test_history_reads_odd_subjects_and_time_zones(repo: GitRepo) -> None:
    code, out, err = kamtui(
        "history", "acme", str(repo.folder), "--format", "json", "--today", "2026-12-01"
    )
    assert (code, err) == (0, "")
    commits = [entry["subject"] for entry in json.loads(out)]
    assert commits[0].startswith("Start")
    assert len(commits) == 2  # the odd-zone commit changed no file


def test_the_log_keeps_subjects_whole_and_takes_odd_zones_in_utc(repo: GitRepo) -> None:
    found = Repository(repo.root).log("accounts/acme.yaml")
    assert [c.subject for c in found] == [
        "Product fit 5",
        "Start \x1e with a record separator \x1f and a unit separator",
    ]
    # A change committed with a zone beyond ±24 h: the same instant, taken in UTC.
    repo.edit("acme.yaml", "name: Acme Corp", "name: Acme")
    repo.git("add", "-A")
    tree = repo.git("write-tree").strip()
    parent = repo.git("rev-parse", "HEAD").strip()
    body = (
        f"tree {tree}\nparent {parent}\nauthor A <a@b> 1767268800 -9959\n"
        "committer A <a@b> 1767268800 -9959\n\nodd\n"
    )
    made = subprocess.run(
        ["git", "hash-object", "-t", "commit", "-w", "--stdin"],
        cwd=repo.root, input=body.encode(), capture_output=True, check=True, env=git_env(),
    ).stdout.decode().strip()  # fmt: skip
    repo.git("update-ref", "refs/heads/main", made)
    newest = Repository(repo.root).log("accounts/acme.yaml")[0]
    assert (newest.subject, newest.date.timestamp()) == ("odd", 1767268800)


def test_a_path_with_a_line_break_has_a_history(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write("odd\nname.yaml", MINIMAL)
    repo.commit("Start")
    repo.edit("odd\nname.yaml", "product_fit: 4", "product_fit: 5")
    repo.commit("Better fit")
    repository = Repository(repo.root)
    found = repository.log("accounts/odd\nname.yaml")
    assert [c.subject for c in found] == ["Better fit", "Start"]
    versions = repository.account_versions(list(reversed(found)), "accounts")
    assert [account.criteria.product_fit.score for account, _ in versions if account] == [4, 5]


def test_paths_are_literal_not_globs(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write("acme1.yaml", MINIMAL)
    repo.commit("acme1 only")
    # Nothing like acme1.yaml, so that git cannot take it for a copy of it.
    repo.write("acme[1].yaml", "name: Bracket\n" + "notes: " + "unrelated words " * 40 + "\n")
    repo.commit("the bracketed one")
    found = Repository(repo.root).log("accounts/acme[1].yaml")
    assert [c.subject for c in found] == ["the bracketed one"]


def test_a_damaged_object_is_a_clear_problem_not_a_traceback(repo: GitRepo) -> None:
    first = repo.git("rev-list", "--max-parents=0", "HEAD").strip()
    blob = repo.git("rev-parse", f"{first}:accounts/acme.yaml").strip()
    damaged = repo.root / ".git" / "objects" / blob[:2] / blob[2:]
    damaged.chmod(0o644)
    damaged.write_bytes(b"not a git object")
    code, out, err = kamtui("diff", first, "HEAD", "--", str(repo.folder))
    assert "Traceback" not in out + err
    assert "git cannot read this file's object (damaged?)" in out + err
    code, out, err = kamtui("history", "acme", str(repo.folder))
    assert "Traceback" not in out + err
    assert code in (0, 1)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the repository to another user")
def test_a_repository_git_refuses_is_named_as_such(repo: GitRepo) -> None:
    subprocess.run(["chown", "-R", "12345", str(repo.root)], check=True)
    try:
        for args in (["history", "acme", str(repo.folder)], ["diff", "HEAD~1", "--", str(repo.folder)],
                     ["git-setup", str(repo.folder)]):  # fmt: skip
            code, _, err = kamtui(*args)
            assert code == 1, args
            assert "git refuses to read the repository" in err
            assert "git config --global --add safe.directory" in err
            assert "not inside a git repository" not in err
    finally:
        subprocess.run(["chown", "-R", "0", str(repo.root)], check=True)


async def test_the_app_survives_what_git_holds(repo: GitRepo, make_app: MakeApp) -> None:
    app = make_app(repo.folder)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        overview = app.query_one(OverviewTab)
        await wait_for(pilot, lambda: overview.history is not None)
        assert "Score history" in overview.history.plain
        await pilot.press("q")
    assert app.return_code == 0


async def test_a_failing_history_is_said_where_it_would_be(
    repo: GitRepo, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("git exploded")

    monkeypatch.setattr("kamtui.tui.detail.overview_tab.score_history", broken)
    app = make_app(repo.folder)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        overview = app.query_one(OverviewTab)
        await wait_for(pilot, lambda: overview.history is not None)
        assert overview.history.plain.endswith("unavailable: git exploded")
        await pilot.press("2")
        await wait_for(pilot, lambda: app.active_view == "pareto")
        await pilot.press("q")
    assert app.return_code == 0


@pytest.mark.parametrize("view", ["2", "3", "4", "5"])
async def test_a_view_key_and_quit_in_one_burst(make_app: MakeApp, view: str) -> None:
    """Both keys queued before either is handled, as a terminal delivers `3q` typed
    while the app is busy: the view would mount after the screen is gone."""
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        app.post_message(events.Key(view, view))
        app.post_message(events.Key("q", "q"))
        await pilot.pause()
    assert app.return_code == 0
    assert app._exception is None
