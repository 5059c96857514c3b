"""Which files are accounts: every problem of links, loops and nested portfolios said
whole, at 1:1 of the entry it is about (account_discovery)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from kamtui.core.account.problem import Problem
from kamtui.core.loading.account_discovery import account_files, listed_alone
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


def test_one_file_is_listed_alone_as_the_whole_listing_lists_it(tmp_path: Path) -> None:
    """kam.yaml at the top is the settings; below, a kam.yaml makes its folder a portfolio
    of its own; hidden parts and other suffixes are no accounts."""
    for name in ("kam.yaml", "a.yaml", "b.yml", "c.txt", ".d.yaml", "sub/e.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "nested" / "deep").mkdir(parents=True)
    (tmp_path / "nested" / "kam.yaml").write_text("currency: EUR\n", encoding="utf-8")
    (tmp_path / "nested" / "deep" / "f.yaml").write_text(MINIMAL, encoding="utf-8")
    candidates = [
        tmp_path / name
        for name in (
            "kam.yaml", "a.yaml", "b.yml", "c.txt", ".d.yaml", "sub/e.yaml",
            "nested/kam.yaml", "nested/deep/f.yaml",
        )
    ]  # fmt: skip
    listed = set(account_files(tmp_path)[0])
    assert {path for path in candidates if listed_alone(tmp_path, path)} == listed
    assert listed == {tmp_path / "a.yaml", tmp_path / "b.yml", tmp_path / "sub" / "e.yaml"}
    assert not listed_alone(tmp_path / "sub", tmp_path / "a.yaml")  # outside the root
