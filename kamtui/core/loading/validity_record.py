"""The warm check of `kamtui validate`: a folder unchanged since its last clean check is
not read again.

A check of a folder without errors is recorded: each account file's and the settings
file's stat (size, modification and change times in nanoseconds, inode, device) with
the warnings the check gave it. The next check lists the folder and stats each file;
when the same files are there with the same stats and the same code made the record
(`cache_files.format_key`), it reports the recorded warnings without reading a file,
decoding a cached account or importing pydantic and PyYAML. This module and what it
imports are light for that reason: a bare parse is the floor the bench measures
against, and at 1,000 accounts reading every file and decoding the cache was 0.22× of
it, importing pydantic alone 0.1× (bench/RESULTS.md has the figures now).

A check with errors is never recorded: its messages come from parsing, every time.

A stat is trusted only for a file changed well before the check began ("racily clean",
as git calls it): a file can be saved twice within one tick of the file system's clock
(2 s on FAT, a few milliseconds elsewhere) with the same size, and the second save
would keep the stat the record holds. So a record is written only when every file's
change time (which no tool can set back, unlike the modification time) is older than
`TRUSTED_AFTER_NS` before the check began, and when no file's stat moved while the
check read it; else the next check parses (from the account cache) and records.
"""

from __future__ import annotations

import marshal
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kamtui.core.account.problem import Problem, Severity, display_path
from kamtui.core.loading.account_discovery import account_files
from kamtui.core.loading.cache_files import read_checked, write_checked
from kamtui.core.loading.portfolio_root import settings_file

TRUSTED_AFTER_NS = 2_000_000_000
_SUFFIX = ".valid"

Stat = tuple[int, int, int, int, int]
# A recorded warning: line, column, message, severity.
Recorded = tuple[int, int, str, Severity]


@dataclass(frozen=True, slots=True)
class Checked:
    """What a check of a folder found: how many account files, how many of them with
    errors, and every problem."""

    files: int
    failed: int
    problems: list[Problem]


@dataclass(frozen=True, slots=True)
class FolderLook:
    """An account folder listed and stat'ed before a check reads it.

    `paths` and `folder_problems` are the listing (`account_discovery.account_files`);
    `recorded` is the last check's result when nothing has changed since, else None.
    """

    root: Path
    paths: list[Path]
    folder_problems: list[Problem]
    stats: dict[Path, Stat | None]
    began_ns: int
    recorded: Checked | None


def look(root: Path, *, now_ns: int | None = None) -> FolderLook:
    """List and stat the folder's files; the recorded check when none has changed."""
    began_ns = time.time_ns() if now_ns is None else now_ns
    paths, folder_problems = account_files(root)
    settings = settings_file(root)
    watched = paths if settings is None else [*paths, settings]
    stats = {path: _stat(path) for path in watched}
    recorded = None
    entries = _read_record(root)
    if entries is not None and len(entries) == len(stats):
        recorded = _recall(root, paths, folder_problems, stats, entries)
    return FolderLook(root, paths, folder_problems, stats, began_ns, recorded)


def remember(
    seen: FolderLook,
    problems_by_path: Mapping[Path, Sequence[Problem]],
    folder_problems: Sequence[Problem],
) -> None:
    """Record a check of the folder `seen` listed, when it found no error, read the files
    listed, and every file is as it was listed and old enough for its stat to be trusted.

    `problems_by_path` holds the problems of every account file the check read, under
    its path; `folder_problems` the others (the settings file's, the folder's).
    """
    if set(problems_by_path) != set(seen.paths):
        return
    found = [*folder_problems, *(p for each in problems_by_path.values() for p in each)]
    if any(problem.severity == "error" for problem in found):
        return
    trusted_before = seen.began_ns - TRUSTED_AFTER_NS
    entries: dict[str, tuple[Stat, tuple[Recorded, ...]]] = {}
    for path, name in _names(seen.root, seen.stats).items():
        before = seen.stats[path]
        if before is None or before[2] >= trusted_before or _stat(path) != before:
            return
        warnings = tuple(
            (p.line, p.column, p.message, p.severity) for p in problems_by_path.get(path, ())
        )
        entries[name] = (before, warnings)
    write_checked(seen.root, _SUFFIX, [marshal.dumps(entries)])


def _recall(
    root: Path,
    paths: list[Path],
    folder_problems: list[Problem],
    stats: dict[Path, Stat | None],
    entries: dict[str, tuple[Stat, tuple[Recorded, ...]]],
) -> Checked | None:
    problems = list(folder_problems)
    for path, name in _names(root, stats).items():
        entry = entries.get(name)
        if entry is None or tuple(entry[0]) != stats[path]:
            return None
        if entry[1]:
            shown = display_path(path)
            problems.extend(Problem(shown, *warning) for warning in entry[1])
    return Checked(len(paths), 0, problems)


def _names(root: Path, paths: Iterable[Path]) -> dict[Path, str]:
    """Each path's name relative to `root`, which it was listed under.

    Cut from the string: `Path.relative_to` took a third of a warm check at 10,000
    files. A path listed under `root` starts with `root`'s string and a separator, or,
    under `.`, is the rest alone (`Path("./a")` is `a`), which no prefix changes.
    """
    prefix = os.path.join(root, "")
    return {path: os.fspath(path).removeprefix(prefix) for path in paths}


def _stat(path: Path) -> Stat | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
        status.st_ino,
        status.st_dev,
    )


def _read_record(root: Path) -> dict[str, tuple[Stat, tuple[Recorded, ...]]] | None:
    """The record of this folder's last clean check; None when there is none whole, or
    it was made by other code."""
    body = read_checked(root, _SUFFIX)
    if body is None:
        return None
    entries: dict[str, tuple[Stat, tuple[Recorded, ...]]] = marshal.loads(body)
    return entries
