"""A check of account folders and files as `kamtui validate` makes it: every problem of
every file, and a warning for each account not assessed yet. A clean check of one
folder is recorded, so that the next check of it, while nothing changes, only looks
(`validity_record`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from kamtui.core.account.account_file import LoadedFile, load_account_bytes, load_account_file
from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.account.problem import STDIN_NAME, Problem, display_path
from kamtui.core.account.yaml_source import Loc, YamlProblem, parse
from kamtui.core.loading.loader import drop_duplicate_ids, load_folder, load_settings
from kamtui.core.loading.portfolio_root import SETTINGS_NAMES, portfolio_root
from kamtui.core.loading.validity_record import Checked, FolderLook, remember

# Reads standard input (`-` among the paths): its bytes, or why there are none.
Stdin = Callable[[], tuple[bytes, Problem | None]]


def check(
    paths: Sequence[Path],
    *,
    use_cache: bool,
    read_stdin: Stdin,
    seen: FolderLook | None = None,
) -> Checked:
    """Check folders, files, settings files and `-`; `seen` is the look at the one folder
    among `paths`, taken before, so that a clean check of it is recorded."""
    files: list[LoadedFile] = []
    problems: list[Problem] = []
    # What was read from standard input, which cannot be read again for a position.
    texts: dict[Path, str] = {}
    # Each portfolio's kam.yaml, read once however many of its files are named.
    settings_of: dict[Path, PortfolioSettings] = {}

    def settings_once(path: Path) -> PortfolioSettings:
        root = portfolio_root(path).absolute()
        if root not in settings_of:
            settings, found = load_settings(root)
            settings_of[root] = settings
            problems.extend(found)
        return settings_of[root]

    for path in paths:
        if path.is_dir():
            listed = (seen.paths, seen.folder_problems) if seen and seen.root == path else None
            folder = load_folder(path, use_cache=use_cache, listed=listed)
            files.extend(folder.files)
            problems.extend(folder.folder_problems)
        elif str(path) == "-":
            data, unreadable = read_stdin()
            if unreadable is not None:
                files.append(LoadedFile(Path(STDIN_NAME), "stdin", None, [unreadable]))
            else:
                # Standard input is an account of the portfolio the current folder is in.
                settings = settings_once(Path(STDIN_NAME))
                account, found = load_account_bytes(data, STDIN_NAME, settings)
                files.append(LoadedFile(Path(STDIN_NAME), "stdin", account, found))
                if account is not None:  # so its bytes are UTF-8
                    texts[Path(STDIN_NAME)] = data.decode("utf-8-sig")
        elif path.name in SETTINGS_NAMES:
            problems.extend(load_settings(path.parent)[1])
        else:
            files.append(load_account_file(path, settings_once(path)))
    drop_duplicate_ids(files)
    per_file = [(loaded.path, _file_problems(loaded, texts.get(loaded.path))) for loaded in files]
    if seen is not None:
        remember(seen, dict(per_file), problems)
    for _, found in per_file:
        problems.extend(found)
    failed = sum(1 for loaded in files if not loaded.ok)
    return Checked(len(files), failed, list(dict.fromkeys(problems)))


def _file_problems(loaded: LoadedFile, text: str | None) -> list[Problem]:
    if loaded.account is not None and loaded.account.criteria.unscored:
        return [*loaded.problems, not_assessed(loaded, text)]
    return list(loaded.problems)


def not_assessed(loaded: LoadedFile, text: str | None = None) -> Problem:
    """A warning at the first criterion left empty, naming every one to score; `text`
    is what was loaded when the file cannot be read again (standard input)."""
    assert loaded.account is not None
    gap = assessment_gap(loaded.account)
    assert gap is not None
    loc, message = gap
    line, column = 1, 1
    try:
        document = parse(loaded.path.read_text(encoding="utf-8-sig") if text is None else text)
    except (OSError, UnicodeDecodeError, YamlProblem):
        document = None
    if document is not None:
        position = document.position(loc, at_key=True)
        line, column = position.line, position.column
    return Problem(display_path(loaded.path), line, column, message, "warning")


def assessment_gap(account: Account) -> tuple[Loc, str] | None:
    """Where an account not assessed yet says so (the key of its first criterion left
    empty), and the message naming every one to score; None once all are scored.
    `validate` warns with it, and the review gate `unassessed` reads the same."""
    unscored = account.criteria.unscored
    if not unscored:
        return None
    return (
        ("criteria", unscored[0]),
        f"not assessed yet: score {', '.join(unscored)} (1 to 5) to give it a score and a quadrant",
    )
