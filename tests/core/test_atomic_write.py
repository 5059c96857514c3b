"""write_atomic's contract, piece by piece (tests/robustness/test_writes.py tries it
under failures): the temp file's place and name, the folders it makes, the errors it
raises and what they say."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import kamtui
from kamtui.core.editing import atomic_write
from kamtui.core.editing.atomic_write import LinkRefused, write_atomic


def test_the_temp_file_is_hidden_beside_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beside it, so the rename stays on one file system; hidden, so the loader and
    the watcher pass over it while it exists; named for its file, for whoever finds
    one left by a power cut."""
    target = tmp_path / "acme.yaml"
    seen: list[list[str]] = []
    real_fsync = os.fsync

    def listing_fsync(descriptor: int) -> None:
        seen.append(sorted(os.listdir(tmp_path)))
        real_fsync(descriptor)

    monkeypatch.setattr(atomic_write.os, "fsync", listing_fsync)
    write_atomic(target, "name: Acme\n", overwrite=False)
    [during] = seen
    assert len(during) == 1 and re.fullmatch(r"\.acme\.yaml\.[^/]+\.tmp", during[0])
    assert sorted(os.listdir(tmp_path)) == ["acme.yaml"]


def test_missing_folders_are_made(tmp_path: Path) -> None:
    target = tmp_path / "emea" / "nordics" / "acme.yaml"
    write_atomic(target, "name: Acme\n", overwrite=False)
    assert target.read_text("utf-8") == "name: Acme\n"


def test_an_existing_file_is_named_in_the_error(tmp_path: Path) -> None:
    target = tmp_path / "acme.yaml"
    target.write_text("theirs\n", "utf-8")
    with pytest.raises(FileExistsError) as raised:
        write_atomic(target, "mine\n", overwrite=False)
    assert raised.value.args == (target,)
    assert target.read_text("utf-8") == "theirs\n"


def test_a_refused_link_names_its_target_and_the_remedy(tmp_path: Path) -> None:
    link = tmp_path / ".gitattributes"
    link.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(LinkRefused) as raised:
        write_atomic(link, "x\n", overwrite=True)
    assert str(raised.value) == (
        f"{link} is a symbolic link (to {tmp_path / 'elsewhere'}); kamtui writes this file "
        "itself and never through a link: replace the link with a plain file"
    )


def test_bytes_are_never_written_through_a_link_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    target.write_bytes(b"theirs")
    link = tmp_path / "cache.bin"
    link.symlink_to(target)
    with pytest.raises(LinkRefused):
        atomic_write.write_bytes_atomic(link, [b"ours"], overwrite=True)
    assert target.read_bytes() == b"theirs"
    atomic_write.write_bytes_atomic(link, [b"ours"], overwrite=True, through_link=True)
    assert (link.is_symlink(), target.read_bytes()) == (True, b"ours")


def test_a_refused_path_that_is_no_longer_a_link_says_so(tmp_path: Path) -> None:
    """The link can be gone by the time the message is made (another process)."""
    path = tmp_path / "plain.yaml"
    assert str(LinkRefused(path)).startswith(f"{path} is a symbolic link (to ?);")


def test_text_is_written_as_utf8_whatever_the_locale(tmp_path: Path) -> None:
    """A container's plain C locale (no UTF-8 mode) would make the default encoding
    ASCII and fail on "Søndergaard". Written here, then in a process with that locale,
    which imports the package from where this one did: it tests this very code."""
    here = tmp_path / "here.yaml"
    write_atomic(here, "name: Søndergaard A/S\n", overwrite=False)
    assert here.read_bytes() == "name: Søndergaard A/S\n".encode()
    target = tmp_path / "sondergaard.yaml"
    package_home = Path(kamtui.__file__).resolve().parent.parent
    env = {
        **os.environ,
        "LC_ALL": "C",
        "PYTHONCOERCECLOCALE": "0",
        "PYTHONUTF8": "0",
        "PYTHONPATH": str(package_home),
    }
    code = (
        "import sys; from pathlib import Path; from kamtui.core.editing.atomic_write import write_atomic;"
        "write_atomic(Path(sys.argv[1]), 'name: S\\u00f8ndergaard A/S\\n', overwrite=False)"
    )
    subprocess.run([sys.executable, "-c", code, str(target)], env=env, check=True)
    assert target.read_bytes() == "name: Søndergaard A/S\n".encode()


def test_a_failure_after_someone_removed_the_temp_file_reports_that_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cleaning up a temp file that is already gone must not hide the real error."""
    target = tmp_path / "acme.yaml"

    def temp_gone_then_disk_full(descriptor: int) -> None:
        for name in os.listdir(tmp_path):
            (tmp_path / name).unlink()
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_write.os, "fsync", temp_gone_then_disk_full)
    with pytest.raises(OSError) as raised:
        write_atomic(target, "name: Acme\n", overwrite=False)
    assert raised.value.errno == errno.ENOSPC
    assert os.listdir(tmp_path) == []


def test_parts_are_written_in_order_and_only_durable_writes_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    monkeypatch.setattr(atomic_write.os, "fsync", synced.append)
    target = tmp_path / "cache.bin"
    atomic_write.write_bytes_atomic(
        target, [b"ab", memoryview(b"\r\ncd")], overwrite=True, durable=False
    )
    assert (target.read_bytes(), synced) == (b"ab\r\ncd", [])
    write_atomic(target, "é\r\n", overwrite=True)
    assert (target.read_bytes(), len(synced)) == ("é\r\n".encode(), 1)
