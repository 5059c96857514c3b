"""The edits made from the TUI: written, kept, and taken back byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamtui.core.account.model import PortfolioSettings
from kamtui.core.editing.account_change import AccountChange, ChangeRefused, change_account
from kamtui.core.editing.account_edit import set_value
from kamtui.tui.live.edit_history import KEPT, EditHistory
from tests.conftest import MINIMAL
from tests.core.test_account_edit import COMMENTED


def fix(path: Path, value: int) -> AccountChange:
    return change_account(
        path, lambda text: set_value(text, ("criteria", "product_fit"), value), PortfolioSettings()
    )


def test_undo_takes_edits_back_latest_first_to_the_bytes_there_were(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    original = ("\ufeff" + COMMENTED.replace("\n", "\r\n")).encode()  # a BOM and CRLF
    path.write_bytes(original)
    history = EditHistory()
    first = history.write(fix(path, 5))
    assert first.lines == ("-  product_fit: 4", "+  product_fit: 5")
    after_first = path.read_bytes()
    assert after_first.startswith(b"\xef\xbb\xbf") and b"product_fit: 5\r\n" in after_first
    history.write(fix(path, 2))
    assert len(history) == 2
    assert history.undo() is not None and path.read_bytes() == after_first
    assert history.undo() is first and path.read_bytes() == original
    assert history.undo() is None


def test_an_edit_is_not_taken_back_over_a_save_made_since(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    history = EditHistory()
    history.write(fix(path, 5))
    saved = path.read_text(encoding="utf-8") + "# a note\n"
    path.write_text(saved, encoding="utf-8")
    with pytest.raises(ChangeRefused, match="changed on disk"):
        history.undo()
    assert path.read_text(encoding="utf-8") == saved
    assert len(history) == 1


def test_only_the_latest_edits_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    history = EditHistory()
    for n in range(KEPT + 3):
        history.write(fix(path, 1 + n % 5))
    assert len(history) == KEPT


def test_undoing_says_what_it_does_to_the_file(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    edits = EditHistory()
    edit = edits.write(
        change_account(
            path, lambda text: set_value(text, ("criteria", "product_fit"), 5), PortfolioSettings()
        )
    )
    assert edit.lines == ("-  product_fit: 4", "+  product_fit: 5")
    assert edit.undone_lines() == ("-  product_fit: 5", "+  product_fit: 4")


def test_an_undo_over_a_later_save_says_to_take_the_change_back_there(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    edits = EditHistory()
    edits.write(
        change_account(path, lambda text: set_value(text, ("owner",), "Dana"), PortfolioSettings())
    )
    path.write_text(path.read_text(encoding="utf-8") + "notes: theirs\n", encoding="utf-8")
    with pytest.raises(ChangeRefused) as refused:
        edits.undo()
    assert refused.value.problems[0].message == (
        "the file changed on disk since it was read; nothing was written (it was saved "
        "elsewhere after this change: take the change back there)"
    )
