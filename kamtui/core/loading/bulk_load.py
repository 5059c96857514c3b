"""Loading many account files at once: worker processes parse, the cache skips unchanged files.

Where the time goes (profiled on 10,000 generated 6 KB accounts, see bench/):
libyaml composing the node tree, with PyYAML resolving each scalar's tag in
Python, is two thirds of a file; building values from the nodes a sixth;
pydantic validation an eighth. Each file is independent, so a big folder is
parsed by a process pool, one worker per core. A worker sends each valid account
back as `account_codec` bytes (4 KB, decoded in 60 µs); a pickled account is
bigger and slower to load than its YAML is to validate again. The same bytes go
into the cache, so a warm load only reads, hashes and decodes.

The garbage collector is kept off during the load and what it built is frozen
after (`quiet_collector`, which gives the figures).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, redirect_stderr
from multiprocessing.context import BaseContext
from multiprocessing.pool import Pool
from pathlib import Path

from kamtui.core.account.account_file import LoadedFile, load_account_bytes, read_limited
from kamtui.core.account.integrity import settings_problems
from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.account.problem import Problem, display_path
from kamtui.core.loading.account_cache import AccountCache, content_key
from kamtui.core.loading.account_codec import decode_account, encode_account
from kamtui.core.loading.quiet_collector import collector_off, paused_for_a_load

Progress = Callable[[int, int], None]

# Below this many files to parse, starting worker processes costs more than it saves.
PARALLEL_FROM = 200
# Files per task sent to a worker: big enough to amortise the round trip, small
# enough that both workers stay busy to the end and progress moves smoothly.
CHUNK = 25


def load_account_files(
    root: Path,
    paths: Sequence[Path],
    settings: PortfolioSettings,
    *,
    use_cache: bool = False,
    progress: Progress | None = None,
) -> list[LoadedFile]:
    """Load these account files of the portfolio `settings` are of, in this order; the
    same result however they are loaded.

    The cache holds accounts valid in themselves: one that names a KPI the settings do
    not declare (kam.yaml changed since) is parsed again, for the place of the fault.
    """
    cache = AccountCache.for_folder(root) if use_cache else None
    files: list[LoadedFile | None] = [None] * len(paths)
    done = 0

    def finished(position: int, loaded: LoadedFile) -> None:
        nonlocal done
        files[position] = loaded
        done += 1
        if progress is not None:
            progress(done, len(paths))

    with paused_for_a_load():
        pending = list(enumerate(paths))
        if cache is not None and len(cache) > 0:  # an empty cache can only miss
            pending = []
            for position, path in enumerate(paths):
                data, error = read_limited(path)
                account = None if error is not None else cache.get(content_key(data))
                if account is None or settings_problems(account, settings):
                    # Parsed below, read again there: holding 10,000 files' bytes
                    # meanwhile would leave their memory to the process for good.
                    pending.append((position, path))
                else:
                    finished(position, LoadedFile(path, path.stem, account, []))
        parsed = _parse([path for _, path in pending], settings, encode=cache is not None)
        for (position, path), (key, blob, account, problems) in zip(pending, parsed, strict=True):
            finished(position, LoadedFile(path, path.stem, account, problems))
            if cache is not None and blob is not None:
                cache.put(key, blob)
    if cache is not None:
        cache.save()
    return [loaded for loaded in files if loaded is not None]


# Per file: the content key, the account as codec bytes, the account, its problems.
Parsed = tuple[bytes, bytes | None, Account | None, list[Problem]]


def _parse(paths: list[Path], settings: PortfolioSettings, *, encode: bool) -> Iterator[Parsed]:
    """Read and parse each file, in order; codec bytes when `encode` or parsed by a worker."""
    workers = _cores()
    pool = _pool(workers) if len(paths) >= PARALLEL_FROM and workers >= 2 else None
    if pool is None:
        for path in paths:
            key, account, problems = _parse_file(path, display_path(path), settings)
            blob = encode_account(account) if encode and account is not None else None
            yield key, blob, account, problems
        return
    tasks = (
        ([(path, display_path(path)) for path in paths[start : start + CHUNK]], settings)
        for start in range(0, len(paths), CHUNK)
    )
    with pool:
        for results in pool.imap(_parse_chunk, tasks):
            for key, blob, problems in results:
                account = None if blob is None else decode_account(blob)
                yield key, blob, account, problems


def _parse_chunk(
    task: tuple[list[tuple[Path, str]], PortfolioSettings],
) -> list[tuple[bytes, bytes | None, list[Problem]]]:
    """In a worker: the files' content keys, accounts as codec bytes (or None) and problems.

    The worker reads the files itself, so the bytes it parses are the bytes it keys.
    """
    chunk, settings = task
    results: list[tuple[bytes, bytes | None, list[Problem]]] = []
    for path, shown in chunk:
        key, account, problems = _parse_file(path, shown, settings)
        results.append((key, None if account is None else encode_account(account), problems))
    return results


def _parse_file(
    path: Path, shown: str, settings: PortfolioSettings
) -> tuple[bytes, Account | None, list[Problem]]:
    data, error = read_limited(path)
    if error is not None:
        return b"", None, [Problem(shown, 1, 1, error)]
    account, problems = load_account_bytes(data, shown, settings)
    return content_key(data), account, problems


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _pool(workers: int) -> Pool | None:
    """Worker processes, or None where they cannot be started (the files are parsed here then)."""
    try:
        with _real_stderr():
            return _context().Pool(workers, initializer=collector_off)
    except (OSError, ValueError):
        return None


def _context() -> BaseContext:
    """fork starts workers fastest, but is only safe on Linux with no other thread running.

    The TUI loads in a thread; there a fork server (which imports the loader once) is
    used, and, as with any non-fork start, the program's main module must keep its
    work under `if __name__ == "__main__":` (workers import it).
    """
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


@contextmanager
def _real_stderr() -> Iterator[None]:
    """The process's own stderr while helper processes start.

    Textual swaps sys.stderr for a capture whose fileno() is -1; multiprocessing's
    resource tracker hands that to the child it spawns, and the spawn fails.
    """
    try:
        invalid = sys.stderr.fileno() < 0
    except (AttributeError, OSError, ValueError):
        invalid = False  # the tracker skips a stderr without a file number
    if not invalid or sys.__stderr__ is None:
        yield
        return
    with redirect_stderr(sys.__stderr__):
        yield
