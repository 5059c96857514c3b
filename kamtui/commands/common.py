"""Options and output helpers shared by the subcommands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import click

from kamtui.core.loader import Folder, Problem, load_folder
from kamtui.render.safe_text import escaped


def _parse_today(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-24") from None


today_option = click.option(
    "--today",
    callback=_parse_today,
    metavar="YYYY-MM-DD",
    help="The date to judge due dates and time in queue against (default: today).",
)


cache_option = click.option(
    "--cache/--no-cache",
    "use_cache",
    default=True,
    show_default=True,
    help="Reuse the validated accounts of files unchanged since the last run "
    "(kept in the user cache folder, or $KAMTUI_CACHE_DIR).",
)


def load_folder_or_exit(path: Path, *, use_cache: bool = True) -> Folder:
    """Load an account folder; a missing folder is a usage error (exit 2)."""
    if not path.exists():
        raise click.UsageError(f"{path}: no such folder")
    if not path.is_dir():
        raise click.UsageError(f"{path}: not a folder")
    return load_folder(path, use_cache=use_cache)


def print_problems(problems: Iterable[Problem]) -> None:
    """To stderr, with control characters from file names and quoted values made visible."""
    for problem in problems:
        click.echo(escaped(str(problem)), err=True)
