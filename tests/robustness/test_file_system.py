"""File system oddities: each is a clear problem or a correct result, never a hang,
a crash or an account counted twice.

Symbolic links out of the folder and link loops at the top are covered in
tests/core/test_loader.py; these add the rest.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from kamtui.cli import main
from kamtui.core.account import account_file
from kamtui.core.account.account_file import load_account_file
from kamtui.core.account.model import PortfolioSettings
from kamtui.core.loading.loader import load_folder
from kamtui.core.loading.store import AccountStore
from tests.conftest import MINIMAL
from tests.hang_guard import time_limit


def messages(root: Path) -> dict[str, str]:
    """Folder problems by file name."""
    return {Path(p.path).name: p.message for p in load_folder(root).problems}


def deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Reading `denied` fails as it does without permission (tests run as root in CI,
    where chmod 000 blocks nothing)."""
    for module, name in ((os, "open"), (builtins, "open"), (io, "open")):
        real = getattr(module, name)

        def refusing(path: object, *args: object, _real: object = real, **kwargs: object) -> object:
            if isinstance(path, str | Path) and Path(path) == denied:
                raise PermissionError(13, "Permission denied", str(path))
            return _real(path, *args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(module, name, refusing)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file; see the simulated case")
def test_unreadable_file_by_permissions(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(MINIMAL, encoding="utf-8")
    secret = tmp_path / "secret.yaml"
    secret.write_text(MINIMAL, encoding="utf-8")
    secret.chmod(0)
    try:
        folder = load_folder(tmp_path)
    finally:
        secret.chmod(0o644)
    assert list(folder.accounts) == ["good"]
    # Checked on the load made while the file was unreadable (a reload after the
    # permissions are restored could never fail).
    (problem,) = folder.problems
    assert problem.message == "cannot read the file: Permission denied"


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good.yaml").write_text(MINIMAL, encoding="utf-8")
    secret = tmp_path / "secret.yaml"
    secret.write_text(MINIMAL, encoding="utf-8")
    deny(monkeypatch, secret)
    folder = load_folder(tmp_path)
    assert list(folder.accounts) == ["good"]
    (problem,) = folder.problems
    assert problem.path.endswith("secret.yaml") and (problem.line, problem.column) == (1, 1)
    assert problem.message == "cannot read the file: Permission denied"


def test_a_fifo_named_like_an_account_does_not_block(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(MINIMAL, encoding="utf-8")
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with time_limit():
        folder = load_folder(tmp_path)
        single = load_account_file(fifo, PortfolioSettings())
        store = AccountStore(tmp_path)
        store.load_all()
        store.reload([fifo])
    assert list(folder.accounts) == ["good"]
    assert "not a regular file" in messages(tmp_path)["pipe.yaml"]
    assert "not a regular file" in single.problems[0].message
    assert list(store.accounts()) == ["good"]


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device file needs root")
def test_a_device_file_named_like_an_account_is_not_read(tmp_path: Path) -> None:
    device = tmp_path / "zero.yaml"
    os.mknod(device, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # what /dev/zero is
    with time_limit():
        loaded = load_account_file(device, PortfolioSettings())
    assert "not a regular file" in loaded.problems[0].message


def test_a_folder_named_like_an_account_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "region.yaml").mkdir()
    (tmp_path / "region.yaml" / "acme.yaml").write_text(MINIMAL, encoding="utf-8")
    assert list(load_folder(tmp_path).accounts) == ["acme"]
    loaded = load_account_file(tmp_path / "region.yaml", PortfolioSettings())
    assert loaded.account is None and "not a regular file" in loaded.problems[0].message


def test_non_utf8_file_names(tmp_path: Path) -> None:
    """Names git and Linux allow but UTF-8 cannot spell load, and come out printable."""
    root = os.fsencode(tmp_path)
    with open(root + b"/caf\xe9.yaml", "wb") as stream:
        stream.write(MINIMAL.encode())
    with open(root + b"/bad\xff.yaml", "wb") as stream:
        stream.write(b"name: x\n")
    folder = load_folder(tmp_path)
    assert [os.fsencode(name) for name in folder.accounts] == [b"caf\xe9"]
    result = CliRunner().invoke(main, ["validate", str(tmp_path)], color=True)
    assert result.exit_code == 1
    assert "bad\\udcff.yaml:1:1: error: missing required field 'criteria'" in result.stdout
    # A strict UTF-8 stdout (CliRunner's, most locales') gets escapes, not a traceback.
    report = CliRunner().invoke(main, ["report", str(tmp_path), "--format", "csv"])
    assert report.exit_code == 1 and "caf\\udce9,Acme Corp," in report.stdout
    report = CliRunner().invoke(main, ["report", str(tmp_path), "--format", "json"])
    assert report.exit_code == 1
    (row,) = json.loads(report.stdout)["accounts"]
    assert os.fsencode(row["id"]) == b"caf\xe9"


def test_a_file_cut_short_between_stat_and_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The size read first no longer holds when the bytes are read: the bytes read win."""
    path = tmp_path / "acme.yaml"
    path.write_text(MINIMAL + "notes: " + "x" * 5000 + "\n", encoding="utf-8")
    real_fstat = os.fstat

    def fstat_then_truncate(descriptor: int) -> os.stat_result:
        status = real_fstat(descriptor)
        os.truncate(path, len(MINIMAL) // 2)
        return status

    monkeypatch.setattr(account_file.os, "fstat", fstat_then_truncate)
    loaded = load_account_file(path, PortfolioSettings())
    monkeypatch.undo()
    assert loaded.account is None and loaded.problems
    assert all(p.line <= MINIMAL.count("\n") for p in loaded.problems)


def test_a_file_growing_past_the_limit_while_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    real_fstat = os.fstat

    def fstat_then_grow(descriptor: int) -> os.stat_result:
        status = real_fstat(descriptor)
        with open(path, "ab") as stream:
            stream.write(b"#" * (2 * account_file.MAX_FILE_BYTES))
        return status

    monkeypatch.setattr(account_file.os, "fstat", fstat_then_grow)
    loaded = load_account_file(path, PortfolioSettings())
    monkeypatch.undo()
    assert loaded.account is None
    assert loaded.problems[0].message == (
        "file grew while it was read and is now larger than the limit; "
        "the limit is 524,288 bytes (512 KiB)"
    )


def test_a_file_deleted_between_listing_and_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "good.yaml").write_text(MINIMAL, encoding="utf-8")
    gone = tmp_path / "gone.yaml"
    gone.write_text(MINIMAL, encoding="utf-8")
    real_read = account_file.read_limited

    def read_after_delete(path: Path) -> tuple[bytes, str | None]:
        if path == gone:
            gone.unlink(missing_ok=True)
        return real_read(path)

    monkeypatch.setattr(account_file, "read_limited", read_after_delete)
    monkeypatch.setattr("kamtui.core.loading.bulk_load.read_limited", read_after_delete)
    folder = load_folder(tmp_path)
    assert list(folder.accounts) == ["good"]
    (problem,) = folder.problems
    assert problem.path.endswith("gone.yaml")
    assert problem.message == "cannot read the file: No such file or directory"


class TestSymbolicLinks:
    def test_links_inside_the_folder_are_followed(self, tmp_path: Path) -> None:
        (tmp_path / ".archive").mkdir()
        (tmp_path / ".archive" / "acme.yaml").write_text(MINIMAL, encoding="utf-8")
        (tmp_path / "acme.yaml").symlink_to(tmp_path / ".archive" / "acme.yaml")
        (tmp_path / "emea").mkdir()
        (tmp_path / "emea" / "beta.yaml").write_text(MINIMAL, encoding="utf-8")
        (tmp_path / "regions").mkdir()
        (tmp_path / "regions" / "emea").symlink_to("../emea")
        folder = load_folder(tmp_path)
        assert list(folder.accounts) == ["acme", "beta"]

    def test_a_file_reached_twice_is_loaded_once(self, tmp_path: Path) -> None:
        """Through a link to a file or a folder that is loaded anyway: counted once,
        under its own path, and the link is named in a problem."""
        (tmp_path / "zz-real").mkdir()
        (tmp_path / "zz-real" / "acme.yaml").write_text(MINIMAL, encoding="utf-8")
        (tmp_path / "alias.yaml").symlink_to(tmp_path / "zz-real" / "acme.yaml")
        (tmp_path / "aa-current").symlink_to(tmp_path / "zz-real")
        folder = load_folder(tmp_path)
        assert list(folder.accounts) == ["acme"]
        assert folder.files[0].path == tmp_path / "zz-real" / "acme.yaml"
        found = messages(tmp_path)
        assert "same file as zz-real/acme.yaml" in found["alias.yaml"].replace(
            str(tmp_path) + "/", ""
        )
        assert "aa-current" in found or "acme.yaml" in found

    def test_loops_below_the_top_and_links_to_themselves(self, tmp_path: Path) -> None:
        (tmp_path / "a" / "b").mkdir(parents=True)
        (tmp_path / "a" / "b" / "up").symlink_to("../..")
        (tmp_path / "self.yaml").symlink_to("self.yaml")
        (tmp_path / "a" / "acme.yaml").write_text(MINIMAL, encoding="utf-8")
        with time_limit():
            folder = load_folder(tmp_path)
        assert list(folder.accounts) == ["acme"]
        found = messages(tmp_path)
        assert "loop" in found["up"]
        assert "self.yaml" in found

    def test_a_link_escaping_through_a_relative_path_is_refused(self, tmp_path: Path) -> None:
        outside = tmp_path / "outside"
        outside.mkdir()
        (outside / "acme.yaml").write_text(MINIMAL, encoding="utf-8")
        root = tmp_path / "accounts"
        (root / "emea").mkdir(parents=True)
        (root / "emea" / "acme.yaml").symlink_to("../../outside/acme.yaml")
        (root / "emea" / "all").symlink_to("../../outside")
        assert load_folder(root).accounts == {}
        found = messages(root)
        assert "outside the folder" in found["acme.yaml"] and "outside the folder" in found["all"]
