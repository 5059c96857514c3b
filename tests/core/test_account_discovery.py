"""Which files are accounts: every problem of links, loops and nested portfolios said
whole, at 1:1 of the entry it is about (account_discovery)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from kamtui.core.account.problem import Problem
from kamtui.core.loading.account_discovery import account_files
from tests.conftest import MINIMAL


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "accounts"
    folder.mkdir()
    (folder / "acme.yaml").write_text(MINIMAL)
    monkeypatch.chdir(folder)  # problems name paths as typed from here
    return folder


def listed(root: Path) -> tuple[list[str], list[Problem]]:
    paths, problems = account_files(root)
    return [str(path.relative_to(root)) for path in paths], problems


def test_a_broken_link_is_skipped_with_its_problem(root: Path) -> None:
    (root / "gone.yaml").symlink_to(root / "nowhere.yaml")
    assert listed(root) == (
        ["acme.yaml"],
        [Problem("gone.yaml", 1, 1, "broken symbolic link; skipped")],
    )


def test_a_link_out_of_the_folder_is_skipped_with_its_target(root: Path, tmp_path: Path) -> None:
    (tmp_path / "outside.yaml").write_text(MINIMAL)
    (root / "out.yaml").symlink_to(tmp_path / "outside.yaml")
    message = f"symbolic link points outside the folder ({tmp_path / 'outside.yaml'}); skipped"
    assert listed(root) == (["acme.yaml"], [Problem("out.yaml", 1, 1, message)])


def test_a_loop_and_a_folder_reached_twice_are_told_apart(root: Path) -> None:
    (root / "emea").mkdir()
    (root / "emea" / "globex.yaml").write_text(MINIMAL)
    (root / "emea" / "again").symlink_to("..")
    (root / "current").symlink_to("emea")
    assert listed(root) == (
        ["acme.yaml", "emea/globex.yaml"],
        [
            Problem("current", 1, 1, "same folder as emea (a symbolic link); skipped"),
            Problem("emea/again", 1, 1, "symbolic link loop; skipped"),
        ],
    )


def test_a_file_reached_twice_is_listed_at_its_own_path(root: Path) -> None:
    (root / "alias.yaml").symlink_to("acme.yaml")
    assert listed(root) == (
        ["acme.yaml"],
        [Problem("alias.yaml", 1, 1, "same file as acme.yaml (a symbolic link); skipped")],
    )


def test_a_folder_that_cannot_be_read_is_skipped_with_the_reason(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated: root, who runs these tests here, reads a folder of mode 000."""
    (root / "locked").mkdir()
    real_scandir = os.scandir

    def refuse_locked(path: Path):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_locked)
    assert listed(root) == (
        ["acme.yaml"],
        [Problem("locked", 1, 1, "cannot read folder: Permission denied")],
    )


def test_a_settings_file_that_is_a_link_is_no_account(root: Path) -> None:
    (root / "shared").mkdir()
    (root / "shared" / "settings.yaml").write_text("weights: {}\n")
    (root / "kam.yaml").symlink_to("shared/settings.yaml")
    assert listed(root) == (["acme.yaml", "shared/settings.yaml"], [])
