"""Account folders on disk → validated accounts, or problems that name file, line and column.

Nothing here raises for a bad file: every way a file can be wrong ends as a
`Problem`, and the other files keep loading. One file is read by `account_file`;
many at once by `bulk_load` (worker processes, the cache of validated accounts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kamtui.core.account.account_file import LoadedFile, load_model_file
from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.account.problem import Problem, display_path
from kamtui.core.loading.account_discovery import account_files
from kamtui.core.loading.bulk_load import Progress, load_account_files
from kamtui.core.loading.portfolio_root import portfolio_root, settings_file


@dataclass(slots=True)
class Folder:
    """An account folder as loaded: settings, every account file, and folder-level problems."""

    root: Path
    settings: PortfolioSettings
    files: list[LoadedFile]
    folder_problems: list[Problem] = field(default_factory=list)

    @property
    def accounts(self) -> dict[str, Account]:
        """Valid accounts by id, in id order."""
        valid = {f.account_id: f.account for f in self.files if f.account is not None}
        return dict(sorted(valid.items()))

    @property
    def problems(self) -> list[Problem]:
        found = list(self.folder_problems)
        for loaded in self.files:
            found.extend(loaded.problems)
        return found


def load_settings(root: Path) -> tuple[PortfolioSettings, list[Problem]]:
    """The portfolio settings at the root; defaults (and problems) when absent or invalid."""
    path = settings_file(root)
    if path is None:
        return PortfolioSettings(), []
    settings, problems = load_model_file(path, PortfolioSettings, allow_empty=True)
    return settings or PortfolioSettings(), problems


def settings_for(file: Path) -> tuple[PortfolioSettings, list[Problem]]:
    """The settings of the portfolio a lone account file lies in; defaults outside one
    (its folder then holds no settings file either)."""
    return load_settings(portfolio_root(file))


def load_folder(
    root: Path,
    *,
    use_cache: bool = False,
    progress: Progress | None = None,
    listed: tuple[list[Path], list[Problem]] | None = None,
) -> Folder:
    """Every account file under `root`, and the settings.

    With `use_cache`, files whose bytes were valid before are not parsed again
    (see `bulk_load`); big folders are parsed by worker processes either way.
    `listed` is what `account_files(root)` gave, when the caller has just listed it.
    """
    settings, problems = load_settings(root)
    paths, discovery_problems = listed or account_files(root)
    problems.extend(discovery_problems)
    files = load_account_files(root, paths, settings, use_cache=use_cache, progress=progress)
    drop_duplicate_ids(files)
    return Folder(root, settings, files, problems)


def drop_duplicate_ids(files: list[LoadedFile]) -> None:
    """Two files with one id: each later one (in path order) loses its account and
    gets a problem naming the file that has the id."""
    first: dict[str, LoadedFile] = {}
    for loaded in files:
        earlier = first.setdefault(loaded.account_id, loaded)
        if earlier is not loaded:
            loaded.account = None
            loaded.problems.append(
                duplicate_id_problem(loaded.path, loaded.account_id, earlier.path)
            )


def duplicate_id_problem(path: Path, account_id: str, owner: Path) -> Problem:
    return Problem(
        display_path(path),
        1,
        1,
        f"duplicate account id {account_id!r}: {display_path(owner)} has it too",
    )
