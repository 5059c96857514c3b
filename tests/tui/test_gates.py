"""The review gates in the app (issue 23): the working tree judged against HEAD, in a
panel of its own marked as gate findings, refreshed when files change, and harmless
outside a git repository."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Static

from kamtui.core.review.gates import GateFinding, GateReport, GateRule
from kamtui.tui.app import KamApp
from kamtui.tui.widgets.problem_panel import GATE_LINES_SHOWN, gate_lines
from tests.git_repo import GitRepo, gated_repo
from tests.tui.conftest import loaded, wait_for

MakeApp = Callable[..., KamApp]
CHAMPION_LOST = (
    "gate accounts/harbor.yaml:42:15: error: [champion_lost] Jules Martin (consultant) was "
    "champion at HEAD and is now skeptic, in a tier A account"
)


def panel(app: KamApp) -> str:
    found = app.query("#gate-findings")
    if not found or not found.first(Static).display:
        return ""
    return str(found.first(Static).render())


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    repo = gated_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    return repo


async def test_a_champion_lost_since_head_shows_and_goes_when_won_back(
    make_app: MakeApp, repo: GitRepo
) -> None:
    harbor = repo.edit("harbor.yaml", "attitude: champion", "attitude: skeptic")
    app = make_app(repo.folder, gates=True)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await wait_for(pilot, lambda: CHAMPION_LOST in panel(app))
        assert panel(app).startswith(
            "Review gates (1 error, 0 warnings), the working tree against HEAD"
        )
        # Saved back as committed: the finding goes, and with it the panel.
        repo.edit("harbor.yaml", "attitude: skeptic", "attitude: champion")
        app.apply_changes([harbor])
        await wait_for(pilot, lambda: panel(app) == "")


async def test_outside_a_repository_the_rules_without_a_base_still_run(
    make_app: MakeApp, portfolio: Path
) -> None:
    app = make_app(gates=True)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await wait_for(pilot, lambda: "[stale_key_player]" in panel(app))
        assert "no commit to compare with" in panel(app)
        assert app.is_running


async def test_a_repository_without_commits_is_no_base_either(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = GitRepo(tmp_path)
    repo.write(
        "acme.yaml",
        "name: Acme\ncriteria: {revenue_volume: 3, revenue_potential: 3, lifetime_value: 3, "
        "product_fit: 3, strategic_value: ~}\n",
    )
    monkeypatch.chdir(tmp_path)
    app = make_app(repo.folder, gates=True)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await wait_for(pilot, lambda: "[unassessed]" in panel(app))
        assert "no commit to compare with" in panel(app)


def test_the_panel_lists_a_bounded_number_of_findings_errors_first() -> None:
    """40,000 findings at 10,000 accounts: the panel shows GATE_LINES_SHOWN, then counts."""
    warning = GateFinding("a.yaml", 3, 5, "warning", GateRule.unassessed, "not assessed", "a")
    error = GateFinding("b.yaml", 1, 1, "error", GateRule.plan_missing, "no plan", "b")
    report = GateReport((*[warning] * (GATE_LINES_SHOWN + 9), error), 2, (), True)
    lines = [line.plain for line in gate_lines(report)]
    assert len(lines) == 1 + GATE_LINES_SHOWN + 1
    assert lines[1] == "gate b.yaml:1:1: error: [plan_missing] no plan"
    assert lines[-1] == "… and 10 more: `kamtui check` lists every one"
