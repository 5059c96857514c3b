"""`kamtui agenda`: what each key account manager should do next, ranked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from kamtui.commands.common import load_folder_or_exit, print_problems
from kamtui.commands.options import cache_option, format_option, today_option
from kamtui.commands.portfolio_folder import portfolio_argument
from kamtui.core.analysis.agenda import agenda
from kamtui.core.analysis.portfolio import analyse_portfolio


@click.command()
@portfolio_argument
@click.option("--owner", metavar="NAME", help="Only this owner's accounts and actions.")
@format_option({"table": "for the terminal", "md": "Markdown", "json": "for scripts"})
@today_option
@cache_option
def command(
    directory: Path, owner: str | None, output_format: str, today: dt.date, use_cache: bool
) -> None:
    """The agenda of the portfolio in DIRECTORY (default: here): at-risk accounts gone
    silent, overdue actions and next steps, objectives behind, renewals coming, key
    players not met in time and accounts not assessed, in that order, then by MRR.

    Invalid accounts are left out and listed on stderr; the exit code is then 1.
    """
    folder = load_folder_or_exit(directory, use_cache=use_cache)
    problems = folder.problems
    print_problems(problems)
    accounts = folder.accounts
    analysis = analyse_portfolio(accounts, folder.settings, today)
    items = agenda(analysis, accounts, owner)
    if output_format == "json":
        from kamtui.render.agenda_text import render_json

        click.echo(render_json(items, today, owner), nl=False)
    elif output_format == "md":
        from kamtui.render.agenda_text import render_markdown

        names = {key: row.name for key, row in analysis.rows.items()}
        click.echo(render_markdown(items, names, today, owner), nl=False)
    else:
        from kamtui.render.agenda_text import render_table
        from kamtui.render.terminal import terminal_console

        names = {key: row.name for key, row in analysis.rows.items()}
        console = terminal_console()
        console.print(render_table(items, names, today, owner, console.width))
    if any(problem.severity == "error" for problem in problems):
        raise SystemExit(1)
