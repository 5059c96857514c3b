"""The store re-decides which file owns an id only for the ids a reload touched."""

from __future__ import annotations

from pathlib import Path

from kamtui.core.loading.store import AccountStore
from tests.conftest import MINIMAL


def test_the_first_file_in_path_order_owns_an_id_as_files_come_and_go(
    write, tmp_path: Path
) -> None:
    later = write("us/acme.yaml", MINIMAL.replace("Acme Corp", "Acme US"))
    store = AccountStore(tmp_path)
    store.load_all()
    earlier = write("emea/acme.yaml", MINIMAL)
    store.reload([earlier])
    owner = store.entry_for("acme")
    assert owner is not None and owner.path == earlier
    assert store.entries[later].duplicate_of == earlier
    assert store.accounts()["acme"].name == "Acme Corp"

    earlier.unlink()
    change = store.reload([earlier])
    assert change.removed == frozenset()
    owner = store.entry_for("acme")
    assert owner is not None and owner.path == later and owner.valid
    assert store.accounts()["acme"].name == "Acme US"


def test_a_deleted_folder_drops_only_its_files(write, tmp_path: Path) -> None:
    write("emea/a.yaml", MINIMAL)
    write("emea-north/b.yaml", MINIMAL)
    store = AccountStore(tmp_path)
    store.load_all()
    for path in (tmp_path / "emea").iterdir():
        path.unlink()
    (tmp_path / "emea").rmdir()
    assert store.reload([tmp_path / "emea"]).removed == {"a"}
    assert list(store.accounts()) == ["b"]
    assert store.entry_for("a") is None


def test_accounts_kept_across_reloads_match_a_fresh_load(write, tmp_path: Path) -> None:
    def named(name: str) -> str:
        return MINIMAL.replace("Acme Corp", name)

    write("b.yaml", named("B"))
    write("d.yaml", named("D"))
    store = AccountStore(tmp_path)
    store.load_all()
    steps = [
        ("a.yaml", named("A")),  # a new id sorts first
        ("d.yaml", named("D2")),  # a change keeps its place
        ("x/b.yaml", named("B twin")),  # a duplicate shows the first file's account
        ("c.yaml", named("C")),
        ("b.yaml", None),  # the twin takes over
        ("a.yaml", None),
    ]
    for name, text in steps:
        path = tmp_path / name
        if text is None:
            path.unlink()
        else:
            write(name, text)
        store.reload([path])
        fresh = AccountStore(tmp_path)
        fresh.load_all()
        shown = [(key, account.name) for key, account in store.accounts().items()]
        assert shown == [(key, account.name) for key, account in fresh.accounts().items()], name
        # One id at a time, as a live reload looks them up, says the same.
        for key in ("a", "b", "c", "d", "x"):
            assert store.account(key) is store.accounts().get(key), (name, key)
    assert [name for _, name in shown] == ["B twin", "C", "D2"]
