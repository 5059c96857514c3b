"""The portfolio in memory: every account file by path, reloaded one file at a time.

The TUI's watcher only tells the store which paths changed; the store re-reads
just those and says which accounts were added, changed or removed. A file saved
broken keeps its last good account, marked stale, until it is fixed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

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
        self.root = root
        self.use_cache = use_cache
        self.entries: dict[Path, Entry] = {}
        self.settings = PortfolioSettings()
        self.settings_problems: list[Problem] = []
        self.folder_problems: list[Problem] = []

    def load_all(self, progress: Progress | None = None) -> StoreChange:
        """(Re)load the whole folder; the change compares with what was there before."""
        before = {entry.account_id: entry for entry in self.entries.values()}
        self.settings, self.settings_problems = load_settings(self.root)
        if not self.root.is_dir():
            self.entries = {}
            self.folder_problems = [
                Problem(display_path(self.root), 1, 1, "the account folder does not exist")
            ]
            return StoreChange(removed=frozenset(before), settings=True)
        paths, self.folder_problems = account_files(self.root)
        files = load_account_files(self.root, paths, use_cache=self.use_cache, progress=progress)
        loaded = {file.path: self._entry(file) for file in files}
        self.entries = loaded
        self._mark_duplicates()
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
                present = account_files(path)[0]
                # A folder deleted and made again may be reported as the folder alone.
                listed = set(present)
                for gone in [p for p in self.entries if p.is_relative_to(path) and p not in listed]:
                    removed.add(self.entries.pop(gone).account_id)
                for file in present:
                    self._reload_file(file, added, changed)
            elif path.exists():
                if self._is_account_path(path):
                    self._reload_file(path, added, changed)
            else:
                for gone in [p for p in self.entries if p == path or p.is_relative_to(path)]:
                    removed.add(self.entries.pop(gone).account_id)
        self._mark_duplicates()
        still_there = {entry.account_id for entry in self.entries.values()}
        # Removed from one path and added at another (moved to another folder): changed.
        moved = added & removed & still_there
        return StoreChange(
            added=frozenset(added - removed),
            changed=frozenset(changed | moved),
            removed=frozenset(removed - still_there),
            settings=settings,
        )

    def accounts(self) -> dict[str, Account]:
        """Accounts to show and count, by id: valid ones and the last good version of broken ones."""
        shown = {
            entry.account_id: entry.account
            for entry in self.entries.values()
            if entry.account is not None and entry.duplicate_of is None
        }
        return dict(sorted(shown.items()))

    def problems(self) -> list[Problem]:
        found = [*self.folder_problems, *self.settings_problems]
        for entry in self.entries.values():
            found.extend(entry.problems)
            if entry.duplicate_of is not None:
                found.append(duplicate_id_problem(entry.path, entry.account_id, entry.duplicate_of))
        return found

    def entry_for(self, account_id: str) -> Entry | None:
        for entry in self.entries.values():
            if entry.account_id == account_id and entry.duplicate_of is None:
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
        self.entries[path] = entry
        (changed if previous is not None else added).add(entry.account_id)

    @staticmethod
    def _entry(loaded: LoadedFile, previous: Entry | None = None) -> Entry:
        if loaded.account is None and previous is not None and previous.account is not None:
            return Entry(
                loaded.path, loaded.account_id, previous.account, loaded.problems, stale=True
            )
        return Entry(loaded.path, loaded.account_id, loaded.account, loaded.problems)

    def _mark_duplicates(self) -> None:
        first: dict[str, Path] = {}
        for path in sorted(self.entries):
            entry = self.entries[path]
            owner = first.setdefault(entry.account_id, path)
            entry.duplicate_of = None if owner == path else owner
