"""`kamtui git-setup`: what it writes, what it says, and that a second run changes nothing."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from tests.conftest import MINIMAL, kamtui
from tests.git_repo import GitRepo, git_env

PYTHON = shlex.quote(sys.executable)
SCOPED = [
    ".gitattributes: added accounts/**/*.yaml diff=kamtui-accounts",
    ".gitattributes: added accounts/**/*.yml diff=kamtui-accounts",
    ".gitattributes: added /accounts/kam.yaml !diff",
    ".gitattributes: added /accounts/kam.yml !diff",
    ".gitattributes: added accounts/**/.* !diff",
    ".gitattributes: added accounts/**/.*/** !diff",
    "git config --local: set diff.kamtui-accounts.textconv to "
    f"'{PYTHON} -m kamtui show -d accounts'",
    "commit .gitattributes to share the diff driver; the config stays in this clone",
]


def setup(*args: str) -> tuple[int, str, str]:
    return kamtui("git-setup", *args)


def test_first_run_says_what_it_changed_second_run_nothing(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path)
    repo.folder.mkdir()
    code, out, _ = setup(str(repo.folder))
    assert (code, out.splitlines()) == (0, SCOPED)
    assert repo.git("config", "--local", "diff.kamtui-accounts.textconv") == (
        f"{PYTHON} -m kamtui show -d accounts\n"
    )
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
        f"git config --local: set diff.kamtui.textconv to '{PYTHON} -m kamtui show -d .' "
        "(was 'something else')",
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
        "key accounts/a.yaml: diff: kamtui-key-accounts",
        "other/a.yaml: diff: unspecified",
    ]
    assert repo.git("config", "diff.kamtui-key-accounts.textconv") == (
        f"{PYTHON} -m kamtui show -d 'key accounts'\n"
    )


def test_refuses_outside_a_git_repository(tmp_path: Path) -> None:
    code, _, err = setup(str(tmp_path))
    assert code == 2
    assert "not inside a git repository" in err
    assert not (tmp_path / ".gitattributes").exists()


def shell_git_diff(repo: GitRepo) -> str:
    """`git diff` as in a shell where kamtui is not on PATH (a venv not activated)."""
    env = {**git_env(), "PATH": os.pathsep.join(["/usr/local/bin", "/usr/bin", "/bin"])}
    result = subprocess.run(
        ["git", "diff"], cwd=repo.root, env=env, capture_output=True, text=True, check=True
    )
    assert "error" not in result.stderr and "not found" not in result.stderr, result.stderr
    return result.stdout


def test_git_diff_works_without_kamtui_on_path_and_two_portfolios_keep_their_weights(
    tmp_path: Path,
) -> None:
    repo = GitRepo(tmp_path, folder="")
    for name, weights in (("north", "revenue_volume: 10"), ("south", "strategic_value: 10")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "kam.yaml").write_text(f"weights: {{{weights}}}\n", "utf-8")
        (tmp_path / name / "acme.yaml").write_text(MINIMAL, "utf-8")
    repo.commit("start")
    for name in ("north", "south"):
        assert setup(str(tmp_path / name))[0] == 0
    for name in ("north", "south"):
        path = tmp_path / name / "acme.yaml"
        path.write_text(MINIMAL.replace("revenue_volume: 3", "revenue_volume: 5"), "utf-8")
    diff = shell_git_diff(repo)
    # Each file is weighed by its own portfolio's kam.yaml: revenue volume weighs 10 of 14
    # in the north (2 more points: +35.7) and 1 of 14 in the south (+3.6).
    north, south = diff.split("diff --git a/south", 1)
    scores = [
        [line for line in part.splitlines() if line[1:].startswith("score:")]
        for part in (north, south)
    ]
    assert scores == [["-score: 51.8", "+score: 87.5"], ["-score: 35.7", "+score: 39.3"]]
