"""`kamtui history`: how one account moved over its git history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from kamtui.commands.common import account_arguments, account_path, find_repository
from kamtui.commands.options import format_option, today_option
from kamtui.core.review.git_source import GitError
from kamtui.core.review.history import account_history
from kamtui.render.history_text import render_history_json, render_history_text
from kamtui.render.terminal import terminal_console


@click.command()
@account_arguments
@format_option({"text": "for the terminal", "json": "for machines"})
@today_option
def command(account: str, directory: Path, output_format: str, today: dt.date) -> None:
    """Walk the git log of ACCOUNT's file (across renames) and show, commit by
    commit, how its score, tier, quadrant, the attitude of the stakeholders with
    high decision power and the status of its objectives moved.

    ACCOUNT is an account id looked up in the account folder DIR (default: here),
    or the path of an account file. Each commit's tier is computed from the whole
    folder as it was at that commit, with that commit's kam.yaml.
    """
    path = account_path(account, directory)
    folder = directory if directory.is_dir() else path.parent
    repository = find_repository(folder)
    try:
        inside, file = repository.relative(folder), repository.relative(path)
    except ValueError:
        raise click.UsageError(f"{path} is not inside the account folder {folder}") from None
    try:
        entries = account_history(repository, inside, file, today)
    except GitError as error:
        raise click.ClickException(str(error)) from None
    if output_format == "json":
        click.echo(render_history_json(entries))
        return
    name = next((e.account.name for e in reversed(entries) if e.account is not None), path.stem)
    title = f"History of {name} ({repository.relative(path)})"
    terminal_console(soft_wrap=True).print(render_history_text(entries, title))
