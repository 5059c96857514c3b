"""A review with a memo judges and locates again only the accounts whose inputs moved,
and says exactly what a review without one says."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from kamtui.core.account.model import ObjectiveStatus
from kamtui.core.analysis.scoring import account_figures
from kamtui.core.loading.loader import Folder, load_folder
from kamtui.core.review import gates
from kamtui.core.review.gate_memo import GateMemo
from kamtui.core.review.gates import review_gates
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
