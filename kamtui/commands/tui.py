"""`kamtui` with no subcommand: open the TUI on an account folder."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click


def run_tui(directory: Path, use_cache: bool = True) -> int:
    """Run the app on `directory` (`use_cache`: see `AccountStore`); a clear message and status 2 when it cannot start."""
    if not directory.exists():
        click.echo(f"kamtui: {directory}: no such folder", err=True)
        return 2
    if not directory.is_dir():
        click.echo(f"kamtui: {directory}: not a folder", err=True)
        return 2
    # textual-serve (`kamtui serve`) runs the app with its web driver, without a terminal.
    served = os.environ.get("TEXTUAL_DRIVER", "").endswith(":WebDriver")
    if not served and not (sys.stdin.isatty() and sys.stdout.isatty()):
        click.echo(
            "kamtui: the TUI needs a terminal; for scripts and CI use a subcommand "
            "(kamtui --help lists them)",
            err=True,
        )
        return 2
    # Imported here so the headless subcommands never load Textual.
    from kamtui.tui.app import KamApp
    from kamtui.tui.user_config import config_path

    app = KamApp(directory, dt.date.today(), use_cache=use_cache, config=config_path())
    app.run()
    return app.return_code or 0
