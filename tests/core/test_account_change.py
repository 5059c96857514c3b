"""A change is validated before it is written, written whole, and never over someone's save."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamtui.core.editing.account_change import ChangeRefused, change_account, write_change
from kamtui.core.editing.account_edit import set_value
from tests.conftest import MINIMAL


def account_file(tmp_path: Path, text: str = MINIMAL, name: str = "acme.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode())
    return path


def test_a_valid_change_is_written_with_its_diff(tmp_path: Path) -> None:
    path = account_file(tmp_path)
    change = change_account(path, lambda text: set_value(text, ("criteria", "product_fit"), 5))
    assert change.changed
    assert change.account.criteria.product_fit.score == 5
    assert "-  product_fit: 4\n+  product_fit: 5\n" in change.diff()
    assert path.read_text() == MINIMAL  # nothing written yet
    write_change(change)
    assert path.read_text() == MINIMAL.replace("product_fit: 4", "product_fit: 5")


def test_a_change_the_model_rejects_is_refused_with_its_position(tmp_path: Path) -> None:
    path = account_file(tmp_path)
    with pytest.raises(ChangeRefused) as refused:
        change_account(path, lambda text: set_value(text, ("criteria", "product_fit"), 7))
    [problem] = refused.value.problems
    assert (problem.line, problem.column) == (6, 16)
    assert "7 is out of range" in problem.message
    assert path.read_text() == MINIMAL


def test_a_file_saved_by_someone_else_meanwhile_is_never_overwritten(tmp_path: Path) -> None:
    path = account_file(tmp_path)
    change = change_account(path, lambda text: set_value(text, ("owner",), "Dana"))
    theirs = MINIMAL.replace("Acme Corp", "Acme Corporation")
    path.write_text(theirs)
    with pytest.raises(ChangeRefused, match="changed on disk since it was read"):
        write_change(change)
    assert path.read_text() == theirs


def test_a_broken_file_is_not_edited(tmp_path: Path) -> None:
    path = account_file(tmp_path, MINIMAL.replace("product_fit: 4", "product_fit: [4"))
    with pytest.raises(ChangeRefused) as refused:
        change_account(path, lambda text: set_value(text, ("owner",), "Dana"))
    assert refused.value.problems[0].line >= 6


def test_an_edit_that_cannot_be_made_is_refused_not_raised(tmp_path: Path) -> None:
    path = account_file(tmp_path)
    with pytest.raises(ChangeRefused, match="no such item"):
        change_account(path, lambda text: set_value(text, ("stakeholders", 3, "name"), "X"))


def test_a_byte_order_mark_and_the_file_mode_are_kept(tmp_path: Path) -> None:
    path = account_file(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    path.chmod(0o640)
    write_change(change_account(path, lambda text: set_value(text, ("owner",), "Dana")))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfname: Acme Corp\nowner: Dana\n")
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ChangeRefused, match="cannot read the file"):
        change_account(tmp_path / "gone.yaml", lambda text: text)
