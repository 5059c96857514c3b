"""Account folders at git revisions, the log walk, and the histories built on it,
on real temporary repositories."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from kamtui.core.account.account_file import MAX_FILE_BYTES
from kamtui.core.loading.loader import load_folder
from kamtui.core.review.git_source import Commit, GitError, Repository
from kamtui.core.review.history import account_history, score_history
from tests.conftest import MINIMAL, TODAY
from tests.git_repo import ACME, GitRepo, portfolio_repo


def test_a_folder_at_a_revision_loads_like_the_working_tree(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    repo.write("kam.yaml", "weights: {product_fit: 2}\n")
    repo.write(".hidden/skip.yaml", "not: an account\n")
    repo.commit("Weights")
    repository = Repository(tmp_path)
    at_head = repository.read_folder("HEAD", "accounts")
    on_disk = load_folder(repo.folder)
    assert at_head.accounts == on_disk.accounts
    assert list(at_head.accounts) == ["acme", "harbor", "tiny"]
    assert at_head.settings == on_disk.settings
    assert at_head.settings.weights.product_fit == 2
    assert at_head.problems == []
    # The first commit had no kam.yaml: default weights.
    assert repository.read_folder("HEAD~1", "accounts").settings.weights.product_fit == 1


def test_problems_name_the_revision_path_line_and_column(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    repo.edit("acme.yaml", "churn_risk: low", "churn_risk: extreme")
    repo.commit("Break acme")
    folder = Repository(tmp_path).read_folder("HEAD", "accounts")
    assert "acme" not in folder.accounts
    (problem,) = folder.problems
    assert str(problem).startswith("HEAD:accounts/acme.yaml:5:22: error: health.churn_risk:")
    assert [f.account_id for f in folder.files if f.account is None] == ["acme"]


def test_a_symbolic_link_inside_the_folder_is_followed(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    os.symlink("../acme.yaml", repo.folder / "sub" / "acme-link.yaml")
    os.symlink("../../outside.yaml", repo.folder / "sub" / "out.yaml")
    repo.commit("Link")
    folder = Repository(tmp_path).read_folder("HEAD", "accounts")
    assert folder.accounts["acme-link"] == folder.accounts["acme"]
    (problem,) = folder.problems
    assert str(problem).startswith("HEAD:accounts/sub/out.yaml:1:1: error: symbolic link")


def test_a_folder_at_the_top_and_unknown_revisions(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path, folder="")
    repo.write("acme.yaml", ACME)
    repo.commit("Acme")
    repository = Repository(tmp_path)
    assert list(repository.read_folder("main", "").accounts) == ["acme"]
    assert repository.commit("no-such-branch") is None
    assert repository.commit("--output=/tmp/x") is None
    with pytest.raises(GitError):
        repository.read_folder("no-such-branch", "")


def test_find_is_none_outside_a_repository(tmp_path: Path) -> None:
    assert Repository.find(tmp_path) is None


def test_the_log_follows_renames_newest_first(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    repo.git("mv", "accounts/acme.yaml", "accounts/acme-corp.yaml")
    repo.commit("Rename acme")
    repo.edit("acme-corp.yaml", "status: planned", "status: on_track")
    repo.commit("Renewal on track")
    commits = Repository(tmp_path).log("accounts/acme-corp.yaml")
    assert [(c.subject, c.path) for c in commits] == [
        ("Renewal on track", "accounts/acme-corp.yaml"),
        ("Rename acme", "accounts/acme-corp.yaml"),
        ("Start", "accounts/acme.yaml"),
    ]
    assert commits[-1].date == dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC)
    assert len(commits[0].short) >= 7 and commits[0].hash.startswith(commits[0].short)


def test_score_history_uses_each_commit_s_weights(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    harbor = repo.edit("harbor.yaml", "product_fit: 4 ", "product_fit: 5 ")
    repo.commit("Product fit 5")
    repo.write("kam.yaml", "weights: {product_fit: 2}\n")
    repo.commit("Weigh product fit double")
    repo.edit("harbor.yaml", "product_fit: 5 ", "product_fit: 3 ")
    repo.commit("Product fit 3")
    repo.edit("harbor.yaml", "product_fit: 3 ", "product_fit: 9 ")
    repo.commit("Out of range: left out")
    points = score_history(repo.folder, harbor)
    # 17/20, 18/20; then weights (1,1,1,2,1): (3+4+3+2·2+4)/24 = 18/24.
    # The commit that changed only kam.yaml did not touch harbor's file.
    assert [(p.date.day, round(p.score, 4)) for p in points] == [
        (1, 85.0),
        (2, 90.0),
        (4, 75.0),
    ]


def test_account_history_takes_each_tier_from_that_commit_s_portfolio(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    repo.edit("harbor.yaml", "2026: 3000000", "2026: 5000000")
    repo.commit("Harbor grows")
    repo.edit("acme.yaml", "status: planned", "status: at_risk")
    repo.commit("Renewal at risk")
    repo.edit("acme.yaml", "churn_risk: low", "churn_risk: medium, extra: 1")
    repo.commit("Break acme")
    entries = account_history(Repository(tmp_path), "accounts", "accounts/acme.yaml", TODAY)
    assert [e.commit.subject for e in entries] == ["Start", "Renewal at risk", "Break acme"]
    start, at_risk, broken = entries
    assert {name: start.figures[name] for name in ("score", "tier", "quadrant", "flags")} == {
        "score": 50.0,
        "tier": "A",
        "quadrant": None,
        "flags": ("single_threaded", "upsell"),
    }
    assert start.figures["objectives[renewal].status"] == "planned"
    assert start.figures["health.churn_risk"] == "low"
    # acme's file changed only its objective, but by then harbor had grown: tier B.
    assert [(m.name, m.before, m.after) for m in at_risk.moves] == [
        ("tier", "A", "B"),
        ("objectives[renewal].status", "planned", "at_risk"),
    ]
    assert broken.account is None and broken.moves == ()
    assert str(broken.problems[0]).startswith(f"{broken.commit.short}:accounts/acme.yaml:5:")


def test_every_fact_is_followed(tmp_path: Path) -> None:
    """Churn risk, engagement, NPS, CSAT and MRR move in a history, and entering the
    at-risk queue moves the record's flags."""
    repo = portfolio_repo(tmp_path)
    repo.edit(
        "acme.yaml", "health: {churn_risk: low}", "health: {churn_risk: high, csat: 3.1, nps: -5}"
    )
    repo.edit("acme.yaml", "mrr: {standard: 10000}", "mrr: {standard: 9000}")
    repo.commit("Acme sours")
    entries = account_history(Repository(tmp_path), "accounts", "accounts/acme.yaml", TODAY)
    moves = {m.name: (m.before, m.after) for m in entries[-1].moves}
    assert moves["health.churn_risk"] == ("low", "high")
    assert moves["health.csat"] == (None, 3.1)
    assert moves["health.nps"] == (None, -5)
    assert moves["mrr"] == (10000.0, 9000.0)
    assert moves["flags"] == (
        ("single_threaded", "upsell"),
        ("at_risk", "single_threaded", "low_satisfaction", "upsell"),
    )


