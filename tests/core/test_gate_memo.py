"""A review with a memo judges and locates again only the accounts whose inputs moved,
and says exactly what a review without one says."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from kamtui.core.account.gate_settings import GateLevel
from kamtui.core.account.model import Attitude, ObjectiveStatus
from kamtui.core.analysis.scoring import account_figures
from kamtui.core.loading.loader import Folder, load_folder
from kamtui.core.review import gates
from kamtui.core.review.gate_memo import GateMemo
from kamtui.core.review.gates import GateRule, review_gates
from tests.conftest import EXAMPLES, TODAY


@pytest.fixture
def folder(tmp_path: Path) -> Folder:
    shutil.copytree(EXAMPLES, tmp_path / "accounts")
    return load_folder(tmp_path / "accounts")


def located_accounts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The accounts whose findings are located (judged afresh) from now on."""
    located: list[str] = []
    real = gates._located

    def counting(path, account_id, breaches, settings):  # type: ignore[no-untyped-def]
        located.append(account_id)
        return real(path, account_id, breaches, settings)

    monkeypatch.setattr(gates, "_located", counting)
    return located


def with_account(folder: Folder, account_id: str, **update: object) -> Folder:
    """`folder` with one account's model replaced, every other model the same object."""
    files = [
        dataclasses.replace(f, account=f.account.model_copy(update=update))
        if f.account_id == account_id and f.account is not None
        else f
        for f in folder.files
    ]
    return dataclasses.replace(folder, files=files)


def test_an_unchanged_folder_is_judged_from_the_memo(
    folder: Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    figures = {i: account_figures(a, folder.settings, TODAY) for i, a in folder.accounts.items()}
    memo = GateMemo()
    first = review_gates(folder, None, TODAY, figures=figures, memo=memo)
    located = located_accounts(monkeypatch)
    again = review_gates(folder, None, TODAY, figures=figures, memo=memo)
    assert again == first and first.findings
    assert located == []
    # Another day may make another key player stale: every account is judged again.
    review_gates(folder, None, TODAY.replace(day=TODAY.day + 1), figures=figures, memo=memo)
    assert len(located) == len({f.account_id for f in first.findings})


def test_a_changed_account_is_judged_again_and_the_rest_kept(
    folder: Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The figures of the accounts a save did not touch are the same objects, as the
    # TUI's store keeps them.
    figures = {i: account_figures(a, folder.settings, TODAY) for i, a in folder.accounts.items()}
    memo = GateMemo()
    review_gates(folder, None, TODAY, figures=figures, memo=memo)
    harbor = folder.accounts["harbor-health"]
    # Every objective done: the tier-A account has no plan left (plan_missing).
    objectives = [o.model_copy(update={"status": ObjectiveStatus.done}) for o in harbor.objectives]
    changed = with_account(folder, "harbor-health", objectives=objectives)
    figures["harbor-health"] = account_figures(
        changed.accounts["harbor-health"], folder.settings, TODAY
    )
    located = located_accounts(monkeypatch)
    report = review_gates(changed, None, TODAY, figures=figures, memo=memo)
    assert located == ["harbor-health"]
    assert report == review_gates(changed, None, TODAY)
    assert any(
        f.account_id == "harbor-health" and f.rule is gates.GateRule.plan_missing
        for f in report.findings
    )


def test_an_account_gone_is_forgotten(folder: Folder) -> None:
    memo = GateMemo()
    review_gates(folder, None, TODAY, memo=memo)
    assert "harbor-health" in memo.entries
    without = dataclasses.replace(
        folder, files=[f for f in folder.files if f.account_id != "harbor-health"]
    )
    review_gates(without, None, TODAY, memo=memo)
    assert "harbor-health" not in memo.entries


def review_twice(
    first: Folder,
    then: Folder,
    before: tuple[Folder | None, Folder | None] = (None, None),
    figures: tuple[dict | None, dict | None] = (None, None),
) -> tuple[set, set]:  # type: ignore[type-arg]
    """The findings (account, rule) of a review of `first` and, with the memo it left, of `then`."""
    memo = GateMemo()
    seen = []
    for folder, base, given in zip((first, then), before, figures, strict=True):
        report = review_gates(folder, base, TODAY, figures=given, memo=memo)
        fresh = review_gates(folder, base, TODAY, figures=given)
        assert report == fresh
        seen.append({(f.account_id, f.rule) for f in report.findings})
    return seen[0], seen[1]


def test_each_input_of_a_memo_entry_counts(folder: Folder) -> None:
    """Each of what an account's findings were judged from, changed alone, has them
    judged again (else the memo would answer for the account as it was)."""
    figures = {i: account_figures(a, folder.settings, TODAY) for i, a in folder.accounts.items()}
    harbor = folder.accounts["harbor-health"]
    # The model alone (its figures kept): the CFO, a supporter at the base, is a skeptic.
    friendly = [
        p.model_copy(update={"attitude": Attitude.supporter}) if p.id == "cfo" else p
        for p in harbor.stakeholders
    ]
    base = with_account(folder, "harbor-health", stakeholders=friendly)
    first, then = review_twice(base, folder, (base, base), (figures, figures))
    assert ("harbor-health", GateRule.champion_lost) in then - first
    # The base alone: harbor as it is against a base where the CFO was a supporter.
    first, then = review_twice(folder, folder, (folder, base), (figures, figures))
    assert ("harbor-health", GateRule.champion_lost) in then - first
    # The figures alone: a score fallen since the base.
    fallen = {**figures, "harbor-health": dataclasses.replace(figures["harbor-health"], score=1.0)}
    first, then = review_twice(folder, folder, (folder, folder), (figures, fallen))
    assert ("harbor-health", GateRule.score_drop) in then - first
    # The settings alone: a gate switched off.
    quiet = dataclasses.replace(
        folder,
        settings=folder.settings.model_copy(
            update={
                "gates": folder.settings.gates.model_copy(
                    update={"stale_key_player": GateLevel.off}
                )
            }
        ),
    )
    first, then = review_twice(folder, quiet, (None, None), (figures, figures))
    assert ("harbor-health", GateRule.stale_key_player) in first - then
    # The base's settings alone: weights under which harbor scored far higher at the base.
    heavy = dataclasses.replace(
        folder,
        settings=folder.settings.model_copy(
            update={"weights": folder.settings.weights.model_copy(update={"product_fit": 100})}
        ),
    )
    first, then = review_twice(folder, folder, (folder, heavy), (figures, figures))
    assert first != then


def test_a_tier_moved_by_another_account_has_the_findings_judged_again(folder: Folder) -> None:
    """Harbor's plan all done is a finding in tier A alone; another account's revenue
    soaring moves Harbor out of A without touching Harbor's model or figures."""
    harbor = folder.accounts["harbor-health"]
    done = [o.model_copy(update={"status": ObjectiveStatus.done}) for o in harbor.objectives]
    planless = with_account(folder, "harbor-health", objectives=done)
    figures = {i: account_figures(a, folder.settings, TODAY) for i, a in planless.accounts.items()}
    kestrel = figures["kestrel-robotics"]
    soaring = {
        **figures,
        "kestrel-robotics": dataclasses.replace(kestrel, revenue={**kestrel.revenue, 2026: 1e12}),
    }
    first, then = review_twice(planless, planless, (None, None), (figures, soaring))
    assert ("harbor-health", GateRule.plan_missing) in first - then
