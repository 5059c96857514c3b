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

from kamtui.core.account.account_file import LoadedFile, load_account_file
from kamtui.core.account.integrity import validity_key
from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.account.problem import Problem, display_path
from kamtui.core.loading.account_discovery import account_files, listed_alone
from kamtui.core.loading.bulk_load import Progress, load_account_files
from kamtui.core.loading.loader import duplicate_id_problem, load_settings
from kamtui.core.loading.portfolio_root import SETTINGS_NAMES

__all__ = ["AccountStore", "Entry", "Progress", "ReloadBatch", "StoreChange"]


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


@dataclass(slots=True)
class ReloadBatch:
    """What `AccountStore.read` found on disk, for `AccountStore.apply` to put in place."""

    settings: tuple[PortfolioSettings, list[Problem]] | None
    loaded: list[LoadedFile]
    gone: list[Path]
    # True when the whole folder was listed again: `gone` is every known file not listed.
    listed: bool
    folder_problems: list[Problem] = field(default_factory=list)
    root_missing: bool = False


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
        files = load_account_files(
            self.root, paths, self.settings, use_cache=self.use_cache, progress=progress
        )
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
        return self.apply(self.read(paths))

    def read(self, paths: Iterable[Path]) -> ReloadBatch:
        """What a reload of these paths finds on disk, without changing the store.

        This is the slow half of a reload (reading and validating files), safe to run
        in a thread while the store is still read elsewhere; `apply` is the quick half.
        A path that is a plain file reached without a symbolic link is read alone. Any
        other change (a folder, a link, something gone that is not a known file, a
        kam.yaml below the root, a root that is not there) lists the whole folder again,
        so that a reload keeps to the same path rules as a full load: links followed
        once, loops and links out of the folder skipped, nested portfolios left out.
        """
        paths = list(dict.fromkeys(paths))
        settings: tuple[PortfolioSettings, list[Problem]] | None = None
        files = [path for path in paths if not self._is_settings(path)]
        if len(files) < len(paths):
            settings = load_settings(self.root)
        if not self.root.is_dir():
            return ReloadBatch(settings, [], [], listed=False, root_missing=True)
        current = self.settings if settings is None else settings[0]
        if validity_key(current) != validity_key(self.settings):
            # A file is valid only with the KPIs kam.yaml declares: every one is checked again.
            listing, folder_problems = account_files(self.root)
            loaded = load_account_files(self.root, listing, current, use_cache=self.use_cache)
            kept = set(listing)
            gone = [path for path in self.entries if path not in kept]
            return ReloadBatch(settings, loaded, gone, listed=True, folder_problems=folder_problems)
        if all(self._plain_file_or_known_gone(path) for path in files):
            present = [path for path in files if path.exists() and listed_alone(self.root, path)]
            gone = [path for path in files if path in self.entries and not path.exists()]
            loaded = [load_account_file(path, current) for path in present]
            return ReloadBatch(settings, loaded, gone, listed=False)
        listing, folder_problems = account_files(self.root)
        changed = set(files)
        folders = tuple(os.path.join(path, "") for path in files)
        loaded = [
            load_account_file(path, current)
            for path in listing
            if path not in self.entries or path in changed or str(path).startswith(folders)
        ]
        listed = set(listing)
        gone = [path for path in self.entries if path not in listed]
        return ReloadBatch(settings, loaded, gone, listed=True, folder_problems=folder_problems)

    def apply(self, batch: ReloadBatch) -> StoreChange:
        """Put what `read` found into the store; the accounts this added, changed or removed."""
        if batch.root_missing:
            return self.load_all()
        if batch.settings is not None:
            self.settings, self.settings_problems = batch.settings
        if batch.listed:
            self.folder_problems = batch.folder_problems
        added: set[str] = set()
        changed: set[str] = set()
        removed = {self._drop(path) for path in batch.gone if path in self.entries}
        for loaded in batch.loaded:
            previous = self.entries.get(loaded.path)
            entry = self._entry(loaded, previous)
            self._put(entry)
            (changed if previous is not None else added).add(entry.account_id)
        self._settle(added | changed | removed)
        gone_for_good = {account_id for account_id in removed if account_id not in self._paths_of}
        # Removed from one path and added at another (moved to another folder): changed.
        moved = (added & removed) - gone_for_good
        return StoreChange(
            added=frozenset(added - removed),
            changed=frozenset(changed | moved),
            removed=frozenset(gone_for_good),
            settings=batch.settings is not None,
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

    def _is_settings(self, path: Path) -> bool:
        return path.parent == self.root and path.name in SETTINGS_NAMES

    def _plain_file_or_known_gone(self, path: Path) -> bool:
        """A regular file whose path has no symbolic link in it, or a known file deleted;
        not a kam.yaml below the root, which makes or unmakes a nested portfolio."""
        if path.name in SETTINGS_NAMES:
            return False
        if path in self.entries and not os.path.lexists(path):
            return True
        try:
            relative = path.relative_to(self.root)
        except ValueError:
            return True  # outside the folder: ignored either way
        return path.is_file() and os.path.realpath(path) == os.path.join(
            self._real_root(), relative
        )

    def _real_root(self) -> str:
        return os.path.realpath(self.root)

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
