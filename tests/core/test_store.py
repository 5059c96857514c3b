"""The store reloads single paths and keeps the last good version of a broken file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kamtui.core.account.problem import Problem
from kamtui.core.loading.store import AccountStore, StoreChange
from tests.conftest import MINIMAL


def test_load_all_then_reload_a_changed_file(write, tmp_path: Path) -> None:
    path = write("acme.yaml", MINIMAL)
    store = AccountStore(tmp_path)
    change = store.load_all()
    assert change.added == {"acme"}
    path.write_text(MINIMAL.replace("Acme Corp", "Acme Group"))
    change = store.reload([path])
    assert change.changed == {"acme"} and not change.added and not change.removed
    assert store.accounts()["acme"].name == "Acme Group"


def test_broken_save_keeps_last_good_version_marked_stale(write, tmp_path: Path) -> None:
    path = write("acme.yaml", MINIMAL)
    store = AccountStore(tmp_path)
    store.load_all()
    path.write_text(MINIMAL + "oops: [\n")
    store.reload([path])
    entry = store.entry_for("acme")
    assert entry is not None and entry.stale
    assert store.accounts()["acme"].name == "Acme Corp"
    assert entry.problems and entry.problems[0].line >= 8
    path.write_text(MINIMAL)
    store.reload([path])
    entry = store.entry_for("acme")
    assert entry is not None and not entry.stale and entry.valid


def test_added_removed_and_renamed_files(write, tmp_path: Path) -> None:
    store = AccountStore(tmp_path)
    store.load_all()
    path = write("acme.yaml", MINIMAL)
    assert store.reload([path]).added == {"acme"}
    renamed = path.rename(tmp_path / "acme-group.yaml")
    change = store.reload([path, renamed])
    assert change.added == {"acme-group"} and change.removed == {"acme"}
    renamed.unlink()
    assert store.reload([renamed]).removed == {"acme-group"}
    assert store.accounts() == {}


def test_folder_created_and_deleted(write, tmp_path: Path) -> None:
    store = AccountStore(tmp_path)
    store.load_all()
    write("emea/a.yaml", MINIMAL)
    write("emea/b.yaml", MINIMAL)
    assert store.reload([tmp_path / "emea"]).added == {"a", "b"}
    shutil.rmtree(tmp_path / "emea")
    assert store.reload([tmp_path / "emea"]).removed == {"a", "b"}


def test_settings_change_is_reported(write, tmp_path: Path) -> None:
    write("acme.yaml", MINIMAL)
    store = AccountStore(tmp_path)
    store.load_all()
    settings = write("kam.yaml", "currency: EUR\n")
    change = store.reload([settings])
    assert change.settings and store.settings.currency == "EUR"


def test_non_account_paths_are_ignored(write, tmp_path: Path) -> None:
    store = AccountStore(tmp_path)
    store.load_all()
    change = store.reload([write("notes.md", "x"), write(".git/x.yaml", MINIMAL)])
    assert change.empty and store.accounts() == {}


def test_duplicate_id_created_later_is_flagged(write, tmp_path: Path) -> None:
    write("a/acme.yaml", MINIMAL)
    store = AccountStore(tmp_path)
    store.load_all()
    store.reload([write("b/acme.yaml", MINIMAL)])
    assert list(store.accounts()) == ["acme"]
    assert any("duplicate account id 'acme'" in p.message for p in store.problems())


def test_vanished_root_is_a_problem_and_recovers(write, tmp_path: Path) -> None:
    root = tmp_path / "accounts"
    write("accounts/acme.yaml", MINIMAL)
    store = AccountStore(root)
    store.load_all()
    shutil.rmtree(root)
    change = store.reload([root / "acme.yaml"])
    assert "acme" in change.removed
    assert any("does not exist" in p.message for p in store.problems())
    write("accounts/acme.yaml", MINIMAL)
    assert store.load_all().added == {"acme"}


def test_a_reloaded_subfolder_lists_what_a_full_load_finds_there(write, tmp_path: Path) -> None:
    write("acme.yaml", MINIMAL)
    write("emea/kam.yaml", MINIMAL.replace("Acme Corp", "Kam Ltd"))
    write("shared/partner.yaml", MINIMAL.replace("Acme Corp", "Partner"))
    (tmp_path / "emea" / "partner-link").symlink_to(tmp_path / "shared")
    store = AccountStore(tmp_path)
    store.load_all()
    full = store.accounts()
    store.reload([tmp_path / "emea"])
    assert store.accounts() == full
    # emea holds a kam.yaml: a portfolio of its own, skipped, never an account.
    assert set(full) == {"acme", "partner"}
    assert any("a portfolio of its own" in p.message for p in store.folder_problems)


def test_a_store_reloads_a_file_before_any_full_load(write, tmp_path: Path) -> None:
    path = write("acme.yaml", MINIMAL)
    store = AccountStore(tmp_path)
    assert store.reload([path]) == StoreChange(added=frozenset({"acme"}))
    assert list(store.accounts()) == ["acme"]


def test_a_full_load_says_exactly_what_changed_since_the_last(write, tmp_path: Path) -> None:
    write("acme.yaml", MINIMAL)
    write("globex.yaml", MINIMAL.replace("Acme Corp", "Globex"))
    store = AccountStore(tmp_path)
    assert store.load_all() == StoreChange(added=frozenset({"acme", "globex"}), settings=True)
    (tmp_path / "globex.yaml").unlink()
    write("acme.yaml", MINIMAL.replace("Acme Corp", "Acme Group"))
    write("initech.yaml", MINIMAL.replace("Acme Corp", "Initech"))
    assert store.load_all() == StoreChange(
        added=frozenset({"initech"}),
        changed=frozenset({"acme"}),
        removed=frozenset({"globex"}),
        settings=True,
    )


def test_a_full_load_of_a_folder_that_is_gone_removes_everything_and_says_why(
    write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "accounts"
    write("accounts/acme.yaml", MINIMAL)
    store = AccountStore(root)
    store.load_all()
    shutil.rmtree(root)
    monkeypatch.chdir(tmp_path)
    assert store.load_all() == StoreChange(removed=frozenset({"acme"}), settings=True)
    assert store.folder_problems == [Problem("accounts", 1, 1, "the account folder does not exist")]
    assert store.accounts() == {} and store.entries == {}


def test_what_a_read_finds_before_it_is_applied(write, tmp_path: Path) -> None:
    """A read of one changed file reads it alone; a new folder lists the whole folder
    again (reading only what is new or inside it); kam.yaml is read when named."""
    acme = write("acme.yaml", MINIMAL)
    write("emea-notes.yaml", MINIMAL.replace("Acme Corp", "Globex"))  # beside emea/, not in it
    write("emea/umbrella.yaml", MINIMAL.replace("Acme Corp", "Umbrella"))
    store = AccountStore(tmp_path)
    store.load_all()
    alone = store.read([acme])
    assert (alone.settings, alone.gone, alone.listed, alone.root_missing) == (
        None,
        [],
        False,
        False,
    )
    assert [file.path for file in alone.loaded] == [acme]
    emea = write("emea/initech.yaml", MINIMAL.replace("Acme Corp", "Initech")).parent
    write("kam.yaml", "currency: EUR\n")
    listed = store.read([emea, tmp_path / "kam.yaml"])
    assert listed.listed and not listed.root_missing and listed.gone == []
    # New, or inside the folder named: read; elsewhere and known: not.
    assert [file.path for file in listed.loaded] == [emea / "initech.yaml", emea / "umbrella.yaml"]
    assert listed.settings is not None and listed.settings[0].currency == "EUR"
    assert listed.folder_problems == []


def test_a_read_of_a_folder_that_is_gone_still_reads_the_settings_named(
    write, tmp_path: Path
) -> None:
    root = tmp_path / "accounts"
    write("accounts/acme.yaml", MINIMAL)
    store = AccountStore(root)
    store.load_all()
    shutil.rmtree(root)
    batch = store.read([root / "kam.yaml", root / "acme.yaml"])
    assert (batch.loaded, batch.gone, batch.listed, batch.root_missing) == ([], [], False, True)
    assert batch.settings is not None and batch.settings[1] == []


def test_a_store_before_any_load_has_no_accounts_and_no_problems(tmp_path: Path) -> None:
    store = AccountStore(tmp_path)
    assert store.accounts() == {} and store.problems() == [] and store.account("acme") is None


def test_a_store_keeps_no_cache_unless_asked(write, tmp_path: Path, isolated_cache: Path) -> None:
    write("accounts/acme.yaml", MINIMAL)
    AccountStore(tmp_path / "accounts").load_all()
    assert not isolated_cache.exists() or not any(isolated_cache.iterdir())
    AccountStore(tmp_path / "accounts", use_cache=True).load_all()
    assert any(isolated_cache.iterdir())


def test_a_new_broken_file_after_the_accounts_were_shown(write, tmp_path: Path) -> None:
    write("acme.yaml", MINIMAL)
    store = AccountStore(tmp_path)
    store.load_all()
    assert list(store.accounts()) == ["acme"]
    change = store.reload([write("globex.yaml", "name: [\n")])
    assert change.added == {"globex"} and list(store.accounts()) == ["acme"]
    assert [p.path for p in store.problems()] == [str(tmp_path / "globex.yaml")]


def test_a_store_whose_folder_is_gone_still_answers(write, tmp_path: Path) -> None:
    store = AccountStore(tmp_path / "accounts")
    store.load_all()
    assert store.account("acme") is None and store.entry_for("acme") is None


def test_a_folder_with_a_kam_yaml_of_its_own_stays_out_on_a_reload(write, tmp_path: Path) -> None:
    """A save inside a nested portfolio, or of its kam.yaml, keeps to what a full load
    finds: the folder's accounts come and go with its kam.yaml."""
    write("acme.yaml", MINIMAL)
    nested = write("emea/kam.yaml", "currency: EUR\n")
    umbrella = write("emea/deep/umbrella.yaml", MINIMAL.replace("Acme Corp", "Umbrella"))
    initech = write("emea/initech.yaml", MINIMAL.replace("Acme Corp", "Initech"))
    store = AccountStore(tmp_path)
    store.load_all()
    assert store.reload([umbrella]).empty and store.reload([initech]).empty
    assert store.reload([nested]).empty and list(store.accounts()) == ["acme"]
    nested.unlink()
    assert store.reload([nested]) == StoreChange(added=frozenset({"initech", "umbrella"}))
    assert not store.problems()
    write("emea/kam.yaml", "currency: EUR\n")
    assert store.reload([nested]) == StoreChange(removed=frozenset({"initech", "umbrella"}))
    assert [p.message for p in store.problems()] == [
        "holds a kam.yaml: a portfolio of its own, skipped (open it with `kamtui -d "
        f"{tmp_path / 'emea'}`)"
    ]
    assert store.load_all().changed == frozenset() and list(store.accounts()) == ["acme"]


