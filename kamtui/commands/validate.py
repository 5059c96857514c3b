"""`kamtui validate`: check account files the way a linter does."""

from __future__ import annotations

from pathlib import Path

import click

from kamtui.commands.options import cache_option, format_option
from kamtui.core.account.problem import Problem
from kamtui.core.loading import validity_record
from kamtui.core.loading.portfolio_root import default_folder, portfolio_root
from kamtui.core.loading.validity_record import Checked
from kamtui.render.json_text import json_text
from kamtui.render.safe_text import escaped


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True, path_type=Path))
@format_option({"text": "PATH:LINE:COL: error: MESSAGE lines", "json": "a list of problems"})
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Print nothing when every account is valid (as hledger check).",
)
@cache_option
def command(paths: tuple[Path, ...], output_format: str, quiet: bool, use_cache: bool) -> None:
    """Check account folders or files (default: the portfolio here, or at $KAMTUI_DIR).

    Exits 0 when every account is valid, 1 when any is not, 2 on a usage error.
    """
    paths = paths or (portfolio_root(default_folder()),)
    one_folder = len(paths) == 1 and paths[0].is_dir()
    seen = validity_record.look(paths[0]) if use_cache and one_folder else None
    checked = seen.recorded if seen is not None else None
    if checked is None:
        checked = _read_and_check(paths, use_cache, seen)
    problems = sorted(checked.problems, key=lambda p: (p.path, p.line, p.column))
    if output_format == "json":
        click.echo(json_text([_as_json(p) for p in problems]))
    else:
        for problem in problems:
            click.echo(escaped(str(problem)))
        noun = "account" if checked.files == 1 else "accounts"
        if problems or not quiet:
            click.echo(
                f"{checked.files} {noun} checked, {checked.failed} with errors", err=bool(problems)
            )
    if any(p.severity == "error" for p in problems):
        raise SystemExit(1)


def _read_and_check(
    paths: tuple[Path, ...], use_cache: bool, seen: validity_record.FolderLook | None
) -> Checked:
    # Imported here: reading files takes pydantic and PyYAML, 0.2 s of imports that a
    # folder unchanged since its last clean check does without (validity_record).
    from kamtui.commands.common import read_stdin
    from kamtui.core.loading.folder_check import check

    return check(paths, use_cache=use_cache, read_stdin=read_stdin, seen=seen)


def _as_json(problem: Problem) -> dict[str, object]:
    return {
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "severity": problem.severity,
        "message": problem.message,
    }
