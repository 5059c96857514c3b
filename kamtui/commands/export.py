"""`kamtui export`: the portfolio as an Excel workbook with native charts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from kamtui.commands.common import load_folder_or_exit, print_problems
from kamtui.commands.options import cache_option, today_option, year_option
from kamtui.commands.portfolio_folder import portfolio_argument
from kamtui.core.analysis.portfolio import analyse_portfolio
from kamtui.core.editing.atomic_write import write_bytes_atomic


@click.command()
@portfolio_argument
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.xlsx",
    help="The workbook to write (replaced if it exists).",
)
@year_option
@today_option
@cache_option
def command(
    directory: Path, output: Path, year: int | None, today: dt.date, use_cache: bool
) -> None:
    """Write the portfolio in DIRECTORY (default: here) as an Excel workbook: the
    summary figures, one sheet each for accounts, stakeholders, objectives, activities,
    needs and KPI readings, and the Pareto, ABC and growth × harmony charts.

    Needs the `xlsx` extra: pip install 'kamtui[xlsx]'. Invalid accounts are left out
    and listed on stderr; the exit code is then 1, while the workbook is still written.
    """
    try:
        from kamtui.render.workbook import workbook_bytes
    except ImportError:
        raise click.ClickException(
            "kamtui export needs openpyxl: pip install 'kamtui[xlsx]'"
        ) from None
    if output.suffix.lower() != ".xlsx":
        raise click.UsageError(f"{output}: the workbook's name must end in .xlsx")
    folder = load_folder_or_exit(directory, use_cache=use_cache)
    problems = folder.problems
    print_problems(problems)
    accounts = folder.accounts
    analysis = analyse_portfolio(accounts, folder.settings, today, year)
    try:
        write_bytes_atomic(output, [workbook_bytes(analysis, accounts)], overwrite=True)
    except OSError as error:
        raise click.ClickException(f"{output}: cannot write the workbook: {error}") from None
    click.echo(f"wrote {output}: {len(analysis.rows)} accounts", err=True)
    if any(problem.severity == "error" for problem in problems):
        raise SystemExit(1)
