"""git-setup's pieces in the core: driver names, refusals and their words, and how it
appends to a .gitattributes the user wrote (the command is tested in tests/cli)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamtui.core.review.git_setup import ATTRIBUTES_HEADER, attribute_lines, driver_name, git_setup
from kamtui.core.review.git_source import Repository
from tests.git_repo import GitRepo


@pytest.mark.parametrize(
    ("folder", "driver"),
    [
        ("", "kamtui"),
        ("Key Accounts", "kamtui-key-accounts"),
        ("--EMEA__2026--", "kamtui-emea-2026"),
        ("XL Accounts/X", "kamtui-xl-accounts-x"),
    ],
)
def test_a_driver_is_named_after_its_folder(folder: str, driver: str) -> None:
    assert driver_name(folder) == driver


def test_a_folder_name_no_pattern_can_carry_is_refused_in_words() -> None:
    with pytest.raises(ValueError) as raised:
        attribute_lines("a*b")
    assert str(raised.value) == (
        "the folder name 'a*b' holds characters a .gitattributes pattern cannot carry "
        'plainly (* ? [ ] \\ " ! # or a control character); rename it or write '
        ".gitattributes by hand"
    )


def test_a_gitattributes_that_is_not_utf8_is_refused_in_words(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path)
    (tmp_path / ".gitattributes").write_bytes(b"*.txt text \xff\n")
    with pytest.raises(ValueError) as raised:
        git_setup(Repository(tmp_path), repo.folder)
    assert str(raised.value) == (
        f"{tmp_path / '.gitattributes'} is not UTF-8 text; kamtui will not rewrite it"
    )


def test_a_linked_gitattributes_is_refused_in_words(tmp_path: Path) -> None:
    GitRepo(tmp_path)
    (tmp_path / ".gitattributes").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ValueError) as raised:
        git_setup(Repository(tmp_path), tmp_path / "accounts")
    assert str(raised.value) == (
        f"{tmp_path / '.gitattributes'} is a symbolic link: git ignores a .gitattributes "
        "that is a link, and kamtui never writes through one (a commit can aim it at any "
        "file); replace it with a plain file and run git-setup again"
    )


@pytest.mark.parametrize("ending", ["", "\n"])
def test_lines_are_appended_right_after_the_users_last_line(tmp_path: Path, ending: str) -> None:
    repo = GitRepo(tmp_path)
    (tmp_path / ".gitattributes").write_text("*.png binary" + ending, encoding="utf-8")
    git_setup(Repository(tmp_path), repo.folder)
    lines = (tmp_path / ".gitattributes").read_text(encoding="utf-8").split("\n")
    assert lines[:2] == ["*.png binary", ATTRIBUTES_HEADER]
    assert lines[2:-1] == attribute_lines("accounts") and lines[-1] == ""


def test_a_second_folder_does_not_repeat_the_header(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path)
    (tmp_path / "partners").mkdir()
    git_setup(Repository(tmp_path), repo.folder)
    git_setup(Repository(tmp_path), tmp_path / "partners")
    text = (tmp_path / ".gitattributes").read_text(encoding="utf-8")
    assert text.count(ATTRIBUTES_HEADER) == 1
    assert text.endswith("\n".join(attribute_lines("partners")) + "\n")
