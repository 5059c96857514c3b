"""The cache of validated accounts never serves what the files no longer say."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.gen import write_portfolio
from kamtui.core.account.account_file import load_account_bytes
from kamtui.core.account.model import PortfolioSettings
from kamtui.core.loading import bulk_load, cache_files
from kamtui.core.loading.account_cache import AccountCache
from kamtui.core.loading.account_codec import encode_account
from kamtui.core.loading.cache_files import cache_dir
from kamtui.core.loading.loader import load_folder
from kamtui.core.loading.store import AccountStore
from tests.conftest import MINIMAL, REPO

pytestmark = pytest.mark.usefixtures("isolated_cache")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "accounts"
    folder.mkdir()
    (folder / "acme.yaml").write_text(MINIMAL)
    (folder / "globex.yaml").write_text(MINIMAL.replace("Acme Corp", "Globex"))
    return folder


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files parsed from YAML (cache misses) during the test."""
    names: list[str] = []
    original = bulk_load.load_account_bytes

    def counting(data: bytes, path: str, settings: PortfolioSettings) -> object:
        names.append(Path(path).name)
        return original(data, path, settings)

    monkeypatch.setattr(bulk_load, "load_account_bytes", counting)
    return names


def cache_file() -> Path:
    (found,) = cache_dir().glob("*.cache")
    return found


def test_a_warm_load_parses_nothing_and_gives_the_same_accounts(
    root: Path, parsed: list[str]
) -> None:
    cold = load_folder(root, use_cache=True)
    assert sorted(parsed) == ["acme.yaml", "globex.yaml"]
    parsed.clear()
    warm = load_folder(root, use_cache=True)
    assert parsed == []
    assert warm.files == cold.files


def test_without_the_cache_nothing_is_read_or_written(root: Path, parsed: list[str]) -> None:
    load_folder(root, use_cache=True)
    parsed.clear()
    load_folder(root)
    assert sorted(parsed) == ["acme.yaml", "globex.yaml"]
    assert len(list(cache_dir().iterdir())) == 1


def test_changed_bytes_with_the_same_size_and_time_miss(root: Path, parsed: list[str]) -> None:
    load_folder(root, use_cache=True)
    path = root / "acme.yaml"
    before = path.stat()
    path.write_text(MINIMAL.replace("Acme Corp", "Acme Inc."))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    parsed.clear()
    folder = load_folder(root, use_cache=True)
    assert parsed == ["acme.yaml"]
    assert folder.accounts["acme"].name == "Acme Inc."


def test_an_edited_file_is_cached_again_for_the_next_load(root: Path, parsed: list[str]) -> None:
    """As many entries after the edit as before: the new one must still be written."""
    load_folder(root, use_cache=True)
    (root / "acme.yaml").write_text(MINIMAL.replace("Acme Corp", "Acme Inc."))
    load_folder(root, use_cache=True)
    parsed.clear()
    folder = load_folder(root, use_cache=True)
    assert parsed == []
    assert folder.accounts["acme"].name == "Acme Inc."


def test_entries_of_removed_files_are_dropped(root: Path) -> None:
    load_folder(root, use_cache=True)
    (root / "globex.yaml").unlink()
    load_folder(root, use_cache=True)
    assert len(AccountCache.for_folder(root)) == 1


def test_files_with_problems_are_parsed_every_time(root: Path, parsed: list[str]) -> None:
    (root / "broken.yaml").write_text(MINIMAL + "oops: [\n")
    first = load_folder(root, use_cache=True).problems
    parsed.clear()
    second = load_folder(root, use_cache=True).problems
    assert parsed == ["broken.yaml"]
    assert second == first and len(first) == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"not a cache at all",
        lambda data: data[: len(data) // 2],
        lambda data: data[:-40] + bytes(40),
        lambda data: data[:60] + bytes([data[60] ^ 1]) + data[61:],
    ],
    ids=["empty", "garbage", "truncated", "zeroed-tail", "flipped-bit"],
)
def test_a_corrupt_cache_is_silently_rebuilt(root: Path, parsed: list[str], damage) -> None:
    expected = load_folder(root, use_cache=True).files
    path = cache_file()
    path.write_bytes(damage(path.read_bytes()))
    parsed.clear()
    assert load_folder(root, use_cache=True).files == expected
    assert sorted(parsed) == ["acme.yaml", "globex.yaml"]
    parsed.clear()
    assert load_folder(root, use_cache=True).files == expected
    assert parsed == []


