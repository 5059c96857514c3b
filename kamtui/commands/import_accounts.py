"""`kamtui import`: accounts from a CRM's CSV export, through a map of columns to fields."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import click

from kamtui.commands.common import load_folder_or_exit, print_problems
from kamtui.commands.options import today_option
from kamtui.commands.portfolio_folder import portfolio_argument
from kamtui.core.account.account_file import load_model_file
from kamtui.core.account.problem import display_path
from kamtui.core.editing.crm_import import CrmMap, FileChangePlan, plan_import, write_plan
from kamtui.render.safe_text import escaped


@click.command()
@click.argument(
    "csv_file", metavar="FILE.csv", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@portfolio_argument
@click.option(
    "--map",
    "map_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="YAML map of columns to fields (see examples/crm/).",
)
@click.option(
    "--overwrite",
    "overwrite",
    multiple=True,
    metavar="FIELD",
    help="Replace FIELD (e.g. owner, revenue) where the account file already has it; repeatable.",
)
@click.option("--year", type=int, help="The year of `{year}` in the map (default: today's).")
@today_option
@click.option("--dry-run", is_flag=True, help="Print the diff of every file; write nothing.")
def command(
    csv_file: Path,
    directory: Path,
    map_file: Path,
    overwrite: tuple[str, ...],
    year: int | None,
    today: dt.date,
    dry_run: bool,
) -> None:
    """Import accounts from FILE.csv into DIR: unknown accounts become new files from the
    template; known ones (same file name or same name) get the mapped fields they do
    not have yet, changing only those lines. Problems are printed as FILE:ROW:COLUMN;
    the good rows still go in. Exit 1 when any row or file had a problem.
    """
    crm_map, problems = load_model_file(map_file, CrmMap)
    if crm_map is None:
        print_problems(problems)
        raise SystemExit(1)
    folder = load_folder_or_exit(directory)
    accounts = {f.path: f.path.read_bytes() for f in folder.files if f.account is not None}
    plan = plan_import(
        csv_file,
        crm_map,
        accounts,
        folder.root,
        folder.settings,
        today,
        year or today.year,
        overwrite,
    )
    if not dry_run:
        plan.problems += write_plan(plan)
    for change in plan.files:
        click.echo("\n".join(escaped(line) for line in _report(change, dry_run)))
    print_problems(plan.problems)
    if plan.problems:
        raise SystemExit(1)


def _report(change: FileChangePlan, dry_run: bool) -> list[str]:
    shown = display_path(change.path)
    rows = ", ".join(str(row) for row in change.rows)
    noun = "row" if len(change.rows) == 1 else "rows"
    if dry_run and change.after != change.before:
        before = (change.before or "").splitlines(keepends=True)
        old = f"a/{shown}" if change.before is not None else "/dev/null"
        return [
            line.rstrip("\n")
            for line in difflib.unified_diff(
                before, change.after.splitlines(keepends=True), old, f"b/{shown}"
            )
        ]
    if change.before is None:
        return [f"created {shown} ({noun} {rows})"]
    if change.after == change.before:
        return [f"unchanged {shown} ({noun} {rows})"]
    return [f"updated {shown}: {', '.join(change.fields)} ({noun} {rows})"]
