"""Finding the portfolio a path belongs to, as git finds `.git` (the CLI's discovery
is tested through the commands in tests/cli/test_discovery.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kamtui.core.loading.portfolio_root import FOLDER_VARIABLE, default_folder, portfolio_root


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    root = tmp_path / "accounts"
    (root / "emea").mkdir(parents=True)
    (root / "kam.yaml").write_text("currency: EUR\n", encoding="utf-8")
    (root / "acme.yaml").write_text("name: Acme\n", encoding="utf-8")
    return root


def test_the_root_itself_is_returned_as_given(portfolio: Path) -> None:
    assert portfolio_root(portfolio) == portfolio


def test_a_file_at_the_root_belongs_to_it_as_given(portfolio: Path) -> None:
    assert portfolio_root(portfolio / "acme.yaml") == portfolio


def test_below_the_root_the_root_is_found_relative_to_here(
    portfolio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(portfolio / "emea")
    assert portfolio_root(Path(".")) == Path("..")
    assert portfolio_root(portfolio / "emea") == Path("..")


def test_a_settings_file_above_the_top_of_the_repository_is_someone_elses(
    tmp_path: Path,
) -> None:
    (tmp_path / "kam.yaml").write_text("currency: USD\n", encoding="utf-8")
    accounts = tmp_path / "repo" / "accounts"
    accounts.mkdir(parents=True)
    (tmp_path / "repo" / ".git").mkdir()
    assert portfolio_root(accounts) == accounts
    assert portfolio_root(accounts / "acme.yaml") == accounts


def test_without_a_settings_file_the_folder_is_its_own_root(tmp_path: Path) -> None:
    folder = tmp_path / "loose"
    folder.mkdir()
    (tmp_path / ".git").mkdir()
    assert portfolio_root(folder) == folder


@pytest.mark.parametrize(("value", "expected"), [(None, "."), ("", "."), ("/srv/kam", "/srv/kam")])
def test_the_default_folder_is_the_variable_else_here(
    value: str | None, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if value is None:
        monkeypatch.delenv(FOLDER_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(FOLDER_VARIABLE, value)
    assert default_folder() == Path(expected)
    assert os.fspath(default_folder()) == expected
