"""What `kamtui validate` reports for folders, files and standard input (folder_check)."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import pytest

from kamtui.core.account.account_file import load_account_file
from kamtui.core.account.model import PortfolioSettings
from kamtui.core.account.problem import Problem
from kamtui.core.loading import loader
from kamtui.core.loading.folder_check import check, not_assessed
from kamtui.core.loading.validity_record import look
from tests.conftest import MINIMAL

UNSCORED = MINIMAL.replace("revenue_volume: 3", "revenue_volume:").replace(
    "product_fit: 4", "product_fit:"
)
TOO_BIG = Problem("<stdin>", 1, 1, "file is 600,000 bytes; the limit is …")


def stdin_of(data: bytes, unreadable: Problem | None = None):  # type: ignore[no-untyped-def]
    return lambda: (data, unreadable)


def test_standard_input_is_checked_as_a_file_named_stdin() -> None:
    checked = check([Path("-")], use_cache=False, read_stdin=stdin_of(MINIMAL.encode()))
    assert (checked.files, checked.failed, checked.problems) == (1, 0, [])


def test_standard_input_not_assessed_is_placed_in_what_was_read() -> None:
    checked = check([Path("-")], use_cache=False, read_stdin=stdin_of(UNSCORED.encode()))
    assert checked.problems == [
        Problem(
            "<stdin>",
            3,
            3,
            "not assessed yet: score revenue_volume, product_fit (1 to 5) "
            "to give it a score and a quadrant",
            "warning",
        )
    ]
    assert checked.failed == 0


def test_standard_input_that_cannot_be_read_is_one_failed_file() -> None:
    checked = check([Path("-")], use_cache=False, read_stdin=stdin_of(b"", TOO_BIG))
    assert (checked.files, checked.failed, checked.problems) == (1, 1, [TOO_BIG])


def test_standard_input_has_the_id_stdin(tmp_path: Path) -> None:
    """Checked beside a folder, it clashes with a file named stdin.yaml there."""
    (tmp_path / "stdin.yaml").write_text(MINIMAL)
    for unreadable in (None, TOO_BIG):
        checked = check(
            [tmp_path, Path("-")],
            use_cache=False,
            read_stdin=stdin_of(MINIMAL.encode(), unreadable),
        )
        clash = [p for p in checked.problems if "duplicate account id" in p.message]
        assert [(p.path, p.message) for p in clash] == [
            ("<stdin>", f"duplicate account id 'stdin': {tmp_path / 'stdin.yaml'} has it too")
        ]
        assert checked.failed == 1


def test_not_assessed_in_a_file_gone_since_it_was_loaded_is_placed_at_its_start(
    tmp_path: Path,
) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(UNSCORED)
    loaded = load_account_file(path, PortfolioSettings())
    path.unlink()
    warning = not_assessed(loaded)
    assert (warning.path, warning.line, warning.column) == (str(path), 1, 1)
    assert warning.message.startswith("not assessed yet: score revenue_volume, product_fit (")


def test_standard_input_that_is_no_text_is_one_failed_file() -> None:
    checked = check([Path("-")], use_cache=False, read_stdin=stdin_of(b"name: \xff\xfe\n"))
    assert (checked.files, checked.failed) == (1, 1)
    assert [(p.path, p.line) for p in checked.problems] == [("<stdin>", 1)]


def test_a_folder_looked_at_before_is_not_listed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "acme.yaml").write_text(MINIMAL)
    seen = look(tmp_path)
    monkeypatch.setattr(loader, "account_files", _listed_twice)
    checked = check([tmp_path], use_cache=False, read_stdin=stdin_of(b""), seen=seen)
    assert (checked.files, checked.failed, checked.problems) == (1, 0, [])


def _listed_twice(root: Path) -> NoReturn:
    raise AssertionError(f"{root} listed again")
