"""`kamtui git-setup`: make git diff and git log -p show account files by meaning."""

from __future__ import annotations

from pathlib import Path

import click

from kamtui.commands.common import find_repository
from kamtui.commands.portfolio_folder import portfolio_argument
from kamtui.core.review.git_setup import git_setup
from kamtui.core.review.git_source import GitError


@click.command()
@portfolio_argument
def command(directory: Path) -> None:
    """Set up the git repository holding the account folder DIR (default: here) so
    that `git diff` and `git log -p` show account files through `kamtui show`.

    Appends the missing lines to the repository's .gitattributes (scoped to DIR
    when it is not the repository's top; your own lines are kept) and sets
    diff.kamtui.textconv in the repository's own config (never the global one).
    Prints each change; run twice, it changes nothing. Exits 2 outside a git repository.
    """
    repository = find_repository(directory)
    try:
        changes = git_setup(repository, directory)
    except (GitError, ValueError, OSError) as error:
        raise click.ClickException(str(error)) from None
    if not changes:
        click.echo("nothing to change: git diff already shows account files by meaning")
        return
    for change in changes:
        click.echo(str(change))
    click.echo("commit .gitattributes to share the diff driver; the config stays in this clone")
