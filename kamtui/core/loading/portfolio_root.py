"""Which portfolio a path belongs to, found as git finds `.git`.

The root of a portfolio is the nearest folder at or above a path that holds its
settings file (`kam.yaml`), stopping at the top of a git repository (a kam.yaml
outside the repository is someone else's); without one, the folder itself. Every
command finds its portfolio this way, so a figure (weighted by that kam.yaml) is the
same from every folder; a kam.yaml further down is a portfolio of its own, which a
load of the outer one skips (`loader.account_files`).
"""

from __future__ import annotations

import os
from pathlib import Path

# Light on purpose: the CLI imports this before anything else, to find the folder.
SETTINGS_NAMES = ("kam.yaml", "kam.yml")
# Names the account folder when a command is given none (as LEDGER_FILE does for hledger).
FOLDER_VARIABLE = "KAMTUI_DIR"


def settings_file(folder: Path) -> Path | None:
    """The settings file of the portfolio rooted at `folder`: the first of
    `SETTINGS_NAMES` there that is a file; None when it holds none."""
    for name in SETTINGS_NAMES:
        path = folder / name
        if path.is_file():
            return path
    return None


def portfolio_root(path: Path) -> Path:
    """The root of the portfolio `path` (a folder or a file) lies in, relative to the
    current folder when it is above it (`..`), as given when it is `path` itself."""
    start = path if path.is_dir() else path.parent
    absolute = start.absolute()
    for candidate in folders_up(absolute):
        if settings_file(candidate) is not None:
            return start if candidate == absolute else Path(os.path.relpath(candidate))
    return start


def folders_up(folder: Path) -> list[Path]:
    """`folder` and the folders above it, up to the top of the git repository it lies
    in (what is above is someone else's); every parent when it lies in none."""
    found = []
    for candidate in (folder, *folder.parents):
        found.append(candidate)
        if (candidate / ".git").exists():
            break
    return found


def default_folder() -> Path:
    """The folder a command works on when given none: $KAMTUI_DIR, else here."""
    return Path(os.environ.get(FOLDER_VARIABLE) or ".")
