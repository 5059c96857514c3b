"""Options and output helpers shared by the subcommands."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import click

from kamtui.commands.portfolio_folder import portfolio_argument
from kamtui.core.account.account_file import MAX_FILE_BYTES, too_large
from kamtui.core.account.problem import STDIN_NAME, Problem
from kamtui.core.loading.account_discovery import ACCOUNT_SUFFIXES, account_files
from kamtui.core.loading.loader import Folder, load_folder
from kamtui.core.loading.portfolio_root import default_folder, portfolio_root
from kamtui.core.review.git_source import GitError, Repository
from kamtui.render.safe_text import escaped


def load_folder_or_exit(path: Path, *, use_cache: bool = True) -> Folder:
    """Load an account folder; a missing folder is a usage error (exit 2)."""
    if not path.exists():
        raise click.UsageError(f"{path}: no such folder")
    if not path.is_dir():
        raise click.UsageError(f"{path}: not a folder")
    return load_folder(path, use_cache=use_cache)


def find_repository(folder: Path, hint: str = "") -> Repository:
    """The git repository holding `folder`; a usage error outside one (with `hint`), and
    git's refusal (another user's repository) said as git's, never as "not a repository"."""
    try:
        repository = Repository.find(folder)
    except GitError as error:
        raise click.ClickException(escaped(str(error))) from None
    if repository is None:
        raise click.UsageError(escaped(f"{folder} is not inside a git repository{hint}"))
    return repository


def repository_folder(folder: Path, hint: str = "") -> tuple[Repository, str]:
    """The git repository holding the account folder `folder`, and the folder from its
    top in git's form; a usage error outside one (with `hint`)."""
    repository = find_repository(existing(folder), hint)
    try:
        return repository, repository.relative(folder)
    except ValueError:
        raise click.UsageError(f"{folder} is not inside {repository.top}") from None


def existing(path: Path) -> Path:
    """The nearest folder that exists at or above `path` (a folder deleted since REV)."""
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def read_stdin() -> tuple[bytes, Problem | None]:
    """Standard input, bounded like a file (`-` where a command takes one file)."""
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        return b"", Problem(STDIN_NAME, 1, 1, too_large(None))
    return data, None


def print_problems(problems: Iterable[Problem]) -> None:
    """To stderr, with control characters from file names and quoted values made visible."""
    for problem in problems:
        click.echo(escaped(str(problem)), err=True)


def account_arguments(command: Callable[..., None]) -> Callable[..., None]:
    """The ACCOUNT [DIR] arguments of the commands about one account."""
    return click.argument("account", shell_complete=complete_account)(portfolio_argument(command))


def complete_account(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[click.shell_completion.CompletionItem]:
    """The ids of the portfolio's accounts that start with what is typed (shell completion)."""
    folder = portfolio_root(default_folder())
    ids = sorted({path.stem for path in account_files(folder)[0]})
    return [click.shell_completion.CompletionItem(i) for i in ids if i.startswith(incomplete)]


def account_path(account: str, directory: Path) -> Path:
    """The file of ACCOUNT: a path as given, or the id looked up in `directory` and below."""
    given = Path(account)
    if given.is_file():
        return given
    if given.suffix in ACCOUNT_SUFFIXES or len(given.parts) > 1:
        raise click.UsageError(f"{account}: no such account file")
    if not directory.is_dir():
        raise click.UsageError(f"{directory}: no such folder")
    paths, _ = account_files(directory)
    by_id: dict[str, Path] = {}
    for path in paths:
        # The first file in path order owns an id, as when the folder is loaded.
        by_id.setdefault(path.stem, path)
    if account in by_id:
        return by_id[account]
    close = difflib.get_close_matches(account, by_id, n=3)
    if close:
        hint = "did you mean " + ", ".join(close) + "?"
    elif by_id:
        hint = "its accounts are " + ", ".join(sorted(by_id))
    else:
        hint = "it holds no account files"
    raise click.UsageError(f"no account {account!r} in {directory}: {hint}")
