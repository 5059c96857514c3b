"""`kamtui git-setup`: what it writes, what it says, and that a second run changes nothing."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import kamtui
from tests.git_repo import GitRepo

SCOPED = [
    ".gitattributes: added accounts/**/*.yaml diff=kamtui",
    ".gitattributes: added accounts/**/*.yml diff=kamtui",
    ".gitattributes: added /accounts/kam.yaml !diff",
    ".gitattributes: added /accounts/kam.yml !diff",
    ".gitattributes: added accounts/**/.* !diff",
    ".gitattributes: added accounts/**/.*/** !diff",
    "git config --local: set diff.kamtui.textconv to 'kamtui show -d accounts'",
    "commit .gitattributes to share the diff driver; the config stays in this clone",
]


def setup(*args: str) -> tuple[int, str, str]:
    return kamtui("git-setup", *args)


def test_first_run_says_what_it_changed_second_run_nothing(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path)
    repo.folder.mkdir()
    code, out, _ = setup(str(repo.folder))
    assert (code, out.splitlines()) == (0, SCOPED)
    assert repo.git("config", "--local", "diff.kamtui.textconv") == "kamtui show -d accounts\n"
    # No textconv cache: the rendering depends on kam.yaml, the cache key does not.
    assert "cachetextconv" not in repo.git("config", "--local", "--list")
    attributes = (tmp_path / ".gitattributes").read_text(encoding="utf-8")
    assert attributes.splitlines()[0].startswith("# kamtui:")
    assert setup(str(repo.folder)) == (
        0,
        "nothing to change: git diff already shows account files by meaning\n",
        "",
    )
    assert (tmp_path / ".gitattributes").read_text(encoding="utf-8") == attributes


def test_user_lines_are_kept_and_only_missing_lines_added(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path, folder="")
    user = "*.png binary\r\n*.yaml diff=kamtui\r\n# mine"
    (tmp_path / ".gitattributes").write_bytes(user.encode())
    repo.git("config", "--local", "diff.kamtui.textconv", "something else")
    code, out, _ = setup(str(tmp_path))
    assert code == 0
    assert out.splitlines() == [
        ".gitattributes: added **/*.yaml diff=kamtui",
        ".gitattributes: added **/*.yml diff=kamtui",
        ".gitattributes: added /kam.yaml !diff",
        ".gitattributes: added /kam.yml !diff",
        ".gitattributes: added **/.* !diff",
        ".gitattributes: added **/.*/** !diff",
        "git config --local: set diff.kamtui.textconv to 'kamtui show -d .' (was 'something else')",
        "commit .gitattributes to share the diff driver; the config stays in this clone",
    ]
    written = (tmp_path / ".gitattributes").read_bytes().decode()
    assert written.startswith(user + "\n# kamtui:")
    check = repo.git("check-attr", "diff", "--", "a.yaml", "sub/b.yml", "kam.yaml", ".github/w.yml")
    assert check.splitlines() == [
        "a.yaml: diff: kamtui",
        "sub/b.yml: diff: kamtui",
        "kam.yaml: diff: unspecified",
        ".github/w.yml: diff: unspecified",
    ]


def test_a_folder_with_a_space_is_quoted(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path, folder="key accounts")
    repo.folder.mkdir()
    assert setup(str(repo.folder))[0] == 0
    check = repo.git("check-attr", "diff", "--", "key accounts/a.yaml", "other/a.yaml")
    assert check.splitlines() == [
        "key accounts/a.yaml: diff: kamtui",
        "other/a.yaml: diff: unspecified",
    ]
    assert repo.git("config", "diff.kamtui.textconv") == "kamtui show -d 'key accounts'\n"


def test_refuses_outside_a_git_repository(tmp_path: Path) -> None:
    code, _, err = setup(str(tmp_path))
    assert code == 2
    assert "not inside a git repository" in err
    assert not (tmp_path / ".gitattributes").exists()
