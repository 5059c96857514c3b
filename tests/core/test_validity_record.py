"""The warm check: a folder unchanged since its last clean check is not read again, and
any change, however small or quick, makes the check read the files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kamtui.core.account.problem import Problem
from kamtui.core.loading import cache_files, folder_check
from kamtui.core.loading.cache_files import cache_dir
from kamtui.core.loading.validity_record import TRUSTED_AFTER_NS, Checked, FolderLook, look
from tests.conftest import MINIMAL

SECOND = 1_000_000_000
UNSCORED = MINIMAL.replace("strategic_value: 2", "strategic_value:")


def no_stdin() -> tuple[bytes, Problem | None]:
    raise AssertionError("standard input is not read")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "accounts"
    (folder / "emea").mkdir(parents=True)
    (folder / "kam.yaml").write_text("weights: {}\n")
    (folder / "acme.yaml").write_text(MINIMAL)
    (folder / "emea" / "globex.yaml").write_text(UNSCORED.replace("Acme Corp", "Globex"))
    return folder


def latest_change(root: Path) -> int:
    return max(path.stat().st_ctime_ns for path in root.rglob("*") if path.is_file())


def later(root: Path) -> int:
    """A moment at which every file of `root` is old enough for its stat to be trusted."""
    return latest_change(root) + TRUSTED_AFTER_NS + SECOND


def checked(root: Path, now_ns: int) -> tuple[FolderLook, Checked]:
    """Look, then check as `kamtui validate` does when the look recalls nothing."""
    seen = look(root, now_ns=now_ns)
    result = folder_check.check([root], use_cache=True, read_stdin=no_stdin, seen=seen)
    return seen, result


def test_a_clean_check_is_recalled_with_its_warnings(root: Path) -> None:
    first, result = checked(root, later(root))
    assert first.recorded is None
    assert result.files == 2 and result.failed == 0
    [warning] = result.problems
    assert warning.severity == "warning" and "strategic_value" in warning.message
    again = look(root, now_ns=later(root))
    assert again.recorded == result


def test_a_recall_reads_no_account_file(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked(root, later(root))
    real_open = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        assert not os.fspath(path).endswith(".yaml"), path  # type: ignore[arg-type]
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    real_read = Path.read_bytes

    def refuse_accounts(path: Path) -> bytes:
        assert path.suffix != ".yaml", path
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", refuse_accounts)
    assert look(root, now_ns=later(root)).recorded is not None


def test_warnings_are_named_from_the_current_folder(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record holds paths inside the folder: from another folder, or with the folder
    given as `.`, the same warning names the file as a person would type it there."""
    _, result = checked(root, later(root))
    monkeypatch.chdir(root.parent)
    [from_above] = look(root, now_ns=later(root)).recorded.problems  # type: ignore[union-attr]
    assert from_above.path == os.path.join("accounts", "emea", "globex.yaml")
    monkeypatch.chdir(cache_dir())
    [from_outside] = look(root, now_ns=later(root)).recorded.problems  # type: ignore[union-attr]
    assert from_outside.path == str(root / "emea" / "globex.yaml")
    monkeypatch.chdir(root)
    [from_inside] = look(Path("."), now_ns=later(root)).recorded.problems  # type: ignore[union-attr]
    assert from_inside.path == os.path.join("emea", "globex.yaml")
    assert from_inside.line == result.problems[0].line


def edit_same_size(root: Path) -> None:
    """The same number of bytes, the modification time set back: only the change time
    and the bytes differ."""
    path = root / "acme.yaml"
    before = path.stat()
    path.write_text(MINIMAL.replace("product_fit: 4", "product_fit: 6"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(edit_same_size, id="same-size-edit-with-the-time-set-back"),
        pytest.param(
            lambda root: (root / "acme.yaml").write_text(MINIMAL + "owner: Kim\n"),
            id="edit",
        ),
        pytest.param(lambda root: (root / "new.yaml").write_text(MINIMAL), id="new-file"),
        pytest.param(lambda root: (root / "acme.yaml").unlink(), id="removed-file"),
        pytest.param(
            lambda root: (root / "acme.yaml").rename(root / "emea" / "acme.yaml"),
            id="moved-file",
        ),
        pytest.param(
            lambda root: (root / "kam.yaml").write_text("weights: {revenue_volume: 5}\n"),
            id="settings-edit",
        ),
        pytest.param(lambda root: (root / "kam.yaml").unlink(), id="settings-removed"),
        pytest.param(
            lambda root: (root / "emea" / "kam.yml").write_text(""),
            id="subfolder-becomes-a-portfolio",
        ),
    ],
)
def test_any_change_makes_the_check_read_again(root: Path, change) -> None:  # type: ignore[no-untyped-def]
    checked(root, later(root))
    change(root)
    assert look(root, now_ns=later(root)).recorded is None


