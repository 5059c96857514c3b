"""The portfolio in memory: every account file by path, reloaded one file at a time.

The TUI's watcher only tells the store which paths changed; the store re-reads
just those and says which accounts were added, changed or removed. A file saved
broken keeps its last good account, marked stale, until it is fixed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from kamtui.core.bulk_load import Progress, load_account_files
from kamtui.core.loader import (
    ACCOUNT_SUFFIXES,
    SETTINGS_NAMES,
    LoadedFile,
    Problem,
    account_files,
    display_path,
    duplicate_id_problem,
    load_account_file,
    load_settings,
)
from kamtui.core.model import Account, PortfolioSettings

__all__ = ["AccountStore", "Entry", "Progress", "StoreChange"]


@dataclass(slots=True)
class Entry:
    """What the store knows of one account file."""

    path: Path
    account_id: str
    account: Account | None
    problems: list[Problem] = field(default_factory=list)
    # True when the file on disk is broken and `account` is its last good version.
    stale: bool = False
    duplicate_of: Path | None = None

    @property
    def valid(self) -> bool:
        return self.account is not None and not self.problems and self.duplicate_of is None


@dataclass(frozen=True, slots=True)
class StoreChange:
    """Account ids touched by a reload; `settings` when kam.yaml changed (every figure moves)."""

    added: frozenset[str] = frozenset()
    changed: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    settings: bool = False

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed or self.settings)


class AccountStore:
    def __init__(self, root: Path, *, use_cache: bool = False) -> None:
        """`use_cache`: whole-folder loads reuse the accounts of unchanged files (`account_cache`)."""
        # Absolute, as the folder watcher reports paths: `kamtui -d accounts.example` would
        # otherwise key its files by relative paths and ignore every change it is told of.
        self.root = root.absolute()
        self.use_cache = use_cache
        self.entries: dict[Path, Entry] = {}
        # Account id → the paths of its files (more than one: duplicates), so that a
        # reload touches only the ids it changed, not every entry (10,000 of them).
        self._paths_of: dict[str, set[Path]] = {}
        # What accounts() returns, kept in id order across reloads (sorting 10,000 is 10 ms).
        self._shown: dict[str, Account] | None = None
        self.settings = PortfolioSettings()
        self.settings_problems: list[Problem] = []
        self.folder_problems: list[Problem] = []

    def load_all(self, progress: Progress | None = None) -> StoreChange:
        """(Re)load the whole folder; the change compares with what was there before."""
        before = {entry.account_id: entry for entry in self.entries.values()}
        self.settings, self.settings_problems = load_settings(self.root)
        self._shown = None
        if not self.root.is_dir():
            self.entries = {}
            self._paths_of = {}
            self.folder_problems = [
                Problem(display_path(self.root), 1, 1, "the account folder does not exist")
            ]
            return StoreChange(removed=frozenset(before), settings=True)
        paths, self.folder_problems = account_files(self.root)
        files = load_account_files(self.root, paths, use_cache=self.use_cache, progress=progress)
        self.entries = {}
        self._paths_of = {}
        for file in files:
            self._put(self._entry(file))
        self._settle(self._paths_of)
        after = {entry.account_id: entry for entry in self.entries.values()}
        return StoreChange(
            added=frozenset(after.keys() - before.keys()),
            removed=frozenset(before.keys() - after.keys()),
            changed=frozenset(
                key for key in after.keys() & before.keys() if after[key] != before[key]
            ),
            settings=True,
        )

    def reload(self, paths: Iterable[Path]) -> StoreChange:
        """Re-read only the given paths (files or folders, created, changed or deleted)."""
        if not self.root.is_dir():
            return self.load_all()
        added: set[str] = set()
        changed: set[str] = set()
        removed: set[str] = set()
        settings = False
        for path in dict.fromkeys(paths):
            if path.parent == self.root and path.name in SETTINGS_NAMES:
                self.settings, self.settings_problems = load_settings(self.root)
                settings = True
            elif path.is_dir():
                present = account_files(path, within=self.root)[0]
                # A folder deleted and made again may be reported as the folder alone.
                listed = set(present)
                for gone in self._under(path):
                    if gone not in listed:
                        removed.add(self._drop(gone))
                for file in present:
                    self._reload_file(file, added, changed)
            elif path.exists():
                if self._is_account_path(path):
                    self._reload_file(path, added, changed)
            else:
                for gone in [path] if path in self.entries else self._under(path):
                    removed.add(self._drop(gone))
        self._settle(added | changed | removed)
        gone_for_good = {account_id for account_id in removed if account_id not in self._paths_of}
        # Removed from one path and added at another (moved to another folder): changed.
        moved = (added & removed) - gone_for_good
        return StoreChange(
            added=frozenset(added - removed),
            changed=frozenset(changed | moved),
            removed=frozenset(gone_for_good),
            settings=settings,
        )

    def accounts(self) -> dict[str, Account]:
        """Accounts to show and count, by id: valid ones and the last good version of broken ones."""
        return dict(self.accounts_view())

    def accounts_view(self) -> Mapping[str, Account]:
        """`accounts()` without the copy (0.2 ms at 10,000): read-only, and only until the
        next reload, which may change it in place.
        """
        if self._shown is None:
            shown = {
                entry.account_id: entry.account
                for entry in self.entries.values()
                if entry.account is not None and entry.duplicate_of is None
            }
            self._shown = dict(sorted(shown.items()))
        return MappingProxyType(self._shown)

    def problems(self) -> list[Problem]:
        found = [*self.folder_problems, *self.settings_problems]
        for entry in self.entries.values():
            found.extend(entry.problems)
            if entry.duplicate_of is not None:
                found.append(duplicate_id_problem(entry.path, entry.account_id, entry.duplicate_of))
        return found

    def account(self, account_id: str) -> Account | None:
        """What accounts() shows for this id, without building accounts()."""
        entry = self.entry_for(account_id)
        return entry.account if entry is not None else None

    def entry_for(self, account_id: str) -> Entry | None:
        for path in self._paths_of.get(account_id, ()):
            entry = self.entries[path]
            if entry.duplicate_of is None:
                return entry
        return None

    def _is_account_path(self, path: Path) -> bool:
        if path.suffix not in ACCOUNT_SUFFIXES:
            return False
        if path.parent == self.root and path.name in SETTINGS_NAMES:
            return False
        try:
            relative = path.relative_to(self.root)
        except ValueError:
            return False
        return not any(part.startswith(".") for part in relative.parts)

    def _reload_file(self, path: Path, added: set[str], changed: set[str]) -> None:
        previous = self.entries.get(path)
        entry = self._entry(load_account_file(path, self.root), previous)
        self._put(entry)
        (changed if previous is not None else added).add(entry.account_id)

    def _put(self, entry: Entry) -> None:
        self.entries[entry.path] = entry
        self._paths_of.setdefault(entry.account_id, set()).add(entry.path)

    def _drop(self, path: Path) -> str:
        """Forget the file at `path`; its account id."""
        account_id = self.entries.pop(path).account_id
        paths = self._paths_of[account_id]
        paths.discard(path)
        if not paths:
            del self._paths_of[account_id]
        return account_id

    def _under(self, folder: Path) -> list[Path]:
        """Known files inside `folder`, by text: Path.is_relative_to is 20 ms per 10,000."""
        prefix = os.path.join(folder, "")
        return [path for path in self.entries if str(path).startswith(prefix)]

    @staticmethod
    def _entry(loaded: LoadedFile, previous: Entry | None = None) -> Entry:
        if loaded.account is None and previous is not None and previous.account is not None:
            return Entry(
                loaded.path, loaded.account_id, previous.account, loaded.problems, stale=True
            )
        return Entry(loaded.path, loaded.account_id, loaded.account, loaded.problems)

    def _settle(self, account_ids: Iterable[str]) -> None:
        """Decide again who owns each of these ids, and what accounts() shows for them.

        Of the files of an id, all but the first in path order are duplicates.
        """
        for account_id in account_ids:
            paths = sorted(self._paths_of.get(account_id, ()))
            for path in paths:
                self.entries[path].duplicate_of = None if path == paths[0] else paths[0]
            if self._shown is None:
                continue
            owner = self.entries[paths[0]] if paths else None
            if owner is None or owner.account is None:
                self._shown.pop(account_id, None)
            elif account_id in self._shown:
                self._shown[account_id] = owner.account
            else:
                self._shown = None  # a new id: its place in id order is found on demand