def test_a_path_outside_the_folder_is_ignored_without_listing_it(write, tmp_path: Path) -> None:
    write("accounts/acme.yaml", MINIMAL)
    outside = write("elsewhere/globex.yaml", MINIMAL)
    store = AccountStore(tmp_path / "accounts")
    store.load_all()
    batch = store.read([outside])
    assert (batch.loaded, batch.gone, batch.listed) == ([], [], False)
    assert store.apply(batch).empty and list(store.accounts()) == ["acme"]


def test_a_deleted_file_is_read_alone(write, tmp_path: Path) -> None:
    acme = write("acme.yaml", MINIMAL)
    write("globex.yaml", MINIMAL)
    store = AccountStore(tmp_path)
    store.load_all()
    acme.unlink()
    batch = store.read([acme])
    assert (batch.loaded, batch.gone, batch.listed) == ([], [acme], False)
    assert store.apply(batch) == StoreChange(removed=frozenset({"acme"}))


KPI_SETTINGS = "kpis:\n  - id: otd\n"
WITH_KPI = MINIMAL + "kpis: {otd: 0.9}\n"


def test_a_kam_yaml_that_declares_a_kpi_checks_every_file_again(write, tmp_path: Path) -> None:
    """The whole folder is listed again: files gone since are removed, the folder's own
    problems are the listing's."""
    write("acme.yaml", WITH_KPI)
    globex = write("globex.yaml", MINIMAL)
    store = AccountStore(tmp_path)
    store.load_all()
    assert store.account("acme") is None and list(store.accounts()) == ["globex"]
    globex.unlink()
    (tmp_path / "broken-link.yaml").symlink_to(tmp_path / "nowhere.yaml")
    settings = write("kam.yaml", KPI_SETTINGS)
    batch = store.read([settings])
    assert batch.listed and batch.gone == [globex]
    change = store.apply(batch)
    assert change == StoreChange(
        changed=frozenset({"acme"}), removed=frozenset({"globex"}), settings=True
    )
    assert list(store.accounts()) == ["acme"]
    assert [p.path for p in store.problems()] == [str(tmp_path / "broken-link.yaml")]


def test_a_kam_yaml_change_reads_through_the_cache(
    write, tmp_path: Path, isolated_cache: Path
) -> None:
    write("accounts/acme.yaml", MINIMAL)
    store = AccountStore(tmp_path / "accounts", use_cache=True)
    store.load_all()
    shutil.rmtree(isolated_cache)
    store.reload([write("accounts/kam.yaml", KPI_SETTINGS)])
    assert list(store.accounts()) == ["acme"] and any(isolated_cache.iterdir())


def test_a_reload_checks_files_against_the_declared_kpis(write, tmp_path: Path) -> None:
    write("kam.yaml", KPI_SETTINGS)
    acme = write("acme.yaml", WITH_KPI)
    store = AccountStore(tmp_path)
    store.load_all()
    write("acme.yaml", WITH_KPI.replace("Acme Corp", "Acme Group"))
    assert store.reload([acme]).changed == {"acme"}
    initech = write("emea/initech.yaml", WITH_KPI.replace("Acme Corp", "Initech"))
    assert store.reload([initech.parent]).added == {"initech"}
    assert store.problems() == [] and list(store.accounts()) == ["acme", "initech"]
