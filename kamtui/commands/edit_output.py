"""What the commands that edit an account file print: the change, or why it was refused."""

from __future__ import annotations

from typing import NoReturn

import click

from kamtui.core.account.problem import display_path
from kamtui.core.editing.account_change import AccountChange, ChangeRefused
from kamtui.render.safe_text import escaped


def print_change(change: AccountChange, *, dry_run: bool) -> None:
    """The whole diff for a dry run; after a write, the file and its changed lines."""
    if dry_run:
        lines = change.diff().splitlines()
    elif not change.changed:
        lines = [f"{display_path(change.path)}: already so; nothing written"]
    else:
        lines = [f"{display_path(change.path)}:", *change.changed_lines()]
    click.echo("\n".join(escaped(line) for line in lines))


def print_refused(refused: ChangeRefused) -> NoReturn:
    """Each problem on stderr as PATH:LINE:COL: error: …; exit 1, the file untouched."""
    for problem in refused.problems:
        click.echo(escaped(str(problem)), err=True)
    raise SystemExit(1)
