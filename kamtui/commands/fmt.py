"""`kamtui fmt`: lay account files and kam.yaml out the one canonical way."""

from __future__ import annotations

from pathlib import Path

import click
from pydantic import BaseModel

from kamtui.core.account.account_file import load_model, read_limited
from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.account.problem import Problem, display_path
from kamtui.core.editing.account_change import ChangeRefused, write_unless_changed
from kamtui.core.editing.account_format import FormatError, format_text
from kamtui.core.loading.account_discovery import account_files
from kamtui.core.loading.portfolio_root import SETTINGS_NAMES
from kamtui.render.safe_text import escaped

_BOM = "\ufeff"


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--check", is_flag=True, help="Write nothing; list the files that would change and exit 1."
)
def command(paths: tuple[Path, ...], check: bool) -> None:
    """Lay out account files (and kam.yaml) the canonical way: keys in the format's order,
    two-space indents, quotes only where needed, a blank line between sections, every
    comment kept. PATHS are files or folders (default: the current folder).

    A file that does not validate is reported and left alone. The result always loads to
    the same account, so `kamtui diff` shows no change. Exit 0 when all is formatted (or
    was), 1 with --check when a file would change or when a file has errors.
    """
    changed = failed = 0
    for path in _files(paths or (Path("."),)):
        try:
            after = _formatted(path)
        except ChangeRefused as refused:
            failed += 1
            for problem in refused.problems:
                click.echo(escaped(str(problem)), err=True)
            continue
        if after is None:
            continue
        changed += 1
        if check:
            click.echo(escaped(f"would reformat {display_path(path)}"))
            continue
        read, text = after
        try:
            write_unless_changed(path, read, text)
        except ChangeRefused as refused:
            failed += 1
            click.echo(escaped(str(refused.problems[0])), err=True)
            continue
        click.echo(escaped(f"formatted {display_path(path)}"))
    if not changed and not failed:
        click.echo("every file is formatted", err=True)
    if failed or (check and changed):
        raise SystemExit(1)


def _files(paths: tuple[Path, ...]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += [path / name for name in SETTINGS_NAMES if (path / name).is_file()]
            found += account_files(path)[0]
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _formatted(path: Path) -> tuple[bytes, str] | None:
    """(the bytes read, the formatted text), or None when the file is formatted already."""
    shown = display_path(path)
    model: type[BaseModel] = PortfolioSettings if path.name in SETTINGS_NAMES else Account
    data, error = read_limited(path)
    if error is not None:
        raise ChangeRefused([Problem(shown, 1, 1, error)])
    before_model, problems = load_model(data, shown, model, allow_empty=True)
    if before_model is None:
        raise ChangeRefused(problems)
    text = data.decode("utf-8").removeprefix(_BOM)
    try:
        after = format_text(text, model)
    except FormatError as problem:
        raise ChangeRefused(
            [Problem(shown, problem.line, problem.column, problem.message)]
        ) from None
    if after == text:
        return None
    bom = _BOM if data.startswith(_BOM.encode()) else ""
    after_model, _ = load_model((bom + after).encode(), shown, model, allow_empty=True)
    if after_model != before_model:
        # A bug of the layout, never the user's: refuse rather than change what they wrote.
        raise ChangeRefused(
            [Problem(shown, 1, 1, "formatting would change what the file means; left as written")]
        )
    return data, after
