"""The score history in the Overview tab, from a real temporary git repository."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from kamtui.core.review import history as core_history
from kamtui.core.review.history import ScorePoint
from kamtui.tui.app import KamApp
from kamtui.tui.detail.overview_tab import OverviewTab
from kamtui.tui.detail.score_history import history_line, in_git_repository
from kamtui.tui.drawing.chart import sparkline
from tests.git_repo import ACME, TINY, GitRepo, isolate_git
from tests.tui.conftest import loaded, settled, wait_for


def test_sparkline_runs_from_the_lowest_to_the_highest_block() -> None:
    # (50 − 0) / 100 × 7 = 3.5, rounded to even 4: "▅".
    assert sparkline([0, 50, 100]) == "▁▅█"
    assert sparkline([62, 85]) == "▁█"
    assert sparkline([50, 50, 50]) == "▅▅▅"


def test_history_line_counts_every_commit_since_the_first() -> None:
    points = [
        ScorePoint(dt.datetime(2025, 3, 2, 9, 0, tzinfo=dt.UTC), 62.0),
        ScorePoint(dt.datetime(2025, 6, 1, 9, 0, tzinfo=dt.UTC), 85.0),
    ]
    line = history_line(points)
    assert line is not None
    assert line.plain == "Score history  ▁█ 62 → 85 (2 commits since 2025-03-02)"
    assert history_line([]) is None


def test_a_folder_outside_git_is_not_a_repository(tmp_path: Path) -> None:
    assert not in_git_repository(tmp_path)
    (tmp_path / ".git").mkdir()
    assert in_git_repository(tmp_path / "accounts")


async def test_the_overview_shows_the_score_at_each_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_app: Callable[..., KamApp]
) -> None:
    isolate_git(monkeypatch)
    repo = GitRepo(tmp_path / "repo")
    repo.write("acme.yaml", ACME)
    repo.commit("Acme at 50")
    # One criterion from 3 to 5: 100 × (4 × 2 + 4) / 20 = 60.
    repo.edit("acme.yaml", "revenue_volume: 3", "revenue_volume: 5")
    repo.commit("Acme at 60")
    app = make_app(repo.folder)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await settled(pilot)
        overview = app.query_one(OverviewTab)
        await wait_for(pilot, lambda: overview.history is not None)
        assert str(overview.history) == ("Score history  ▁█ 50 → 60 (2 commits since 2026-01-01)")


async def test_outside_git_the_overview_shows_no_history(
    portfolio: Path, make_app: Callable[..., KamApp]
) -> None:
    app = make_app(portfolio)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await settled(pilot)
        assert app.query_one(OverviewTab).history is None
        assert not app.workers


async def test_moving_back_to_an_account_reads_its_history_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_app: Callable[..., KamApp]
) -> None:
    isolate_git(monkeypatch)
    read: list[str] = []

    def counted(folder: Path, account_file: Path) -> list[ScorePoint]:
        read.append(account_file.name)
        return core_history.score_history(folder, account_file)

    monkeypatch.setattr("kamtui.tui.detail.overview_tab.score_history", counted)
    repo = GitRepo(tmp_path / "repo")
    repo.write("acme.yaml", ACME)
    repo.write("tiny.yaml", TINY)
    repo.commit("Start")
    app = make_app(repo.folder)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        overview = app.query_one(OverviewTab)
        for key in ("down", "up", "down", "up"):
            await pilot.press(key)
            await settled(pilot)
            await wait_for(pilot, lambda: overview.history is not None)
    # Acme (score 50) first, then Tiny (25): each read once.
    assert read == ["acme.yaml", "tiny.yaml"]
