"""`kamtui check`: the review gates of `kam.yaml`, as a linter of account plans."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import click

from kamtui.commands.common import (
    load_folder_or_exit,
    print_problems,
    repository_folder,
)
from kamtui.commands.options import cache_option, format_option, today_option
from kamtui.commands.portfolio_folder import portfolio_argument
from kamtui.core.loading.loader import Folder
from kamtui.core.review.gates import GateFinding, GateReport, review_gates
from kamtui.core.review.git_source import GitError, Repository
from kamtui.render.gate_findings import (
    findings_count,
    render_findings_github,
    render_findings_json,
    render_findings_text,
)
from kamtui.render.report_format import counted
from kamtui.render.safe_text import escaped


@click.command()
@portfolio_argument
@click.option(
    "--base",
    metavar="REV",
    help="The revision to compare with (a pull request's base, e.g. origin/main): the rules "
    "champion_lost and score_drop run only with one.",
)
@format_option(
    {
        "text": "PATH:LINE:COL: SEVERITY: [RULE] MESSAGE lines",
        "json": "a list of findings",
        "github": "GitHub workflow commands: annotations on the pull request's diff",
    }
)
@today_option
@cache_option
def command(
    directory: Path, base: str | None, output_format: str, today: dt.date, use_cache: bool
) -> None:
    """Apply the review gates of kam.yaml (`gates:`) to the portfolio in DIR (default: here):
    a champion lost, a tier A account without a plan, a status that contradicts its
    tracking, a stale key player, a score that fell, an account not assessed.

    Each finding points at the line and column that breaks the rule. Files that do not
    validate are reported on stderr and count as errors. Exits 0 when no finding is an
    error, 1 when one is (or a file or kam.yaml does not validate), 2 on a usage error.
    """
    head = load_folder_or_exit(directory, use_cache=use_cache)
    repository, before = _base(directory, head, base) if base is not None else (None, None)
    report = review_gates(head, before, today, base_label=base or "the base")
    print_problems(head.problems)
    _print_not_compared(report, before, base)
    if output_format == "json":
        click.echo(render_findings_json(report.findings))
    elif output_format == "github":
        click.echo(render_findings_github(_from_top(report, repository, directory)), nl=False)
    else:
        click.echo(render_findings_text(report.findings), nl=False)
        _summary(report)
    broken = any(problem.severity == "error" for problem in head.problems)
    if report.failed or broken:
        raise SystemExit(1)


def _base(directory: Path, head: Folder, revision: str) -> tuple[Repository, Folder]:
    """The account folder as it was at `revision`; files unchanged since are parsed once."""
    repository, inside = repository_folder(directory, "; --base needs one")
    if repository.commit(revision) is None:
        raise click.UsageError(f"--base {revision!r} is not a revision of {repository.top}")
    try:
        repository.adopt(revision, inside, head)
        return repository, repository.read_folder(revision, inside)
    except GitError as error:
        raise click.ClickException(str(error)) from None


def _print_not_compared(report: GateReport, before: Folder | None, base: str | None) -> None:
    """The base's problems, then what they left out: the comparing rules skipped."""
    if before is None:
        return
    print_problems(before.problems)
    for account_id in report.not_compared:
        click.echo(
            escaped(
                f"note: {account_id} does not validate at {base}: champion_lost and "
                "score_drop were not checked for it"
            ),
            err=True,
        )


def _from_top(
    report: GateReport, repository: Repository | None, directory: Path
) -> list[GateFinding]:
    """GitHub places an annotation by the file's path from the top of the repository
    `directory` lies in, wherever the check ran from."""
    if repository is None:
        repository = Repository.find(directory)
    if repository is None:
        return list(report.findings)
    return [
        dataclasses.replace(finding, path=_relative(repository, finding.path))
        for finding in report.findings
    ]


def _relative(repository: Repository, path: str) -> str:
    try:
        return repository.relative(Path(path))
    except ValueError:
        return path


def _summary(report: GateReport) -> None:
    against = "" if report.compared else " (no --base: champion_lost and score_drop not checked)"
    click.echo(
        f"{counted(report.checked, 'account')} checked: {findings_count(report)}{against}",
        err=True,
    )
