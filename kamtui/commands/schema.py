"""`kamtui schema`: write the JSON Schemas that editors use to validate and complete account files."""

from __future__ import annotations

from pathlib import Path

import click

from kamtui.core.account.problem import display_path
from kamtui.core.account.schema import schema_texts, stale_schemas
from kamtui.core.editing.atomic_write import write_atomic


@click.command()
@click.option(
    "-o",
    "--out",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Folder to write account.schema.json and kam.schema.json to.",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if the files are stale.")
def command(folder: Path, check: bool) -> None:
    """Write the account and portfolio JSON Schemas (draft-07), generated from the models."""
    stale = stale_schemas(folder)
    if check:
        for name in stale:
            click.echo(f"{display_path(folder / name)} is stale; run `kamtui schema`", err=True)
        raise SystemExit(1 if stale else 0)
    texts = schema_texts()
    for name in stale:
        try:
            write_atomic(folder / name, texts[name], overwrite=True)
        except OSError as error:
            raise click.ClickException(
                f"cannot write {display_path(folder / name)}: {error.strerror or error}"
            ) from None
        click.echo(f"wrote {display_path(folder / name)}")
    if not stale:
        click.echo("schemas are up to date")
