"""Every file kamtui writes is written atomically and never replaces a user's file
unasked: a failure at any step leaves the old file as it was and no litter beside it.

What kamtui writes: new account files (`kamtui new`, the TUI's `n`) through
`create_account`; `.gitattributes` (`kamtui git-setup`) and the JSON Schemas
(`kamtui schema`, which exists to rewrite them) through `write_atomic`; the cache
of validated accounts through `account_cache`, in the user's cache folder only.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kamtui.cli import main
from kamtui.core import account_cache, atomic_write
from kamtui.core.atomic_write import write_atomic
from kamtui.core.loader import load_folder
from kamtui.core.template import create_account
from tests.conftest import MINIMAL
from tests.git_repo import GitRepo, isolate_git

TODAY = dt.date(2026, 11, 24)
USER_TEXT = "# the user's own file\r\n*.png binary\r\n"


def disk_full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("step", ["fchmod", "fsync", "replace"])
def test_a_failed_overwrite_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path = tmp_path / "file.txt"
    path.write_bytes(USER_TEXT.encode())
    monkeypatch.setattr(atomic_write.os, step, disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(path, "new text\n", overwrite=True)
    assert path.read_bytes() == USER_TEXT.encode()
    assert list(tmp_path.iterdir()) == [path]


def test_a_failed_create_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic_write.os, "link", disk_full)
    with pytest.raises(OSError):
        write_atomic(tmp_path / "new.yaml", MINIMAL, overwrite=False)
    assert list(tmp_path.iterdir()) == []


def test_a_file_made_by_someone_else_while_writing_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The existence check and the write are not one step; the link that ends the write
    fails rather than replace what appeared in between."""
    path = tmp_path / "acme.yaml"
    real_link = os.link

    def someone_saves_first(source: str, target: str) -> None:
        Path(target).write_text("theirs\n", encoding="utf-8")
        real_link(source, target)

    monkeypatch.setattr(atomic_write.os, "link", someone_saves_first)
    with pytest.raises(FileExistsError):
        write_atomic(path, MINIMAL, overwrite=False)
    assert path.read_text(encoding="utf-8") == "theirs\n"
    assert list(tmp_path.iterdir()) == [path]


def test_new_refuses_an_existing_file_and_reports_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = create_account(tmp_path, "Acme Corp", TODAY)
    existing.write_text("mine\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["new", "Acme Corp", "-d", str(tmp_path)])
    assert result.exit_code == 1 and "already exists; not overwriting it" in result.stderr
    assert existing.read_text(encoding="utf-8") == "mine\n"
    monkeypatch.setattr(atomic_write.os, "link", disk_full)
    result = CliRunner().invoke(main, ["new", "Globex", "-d", str(tmp_path)])
    assert result.exit_code == 1
    assert "cannot write the account file" in result.stderr and "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acme-corp.yaml"]


class TestGitSetup:
    @pytest.fixture(autouse=True)
    def isolated_git(self, monkeypatch: pytest.MonkeyPatch) -> None:
        isolate_git(monkeypatch)

    def test_a_failed_write_leaves_the_users_gitattributes(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        repo = GitRepo(tmp_path)
        repo.folder.mkdir()
        attributes = tmp_path / ".gitattributes"
        attributes.write_bytes(USER_TEXT.encode())
        monkeypatch.setattr(atomic_write.os, "replace", disk_full)
        result = CliRunner().invoke(main, ["git-setup", str(repo.folder)])
        assert result.exit_code == 1 and "No space left on device" in result.stderr
        assert attributes.read_bytes() == USER_TEXT.encode()
        assert sorted(p.name for p in tmp_path.iterdir()) == [".git", ".gitattributes", "accounts"]

    def test_user_lines_mode_and_a_symbolic_link_are_kept(self, tmp_path: Path) -> None:
        """Appending keeps every byte of the user's lines, the file's mode, and a
        .gitattributes that is a link to a shared file stays that link."""
        repo = GitRepo(tmp_path / "repo")
        repo.folder.mkdir()
        shared = tmp_path / "shared-gitattributes"
        shared.write_bytes(USER_TEXT.encode())
        shared.chmod(0o640)
        attributes = repo.root / ".gitattributes"
        attributes.symlink_to(shared)
        result = CliRunner().invoke(main, ["git-setup", str(repo.folder)])
        assert result.exit_code == 0, result.output
        assert attributes.is_symlink()
        written = shared.read_bytes()
        assert written.startswith(USER_TEXT.encode()) and b"diff=kamtui" in written
        assert shared.stat().st_mode & 0o777 == 0o640


@pytest.mark.usefixtures("isolated_cache")
def test_the_cache_writes_only_in_the_cache_folder_and_survives_a_failed_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "accounts"
    root.mkdir()
    (root / "acme.yaml").write_text(MINIMAL, encoding="utf-8")
    load_folder(root, use_cache=True)
    (cache,) = (tmp_path / "cache").iterdir()
    before = cache.read_bytes()
    (root / "globex.yaml").write_text(MINIMAL.replace("Acme Corp", "Globex"), encoding="utf-8")
    monkeypatch.setattr(account_cache.os, "replace", disk_full)
    folder = load_folder(root, use_cache=True)
    assert sorted(folder.accounts) == ["acme", "globex"]
    assert cache.read_bytes() == before
    assert list((tmp_path / "cache").iterdir()) == [cache]
    assert sorted(p.name for p in root.iterdir()) == ["acme.yaml", "globex.yaml"]
