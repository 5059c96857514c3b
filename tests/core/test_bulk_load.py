"""Loading a folder with worker processes gives exactly what loading it file by file gives."""

from __future__ import annotations

import gc
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.gen import write_portfolio
from kamtui.core.account.account_file import load_account_file
from kamtui.core.account.model import PortfolioSettings
from kamtui.core.loading import bulk_load
from kamtui.core.loading.account_discovery import account_files
from kamtui.core.loading.loader import drop_duplicate_ids, load_folder, load_settings
from kamtui.core.loading.store import AccountStore
from tests.conftest import MINIMAL, REPO
from tests.core.bulk_folders import BROKEN, mixed_folder

pytestmark = pytest.mark.usefixtures("isolated_cache")


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use the pool even on a one-core machine."""
    monkeypatch.setattr(bulk_load, "_cores", lambda: 2)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mixed")
    mixed_folder(root)
    return root


def serial(root: Path) -> tuple[list[object], list[object]]:
    """The plain loader: one file after the other, in path order, under the folder's
    settings (the generated kam.yaml declares the offerings its accounts name)."""
    paths, problems = account_files(root)
    settings = load_settings(root)[0]
    files = [load_account_file(path, settings) for path in paths]
    drop_duplicate_ids(files)
    return files, problems + [p for loaded in files for p in loaded.problems]


@pytest.mark.parametrize("start", ["fork", "forkserver"])
def test_parallel_load_equals_serial_load(
    mixed: Path, two_cores: None, monkeypatch: pytest.MonkeyPatch, start: str
) -> None:
    if start not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {start} start method here")
    monkeypatch.setattr(bulk_load, "_context", lambda: multiprocessing.get_context(start))
    expected_files, expected_problems = serial(mixed)
    folder = load_folder(mixed)
    assert folder.files == expected_files
    assert folder.problems == expected_problems
    assert len(folder.accounts) == 300 + 1 - len(BROKEN)
    messages = [p.message for p in folder.problems]
    assert sum("duplicate account id" in message for message in messages) == 1
    assert len([p for p in folder.problems if "00033" in p.path]) == 3


def test_parallel_load_with_the_cache_equals_serial_load_cold_and_warm(
    mixed: Path, two_cores: None
) -> None:
    expected_files, expected_problems = serial(mixed)
    for _ in ("cold", "warm"):
        folder = load_folder(mixed, use_cache=True)
        assert folder.files == expected_files
        assert folder.problems == expected_problems


def test_small_folders_are_loaded_without_workers(
    tmp_path: Path, two_cores: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for index in range(bulk_load.PARALLEL_FROM - 1):
        (tmp_path / f"a{index:03d}.yaml").write_text(MINIMAL)

    def no_pool() -> object:
        raise AssertionError("a small folder started worker processes")

    monkeypatch.setattr(bulk_load, "_context", no_pool)
    assert len(load_folder(tmp_path).accounts) == bulk_load.PARALLEL_FROM - 1


def test_a_folder_of_parallel_from_files_is_parsed_by_one_worker_per_core(
    tmp_path: Path, two_cores: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for index in range(bulk_load.PARALLEL_FROM):
        (tmp_path / f"a{index:03d}.yaml").write_text(MINIMAL)
    started: list[tuple[tuple[object, ...], dict[str, object]]] = []
    fork = multiprocessing.get_context("fork")

    class Recording:
        def Pool(self, *args: object, **kwargs: object) -> object:
            started.append((args, kwargs))
            return fork.Pool(*args, **kwargs)

    monkeypatch.setattr(bulk_load, "_context", Recording)
    assert len(load_folder(tmp_path).accounts) == bulk_load.PARALLEL_FROM
    assert started == [((2,), {"initializer": bulk_load.collector_off})]
    monkeypatch.setattr(bulk_load, "_cores", lambda: 1)
    load_folder(tmp_path)
    assert len(started) == 1  # one core: no worker would run beside this process


def test_a_cold_load_reads_each_file_once(mixed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty cache is not asked: it could only miss, and every file would be read twice."""
    reads: list[Path] = []
    original = bulk_load.read_limited

    def counting(path: Path) -> tuple[bytes, str | None]:
        reads.append(path)
        return original(path)

    monkeypatch.setattr(bulk_load, "read_limited", counting)
    monkeypatch.setattr(bulk_load, "_cores", lambda: 1)
    load_folder(mixed, use_cache=True)
    assert len(reads) == len(set(reads)) == len(account_files(mixed)[0])


def test_progress_counts_every_file_once_in_order(mixed: Path, two_cores: None) -> None:
    seen: list[tuple[int, int]] = []
    store = AccountStore(mixed)
    store.load_all(lambda done, total: seen.append((done, total)))
    assert seen == [(done, 301) for done in range(1, 302)]


def test_the_collector_is_running_again_after_a_load(mixed: Path, two_cores: None) -> None:
    assert gc.isenabled()
    load_folder(mixed)
    assert gc.isenabled()


