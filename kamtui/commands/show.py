"""`kamtui show`: one account, normalised to one fact per line (git's textconv driver)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from kamtui.commands.common import print_problems, read_stdin
from kamtui.core.account.account_file import MAX_FILE_BYTES, load_account_bytes, read_bounded
from kamtui.core.account.problem import STDIN_NAME
from kamtui.core.analysis.scoring import account_figures
from kamtui.core.loading.loader import load_settings, settings_for
from kamtui.core.people.stakeholders import analyse_stakeholders
from kamtui.render.account_text import render_account_text, render_broken_account


@click.command()
@click.argument(
    "file", type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path)
)
@click.option(
    "-d",
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    help="The account folder whose kam.yaml weighs the figures "
    "(default: the nearest kam.yaml beside FILE or above it).",
)
def command(file: Path, directory: Path | None) -> None:
    """Print FILE as sorted lines, one fact per line (`criteria.product_fit: 4`,
    `stakeholders[evp].attitude: neutral`), after the figures that follow from them.

    Reordering, indentation and comments do not change the output, which makes it
    a textconv driver for git (see `kamtui git-setup`). A file that does not
    validate prints its problems and then its text as written; the exit status
    is 0 either way so that git diff never stops on it. FILE `-` reads standard input
    (`git show HEAD:acme.yaml | kamtui show -`), weighed by the portfolio here.
    """
    from_stdin = str(file) == "-"
    if directory is not None and directory.is_dir():
        settings, settings_problems = load_settings(directory)
    else:
        settings, settings_problems = settings_for(Path("kam.yaml") if from_stdin else file)
    print_problems(settings_problems)
    data, unreadable = read_stdin() if from_stdin else read_bounded(file, str(file))
    if unreadable is not None:
        click.echo(render_broken_account([unreadable], None), nl=False)
        return
    account, problems = load_account_bytes(data, STDIN_NAME if from_stdin else str(file), settings)
    if account is None:
        raw = data.decode("utf-8", "replace") if len(data) <= MAX_FILE_BYTES else None
        click.echo(render_broken_account(problems, raw), nl=False)
        return
    # No figure shown depends on the date; today only completes the figures' inputs.
    figures = account_figures(account, settings, dt.date.today())
    click.echo(render_account_text(account, figures, analyse_stakeholders(account)), nl=False)
