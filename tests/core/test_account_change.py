"""A change is validated before it is written, written whole, and never over someone's save."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamtui.core.account.model import PortfolioSettings
from kamtui.core.account.problem import display_path
from kamtui.core.editing import account_change
from kamtui.core.editing.account_change import ChangeRefused, change_account, write_change
from kamtui.core.editing.account_edit import set_value
from tests.conftest import MINIMAL


def account_file(tmp_path: Path, text: str = MINIMAL, name: str = "acme.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode())
    return path


def test_a_valid_change_is_written_with_its_diff(tmp_path: Path) -> None:
    path = account_file(tmp_path)
    change = change_account(
        path, lambda text: set_value(text, ("criteria", "product_fit"), 5), PortfolioSettings()
    )
    assert change.changed
    assert change.account.criteria.product_fit.score == 5
    # An absolute path as git names it: a/tmp/…, not a//tmp/….
    assert path.is_absolute()
    assert change.diff().startswith(f"--- a{path}\n+++ b{path}\n@@ -3,5 +3,5 @@\n")
    assert "-  product_fit: 4\n+  product_fit: 5\n" in change.diff()
    assert path.read_text() == MINIMAL  # nothing written yet
    write_change(change)
    assert path.read_text() == MINIMAL.replace("product_fit: 4", "product_fit: 5")


def test_a_change_the_model_rejects_is_refused_with_its_position(tmp_path: Path) -> None:
    path = account_file(tmp_path)
    with pytest.raises(ChangeRefused) as refused:
        change_account(
            path, lambda text: set_value(text, ("criteria", "product_fit"), 7), PortfolioSettings()
        )
    [problem] = refused.value.problems
    assert (problem.path, problem.line, problem.column) == (display_path(path), 6, 16)
    assert "7 is out of range" in problem.message
    assert path.read_text() == MINIMAL


def test_a_file_saved_by_someone_else_meanwhile_is_never_overwritten(tmp_path: Path) -> None:
    path = account_file(tmp_path)
    change = change_account(
        path, lambda text: set_value(text, ("owner",), "Dana"), PortfolioSettings()
    )
    theirs = MINIMAL.replace("Acme Corp", "Acme Corporation")
    path.write_text(theirs)
    with pytest.raises(ChangeRefused) as refused:
        write_change(change)
    assert str(refused.value) == (
        f"{display_path(path)}:1:1: error: the file changed on disk since it was read; "
        "nothing was written (reload it and make the change again)"
    )
    assert path.read_text() == theirs


def test_a_broken_file_is_not_edited(tmp_path: Path) -> None:
    path = account_file(tmp_path, MINIMAL.replace("product_fit: 4", "product_fit: [4"))
    with pytest.raises(ChangeRefused) as refused:
        change_account(path, lambda text: set_value(text, ("owner",), "Dana"), PortfolioSettings())
    assert refused.value.problems[0].line >= 6


def test_an_edit_that_cannot_be_made_is_refused_not_raised(tmp_path: Path) -> None:
    path = account_file(tmp_path)
    with pytest.raises(ChangeRefused, match="no such item") as refused:
        change_account(
            path,
            lambda text: set_value(text, ("stakeholders", 3, "name"), "X"),
            PortfolioSettings(),
        )
    [problem] = refused.value.problems
    assert (problem.path, problem.line, problem.column) == (display_path(path), 1, 1)


def test_every_problem_of_a_refusal_is_in_its_message(tmp_path: Path) -> None:
    broken = MINIMAL.replace("product_fit: 4", "product_fit: 9").replace(
        "strategic_value: 2", "strategic_value: 0"
    )
    path = account_file(tmp_path, broken)
    with pytest.raises(ChangeRefused) as refused:
        change_account(path, lambda text: text, PortfolioSettings())
    assert len(refused.value.problems) == 2
    assert str(refused.value) == "\n".join(str(problem) for problem in refused.value.problems)


def test_a_file_gone_or_unwritable_at_write_time_is_refused_where_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = account_file(tmp_path)
    change = change_account(
        path, lambda text: set_value(text, ("owner",), "Dana"), PortfolioSettings()
    )

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(account_change, "write_atomic", full_disk)
    with pytest.raises(ChangeRefused) as refused:
        write_change(change)
    assert str(refused.value) == (
        f"{display_path(path)}:1:1: error: cannot write the file: No space left on device"
    )
    path.unlink()
    with pytest.raises(ChangeRefused) as refused:
        write_change(change)
    [problem] = refused.value.problems
    assert (problem.path, problem.line, problem.column) == (display_path(path), 1, 1)
    assert problem.message.startswith("cannot read the file")


def test_an_account_file_the_user_linked_is_written_where_the_link_leads(tmp_path: Path) -> None:
    target = account_file(tmp_path, name="real.yaml")
    link = tmp_path / "acme.yaml"
    link.symlink_to(target)
    write_change(
        change_account(link, lambda text: set_value(text, ("owner",), "Dana"), PortfolioSettings())
    )
    assert link.is_symlink()
    assert "owner: Dana" in target.read_text()


def test_a_byte_order_mark_and_the_file_mode_are_kept(tmp_path: Path) -> None:
    path = account_file(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    path.chmod(0o640)
    write_change(
        change_account(path, lambda text: set_value(text, ("owner",), "Dana"), PortfolioSettings())
    )
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfname: Acme Corp\nowner: Dana\n")
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ChangeRefused, match="cannot read the file") as refused:
        change_account(tmp_path / "gone.yaml", lambda text: text, PortfolioSettings())
    [problem] = refused.value.problems
    assert (problem.path, problem.line, problem.column) == (
        display_path(tmp_path / "gone.yaml"),
        1,
        1,
    )


def test_text_the_editor_could_not_write_as_yaml_is_refused_as_its_own_fault(
    tmp_path: Path,
) -> None:
    """Were an edit to produce text that is not YAML, the message must not point into
    text the file never held."""
    path = account_file(tmp_path)
    with pytest.raises(ChangeRefused) as refused:
        change_account(path, lambda text: text + "oops: [\n", PortfolioSettings())
    assert str(refused.value) == (
        f"{display_path(path)}:1:1: error: kamtui could not write this change in place "
        "(while parsing a flow node: did not find expected node content); nothing was written"
    )
    assert path.read_text() == MINIMAL
