"""Which files of a folder are account files: hidden entries, nested portfolios and
symbolic links decided once, for a load, a reload, git and the warm check alike.

Light on purpose (no pydantic): the warm check of `kamtui validate` lists a folder
before it knows whether any file needs parsing (`validity_record`).
"""

from __future__ import annotations

import os
from pathlib import Path

from kamtui.core.account.problem import Problem, display_path
from kamtui.core.loading.portfolio_root import SETTINGS_NAMES, settings_file

ACCOUNT_SUFFIXES = (".yaml", ".yml")


def account_files(root: Path, *, within: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """Every account file under `root`, in path order.

    `within` is the account folder when `root` is one of its subfolders (a reload
    of one folder): its bounds decide which links may be followed and where the
    settings file lives, so a subfolder lists exactly what a full load finds there.

    Hidden entries and the settings file are skipped, and so is a subfolder with a
    settings file of its own (a nested portfolio), with a warning. Symbolic links are followed
    while they stay inside `root`; links out of it, broken links and loops are problems,
    and a file reached both at its own path and through a link is read once, at its
    own path, so that no account counts twice.
    """
    found: list[Path] = []
    problems: list[Problem] = []
    top = within or root
    real_root = top.resolve()
    visited: dict[Path, Path] = {}
    # Linked folders are walked after every real one, so that real paths come first.
    linked: list[Path] = []

    def walk(folder: Path) -> None:
        real = folder.resolve()
        if real in visited:
            problems.append(Problem(display_path(folder), 1, 1, _revisited(folder, visited[real])))
            return
        visited[real] = folder
        if folder != top and settings_file(folder) is not None:
            problems.append(
                Problem(
                    display_path(folder), 1, 1, nested_portfolio(display_path(folder)), "warning"
                )
            )
            return
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            problems.append(
                Problem(display_path(folder), 1, 1, f"cannot read folder: {error.strerror}")
            )
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink():
                if _link_inside(path, real_root, problems):
                    linked.append(path)
            elif entry.is_dir():
                walk(path)
            elif _is_account_name(entry.name, folder == top):
                found.append(path)

    walk(root)
    if not linked:
        return found, problems
    for path in linked:  # grows while linked folders are walked
        if path.is_dir():
            walk(path)
        elif _is_account_name(path.name, path.parent == root):
            found.append(path)
    return _once_each(sorted(found), root, real_root, problems), problems


def listed_alone(root: Path, path: Path) -> bool:
    """Whether a full load of `root` lists `path`, a plain file reached without a symbolic
    link (a save the watcher reports), by the rules above: an account's name, nothing
    hidden on the way, no folder between with a kam.yaml of its own."""
    try:
        relative = path.relative_to(root)
    except ValueError:
        return False
    if any(part.startswith(".") for part in relative.parts):
        return False
    if not _is_account_name(path.name, path.parent == root):
        return False
    folders = relative.parent.parts
    return not any(
        settings_file(root.joinpath(*folders[:depth])) is not None
        for depth in range(1, len(folders) + 1)
    )


def _is_account_name(name: str, at_top: bool) -> bool:
    return name.endswith(ACCOUNT_SUFFIXES) and not (at_top and name in SETTINGS_NAMES)


def nested_portfolio(folder: str) -> str:
    """The warning for a folder below the root with a kam.yaml of its own (on disk and
    at a revision alike: the same accounts make the same portfolio)."""
    return f"holds a kam.yaml: a portfolio of its own, skipped (open it with `kamtui -d {folder}`)"


def _revisited(folder: Path, first: Path) -> str:
    if folder.parent.resolve().is_relative_to(first.resolve()):
        return "symbolic link loop; skipped"
    return f"same folder as {display_path(first)} (a symbolic link); skipped"


def _once_each(
    found: list[Path], root: Path, real_root: Path, problems: list[Problem]
) -> list[Path]:
    """Each real file once: where links give one file two paths, its own path is kept."""
    real = {path: path.resolve() for path in found}
    first: dict[Path, Path] = {}
    for path in sorted(found, key=lambda p: real[p] != real_root / p.relative_to(root)):
        first.setdefault(real[path], path)
    kept: list[Path] = []
    for path in found:
        owner = first[real[path]]
        if owner == path:
            kept.append(path)
        else:
            problems.append(
                Problem(
                    display_path(path),
                    1,
                    1,
                    f"same file as {display_path(owner)} (a symbolic link); skipped",
                )
            )
    return kept


def _link_inside(path: Path, real_root: Path, problems: list[Problem]) -> bool:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        problems.append(Problem(display_path(path), 1, 1, "broken symbolic link; skipped"))
        return False
    if not target.is_relative_to(real_root):
        problems.append(
            Problem(
                display_path(path),
                1,
                1,
                f"symbolic link points outside the folder ({target}); skipped",
            )
        )
        return False
    return True