def test_a_new_format_key_invalidates_every_entry(
    root: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_folder(root, use_cache=True)
    monkeypatch.setattr(cache_files, "format_key", lambda: b"another model ..")
    parsed.clear()
    load_folder(root, use_cache=True)
    assert sorted(parsed) == ["acme.yaml", "globex.yaml"]
    parsed.clear()
    load_folder(root, use_cache=True)
    assert parsed == []


def core_imports(module: str) -> set[str]:
    """The kamtui.core modules `module` imports, and theirs, read from the source."""
    import ast
    import importlib

    seen: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        source = Path(importlib.import_module(name).__file__ or "").read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kamtui.core"):
                assert node.module is not None
                if node.module == "kamtui.core":
                    todo.extend(f"kamtui.core.{alias.name}" for alias in node.names)
                else:
                    todo.append(node.module)
    return seen


def test_the_format_key_covers_every_module_a_check_goes_through() -> None:
    """A cached account or a recorded check is what loading gives only while none of the
    code that loads and checks changed: every core module a check of a folder imports is
    in the key (the reference and cycle checks, the YAML reader, the model, the loader...)."""
    needed = core_imports("kamtui.core.loading.folder_check")
    assert needed <= set(cache_files.FORMAT_MODULES), sorted(
        needed - set(cache_files.FORMAT_MODULES)
    )
    assert len(cache_files.format_key()) == 16


def test_every_format_module_and_library_moves_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each module's source is in the key, and each validating library's package file:
    one changed byte in a module, or a library installed afresh, changes it."""
    before = cache_files.format_key()
    real_read = Path.read_bytes
    for module in cache_files.FORMAT_MODULES:
        changed = Path(importlib.import_module(module).__file__ or "")

        def read(path: Path, target: Path = changed) -> bytes:
            data = real_read(path)
            return data + b"#" if path == target else data

        monkeypatch.setattr(Path, "read_bytes", read)
        cache_files.format_key.cache_clear()
        assert cache_files.format_key() != before, module
        monkeypatch.setattr(Path, "read_bytes", real_read)
    real_stat = os.stat
    for package in cache_files.FORMAT_PACKAGES:
        installed = importlib.import_module(package).__file__

        def reinstalled(path: object, target: object = installed) -> os.stat_result:
            status = real_stat(path)  # type: ignore[arg-type]
            if path != target:
                return status
            fields = list(status)
            fields[8] += 1  # st_mtime
            return os.stat_result(fields)

        monkeypatch.setattr(os, "stat", reinstalled)
        cache_files.format_key.cache_clear()
        assert cache_files.format_key() != before, package
        monkeypatch.setattr(os, "stat", real_stat)
    cache_files.format_key.cache_clear()
    assert cache_files.format_key() == before


def test_a_validating_library_that_is_not_installed_is_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cache_files, "FORMAT_PACKAGES", ("pydantic", "no_such_library"))
    cache_files.format_key.cache_clear()
    with pytest.raises(ImportError, match=r"^no_such_library is not installed$"):
        cache_files.format_key()
    cache_files.format_key.cache_clear()


def test_two_writers_leave_one_whole_cache(root: Path) -> None:
    acme, _ = load_account_bytes(MINIMAL.encode(), "a.yaml", PortfolioSettings())
    assert acme is not None
    first = AccountCache.for_folder(root)
    second = AccountCache.for_folder(root)
    first.put(b"1" * 16, encode_account(acme))
    second.put(b"2" * 16, encode_account(acme))
    second.put(b"3" * 16, encode_account(acme))
    first.save()
    second.save()
    assert len(AccountCache.for_folder(root)) == 2
    assert [path.name for path in cache_dir().iterdir()] == [cache_file().name]


def test_two_processes_loading_at_once(tmp_path: Path) -> None:
    root = tmp_path / "many"
    write_portfolio(60, root, seed=11)
    expected = load_folder(root).files
    script = (
        "import sys; from pathlib import Path; from kamtui.core.loading.loader import load_folder\n"
        "for _ in range(5): assert len(load_folder(Path(sys.argv[1]), use_cache=True).accounts) == 60"
    )
    environment = {**os.environ, "KAMTUI_CACHE_DIR": str(cache_dir())}
    runs = [
        subprocess.Popen([sys.executable, "-c", script, str(root)], cwd=REPO, env=environment)
        for _ in range(2)
    ]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    assert len(AccountCache.for_folder(root)) == 60
    assert load_folder(root, use_cache=True).files == expected
    assert [path.suffix for path in cache_dir().iterdir()] == [".cache"]


def test_a_cache_folder_that_cannot_be_written_is_skipped(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("KAMTUI_CACHE_DIR", str(blocker / "cache"))
    assert list(load_folder(root, use_cache=True).accounts) == ["acme", "globex"]


def test_a_cache_folder_is_made_however_deep(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parsed: list[str]
) -> None:
    monkeypatch.setenv("KAMTUI_CACHE_DIR", str(tmp_path / "no" / "such" / "cache"))
    load_folder(root, use_cache=True)
    parsed.clear()
    load_folder(root, use_cache=True)
    assert parsed == []
    assert cache_file().parent == tmp_path / "no" / "such" / "cache"


def test_the_cache_is_written_through_a_hidden_temp_file_beside_it(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beside it: a rename within one file system is atomic (from /tmp it may fail)."""
    renamed: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def recording_replace(source: str, target: Path) -> None:
        renamed.append((Path(source), Path(target)))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", recording_replace)
    load_folder(root, use_cache=True)
    [(temp, final)] = renamed
    assert final == cache_file() and temp.parent == final.parent
    assert temp.name.startswith(f".{final.name}.")


def test_a_failed_rename_whose_temp_file_is_gone_still_loads(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process may clean the folder between the write and the rename."""

    def temp_gone_then_failing(source: str, target: Path) -> None:
        Path(source).unlink()
        raise OSError("rename failed")

    monkeypatch.setattr(os, "replace", temp_gone_then_failing)
    assert list(load_folder(root, use_cache=True).accounts) == ["acme", "globex"]
    assert list(cache_dir().iterdir()) == []


def test_a_warm_load_with_nothing_changed_writes_nothing(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_folder(root, use_cache=True)
    written: list[str] = []
    monkeypatch.setattr(os, "replace", lambda source, target: written.append(source))
    load_folder(root, use_cache=True)
    assert written == []


def test_each_folder_has_its_own_cache(root: Path, tmp_path: Path, parsed: list[str]) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "initech.yaml").write_text(MINIMAL.replace("Acme Corp", "Initech"))
    load_folder(root, use_cache=True)
    load_folder(other, use_cache=True)
    parsed.clear()
    load_folder(root, use_cache=True)
    load_folder(other, use_cache=True)
    assert parsed == []
    assert len(list(cache_dir().glob("*.cache"))) == 2


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_CACHE_HOME is where Linux keeps caches")
def test_the_cache_lives_in_the_users_cache_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KAMTUI_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "kamtui"


def test_the_store_loads_through_the_cache(root: Path, parsed: list[str]) -> None:
    AccountStore(root, use_cache=True).load_all()
    parsed.clear()
    store = AccountStore(root, use_cache=True)
    assert store.load_all().added == {"acme", "globex"}
    assert parsed == []


def test_an_edit_far_down_a_big_file_is_never_served_stale(root: Path, parsed: list[str]) -> None:
    """The cache key is the whole file: an edit past the first blocks is a new entry."""
    big = root / "acme.yaml"
    notes = "notes: |\n" + "".join(f"  line {n} of a long note\n" for n in range(1000))
    big.write_text(MINIMAL + notes + "owner: Dana\n", encoding="utf-8")
    assert big.stat().st_size > 16 * 1024
    assert load_folder(root, use_cache=True).accounts["acme"].owner == "Dana"
    big.write_text(MINIMAL + notes + "owner: Kim\n", encoding="utf-8")
    parsed.clear()
    assert load_folder(root, use_cache=True).accounts["acme"].owner == "Kim"
    assert parsed == ["acme.yaml"]


def test_a_write_prunes_the_caches_of_folders_that_are_gone(root: Path, tmp_path: Path) -> None:
    gone = tmp_path / "old-checkout"
    gone.mkdir()
    (gone / "acme.yaml").write_text(MINIMAL)
    load_folder(gone, use_cache=True)
    load_folder(root, use_cache=True)
    assert len(list(cache_dir().glob("folder-*.cache"))) == 2
    [gone_cache] = [
        path
        for path in cache_dir().glob("folder-*.cache")
        if cache_files.folder_of(path) == os.fsencode(gone.resolve())
    ]
    stranger = cache_dir() / "folder-stranger.cache"
    stranger.write_bytes(b"not a kamtui cache")
    unrelated = cache_dir() / "notes.txt"
    unrelated.write_text("kept")
    for path in gone.iterdir():
        path.unlink()
    gone.rmdir()
    (root / "initech.yaml").write_text(MINIMAL.replace("Acme Corp", "Initech"))
    load_folder(root, use_cache=True)  # a new account: the cache is written
    assert not gone_cache.exists() and not stranger.exists()
    assert unrelated.exists()
    [kept] = cache_dir().glob("folder-*.cache")
    assert cache_files.folder_of(kept) == os.fsencode(root.resolve())
    assert len(AccountCache.for_folder(root)) == 3


def test_a_cache_file_names_its_folder_before_the_format(root: Path) -> None:
    load_folder(root, use_cache=True)
    [path] = cache_dir().glob("folder-*.cache")
    folder = os.fsencode(root.resolve())
    data = path.read_bytes()
    assert data.startswith(
        b"kamtui accounts cache 2\n" + len(folder).to_bytes(4, "little") + folder
    )
    path.write_bytes(data[:20])
    assert cache_files.folder_of(path) is None
    # The whole magic but not the whole length that follows it.
    path.write_bytes(data[: len(b"kamtui accounts cache 2\n") + 3])
    assert cache_files.folder_of(path) is None
    assert cache_files.folder_of(root / "missing.cache") is None


def test_a_cache_of_another_layout_names_no_folder_even_when_it_looks_like_one(
    root: Path,
) -> None:
    """An older kamtui's cache file is pruned, never read for a folder it may not name."""
    folder = os.fsencode(root.resolve())
    older = cache_dir() / "folder-older.cache"
    older.parent.mkdir(parents=True, exist_ok=True)
    older.write_bytes(b"kamtui accounts cache 1\n" + len(folder).to_bytes(4, "little") + folder)
    assert cache_files.folder_of(older) is None
    (root / "initech.yaml").write_text(MINIMAL.replace("Acme Corp", "Initech"))
    load_folder(root, use_cache=True)
    assert not older.exists()


def test_the_cache_is_written_without_waiting_for_the_disk(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lost cache is only rebuilt: syncing a few MB would cost a warm start more."""
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    load_folder(root, use_cache=True)
    assert cache_file().exists() and synced == []


def test_a_cache_file_that_cannot_be_removed_is_left_for_the_next_write(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stranger = cache_dir() / "folder-stranger.cache"
    stranger.parent.mkdir(parents=True, exist_ok=True)
    stranger.write_bytes(b"not a kamtui cache")
    original = Path.unlink

    def refuse_stranger(path: Path, missing_ok: bool = False) -> None:
        if path == stranger:
            raise PermissionError(13, "Permission denied", str(path))
        original(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse_stranger)
    assert len(load_folder(root, use_cache=True).accounts) == 2
    assert stranger.exists() and len(AccountCache.for_folder(root)) == 2
