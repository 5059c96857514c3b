"""How one account moved over its git history, commit by commit: every figure of its
record and every fact of its file.

The tier of an account is a portfolio figure, so each commit's tier is computed
from the whole account folder as it was at that commit (with that commit's
kam.yaml). Files unchanged between commits are parsed only once.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from kamtui.core.account.model import Account
from kamtui.core.account.problem import Problem
from kamtui.core.analysis.portfolio import analyse_portfolio
from kamtui.core.analysis.record import FigureValue, record_values
from kamtui.core.analysis.scoring import selection_score
from kamtui.core.review.changes import FigureChange, LogDiff
from kamtui.core.review.diff import figure_changes, log_diff, told_by_log
from kamtui.core.review.facts import model_facts
from kamtui.core.review.git_source import Commit, Repository


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """The account at one commit, and what moved since the commit before it."""

    commit: Commit
    # None when the file is missing or invalid at this commit (see `problems`).
    account: Account | None
    figures: Mapping[str, FigureValue]
    # Figures and facts that moved, but those of the log, which `log` tells.
    moves: tuple[FigureChange, ...]
    problems: tuple[Problem, ...] = ()
    log: LogDiff = field(default_factory=LogDiff)


class ScorePoint(NamedTuple):
    date: dt.datetime
    score: float


def account_history(
    repository: Repository, folder: str, path: str, today: dt.date
) -> list[HistoryEntry]:
    """Every commit that touched the account file `path` (both from the repository's
    top; `folder` is its account folder), oldest first."""
    entries: list[HistoryEntry] = []
    previous: Mapping[str, FigureValue] = {}
    earlier: Account | None = None
    for commit in reversed(repository.log(path)):
        account_id = posixpath.splitext(posixpath.basename(commit.path))[0]
        state = repository.read_folder(commit.hash, folder, label=commit.short)
        loaded = next(
            (f for f in state.files if str(f.path) == f"{commit.short}:{commit.path}"), None
        )
        account = None if loaded is None else loaded.account
        problems = tuple(loaded.problems) if loaded is not None else (_outside(commit, folder),)
        figures: Mapping[str, FigureValue] = {}
        moves: tuple[FigureChange, ...] = ()
        log = LogDiff()
        if account is not None:
            analysis = analyse_portfolio(state.accounts, state.settings, today)
            row = analysis.rows[account_id]
            record = record_values(row.figures, row.tier, stale=row.stale)
            figures = {**record, **model_facts(account)}
            # The first version is summed up by its record, not by every line of the file.
            if previous:
                log = log_diff(earlier, account)
                told = told_by_log(log)
                moves = tuple(
                    move
                    for move in figure_changes(previous, figures)
                    if not move.name.startswith("activities[") and move.name not in told
                )
            else:
                moves = figure_changes({}, record)
            earlier = account
        entries.append(HistoryEntry(commit, account, figures, moves, problems, log))
        previous = figures or previous
    return entries


def score_history(folder: Path, account_file: Path) -> list[ScorePoint]:
    """(date, selection score) at each commit of the account file, oldest first, each
    under the kam.yaml of its commit; commits where the file is invalid or not assessed
    are left out.
    Empty outside a git repository or for a file git does not track."""
    repository = Repository.find(folder)
    if repository is None:
        return []
    commits = list(reversed(repository.log(repository.relative(account_file))))
    versions = repository.account_versions(commits, repository.relative(folder))
    points = [
        (commit.date, selection_score(account, settings))
        for commit, (account, settings) in zip(commits, versions, strict=True)
        if account is not None
    ]
    return [ScorePoint(date, score) for date, score in points if score is not None]


def _outside(commit: Commit, folder: str) -> Problem:
    return Problem(
        f"{commit.short}:{commit.path}",
        1,
        1,
        f"not an account file of {folder or 'the top folder'} at this commit",
        "warning",
    )