def test_settings_added_where_there_were_none(root: Path) -> None:
    (root / "kam.yaml").unlink()
    checked(root, later(root))
    assert look(root, now_ns=later(root)).recorded is not None
    (root / "kam.yml").write_text("weights: {}\n")
    assert look(root, now_ns=later(root)).recorded is None


def test_a_file_changed_just_before_the_check_is_not_trusted_by_its_stat(root: Path) -> None:
    """A second save within one tick of the file system's clock could keep size and
    times: a record is written only once every file changed more than TRUSTED_AFTER_NS
    before the check began."""
    at_the_limit = latest_change(root) + TRUSTED_AFTER_NS
    checked(root, at_the_limit)
    assert look(root, now_ns=later(root)).recorded is None
    checked(root, at_the_limit + 1)
    assert look(root, now_ns=later(root)).recorded is not None


def test_the_record_is_written_without_waiting_for_the_disk(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lost record only means one more check that reads: a sync would cost more."""
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    checked(root, later(root))
    assert list(cache_dir().glob("*.valid")) and synced == []


def test_a_file_changed_while_the_check_read_it_is_not_recorded(root: Path) -> None:
    seen = look(root, now_ns=later(root))
    (root / "acme.yaml").write_text(MINIMAL + "owner: Kim\n")
    folder_check.check([root], use_cache=True, read_stdin=no_stdin, seen=seen)
    assert look(root, now_ns=later(root)).recorded is None


def test_a_check_with_an_error_is_never_recorded(root: Path) -> None:
    (root / "bad.yaml").write_text(MINIMAL.replace("product_fit: 4", "product_fit: 6"))
    checked(root, later(root))
    assert look(root, now_ns=later(root)).recorded is None
    assert not list(cache_dir().glob("*.valid"))


def test_invalid_settings_are_never_recorded(root: Path) -> None:
    (root / "kam.yaml").write_text("weights: {revenue_volume: many}\n")
    _, result = checked(root, later(root))
    assert result.problems[0].path.endswith("kam.yaml")
    assert look(root, now_ns=later(root)).recorded is None


def test_folder_warnings_are_found_afresh_at_each_look(root: Path) -> None:
    nested = root / "partner"
    nested.mkdir()
    (nested / "kam.yaml").write_text("")
    (nested / "initech.yaml").write_text(MINIMAL)
    _, result = checked(root, later(root))
    recalled = look(root, now_ns=later(root)).recorded
    assert recalled is not None and recalled == result
    assert any("a portfolio of its own" in p.message for p in recalled.problems)


def test_a_record_made_by_other_code_is_not_trusted(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked(root, later(root))
    monkeypatch.setattr(cache_files, "format_key", lambda: b"another kamtui..")
    assert look(root, now_ns=later(root)).recorded is None


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[:-1], id="cut"),
        pytest.param(lambda data: data[:-3] + bytes([data[-3] ^ 1]) + data[-2:], id="one-bit"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
def test_a_damaged_record_is_not_trusted(root: Path, damage) -> None:  # type: ignore[no-untyped-def]
    checked(root, later(root))
    [record] = cache_dir().glob("*.valid")
    record.write_bytes(damage(record.read_bytes()))
    assert look(root, now_ns=later(root)).recorded is None
    checked(root, later(root))
    assert look(root, now_ns=later(root)).recorded is not None


def test_a_record_names_its_folder_and_goes_with_it(root: Path, tmp_path: Path) -> None:
    gone = tmp_path / "old-checkout"
    gone.mkdir()
    (gone / "acme.yaml").write_text(MINIMAL)
    checked(gone, later(gone))
    [record] = cache_dir().glob("*.valid")
    assert cache_files.folder_of(record) == os.fsencode(gone.resolve())
    (gone / "acme.yaml").unlink()
    gone.rmdir()
    checked(root, later(root))
    assert [cache_files.folder_of(path) for path in cache_dir().glob("*.valid")] == [
        os.fsencode(root.resolve())
    ]