def test_a_thread_running_means_no_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk_load.threading, "active_count", lambda: 2)
    assert bulk_load._context().get_start_method() == "forkserver"


def test_fork_on_linux_alone_else_a_fork_server_else_spawn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bulk_load.threading, "active_count", lambda: 1)
    monkeypatch.setattr(bulk_load.sys, "platform", "linux")
    # By name: Python 3.14 makes the fork server the default on Linux too.
    assert bulk_load._context() is multiprocessing.get_context("fork")
    monkeypatch.setattr(bulk_load.sys, "platform", "darwin")
    assert bulk_load._context().get_start_method() == "forkserver"
    monkeypatch.setattr(bulk_load.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert bulk_load._context().get_start_method() == "spawn"


def test_cores_are_those_this_process_may_run_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk_load.os, "sched_getaffinity", lambda _pid: {0, 3, 5}, raising=False)
    assert bulk_load._cores() == 3
    monkeypatch.delattr(bulk_load.os, "sched_getaffinity")
    monkeypatch.setattr(bulk_load.os, "cpu_count", lambda: 6)
    assert bulk_load._cores() == 6
    monkeypatch.setattr(bulk_load.os, "cpu_count", lambda: None)  # unknown: one
    assert bulk_load._cores() == 1


def test_a_workers_chunk_gives_keys_codec_bytes_and_problems(tmp_path: Path) -> None:
    # What a worker does, run here: the parallel load's tests run it in other processes.
    # Valid with the settings the chunk comes with: they declare its custom KPI.
    good = tmp_path / "good.yaml"
    good.write_text(MINIMAL + "kpis: {otd: 0.9}\n")
    settings = PortfolioSettings.model_validate({"kpis": [{"id": "otd"}]})
    broken_text = MINIMAL.replace("product_fit: 4", "product_fit: 9")
    broken = tmp_path / "broken.yaml"
    broken.write_text(broken_text)
    gone = tmp_path / "gone.yaml"
    chunk = [(good, "good.yaml"), (broken, "b.yaml"), (gone, "g.yaml")]
    results = bulk_load._parse_chunk((chunk, settings))
    (
        (good_key, good_blob, good_problems),
        (broken_key, broken_blob, broken_problems),
        (
            _,
            gone_blob,
            gone_problems,
        ),
    ) = results
    assert good_key == bulk_load.content_key(good.read_bytes())
    assert good_blob is not None and good_problems == []
    assert bulk_load.decode_account(good_blob) == load_account_file(good, settings).account
    assert broken_key == bulk_load.content_key(broken_text.encode())
    assert broken_blob is None
    assert [(p.path, p.line, p.column) for p in broken_problems] == [("b.yaml", 6, 16)]
    assert gone_blob is None
    assert [(p.path, p.line, p.column) for p in gone_problems] == [("g.yaml", 1, 1)]


def test_no_cache_unless_asked(tmp_path: Path, isolated_cache: Path) -> None:
    (tmp_path / "acme.yaml").write_text(MINIMAL)
    [loaded] = bulk_load.load_account_files(tmp_path, [tmp_path / "acme.yaml"], PortfolioSettings())
    assert loaded.account is not None
    assert not isolated_cache.exists() or not any(isolated_cache.iterdir())


def test_where_no_worker_can_start_the_files_are_parsed_here(
    mixed: Path, two_cores: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    class NoProcesses:
        def Pool(self, *args: object, **kwargs: object) -> None:
            raise OSError("no processes here")

    monkeypatch.setattr(bulk_load, "_context", NoProcesses)
    expected_files, _ = serial(mixed)
    assert load_folder(mixed).files == expected_files


PARALLEL_UNDER_TEXTUAL = """
import sys, threading
from pathlib import Path
from bench.gen import write_portfolio
from kamtui.core.loading import bulk_load
from kamtui.core.loading.loader import load_folder

class Capture:  # what Textual puts in sys.stderr while an app runs
    def write(self, text): return len(text)
    def flush(self): pass
    def fileno(self): return -1

started = []
def pool(workers):
    started.append(original(workers))
    return started[-1]

if __name__ == "__main__":
    original = bulk_load._pool
    bulk_load._pool = pool
    bulk_load._cores = lambda: 2
    sys.stderr = Capture()
    found = []
    loader = threading.Thread(target=lambda: found.append(load_folder(Path(sys.argv[1]))))
    loader.start()
    loader.join()
    assert started and started[0] is not None, "no worker processes"
    print(len(found[0].accounts))
"""


def test_workers_start_from_a_thread_while_stderr_has_no_file_number(
    tmp_path: Path,
) -> None:
    root = tmp_path / "accounts"
    write_portfolio(bulk_load.PARALLEL_FROM, root, seed=5)
    script = tmp_path / "load_in_a_thread.py"
    script.write_text(PARALLEL_UNDER_TEXTUAL)
    result = subprocess.run(
        [sys.executable, str(script), str(root)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(bulk_load.PARALLEL_FROM)