def test_key_stakeholders_are_followed(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    repo.edit(
        "harbor.yaml",
        "attitude: neutral\n    relationship: weak",
        "attitude: supporter\n    relationship: weak",
    )
    repo.commit("EVP on board")
    entries = account_history(Repository(tmp_path), "accounts", "accounts/harbor.yaml", TODAY)
    assert entries[0].figures["stakeholders[evp].attitude"] == "neutral"
    # Every stakeholder's stance is followed, whatever their decision power.
    assert entries[0].figures["stakeholders[ceo].attitude"] == "neutral"
    assert [(m.name, m.before, m.after) for m in entries[1].moves] == [
        ("stakeholders[evp].attitude", "neutral", "supporter")
    ]


def test_score_history_is_empty_outside_a_repository(tmp_path: Path, write) -> None:
    path = write("acme.yaml", ACME)
    assert score_history(tmp_path, path) == []


def test_adopt_reuses_the_working_tree_parse_of_unchanged_files(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    repo.edit("acme.yaml", "status: planned", "status: done")
    worktree = load_folder(repo.folder)
    repository = Repository(tmp_path)
    repository.adopt("HEAD", "accounts", worktree)
    at_head = repository.read_folder("HEAD", "accounts")
    assert at_head.accounts["harbor"] is worktree.accounts["harbor"]
    # The edited file is read from git as it was committed.
    assert at_head.accounts["acme"].objectives[0].status == "planned"
    assert worktree.accounts["acme"].objectives[0].status == "done"


def test_a_file_moved_into_the_folder_is_outside_it_before_the_move(tmp_path: Path) -> None:
    """Its first commits are followed across the rename, with a warning, not a figure,
    for each one where it was not an account file of the folder."""
    repo = portfolio_repo(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "zeta.yaml").write_text(
        MINIMAL.replace("Acme Corp", "Zeta Systems"), encoding="utf-8"
    )
    repo.git("add", "-A")
    repo.commit("Draft Zeta")
    repo.git("mv", "drafts/zeta.yaml", "accounts/zeta.yaml")
    repo.commit("Zeta is a key account")
    entries = account_history(Repository(tmp_path), "accounts", "accounts/zeta.yaml", TODAY)
    assert [e.commit.subject for e in entries] == ["Draft Zeta", "Zeta is a key account"]
    draft, moved = entries
    assert (draft.account, draft.figures, draft.moves) == (None, {}, ())
    [problem] = draft.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (
        f"{draft.commit.short}:drafts/zeta.yaml",
        1,
        1,
        "warning",
    )
    assert problem.message == "not an account file of accounts at this commit"
    assert moved.account is not None and moved.account.name.startswith("Zeta")
    assert moved.problems == ()
    assert [m.name for m in moved.moves][:1] == ["score"]


def test_outside_a_top_level_portfolio_the_message_says_so(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path, folder="")
    (tmp_path / "old").mkdir()
    # A kam.yaml makes old/ a portfolio of its own, which the top one skips.
    (tmp_path / "old" / "kam.yaml").write_text("currency: EUR\n", encoding="utf-8")
    (tmp_path / "old" / "acme.yaml").write_text(MINIMAL, encoding="utf-8")
    repo.git("add", "-A")
    repo.commit("Filed away")
    repo.git("mv", "old/acme.yaml", "acme.yaml")
    repo.commit("Back on top")
    entries = account_history(Repository(tmp_path), "", "acme.yaml", TODAY)
    assert entries[0].problems[0].message == "not an account file of the top folder at this commit"


def test_a_nested_portfolio_is_skipped_at_a_revision_as_on_disk(tmp_path: Path) -> None:
    """One answer everywhere: a folder with its own kam.yaml is left out of the outer
    portfolio in a review of a revision as in a load of the working tree."""
    repo = portfolio_repo(tmp_path)
    (repo.folder / "spinoff").mkdir()
    (repo.folder / "spinoff" / "kam.yaml").write_text("currency: EUR\n", encoding="utf-8")
    (repo.folder / "spinoff" / "zeta.yaml").write_text(MINIMAL, encoding="utf-8")
    repo.git("add", "-A")
    repo.commit("A spin-off with its own plan")
    on_disk = load_folder(repo.folder)
    at_head = Repository(tmp_path).read_folder("HEAD", "accounts", label="HEAD")
    assert sorted(at_head.accounts) == sorted(on_disk.accounts) == ["acme", "harbor", "tiny"]
    assert [(p.path, p.line, p.column, p.message, p.severity) for p in at_head.folder_problems] == [
        (
            "HEAD:accounts/spinoff",
            1,
            1,
            "holds a kam.yaml: a portfolio of its own, skipped "
            "(open it with `kamtui -d accounts/spinoff`)",
            "warning",
        )
    ]
    assert at_head.root == tmp_path / "accounts"


def test_blobs_are_read_in_one_batch_and_what_is_no_file_is_none(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    # A file name that is not UTF-8 reaches git byte for byte (Linux names are bytes).
    odd = os.fsdecode(b"caf\xe9.yaml")
    (repo.folder / odd).write_bytes(b"name: Caf\xc3\xa9\n")
    repo.commit("An odd name")
    acme = (repo.folder / "acme.yaml").read_bytes()
    blobs = Repository(tmp_path).read_blobs(
        [
            "HEAD:accounts/acme.yaml",
            "HEAD:accounts",  # a tree, not a file
            "HEAD:accounts/nowhere.yaml",
            "HEAD:accounts/no where.yaml",  # git's answer then has three words, as a blob's
            f"HEAD:accounts/{odd}",
            "HEAD~1:accounts/acme.yaml",
        ]
    )
    assert blobs == [acme, None, None, None, b"name: Caf\xc3\xa9\n", acme]
    assert Repository(tmp_path).read_blobs([]) == []


def test_a_file_too_large_or_empty_at_a_revision_is_a_problem_as_on_disk(tmp_path: Path) -> None:
    """The size limit is read from the tree, so the blob is never loaded; exactly the
    limit is still read."""
    repo = portfolio_repo(tmp_path)
    repo.write("big.yaml", "#" * (MAX_FILE_BYTES + 1))
    repo.write("edge.yaml", MINIMAL + "#" * (MAX_FILE_BYTES - len(MINIMAL.encode())))
    repo.write("empty.yaml", "")
    repo.commit("Odd sizes")
    at_head = Repository(tmp_path).read_folder("HEAD", "accounts", label="HEAD")
    on_disk = load_folder(repo.folder)
    messages = {p.path.rsplit("/", 1)[-1]: (p.line, p.column, p.message) for p in at_head.problems}
    disk = {p.path.rsplit("/", 1)[-1]: (p.line, p.column, p.message) for p in on_disk.problems}
    assert messages == disk
    assert set(messages) == {"big.yaml", "empty.yaml"}
    assert messages["big.yaml"][:2] == (1, 1) and "the limit is" in messages["big.yaml"][2]
    assert "edge" in at_head.accounts
    assert [p.path for p in at_head.problems if p.path.endswith("big.yaml")] == [
        "HEAD:accounts/big.yaml"
    ]


def test_the_settings_at_a_revision_empty_or_broken_as_on_disk(tmp_path: Path) -> None:
    """An empty kam.yaml is the defaults; a broken one is a problem at its place, named
    by the revision, and the defaults stand in; a revision that is none says so."""
    repo = portfolio_repo(tmp_path)
    repo.write("kam.yaml", "")
    repo.commit("Empty settings")
    repository = Repository(tmp_path)
    empty = repository.read_folder("HEAD", "accounts", label="HEAD")
    assert (empty.settings, empty.folder_problems) == (load_folder(repo.folder).settings, [])
    repo.write("kam.yaml", "currency: EUR\nabc: {a: 2}\n")
    repo.commit("Broken settings")
    broken = repository.read_folder("HEAD", "accounts", label="HEAD")
    [problem] = broken.folder_problems
    assert (problem.path, problem.line, problem.column) == ("HEAD:accounts/kam.yaml", 2, 10)
    assert broken.settings.currency == "USD"
    with pytest.raises(GitError) as refused:
        repository.read_folder("no-such-branch", "accounts")
    assert str(refused.value) == f"'no-such-branch' is not a revision of {repository.top}"


def test_file_names_with_a_tab_or_bytes_not_utf8_load_at_a_revision_as_on_disk(
    tmp_path: Path,
) -> None:
    repo = portfolio_repo(tmp_path)
    odd = os.fsdecode(b"caf\xe9.yaml")
    for name in ("tab\there.yaml", odd):
        (repo.folder / name).write_text(MINIMAL, encoding="utf-8")
    repo.commit("Odd names")
    at_head = Repository(tmp_path).read_folder("HEAD", "accounts")
    on_disk = load_folder(repo.folder)
    assert sorted(at_head.accounts) == sorted(on_disk.accounts)
    assert os.fsdecode(b"caf\xe9") in at_head.accounts
    # A tab is an invisible character in a name: refused both ways, in the same words.
    [(at_head_problem)] = at_head.problems
    [(on_disk_problem)] = on_disk.problems
    assert at_head_problem.path == "HEAD:accounts/tab\there.yaml"
    assert at_head_problem.message == on_disk_problem.message


def test_adopt_at_the_top_of_the_repository(tmp_path: Path) -> None:
    """A portfolio at the repository's top (folder ""): unchanged files are taken from
    the working tree, an edited one is read from git."""
    repo = GitRepo(tmp_path, folder="")
    repo.write("acme.yaml", MINIMAL)
    repo.write("edited.yaml", MINIMAL)
    repo.commit("Start")
    repo.edit("edited.yaml", "revenue_volume: 3", "revenue_volume: 4")
    worktree = load_folder(tmp_path)
    repository = Repository(tmp_path)
    repository.adopt("HEAD", "", worktree)
    at_head = repository.read_folder("HEAD", "")
    assert at_head.accounts["acme"] is worktree.accounts["acme"]
    assert at_head.accounts["edited"] is not worktree.accounts["edited"]
    assert at_head.accounts["edited"].criteria.revenue_volume.score == 3


def test_a_symbolic_link_to_a_name_not_utf8_is_followed_like_any_other(tmp_path: Path) -> None:
    """A link's target is bytes, as names are: `caf\\xe9.yaml` is the file of the folder
    by that name, not something outside it."""
    repo = portfolio_repo(tmp_path)
    odd = os.fsdecode(b"caf\xe9.yaml")
    (repo.folder / odd).write_text(MINIMAL, encoding="utf-8")
    os.symlink(f"../{odd}", repo.folder / "sub" / "cafe-link.yaml")
    repo.commit("Links to an odd name")
    folder = Repository(tmp_path).read_folder("HEAD", "accounts")
    assert folder.problems == []
    assert folder.accounts["cafe-link"] == folder.accounts[os.fsdecode(b"caf\xe9")]


def test_find_from_a_file_is_its_repository(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    found = Repository.find(repo.folder / "harbor.yaml")
    assert found is not None and found.top == tmp_path.resolve()


def test_find_in_a_folder_whose_name_is_not_utf8(tmp_path: Path) -> None:
    root = tmp_path / os.fsdecode(b"caf\xe9")
    GitRepo(root)
    found = Repository.find(root)
    assert found is not None and found.top == root.resolve()


def test_a_folder_whose_name_starts_with_a_dash_is_a_path_not_an_option(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path, folder="-old")
    repo.write("acme.yaml", ACME)
    repo.commit("Start")
    repo.edit("acme.yaml", "status: planned", "status: done")
    repo.commit("Renewed")
    repository = Repository(tmp_path)
    assert [c.subject for c in repository.log("-old/acme.yaml")] == ["Renewed", "Start"]
    worktree = load_folder(repo.folder)
    repository.adopt("HEAD~1", "-old", worktree)
    at_start = repository.read_folder("HEAD~1", "-old")
    assert at_start.problems == []
    assert at_start.accounts["acme"].objectives[0].status == "planned"


def test_the_log_of_a_file_deleted_since_still_reads_its_commits(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    repo.git("rm", "-q", "accounts/acme.yaml")
    repo.commit("Drop acme")
    assert [(c.subject, c.path) for c in Repository(tmp_path).log("accounts/acme.yaml")] == [
        ("Drop acme", "accounts/acme.yaml"),
        ("Start", "accounts/acme.yaml"),
    ]


def test_adopt_reads_a_changed_file_whose_name_is_not_utf8_from_git(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    odd = os.fsdecode(b"caf\xe9.yaml")
    (repo.folder / odd).write_text(MINIMAL, encoding="utf-8")
    repo.commit("An odd name")
    repo.edit(odd, "revenue_volume: 3", "revenue_volume: 4")
    worktree = load_folder(repo.folder)
    repository = Repository(tmp_path)
    repository.adopt("HEAD", "accounts", worktree)
    at_head = repository.read_folder("HEAD", "accounts")
    assert at_head.accounts["harbor"] is worktree.accounts["harbor"]
    assert at_head.accounts[os.fsdecode(b"caf\xe9")].criteria.revenue_volume.score == 3


def test_adopt_passes_over_a_file_outside_the_repository_and_takes_the_rest(
    tmp_path: Path,
) -> None:
    """A file the repository does not hold (here a folder's first) has no path in git:
    the files after it are still taken from the working tree."""
    repo = portfolio_repo(tmp_path / "repo")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "outside.yaml").write_text(MINIMAL, encoding="utf-8")
    worktree = load_folder(repo.folder)
    outside = load_folder(tmp_path / "elsewhere").files
    assert [f.account_id for f in outside] == ["outside"]
    worktree.files[:0] = outside
    repository = Repository(tmp_path / "repo")
    repository.adopt("HEAD", "accounts", worktree)
    at_head = repository.read_folder("HEAD", "accounts")
    assert at_head.accounts["harbor"] is worktree.accounts["harbor"]


def test_a_version_missing_at_a_commit_is_none(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    repository = Repository(tmp_path)
    [start] = repository.log("accounts/acme.yaml")
    gone = Commit(start.hash, start.short, start.date, start.subject, "accounts/gone.yaml")
    [(account, settings)] = repository.account_versions([gone], "accounts")
    assert account is None
    assert settings == load_folder(repo.folder).settings


def test_a_setting_reads_back_as_set_with_its_last_characters(tmp_path: Path) -> None:
    GitRepo(tmp_path)
    repository = Repository(tmp_path)
    repository.set_config("kamtui.padded", "ends in a space ")
    repository.set_config("kamtui.capital", "ends in X")
    assert repository.config("kamtui.padded") == "ends in a space "
    assert repository.config("kamtui.capital") == "ends in X"
    assert repository.config("kamtui.unset") is None


def test_a_setting_of_the_user_s_own_config_is_not_the_repository_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "gitconfig"
    own.write_text("[kamtui]\n\tplace = global\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(own))
    GitRepo(tmp_path / "repo")
    assert Repository(tmp_path / "repo").config("kamtui.place") is None


def test_a_damaged_object_is_an_error_at_the_file_s_start(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    sha = repo.git("rev-parse", "HEAD:accounts/acme.yaml").strip()
    (tmp_path / ".git" / "objects" / sha[:2] / sha[2:]).unlink()
    folder = Repository(tmp_path).read_folder("HEAD", "accounts", label="HEAD")
    assert sorted(folder.accounts) == ["harbor", "tiny"]
    assert [(p.path, p.line, p.column, p.message, p.severity) for p in folder.problems] == [
        (
            "HEAD:accounts/acme.yaml",
            1,
            1,
            "git cannot read this file's object (damaged?); `git fsck` says more",
            "error",
        )
    ]


def test_at_the_top_the_settings_and_hidden_files_are_no_accounts(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path, folder="")
    repo.write("acme.yaml", ACME)
    repo.write("kam.yaml", "currency: EUR\n")
    repo.write(".drafts/zeta.yaml", "not: an account\n")
    repo.write("sub/.zeta.yaml", "not: an account\n")
    repo.commit("Start")
    at_head = Repository(tmp_path).read_folder("HEAD", "")
    on_disk = load_folder(tmp_path)
    assert [f.account_id for f in at_head.files] == [f.account_id for f in on_disk.files]
    assert list(at_head.accounts) == ["acme"]
    assert (at_head.problems, at_head.settings.currency) == ([], "EUR")


def test_a_hidden_file_in_a_subfolder_is_no_account(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    repo.write("sub/.zeta.yaml", "not: an account\n")
    repo.commit("A hidden draft")
    at_head = Repository(tmp_path).read_folder("HEAD", "accounts")
    assert (sorted(at_head.accounts), at_head.problems) == (["acme", "harbor", "tiny"], [])


def test_adopt_reads_from_git_a_file_renamed_away_and_written_anew(tmp_path: Path) -> None:
    """git mv acme.yaml acme-corp.yaml, then a new acme.yaml: git's diff must not pair
    the two as a rename and hide that acme.yaml is no longer what was committed."""
    repo = portfolio_repo(tmp_path)
    repo.git("mv", "accounts/acme.yaml", "accounts/acme-corp.yaml")
    repo.write("acme.yaml", MINIMAL.replace("Acme Corp", "Acme Two"))
    worktree = load_folder(repo.folder)
    repository = Repository(tmp_path)
    repository.adopt("HEAD", "accounts", worktree)
    at_head = repository.read_folder("HEAD", "accounts")
    assert worktree.accounts["acme"].name == "Acme Two"
    assert at_head.accounts["acme"].name == "Acme Corp"
    assert at_head.accounts["harbor"] is worktree.accounts["harbor"]


def test_a_version_is_judged_by_its_revision_s_settings(tmp_path: Path) -> None:
    """An account naming a KPI its revision's kam.yaml does not declare is no account at
    that revision; while the KPI was declared, it is one."""
    repo = GitRepo(tmp_path)
    repo.write("kam.yaml", "kpis: [{id: uptime, name: Uptime}]\n")
    repo.write("acme.yaml", MINIMAL + "kpis: {uptime: 0.99}\n")
    repo.commit("Uptime declared")
    repo.write("kam.yaml", "currency: USD\n")
    repo.commit("Uptime no longer declared")
    repository = Repository(tmp_path)
    commits = [
        Commit(c.hash, c.short, c.date, c.subject, "accounts/acme.yaml")
        for c in repository.log("accounts/kam.yaml")
    ]
    found = {
        c.subject: account
        for c, (account, _) in zip(
            commits, repository.account_versions(commits, "accounts"), strict=True
        )
    }
    assert found["Uptime declared"] is not None
    assert found["Uptime no longer declared"] is None
