"""`kamtui validate`: check account files the way a linter does."""

from __future__ import annotations

from pathlib import Path

import click

from kamtui.commands.common import STDIN_NAME, cache_option, format_option, read_stdin
from kamtui.core.account.account_file import (
    LoadedFile,
    Problem,
    display_path,
    load_account_bytes,
    load_account_file,
)
from kamtui.core.account.yaml_source import YamlProblem, parse
from kamtui.core.loading.loader import drop_duplicate_ids, load_folder, load_settings
from kamtui.core.loading.portfolio_root import SETTINGS_NAMES, default_folder, portfolio_root
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
    files, problems = _check(paths or (portfolio_root(default_folder()),), use_cache)
    problems.sort(key=lambda p: (p.path, p.line, p.column))
    failed = sum(1 for loaded in files if not loaded.ok)
    if output_format == "json":
        click.echo(json_text([_as_json(p) for p in problems]))
    else:
        for problem in problems:
            click.echo(escaped(str(problem)))
        noun = "account" if len(files) == 1 else "accounts"
        if problems or not quiet:
            click.echo(f"{len(files)} {noun} checked, {failed} with errors", err=bool(problems))
    if any(p.severity == "error" for p in problems):
        raise SystemExit(1)


def _check(paths: tuple[Path, ...], use_cache: bool) -> tuple[list[LoadedFile], list[Problem]]:
    files: list[LoadedFile] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            folder = load_folder(path, use_cache=use_cache)
            files.extend(folder.files)
            problems.extend(folder.folder_problems)
        elif str(path) == "-":
            data, unreadable = read_stdin()
            if unreadable is not None:
                files.append(LoadedFile(Path(STDIN_NAME), "stdin", None, [unreadable]))
            else:
                account, found = load_account_bytes(data, STDIN_NAME)
                files.append(LoadedFile(Path(STDIN_NAME), "stdin", account, found))
        elif path.name in SETTINGS_NAMES:
            problems.extend(load_settings(path.parent)[1])
        else:
            files.append(load_account_file(path))
    drop_duplicate_ids(files)
    for loaded in files:
        problems.extend(loaded.problems)
        if loaded.account is not None and loaded.account.criteria.unscored:
            problems.append(_not_assessed(loaded))
    return files, list(dict.fromkeys(problems))


def _not_assessed(loaded: LoadedFile) -> Problem:
    """A warning at the first criterion left empty, naming every one to score."""
    assert loaded.account is not None
    unscored = loaded.account.criteria.unscored
    line, column = 1, 1
    try:
        document = parse(loaded.path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, YamlProblem):
        document = None
    if document is not None:
        position = document.position(("criteria", unscored[0]), at_key=True)
        line, column = position.line, position.column
    return Problem(
        display_path(loaded.path),
        line,
        column,
        f"not assessed yet: score {', '.join(unscored)} (1 to 5) to give it a score and a quadrant",
        "warning",
    )


def _as_json(problem: Problem) -> dict[str, object]:
    return {
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "severity": problem.severity,
        "message": problem.message,
    }
