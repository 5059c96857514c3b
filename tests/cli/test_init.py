"""`kamtui init`: a new portfolio that validates in the editor with no other setup, and
that a second run leaves exactly as it was."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from kamtui.cli import main
from kamtui.core.loading.loader import load_folder
from tests.git_repo import GitRepo


def files_of(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".git" not in path.relative_to(root).parts
    }


def test_init_twice_in_a_repository(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path)
    first = CliRunner().invoke(main, ["init", str(repo.folder)])
    assert first.exit_code == 0, first.output
    assert "created" in first.stdout and "wrote" in first.stdout
    before = files_of(tmp_path)
    assert {
        "accounts/kam.yaml",
        "accounts/schemas/account.schema.json",
        "accounts/schemas/kam.schema.json",
        "accounts/example-account.yaml",
        ".gitattributes",
        ".pre-commit-config.yaml",
    } <= set(before)
    second = CliRunner().invoke(main, ["init", str(repo.folder)])
    assert second.exit_code == 0
    assert "created" not in second.stdout and "wrote" not in second.stdout
    assert files_of(tmp_path) == before
    folder = load_folder(repo.folder)
    assert folder.problems == [] and list(folder.accounts) == ["example-account"]


def test_every_modeline_resolves(tmp_path: Path) -> None:
    """The `$schema` an editor follows exists, from kam.yaml, the example, and a new account."""
    GitRepo(tmp_path)
    root = tmp_path / "accounts"
    assert CliRunner().invoke(main, ["init", str(root)]).exit_code == 0
    (root / "emea").mkdir()
    assert CliRunner().invoke(main, ["new", "Globex", "-d", str(root / "emea")]).exit_code == 0
    for path in (root / "kam.yaml", root / "example-account.yaml", root / "emea" / "globex.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, (path, first)
        assert (path.parent / match.group(1)).is_file(), (path, match.group(1))


def test_without_a_schema_a_new_account_has_no_broken_modeline(tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["new", "Globex", "-d", str(tmp_path)]).exit_code == 0
    text = (tmp_path / "globex.yaml").read_text(encoding="utf-8")
    assert "$schema" not in text


def test_outside_git_it_says_what_to_do_next(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "book")])
    assert result.exit_code == 0
    assert "not in a git repository: run `git init`, then `kamtui git-setup`" in result.stdout


def test_a_kam_yml_is_kept_under_its_own_name(tmp_path: Path) -> None:
    (tmp_path / "kam.yml").write_text("currency: EUR\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 0
    assert f"kept {tmp_path / 'kam.yml'}" in result.stdout.splitlines()
    assert not (tmp_path / "kam.yaml").exists()
