"""`kamtui graph`: an account's decision-making map as a tree, Mermaid or DOT."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from kamtui.commands.common import account_arguments, account_path, print_problems
from kamtui.commands.options import cache_option, format_option, today_option
from kamtui.core.account.account_file import load_account_file
from kamtui.core.account.model import Account
from kamtui.core.analysis.portfolio import analyse_portfolio
from kamtui.core.analysis.relationships import relationships
from kamtui.core.loading.loader import load_folder, settings_for
from kamtui.core.loading.portfolio_root import portfolio_root
from kamtui.core.people.buying_centre import MapStatus, account_map_status
from kamtui.core.people.org_chart import org_chart
from kamtui.render.dot import render_dot
from kamtui.render.mermaid import render_mermaid
from kamtui.render.org_chart_rich import render_org_chart
from kamtui.render.terminal import terminal_console


@click.command()
@account_arguments
@format_option(
    {
        "tree": "the org chart in the terminal",
        "mermaid": "a flowchart for GitHub",
        "dot": "Graphviz for print",
    }
)
@today_option
@cache_option
def command(
    account: str, directory: Path, output_format: str, today: dt.date, use_cache: bool
) -> None:
    """Draw the decision-making map of ACCOUNT: who reports to whom, who influences
    whom, who is for or against us, through whom to win those who decide, and which
    key players nobody has met within the cadence of the account's tier (⚠).

    ACCOUNT is an account id (its file name without .yaml), looked up in DIR (default:
    here) and its subfolders, or the path of an account file.

    Exits 1 when the account file is invalid (its problems go to stderr), 2 when no
    account matches.
    """
    path = account_path(account, directory)
    settings, settings_problems = settings_for(path)
    loaded = load_account_file(path, settings)
    print_problems([*settings_problems, *loaded.problems])
    if loaded.account is None:
        raise SystemExit(1)
    chart = org_chart(loaded.account, *judged_in_portfolio(path, loaded.account, today, use_cache))
    if output_format == "mermaid":
        click.echo(render_mermaid(chart), nl=False)
    elif output_format == "dot":
        click.echo(render_dot(chart), nl=False)
    else:
        terminal_console().print(render_org_chart(chart))


def judged_in_portfolio(
    path: Path, account: Account, today: dt.date, use_cache: bool
) -> tuple[MapStatus, list[str]]:
    """The map status and the key players not met in time of the account at `path`,
    judged as the report and the TUI judge them: by its portfolio's settings and its
    tier there."""
    folder = load_folder(portfolio_root(path), use_cache=use_cache)
    target = path.resolve()
    for loaded in folder.files:
        if loaded.account is not None and loaded.path.resolve() == target:
            row = analyse_portfolio(folder.accounts, folder.settings, today).rows
            figures = row[loaded.account_id].figures
            return figures.map_status, list(row[loaded.account_id].stale)
    # Not one of its portfolio's accounts (another file has its id): it has no tier.
    players = relationships(account, today).stale(folder.settings.cadence, None, today)
    return account_map_status(account, folder.settings), [player.id for player in players]
