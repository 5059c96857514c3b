"""`kamtui report`: the portfolio analysis as terminal tables, Markdown, JSON or CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from kamtui.commands.common import load_folder_or_exit, print_problems
from kamtui.commands.options import cache_option, format_option, today_option, year_option
from kamtui.commands.portfolio_folder import portfolio_argument
from kamtui.core.analysis.portfolio import analyse_portfolio
from kamtui.render.report_columns import NARROWEST


@click.command()
@portfolio_argument
@format_option(
    {
        "table": "for the terminal",
        "md": "Markdown with a Mermaid Pareto chart",
        "json": "for scripts",
        "csv": "one row per account, for spreadsheets",
    }
)
@year_option
@click.option(
    "--width",
    type=click.IntRange(NARROWEST, 1000),
    metavar="N",
    help="Lay the table out for N columns (default: the terminal's; 160 in a pipe or file).",
)
@today_option
@cache_option
def command(
    directory: Path,
    output_format: str,
    year: int | None,
    width: int | None,
    today: dt.date,
    use_cache: bool,
) -> None:
    """Report on the key-account portfolio in DIRECTORY (default: here).

    Invalid accounts are left out of the figures and listed on stderr; the exit
    code is then 1, while the valid accounts are still reported.
    """
    folder = load_folder_or_exit(directory, use_cache=use_cache)
    problems = folder.problems
    print_problems(problems)
    accounts = folder.accounts
    analysis = analyse_portfolio(accounts, folder.settings, today, year)
    if output_format == "table":
        from kamtui.render.report_table import render_report
        from kamtui.render.terminal import terminal_console

        console = terminal_console(width=width)
        console.width = max(console.width, NARROWEST)
        console.print(render_report(analysis, console.width))
    elif output_format == "md":
        from kamtui.render.report_markdown import render_markdown

        click.echo(render_markdown(analysis), nl=False)
    elif output_format == "json":
        from kamtui.render.report_json import render_json

        click.echo(render_json(analysis, accounts), nl=False)
    else:
        from kamtui.render.report_csv import render_csv

        click.echo(render_csv(analysis), nl=False)
    if any(problem.severity == "error" for problem in problems):
        raise SystemExit(1)
