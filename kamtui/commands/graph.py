"""`kamtui graph`: an account's decision-making map as a tree, Mermaid or DOT."""

from __future__ import annotations

import difflib
from pathlib import Path

import click
from rich.console import Console

from kamtui.commands.common import print_problems
from kamtui.core.loader import ACCOUNT_SUFFIXES, account_files, load_account_file
from kamtui.core.org_chart import org_chart
from kamtui.render.dot import render_dot
from kamtui.render.mermaid import render_mermaid
from kamtui.render.org_chart_rich import render_org_chart


@click.command()
@click.argument("account")
@click.argument("directory", metavar="[DIR]", default=".", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["tree", "mermaid", "dot"]),
    default="tree",
    show_default=True,
    help="tree: the org chart in the terminal; mermaid: a flowchart for GitHub; "
    "dot: Graphviz for print.",
)
def command(account: str, directory: Path, output_format: str) -> None:
    """Draw the decision-making map of ACCOUNT: who reports to whom, who influences
    whom, who is for or against us, and through whom to win those who decide.

    ACCOUNT is an account id (its file name without .yaml), looked up in DIR (default:
    here) and its subfolders, or the path of an account file.

    Exits 1 when the account file is invalid (its problems go to stderr), 2 when no
    account matches.
    """
    loaded = load_account_file(_account_path(account, directory))
    print_problems(loaded.problems)
    if loaded.account is None:
        raise SystemExit(1)
    chart = org_chart(loaded.account)
    if output_format == "mermaid":
        click.echo(render_mermaid(chart), nl=False)
    elif output_format == "dot":
        click.echo(render_dot(chart), nl=False)
    else:
        Console(highlight=False).print(render_org_chart(chart))


def _account_path(account: str, directory: Path) -> Path:
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
