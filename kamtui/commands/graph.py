"""`kamtui graph`: an account's decision-making map as a tree, Mermaid or DOT."""

from __future__ import annotations

from pathlib import Path

import click

from kamtui.commands.common import account_arguments, account_path, print_problems
from kamtui.commands.options import format_option
from kamtui.core.account.account_file import load_account_file
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
def command(account: str, directory: Path, output_format: str) -> None:
    """Draw the decision-making map of ACCOUNT: who reports to whom, who influences
    whom, who is for or against us, and through whom to win those who decide.

    ACCOUNT is an account id (its file name without .yaml), looked up in DIR (default:
    here) and its subfolders, or the path of an account file.

    Exits 1 when the account file is invalid (its problems go to stderr), 2 when no
    account matches.
    """
    loaded = load_account_file(account_path(account, directory))
    print_problems(loaded.problems)
    if loaded.account is None:
        raise SystemExit(1)
    chart = org_chart(loaded.account)
    if output_format == "mermaid":
        click.echo(render_mermaid(chart), nl=False)
    elif output_format == "dot":
        click.echo(render_dot(chart), nl=False)
    else:
        terminal_console().print(render_org_chart(chart))
