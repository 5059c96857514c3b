"""What the app shows, as one object: the store, the core's figures for it, and a row per file.

Nothing here computes a figure: it calls the core and keeps the per-account
results until the account object itself changes (accounts are frozen and
replaced on every reload, so identity says exactly what to recompute). A live
reload of one file among thousands therefore re-scores one account and then
reruns only the cheap portfolio pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from kamtui.core.account.account_file import LoadedFile
from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.account.problem import Problem
from kamtui.core.analysis.portfolio import AccountRow, PortfolioAnalysis
from kamtui.core.analysis.portfolio_live import LivePortfolio
from kamtui.core.analysis.scoring import AccountFigures, account_figures
from kamtui.core.loading.loader import Folder, duplicate_id_problem
from kamtui.core.loading.quiet_collector import keep_out_of_collections, release_the_last_load
from kamtui.core.loading.store import AccountStore, Entry, Progress, ReloadBatch, StoreChange


@dataclass(frozen=True, slots=True)
class AccountFile:
    """One account file as the app shows it: a table row and a detail pane."""

    key: str
    path: Path
    account_id: str
    # The account shown: the valid one, or the last good version of a broken file.
    account: Account | None
    problems: tuple[Problem, ...]
    stale: bool
    row: AccountRow | None

    @property
    def invalid(self) -> bool:
        """Nothing to show but problems: never valid, or a duplicate id."""
        return self.row is None

    @property
    def name(self) -> str:
        return self.account.name if self.account is not None else self.path.name


@dataclass(frozen=True, slots=True)
class _Cached:
    account: Account
    figures: AccountFigures


class PortfolioModel:
    # More accounts changed at once than this (a checkout, a bulk edit): analysing the
    # portfolio afresh is cheaper than moving them one by one.
    REANALYSE_ABOVE = 1000

    def __init__(self, store: AccountStore, today: dt.date) -> None:
        self.store = store
        self.today = today
        self._cache: dict[str, _Cached] = {}
        self._settings: PortfolioSettings | None = None
        self._live = LivePortfolio(store.settings, today)
        self.analysis: PortfolioAnalysis = self._live.analyse({}, {})
        self.files: dict[str, AccountFile] = {}
        # File keys of each account id (several when the id is duplicated).
        self._keys_of: dict[str, set[str]] = {}
        # Keys of the files the last refresh rebuilt or dropped; None: possibly all of them.
        self.changed_keys: frozenset[str] | None = None

    @property
    def root(self) -> Path:
        return self.store.root

    @property
    def settings(self) -> PortfolioSettings:
        return self.store.settings

    def load_all(self, progress: Progress | None = None) -> StoreChange:
        # What a load builds lives until the next load. Frozen, it is out of the way of the
        # collector, whose full passes over 10,000 accounts' figures and graphs otherwise
        # land on live reloads now and then. Unfrozen first, so the last load's cycles go.
        release_the_last_load()
        change = self.store.load_all(progress)
        self.refresh()
        keep_out_of_collections()
        return change

    def reload(self, paths: Iterable[Path]) -> StoreChange:
        return self.apply(self.store.read(paths))

    def apply(self, batch: ReloadBatch) -> StoreChange:
        """Put a batch the store read (perhaps in a thread) in place, and refigure what moved."""
        change = self.store.apply(batch)
        touched = len(change.added) + len(change.changed) + len(change.removed)
        if change.settings or touched > self.REANALYSE_ABOVE or batch.listed:
            self.refresh()
        elif not change.empty:
            reloaded = {str(loaded.path) for loaded in batch.loaded}
            self._refresh_touched(change, reloaded | {str(path) for path in batch.gone})
        return change

    def refresh(self) -> None:
        """Recompute what the store's current accounts need, reusing unchanged accounts' figures."""
        if self.store.settings is not self._settings:
            self._cache.clear()
            self._settings = self.store.settings
            self._live = LivePortfolio(self.store.settings, self.today)
        accounts = self.store.accounts_view()
        cache: dict[str, _Cached] = {}
        for account_id, account in accounts.items():
            cached = self._cache.get(account_id)
            if cached is None or cached.account is not account:
                cached = self._cached(account)
            cache[account_id] = cached
        self._cache = cache
        self._analyse(accounts, None)
        self._set_all_files()

    def _set_all_files(self) -> None:
        self.files = {str(entry.path): self._file(entry) for entry in self.store.entries.values()}
        self._keys_of = {}
        for key, file in self.files.items():
            self._keys_of.setdefault(file.account_id, set()).add(key)
        self.changed_keys = None

    def _refresh_touched(self, change: StoreChange, reloaded: set[str]) -> None:
        """After a reload of files (not folders): rebuild only the rows that can differ.

        Those are the touched ids' files, and the files of accounts whose tier moved
        because a touched account's revenue moved them across a cut-off. Profiled at
        10,000 accounts, rebuilding every AccountFile took 110 ms of a 218 ms save.
        """
        touched = change.added | change.changed | change.removed
        # Only the touched accounts: all of them in id order cost 10 ms after a new id.
        accounts = {
            account_id: account
            for account_id in sorted(touched)
            if (account := self.store.account(account_id)) is not None
        }
        for account_id in touched:
            account = accounts.get(account_id)
            cached = self._cache.get(account_id)
            if account is None:
                self._cache.pop(account_id, None)
            elif cached is None or cached.account is not account:
                self._cache[account_id] = self._cached(account)
        before = self.analysis
        self._analyse(accounts, touched)
        retiered = self._live.retiered
        if retiered is None or before.year != self.analysis.year:
            # Every row's revenue and growth are of the analysis year: all rows move.
            self._set_all_files()
            return
        keys = reloaded | {
            key for account_id in touched | retiered for key in self._keys_of.get(account_id, ())
        }
        for key in keys:
            entry = self.store.entries.get(Path(key))
            if entry is None:
                gone = self.files.pop(key, None)
                if gone is not None:
                    self._keys_of[gone.account_id].discard(key)
            else:
                self.files[key] = self._file(entry)
                self._keys_of.setdefault(entry.account_id, set()).add(key)
        self.changed_keys = frozenset(keys)

    def _cached(self, account: Account) -> _Cached:
        return _Cached(
            account,
            account_figures(account, self.store.settings, self.today),
        )

    def _analyse(self, accounts: Mapping[str, Account], touched: Collection[str] | None) -> None:
        """The portfolio pass, updated for the `touched` ids only (None: every account)."""
        self.analysis = self._live.analyse(accounts, _Figures(self._cache), touched)

    def relative(self, path: Path) -> str:
        """`path` as it sits in the folder: "europe/muller-logistik.yaml"."""
        return str(path.relative_to(self.root)) if path.is_relative_to(self.root) else str(path)

    def problems(self) -> list[Problem]:
        """Problems that belong to no account file: the folder and kam.yaml."""
        return [*self.store.folder_problems, *self.store.settings_problems]

    def working_tree(self) -> tuple[Folder, dict[str, AccountFigures]]:
        """The folder as the review gates read it (`core/review/gates.py`): each file's
        account when valid (a broken file's last good version is not what the disk
        holds), and the figures worked out for them; copies, for another thread."""
        files = [
            LoadedFile(entry.path, entry.account_id, entry.account if entry.valid else None)
            for entry in self.store.entries.values()
        ]
        figures = {account_id: cached.figures for account_id, cached in self._cache.items()}
        return Folder(self.root, self.settings, files), figures

    def file_for(self, account_id: str) -> AccountFile | None:
        entry = self.store.entry_for(account_id)
        return self.files.get(str(entry.path)) if entry is not None else None

    def _file(self, entry: Entry) -> AccountFile:
        problems = list(entry.problems)
        shown = entry.account_id in self._cache and entry.duplicate_of is None
        if entry.duplicate_of is not None:
            problems.append(duplicate_id_problem(entry.path, entry.account_id, entry.duplicate_of))
        cached = self._cache.get(entry.account_id) if shown else None
        return AccountFile(
            key=str(entry.path),
            path=entry.path,
            account_id=entry.account_id,
            account=cached.account if cached is not None else None,
            problems=tuple(problems),
            stale=entry.stale,
            row=self.analysis.rows.get(entry.account_id) if shown else None,
        )


class _Figures(Mapping[str, AccountFigures]):
    """The cached figures by account id, without copying ten thousand of them per reload."""

    def __init__(self, cache: Mapping[str, _Cached]) -> None:
        self._cache = cache

    def __getitem__(self, account_id: str) -> AccountFigures:
        return self._cache[account_id].figures

    def __iter__(self) -> Iterator[str]:
        return iter(self._cache)

    def __len__(self) -> int:
        return len(self._cache)
