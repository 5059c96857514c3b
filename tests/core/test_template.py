"""New account files from the template: the name quoted as written, ids unique across
the tree the caller names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kamtui.core.template import AccountExists, create_account, new_account

TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("Søndergaard A/S", 'name: "Søndergaard A/S"'),
        ("yes", 'name: "yes"'),
        ("  Acme: East  ", 'name: "Acme: East"'),
    ],
)
def test_the_name_is_written_quoted_and_readable(tmp_path: Path, name: str, line: str) -> None:
    _, text = new_account(tmp_path, name, TODAY)
    assert line in text.splitlines()


def test_an_id_taken_anywhere_under_the_root_given_is_refused(tmp_path: Path) -> None:
    """The root is the caller's: a folder without a kam.yaml of its own would not see
    its sibling's accounts, and `zeta` would be an account twice."""
    (tmp_path / "emea").mkdir()
    (tmp_path / "apac").mkdir()
    (tmp_path / "apac" / "zeta.yaml").write_text("name: Zeta\n", encoding="utf-8")
    for make in (new_account, create_account):
        with pytest.raises(AccountExists) as raised:
            make(tmp_path / "emea", "Zeta", TODAY, tmp_path)
        assert str(raised.value) == (
            f"the account id 'zeta' is taken by {tmp_path / 'apac' / 'zeta.yaml'}; "
            "give the new account another name"
        )
    assert not (tmp_path / "emea" / "zeta.yaml").exists()
