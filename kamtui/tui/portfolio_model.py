"""What the app shows, as one object: the store, the core's figures for it, and a row per file.

Nothing here computes a figure: it calls the core and keeps the per-account
results until the account object itself changes (accounts are frozen and
replaced on every reload, so identity says exactly what to recompute). A live
reload of one file among thousands therefore re-scores one account and then
reruns only the cheap portfolio pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kamtui.core.loader import Problem, duplicate_id_problem
from kamtui.core.model import Account, PortfolioSettings
from kamtui.core.portfolio import AccountRow, PortfolioAnalysis, analyse_portfolio
from kamtui.core.scoring import AccountFigures, account_figures
from kamtui.core.stakeholders import StakeholderAnalysis, analyse_stakeholders
from kamtui.core.store import AccountStore, Entry, Progress, StoreChange


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
    stakeholders: StakeholderAnalysis | None

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
    stakeholders: StakeholderAnalysis


class PortfolioModel:
    def __init__(self, store: AccountStore, today: dt.date) -> None:
        self.store = store
        self.today = today
        self._cache: dict[str, _Cached] = {}
        self._settings: PortfolioSettings | None = None
        self.analysis: PortfolioAnalysis = analyse_portfolio({}, store.settings, today)
        self.files: dict[str, AccountFile] = {}

    @property
    def root(self) -> Path:
        return self.store.root

    @property
    def settings(self) -> PortfolioSettings:
        return self.store.settings

    def load_all(self, progress: Progress | None = None) -> StoreChange:
        change = self.store.load_all(progress)
        self.refresh()
        return change

    def reload(self, paths: Iterable[Path]) -> StoreChange:
        change = self.store.reload(paths)
        if not change.empty:
            self.refresh()
        return change

    def refresh(self) -> None:
        """Recompute what the store's current accounts need, reusing unchanged accounts' figures."""
        if self.store.settings is not self._settings:
            self._cache.clear()
            self._settings = self.store.settings
        accounts = self.store.accounts()
        cache: dict[str, _Cached] = {}
        for account_id, account in accounts.items():
            cached = self._cache.get(account_id)
            if cached is None or cached.account is not account:
                cached = _Cached(
                    account,
                    account_figures(account, self.store.settings, self.today),
                    analyse_stakeholders(account),
                )
            cache[account_id] = cached
        self._cache = cache
        self.analysis = analyse_portfolio(
            accounts,
            self.store.settings,
            self.today,
            figures={account_id: cached.figures for account_id, cached in cache.items()},
        )
        self.files = {str(entry.path): self._file(entry) for entry in self.store.entries.values()}

    def relative(self, path: Path) -> str:
        """`path` as it sits in the folder: "europe/muller-logistik.yaml"."""
        return str(path.relative_to(self.root)) if path.is_relative_to(self.root) else str(path)

    def problems(self) -> list[Problem]:
        """Problems that belong to no account file: the folder and kam.yaml."""
        return [*self.store.folder_problems, *self.store.settings_problems]

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
            stakeholders=cached.stakeholders if cached is not None else None,
        )
