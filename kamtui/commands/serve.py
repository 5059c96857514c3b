"""`kamtui serve`: the TUI in a web browser, for colleagues without a terminal."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from kamtui.commands.portfolio_folder import portfolio_argument


@click.command()
@portfolio_argument
@click.option(
    "--host",
    default="localhost",
    show_default=True,
    help="Address to listen on. Only this machine can connect to localhost; 0.0.0.0 opens "
    "the portfolio (and the account files it can edit) to anyone who can reach this machine.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def command(directory: Path, host: str, port: int) -> None:
    """Serve the TUI on DIR to web browsers, through textual-serve.

    Each browser tab runs its own kamtui on the folder, reading and watching it as the
    terminal app does. Needs the `serve` extra: pip install 'kamtui[serve]'.
    """
    try:
        from textual_serve.server import Server
    except ImportError:
        raise click.ClickException(
            "kamtui serve needs textual-serve: pip install 'kamtui[serve]'"
        ) from None
    if not directory.is_dir():
        raise click.UsageError(f"{directory}: no such folder")
    app = shlex.join([sys.executable, "-m", "kamtui", "-d", str(directory.resolve())])
    where = "this machine only" if host in ("localhost", "127.0.0.1", "::1") else "the network"
    click.echo(f"kamtui: serving {directory} at http://{host}:{port} to {where}", err=True)
    Server(app, host=host, port=port, title="kamtui").serve()
