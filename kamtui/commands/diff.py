"""`kamtui diff`: what changed in meaning between two account files, folders or git revisions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import click

from kamtui.commands.common import load_folder_or_exit, print_problems, repository_folder
from kamtui.commands.options import format_option, today_option
from kamtui.core.account.account_file import load_account_file
from kamtui.core.account.problem import Problem
from kamtui.core.loading.loader import Folder, settings_for
from kamtui.core.review.changes import PortfolioDiff, Side
from kamtui.core.review.diff import diff_account_files, diff_portfolios
from kamtui.core.review.git_source import GitError
from kamtui.render.diff_json import render_diff_json
from kamtui.render.diff_md import render_diff_md
from kamtui.render.diff_text import render_diff_text
from kamtui.render.safe_text import escaped
from kamtui.render.terminal import terminal_console

WORKING_TREE = "working tree"
# ctx.meta key: how many arguments followed a `--` (click drops the `--` itself).
_AFTER_DASHES = "kamtui.diff.after_dashes"


class _DiffCommand(click.Command):
    """Remembers where `--` stood, so `REV -- PATH` can name a folder git also knows as a revision."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if "--" in args:
            ctx.meta[_AFTER_DASHES] = len(args) - args.index("--") - 1
        return super().parse_args(ctx, args)


@dataclass(frozen=True)
class _Comparison:
    diff: PortfolioDiff
    old_label: str
    new_label: str
    problems: list[Problem]


@click.command(cls=_DiffCommand)
@click.argument("arguments", nargs=-1, metavar="[OLD NEW | REV [REV2]] [-- PATH]")
@format_option(
    {"text": "coloured for the terminal", "md": "a pull-request comment", "json": "for machines"}
)
@click.option(
    "--exit-code", is_flag=True, help="Exit 1 when there are changes in meaning, 0 when none."
)
@click.option(
    "--year", type=int, metavar="YYYY", help="Analysis year (default: each side's latest)."
)
@today_option
@click.pass_context
def command(
    ctx: click.Context,
    arguments: tuple[str, ...],
    output_format: str,
    exit_code: bool,
    year: int | None,
    today: dt.date,
) -> None:
    """Show what changed in meaning: fields by path, and what follows from them (score,
    tier, quadrant, flags, who is to win, objectives, the pipeline, the portfolio).

    \b
    kamtui diff OLD NEW          two account files, or two account folders
    kamtui diff                  the account folder here against HEAD
    kamtui diff REV [-- PATH]    PATH (default: here) at REV against the working tree
    kamtui diff REV REV2 [-- PATH]

    Reordered items or keys, indentation and comments are no change. Invalid files
    are reported on stderr and left out. Exits 0 (with --exit-code: 1 when anything
    changed), 2 on a usage error.
    """
    comparison = _compare(arguments, ctx.meta.get(_AFTER_DASHES), today, year)
    print_problems(comparison.problems)
    labels = (comparison.diff, comparison.old_label, comparison.new_label)
    if output_format == "json":
        click.echo(render_diff_json(*labels))
    elif output_format == "md":
        click.echo(render_diff_md(*labels), nl=False)
    else:
        terminal_console(soft_wrap=True).print(render_diff_text(*labels))
    if exit_code and comparison.diff.changed:
        raise SystemExit(1)


def _compare(
    arguments: tuple[str, ...], after_dashes: int | None, today: dt.date, year: int | None
) -> _Comparison:
    if after_dashes is None and len(arguments) == 2 and all(Path(a).exists() for a in arguments):
        return _compare_paths(Path(arguments[0]), Path(arguments[1]), today, year)
    if after_dashes is not None:
        if after_dashes > 1:
            raise click.UsageError("give one account folder after --")
        split = len(arguments) - after_dashes
        revisions, paths = list(arguments[:split]), list(arguments[split:])
    else:
        # Without `--`, an existing path at the end is the folder (as git reads it).
        has_path = bool(arguments) and Path(arguments[-1]).exists()
        revisions = list(arguments[:-1] if has_path else arguments)
        paths = [arguments[-1]] if has_path else []
    if len(revisions) > 2:
        raise click.UsageError("give at most two revisions")
    folder = Path(paths[0]) if paths else Path(".")
    return _compare_revisions(revisions or ["HEAD"], folder, today, year)


def _compare_paths(old: Path, new: Path, today: dt.date, year: int | None) -> _Comparison:
    if old.is_dir() and new.is_dir():
        before, after = load_folder_or_exit(old), load_folder_or_exit(new)
        return _folders(before, after, str(old), str(new), today, year)
    if old.is_dir() or new.is_dir():
        raise click.UsageError("compare two account files or two account folders, not one of each")
    old_settings, old_problems = settings_for(old)
    new_settings, new_problems = settings_for(new)
    # Each version is valid or not in its own portfolio.
    old_file, new_file = load_account_file(old, old_settings), load_account_file(new, new_settings)
    if old_settings != new_settings:
        # One account in two versions is weighed one way, or its figures move for nothing.
        click.echo(
            f"note: {escaped(str(old))} lies in a portfolio with other settings; both versions "
            f"are weighed with those of {escaped(str(new))}",
            err=True,
        )
        old_settings = new_settings
    # The new file names the account: the comparison is of one account in two versions.
    diff = diff_account_files(
        new_file.account_id,
        old_file.account,
        new_file.account,
        new_settings,
        new_settings,
        today,
        invalid=not (old_file.ok and new_file.ok),
    )
    problems = [*old_problems, *old_file.problems, *new_problems, *new_file.problems]
    return _Comparison(diff, str(old), str(new), list(dict.fromkeys(problems)))


def _compare_revisions(
    revisions: list[str], folder: Path, today: dt.date, year: int | None
) -> _Comparison:
    if folder.is_file():
        raise click.UsageError(f"{folder} is a file: give the account folder that holds it")
    repository, inside = repository_folder(
        folder, "; to compare two folders or files, give both paths"
    )
    for revision in revisions:
        if repository.commit(revision) is None:
            raise click.UsageError(f"{revision!r} is neither a file or folder nor a git revision")
    try:
        if len(revisions) == 2:
            after, new_label = repository.read_folder(revisions[1], inside), revisions[1]
        else:
            after, new_label = load_folder_or_exit(folder), WORKING_TREE
            repository.adopt(revisions[0], inside, after)
        # Files unchanged between the two sides are parsed once, for both.
        before = repository.read_folder(revisions[0], inside)
    except GitError as error:
        raise click.ClickException(str(error)) from None
    return _folders(before, after, revisions[0], new_label, today, year)


def _folders(
    before: Folder, after: Folder, old_label: str, new_label: str, today: dt.date, year: int | None
) -> _Comparison:
    diff = diff_portfolios(Side.from_folder(before), Side.from_folder(after), today, year)
    return _Comparison(diff, old_label, new_label, [*before.problems, *after.problems])
