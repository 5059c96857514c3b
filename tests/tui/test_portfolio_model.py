"""A live reload rebuilds only some rows: the result must equal rebuilding every row."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kamtui.core.loading.store import AccountStore
from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel
from tests.conftest import EXAMPLES, TODAY


def _comparable(file: AccountFile) -> tuple[object, ...]:
    # The stakeholder analysis holds graphs, which compare by identity.
    return tuple(
        getattr(file, field.name)
        for field in dataclasses.fields(file)
        if field.name != "stakeholders"
    )


def _fresh(root: Path) -> PortfolioModel:
    model = PortfolioModel(AccountStore(root), TODAY)
    model.load_all()
    return model


def _refreshed(model: PortfolioModel) -> PortfolioModel:
    """Every row rebuilt from the same store (a broken file keeps its last valid version)."""
    reference = PortfolioModel(model.store, TODAY)
    reference.refresh()
    return reference


def _lumen_buys_the_bank(root: Path) -> list[Path]:
    # From a candidate to the largest key account in 2026: every tier boundary moves.
    path = root / "lumen-bank.yaml"
    text = path.read_text(encoding="utf-8").replace("status: candidate\n", "")
    path.write_text(text.replace("2026: 70000 ", "2026: 90000000 "), encoding="utf-8")
    return [path]


def _break_a_file(root: Path) -> list[Path]:
    path = root / "harbor-health.yaml"
    path.write_text("name: [unclosed\n", encoding="utf-8")
    return [path]


def _delete_a_file(root: Path) -> list[Path]:
    path = root / "kestrel-robotics.yaml"
    path.unlink()
    return [path]


def _duplicate_an_id(root: Path) -> list[Path]:
    copy = root / "europe" / "lumen-bank.yaml"
    shutil.copy(root / "lumen-bank.yaml", copy)
    return [copy]


def _add_an_account(root: Path) -> list[Path]:
    path = root / "zephyr-freight.yaml"
    text = (root / "lumen-bank.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("Lumen Bank", "Zephyr Freight"), encoding="utf-8")
    return [path]


EDITS: list[Callable[[Path], list[Path]]] = [
    _lumen_buys_the_bank,
    _break_a_file,
    _delete_a_file,
    _duplicate_an_id,
    _add_an_account,
]


@pytest.mark.parametrize("edit", EDITS, ids=lambda edit: edit.__name__.strip("_"))
def test_a_reload_equals_a_full_refresh(tmp_path: Path, edit: Callable[[Path], list[Path]]) -> None:
    root = tmp_path / "accounts"
    shutil.copytree(EXAMPLES, root)
    model = _fresh(root)
    model.reload(edit(root))
    fresh = _refreshed(model)
    assert model.analysis.abc_tiers == fresh.analysis.abc_tiers
    assert sorted(model.files) == sorted(fresh.files)
    for key, file in fresh.files.items():
        assert _comparable(model.files[key]) == _comparable(file), key


def test_edits_one_after_another_equal_a_full_refresh(tmp_path: Path) -> None:
    root = tmp_path / "accounts"
    shutil.copytree(EXAMPLES, root)
    model = _fresh(root)
    for edit in EDITS:
        model.reload(edit(root))
    fresh = _refreshed(model)
    assert {k: _comparable(f) for k, f in model.files.items()} == {
        k: _comparable(f) for k, f in fresh.files.items()
    }


def test_many_files_at_once_are_analysed_afresh_with_every_account(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "accounts"
    shutil.copytree(EXAMPLES, root)
    model = _fresh(root)
    monkeypatch.setattr(PortfolioModel, "REANALYSE_ABOVE", 2)
    model.reload([*_lumen_buys_the_bank(root), *_delete_a_file(root), *_add_an_account(root)])
    fresh = _refreshed(model)
    assert model.changed_keys is None
    assert model.analysis == fresh.analysis
    assert len(model.analysis.rows) == len(fresh.store.accounts())


def test_a_folder_named_relatively_takes_the_absolute_paths_the_watcher_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "accounts")
    monkeypatch.chdir(tmp_path)
    model = _fresh(Path("accounts"))
    [path] = _lumen_buys_the_bank(tmp_path / "accounts")
    change = model.reload([path.absolute()])
    assert change.changed == {"lumen-bank"}
    assert model.analysis.rows["lumen-bank"].tier == "A"


def test_a_reload_names_the_rows_it_rebuilt(tmp_path: Path) -> None:
    root = tmp_path / "accounts"
    shutil.copytree(EXAMPLES, root)
    model = _fresh(root)
    assert model.changed_keys is None
    path = root / "harbor-health.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# seen\n", encoding="utf-8")
    model.reload([path])
    assert model.changed_keys == frozenset({str(path)})
