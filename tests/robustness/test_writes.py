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
from kamtui.core.editing import atomic_write
from kamtui.core.editing.atomic_write import write_atomic
from kamtui.core.editing.template import create_account
from kamtui.core.loading import validity_record
from kamtui.core.loading.loader import load_folder
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


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_new_file_gets_the_mode_a_plain_save_gives(tmp_path: Path, overwrite: bool) -> None:
    """Not the temporary file's private 0600: what the umask gives any new file."""
    umask = os.umask(0o022)
    os.umask(umask)
    path = tmp_path / "new.yaml"
    write_atomic(path, MINIMAL, overwrite=overwrite)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    created = create_account(tmp_path, "Globex", TODAY)
    assert created.stat().st_mode & 0o777 == 0o666 & ~umask


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
    assert result.exit_code == 1 and "the account id 'acme-corp' is taken by" in result.stderr
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

    def test_user_lines_and_mode_are_kept(self, tmp_path: Path) -> None:
        repo = GitRepo(tmp_path / "repo")
        repo.folder.mkdir()
        attributes = repo.root / ".gitattributes"
        attributes.write_bytes(USER_TEXT.encode())
        attributes.chmod(0o640)
        result = CliRunner().invoke(main, ["git-setup", str(repo.folder)])
        assert result.exit_code == 0, result.output
        written = attributes.read_bytes()
        assert written.startswith(USER_TEXT.encode()) and b"diff=kamtui" in written
        assert attributes.stat().st_mode & 0o777 == 0o640

    def test_a_gitattributes_link_is_refused_and_nothing_changes(self, tmp_path: Path) -> None:
        """A committed link aimed outside the repository: writing through it would
        change that file, and git ignores a linked .gitattributes anyway."""
        repo = GitRepo(tmp_path / "repo")
        repo.folder.mkdir()
        victim = tmp_path / "victim.txt"
        victim.write_bytes(USER_TEXT.encode())
        (repo.root / ".gitattributes").symlink_to(victim)
        result = CliRunner().invoke(main, ["git-setup", str(repo.folder)])
        assert result.exit_code == 1
        assert ".gitattributes is a symbolic link: git ignores" in result.stderr
        assert "Traceback" not in result.output
        assert victim.read_bytes() == USER_TEXT.encode()
        config = (repo.root / ".git" / "config").read_text(encoding="utf-8")
        assert "kamtui" not in config


def test_schema_refuses_to_write_through_a_link(tmp_path: Path) -> None:
    victim = tmp_path / "victim.json"
    victim.write_text("{}", encoding="utf-8")
    folder = tmp_path / "schemas"
    folder.mkdir()
    (folder / "account.schema.json").symlink_to(victim)
    result = CliRunner().invoke(main, ["schema", "-o", str(folder)])
    assert result.exit_code == 1
    assert "account.schema.json is a symbolic link (to " in result.stderr
    assert "Traceback" not in result.output
    assert victim.read_text(encoding="utf-8") == "{}"


def test_links_are_refused_unless_the_write_is_an_account_edit(tmp_path: Path) -> None:
    """A file kamtui owns is never written through a link (dangling ones included);
    an account edit (`through_link`) writes the file the user's link names, link kept."""
    victim = tmp_path / "victim.txt"
    victim.write_text("theirs\n", encoding="utf-8")
    link = tmp_path / "owned.json"
    link.symlink_to(victim)
    dangling = tmp_path / "new.yaml"
    dangling.symlink_to(tmp_path / "nowhere" / "x.yaml")
    for path, overwrite in ((link, True), (dangling, False)):
        with pytest.raises(atomic_write.LinkRefused, match="is a symbolic link"):
            write_atomic(path, "mine\n", overwrite=overwrite)
    assert victim.read_text(encoding="utf-8") == "theirs\n"
    assert not (tmp_path / "nowhere").exists()
    write_atomic(link, "edited\n", overwrite=True, through_link=True)
    assert link.is_symlink() and victim.read_text(encoding="utf-8") == "edited\n"


