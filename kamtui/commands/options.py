"""Options shared by the subcommands.

Light on purpose (click alone): `kamtui validate` on an unchanged folder imports
nothing heavier (`core.loading.validity_record`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import click
from click.decorators import FC

# The years --today and --year take: windows and cadences reach years before and after
# today, which the calendar's ends (years 1 and 9999) leave no room for.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def _parse_today(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        today = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-24") from None
    if not FIRST_YEAR <= today.year <= LAST_YEAR:
        raise click.BadParameter(f"{value!r} is not a date from {FIRST_YEAR} to {LAST_YEAR}")
    return today


today_option = click.option(
    "--today",
    callback=_parse_today,
    metavar="YYYY-MM-DD",
    help="The date to judge due dates and time in queue against (default: today).",
)


year_option = click.option(
    "--year",
    type=click.IntRange(FIRST_YEAR, LAST_YEAR),
    metavar="YYYY",
    help="The analysis year (default: the latest year with revenue).",
)

cache_option = click.option(
    "--cache/--no-cache",
    "use_cache",
    default=True,
    show_default=True,
    help="Reuse the validated accounts of files unchanged since the last run "
    "(kept in the user cache folder, or $KAMTUI_CACHE_DIR).",
)


def format_option(formats: dict[str, str]) -> Callable[[FC], FC]:
    """`--format`, one choice per key of `formats` (the first is the default), each described."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(list(formats)),
        default=next(iter(formats)),
        show_default=True,
        help="; ".join(f"{name}: {meaning}" for name, meaning in formats.items()) + ".",
    )
