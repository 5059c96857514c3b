"""`kamtui log`: add one activity to an account's log, changing nothing else in its file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from kamtui.commands.common import account_path, complete_account
from kamtui.commands.edit_output import print_change, print_refused
from kamtui.core.account.account_file import load_account_file
from kamtui.core.account.model import ActivityKind
from kamtui.core.account.problem import display_path
from kamtui.core.editing.account_change import ChangeRefused, write_change
from kamtui.core.editing.activity_log import activity_entry, log_activity, unknown_person
from kamtui.core.loading.loader import settings_for
from kamtui.core.loading.portfolio_root import default_folder, portfolio_root
from kamtui.render.safe_text import escaped


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-24") from None


@click.command()
@click.argument("account", shell_complete=complete_account)
@click.argument("words", nargs=-1, required=True, metavar="[DIR] SUMMARY")
@click.option(
    "--with",
    "people",
    metavar="ID,ID",
    default="",
    help="Ids of the account's stakeholders who took part, comma-separated.",
)
@click.option(
    "--kind", type=click.Choice([kind.value for kind in ActivityKind]), help="What it was."
)
@click.option(
    "--date",
    "day",
    callback=_date,
    metavar="YYYY-MM-DD",
    help="When it happened (default: today).",
)
@click.option("--next", "next_step", metavar="TEXT", help="The next step agreed.")
@click.option("--next-due", callback=_date, metavar="YYYY-MM-DD", help="When the next step is due.")
@click.option("--dry-run", is_flag=True, help="Print the change as a diff; write nothing.")
def command(
    account: str,
    words: tuple[str, ...],
    people: str,
    kind: str | None,
    day: dt.date | None,
    next_step: str | None,
    next_due: dt.date | None,
    dry_run: bool,
) -> None:
    """Append an activity (a meeting, a call, a note) to ACCOUNT's log.

    ACCOUNT is an account id (looked up in DIR, default here) or a file; SUMMARY is one
    line, in quotes. Only the new lines are added to the file (plus the `activities:`
    key for the first one): comments, key order and quoting stay as they were.
    """
    if len(words) > 2:
        raise click.UsageError(
            f"expected ACCOUNT [DIR] SUMMARY, got {len(words) + 1} arguments: "
            "put the summary in quotes"
        )
    # DIR comes before SUMMARY, so click cannot give it its default: found here as the
    # [DIR] of every other command is (portfolio_folder), from $KAMTUI_DIR or here.
    directory = Path(words[0]) if len(words) == 2 else default_folder()
    if not directory.is_dir():
        raise click.UsageError(escaped(f"{directory}: no such folder"))
    directory = portfolio_root(directory)
    if next_due is not None and next_step is None:
        raise click.UsageError("--next-due needs --next: the step it dates")
    path = account_path(account, directory)
    named = [person.strip() for person in people.split(",") if person.strip()]
    try:
        entry = activity_entry(
            words[-1],
            day or dt.date.today(),
            kind=ActivityKind(kind) if kind is not None else None,
            people=named,
            next_step=next_step,
            next_due=next_due,
        )
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    settings, _ = settings_for(path)
    loaded = load_account_file(path, settings)
    # A broken file: log_activity reports the file's own problems.
    wrong = unknown_person(loaded.account, named) if loaded.account is not None else None
    if wrong is not None:
        raise click.UsageError(escaped(f"{display_path(path)}: {wrong}"))
    try:
        change = log_activity(path, entry, settings)
        if not dry_run:
            write_change(change)
    except ChangeRefused as refused:
        print_refused(refused)
    print_change(change, dry_run=dry_run)
