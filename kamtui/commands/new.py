"""`kamtui new NAME`: scaffold an account file from the commented template."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from kamtui.core.account.problem import display_path
from kamtui.core.editing.template import AccountExists, create_account


@click.command()
@click.argument("name")
@click.option(
    "-d",
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder to create the account file in.",
)
def command(name: str, folder: Path) -> None:
    """Create NAME.yaml (slugified) from the template; never overwrites a file."""
    try:
        path = create_account(folder, name, dt.date.today())
    except FileExistsError as error:
        raise click.ClickException(
            f"{display_path(Path(str(error)))} already exists; not overwriting it"
        ) from None
    except AccountExists as error:
        raise click.ClickException(str(error)) from None
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"cannot write the account file: {error}") from None
    click.echo(f"created {display_path(path)}")
