"""`kamtui set`: change one value of an account file in place, as a one-line diff."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from kamtui.commands.common import account_path, complete_account
from kamtui.commands.edit_output import print_change, print_refused
from kamtui.commands.portfolio_folder import portfolio_argument
from kamtui.core.account.yaml_source import YamlProblem, parse
from kamtui.core.editing.account_change import ChangeRefused, change_account, write_change
from kamtui.core.editing.field_path import PathError, set_named
from kamtui.core.loading.loader import settings_for
from kamtui.render.safe_text import escaped


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("account", shell_complete=complete_account)
@click.argument("path", metavar="PATH")
@click.argument("value", metavar="VALUE")
@portfolio_argument
@click.option("--dry-run", is_flag=True, help="Print the change as a diff; write nothing.")
def command(account: str, path: str, value: str, directory: Path, dry_run: bool) -> None:
    """Set the value at PATH in ACCOUNT's file, changing only its line.

    PATH names fields with dots and list items by their id: `criteria.product_fit`,
    `stakeholders.evp.attitude`, `objectives.cloud-migration.status`,
    `needs.voice-transcription.status`, `health.churn_risk`; an action without an id
    by its number, `objectives.grow.actions.2.done`. VALUE is read as YAML
    (`7`, `true`, `2026-12-31`, `on_track`, `"quoted text"`) and checked against the
    format before anything is written. Comments, key order and quoting elsewhere stay.
    """
    file = account_path(account, directory)
    new = _value(value)
    try:
        change = change_account(
            file, lambda text: set_named(text, path, new), settings_for(file)[0]
        )
        if not dry_run:
            write_change(change)
    except PathError as error:
        raise click.UsageError(escaped(str(error))) from None
    except ChangeRefused as refused:
        print_refused(refused)
    print_change(change, dry_run=dry_run)


def _value(text: str) -> Any:
    try:
        document = parse(text)
    except YamlProblem as problem:
        raise click.UsageError(escaped(f"VALUE {text!r} is not YAML: {problem.message}")) from None
    if document is None:
        raise click.UsageError("VALUE is empty: write null to clear a field")
    return document.data
