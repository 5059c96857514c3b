"""New account files from the template: the name quoted as written, ids unique across
the tree the caller names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from kamtui.core.account.model import Account
from kamtui.core.editing.account_format import format_text
from kamtui.core.editing.template import (
    AccountExists,
    account_text,
    create_account,
    new_account,
    slugify,
    taken_ids,
)

TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("Søndergaard A/S", "name: Søndergaard A/S"),
        ("yes", "name: 'yes'"),
        ("  Acme: East  ", "name: 'Acme: East'"),
    ],
)
def test_the_name_is_written_quoted_and_readable(tmp_path: Path, name: str, line: str) -> None:
    """Quoted where YAML needs it, as `kamtui fmt` quotes: the name stays the text given."""
    _, text = new_account(tmp_path, name, TODAY)
    assert line in text.splitlines()
    assert yaml.safe_load(text)["name"] == name.strip()


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


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("  Xenon & X  ", "xenon-x"),
        ("__Acme__", "acme"),
        ("a" * 63 + " b", "a" * 63),
        ("b" * 70, "b" * 64),
        ("𝐗𝐘𝐙 Corp", "xyz-corp"),
    ],
)
def test_slugs_lose_what_is_not_a_letter_or_digit_at_either_end(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_the_settings_file_name_is_refused_in_words(tmp_path: Path) -> None:
    with pytest.raises(AccountExists) as raised:
        new_account(tmp_path, "KAM", TODAY)
    assert str(raised.value) == (
        "'KAM' would be named kam.yaml, the portfolio's settings file; "
        "give the account a longer name"
    )


def test_ids_in_hidden_folders_are_not_taken(tmp_path: Path) -> None:
    (tmp_path / ".archive").mkdir()
    (tmp_path / ".archive" / "zeta.yaml").write_text("name: Zeta\n", encoding="utf-8")
    assert taken_ids(tmp_path) == {}
    assert new_account(tmp_path, "Zeta", TODAY)[0] == tmp_path / "zeta.yaml"


def test_without_a_root_the_portfolio_is_found_as_every_command_finds_it(tmp_path: Path) -> None:
    """A kam.yaml above the git repository is someone else's (`portfolio_root`): its
    accounts take no id here, while the repository's own kam.yaml makes its tree one."""
    (tmp_path / "kam.yaml").write_text("{}\n", encoding="utf-8")
    (tmp_path / "zeta.yaml").write_text("name: Zeta\n", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "emea").mkdir()
    assert new_account(repo / "emea", "Zeta", TODAY)[0] == repo / "emea" / "zeta.yaml"
    (repo / "kam.yaml").write_text("{}\n", encoding="utf-8")
    (repo / "apac").mkdir()
    (repo / "apac" / "zeta.yaml").write_text("name: Zeta\n", encoding="utf-8")
    with pytest.raises(AccountExists, match=r"taken by .*apac"):
        new_account(repo / "emea", "Zeta", TODAY)


def test_ids_are_those_a_load_reads_so_a_nested_portfolio_takes_none(tmp_path: Path) -> None:
    (tmp_path / "acme.yml").write_text("name: Acme\n", encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "kam.yaml").write_text("{}\n", encoding="utf-8")
    (tmp_path / "nested" / "zeta.yaml").write_text("name: Zeta\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "acme.yaml").write_text("name: Acme\n", encoding="utf-8")
    assert taken_ids(tmp_path) == {"acme": tmp_path / "acme.yml"}


def test_in_a_repository_without_a_kam_yaml_ids_are_unique_across_it(tmp_path: Path) -> None:
    """A kam.yaml above the repository is someone else's, and the repository has none:
    a load of its top would meet both files, so `apac/acme.yaml` takes the id."""
    (tmp_path / "kam.yaml").write_text("{}\n", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "apac").mkdir()
    (repo / "apac" / "acme.yaml").write_text("name: Acme\n", encoding="utf-8")
    (repo / "emea" / "deep").mkdir(parents=True)
    with pytest.raises(AccountExists, match=r"taken by .*apac"):
        new_account(repo / "emea" / "deep", "Acme", TODAY)


def test_the_schema_line_never_points_outside_the_repository(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "account.schema.json").write_text("{}", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert "$schema" not in new_account(repo, "Acme", TODAY)[1]
    (repo / "schemas").mkdir()
    (repo / "schemas" / "account.schema.json").write_text("{}", encoding="utf-8")
    (repo / "emea").mkdir()
    assert "$schema=../schemas/account.schema.json" in new_account(repo / "emea", "Acme", TODAY)[1]


@pytest.mark.parametrize("schema", [None, "schemas/account.schema.json"])
def test_the_template_is_in_the_layout_fmt_makes(schema: str | None) -> None:
    """The template file is kept as `kamtui fmt` lays it out: a new file passes `fmt --check`."""
    text = account_text("Acme: East", schema, TODAY)
    assert format_text(text, Account) == text