class TestNewAccountNames:
    def test_the_settings_file_name_is_refused(self, tmp_path: Path) -> None:
        settings = tmp_path / "kam.yaml"
        settings.write_text("currency: EUR\n", encoding="utf-8")
        for name in ("KAM", "kam!"):
            result = CliRunner().invoke(main, ["new", name, "-d", str(tmp_path)])
            assert result.exit_code == 1, result.output
            assert "would be named kam.yaml, the portfolio's settings file" in result.stderr
        assert settings.read_text(encoding="utf-8") == "currency: EUR\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["kam.yaml"]

    @pytest.mark.parametrize("existing", ["zeta.yml", "sub/zeta.yaml", "sub/deeper/Zeta.yaml"])
    def test_an_id_anywhere_in_the_tree_is_refused(self, tmp_path: Path, existing: str) -> None:
        (tmp_path / "kam.yaml").write_text("currency: EUR\n", encoding="utf-8")
        (tmp_path / existing).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / existing).write_text(MINIMAL, encoding="utf-8")
        result = CliRunner().invoke(main, ["new", "Zeta", "-d", str(tmp_path)])
        assert result.exit_code == 1, result.output
        assert "the account id 'zeta' is taken by" in result.stderr and existing in result.stderr
        assert not (tmp_path / "zeta.yaml").exists()
        # From a subfolder too: the tree is the portfolio's, found by its kam.yaml.
        other = tmp_path / "other"
        other.mkdir(exist_ok=True)
        result = CliRunner().invoke(main, ["new", "Zeta", "-d", str(other)])
        assert result.exit_code == 1 and not (other / "zeta.yaml").exists()

    @pytest.mark.parametrize(
        ("name", "file"),
        [
            ("株式会社トヨタ", "株式会社トヨタ.yaml"),
            ("Ελληνική Εταιρεία", "ελληνική-εταιρεία.yaml"),
            ("Москва Ltd", "москва-ltd.yaml"),
            ("Müller Logistik GmbH", "muller-logistik-gmbh.yaml"),
            ("ドコモ", "ドコモ.yaml"),
            ("Zero\u200bWidth \u202eCorp", "zero-width-corp.yaml"),
        ],
    )
    def test_names_in_any_script_make_a_usable_file(
        self, tmp_path: Path, name: str, file: str
    ) -> None:
        result = CliRunner().invoke(main, ["new", name, "-d", str(tmp_path)])
        assert result.exit_code == 0, result.output
        assert [p.name for p in tmp_path.iterdir()] == [file]
        folder = load_folder(tmp_path)
        assert folder.problems == [] and list(folder.accounts) == [file.removesuffix(".yaml")]
        assert folder.accounts[file.removesuffix(".yaml")].name == name.strip()


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
    monkeypatch.setattr(os, "replace", disk_full)
    folder = load_folder(root, use_cache=True)
    assert sorted(folder.accounts) == ["acme", "globex"]
    assert cache.read_bytes() == before
    assert list((tmp_path / "cache").iterdir()) == [cache]
    assert sorted(p.name for p in root.iterdir()) == ["acme.yaml", "globex.yaml"]


def test_the_validity_record_that_cannot_be_written_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "accounts"
    root.mkdir()
    (root / "acme.yaml").write_text(MINIMAL, encoding="utf-8")
    monkeypatch.setattr(validity_record, "TRUSTED_AFTER_NS", 0)
    monkeypatch.setattr(os, "replace", disk_full)
    for _ in range(2):
        result = CliRunner().invoke(main, ["validate", str(root)])
        assert (result.exit_code, result.stdout) == (0, "1 account checked, 0 with errors\n")
    assert list((tmp_path / "cache").iterdir()) == []
    assert [p.name for p in root.iterdir()] == ["acme.yaml"]
