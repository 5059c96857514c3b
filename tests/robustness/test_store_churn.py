"""The store alone under churn: reloading the paths each burst touched, or reloading
while another thread keeps changing files, ends where a fresh load of the folder is."""

from __future__ import annotations

import threading
from pathlib import Path

from kamtui.core.loading.store import AccountStore
from kamtui.render.safe_text import one_line
from tests.robustness.churn import BROKEN, Churn, State, account_text, fresh_state


def store_state(store: AccountStore) -> State:
    """Per file as the app's table shows it (a stale file shows its last good version)."""
    shown: State = {}
    for path, entry in store.entries.items():
        broken = entry.problems or entry.duplicate_of is not None or entry.account is None
        shown[str(path)] = BROKEN if broken else one_line(entry.account.name)
    return shown


def test_reloading_what_each_burst_touched(tmp_path: Path) -> None:
    churn = Churn(tmp_path)
    churn.seed_folder()
    store = AccountStore(tmp_path)
    store.load_all()
    assert store_state(store) == fresh_state(tmp_path)
    for name, burst in churn.bursts():
        store.reload(burst())
        assert store_state(store) == fresh_state(tmp_path), name
    assert churn.operations > 500


def test_reloading_while_another_thread_changes_the_files(tmp_path: Path) -> None:
    """Files vanish, shrink and reappear between the store listing, checking and
    reading them; it never raises, and one reload of everything touched settles it."""
    churn = Churn(tmp_path, seed=9)
    churn.seed_folder()
    store = AccountStore(tmp_path)
    store.load_all()
    touched: set[Path] = set()
    done = threading.Event()

    def change_files() -> None:
        try:
            for _, burst in churn.bursts():
                touched.update(burst())
        finally:
            done.set()

    writer = threading.Thread(target=change_files)
    writer.start()
    reloads = 0
    while not done.is_set():
        store.reload([*touched, tmp_path / "emea"])
        reloads += 1
    writer.join()
    store.reload(touched)
    assert reloads > 1
    assert store_state(store) == fresh_state(tmp_path)


def test_a_file_moved_to_another_folder_is_a_change(tmp_path: Path) -> None:
    """Same id, new path: the app must redraw the row (its path, its editor target)."""
    old = tmp_path / "emea" / "acme.yaml"
    old.parent.mkdir()
    old.write_text(account_text("Acme"), encoding="utf-8")
    store = AccountStore(tmp_path)
    store.load_all()
    new = tmp_path / "apac" / "acme.yaml"
    new.parent.mkdir()
    old.rename(new)
    change = store.reload([old, new])
    assert change.changed == {"acme"} and not change.empty
    assert list(store.entries) == [new]


def test_a_folder_reported_alone_after_it_was_replaced(tmp_path: Path) -> None:
    """A watcher may report only the folder; files that left it leave the store too."""
    folder = tmp_path / "emea"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.yaml").write_text(account_text(name.upper()), encoding="utf-8")
    store = AccountStore(tmp_path)
    store.load_all()
    (folder / "a.yaml").unlink()
    (folder / "c.yaml").write_text(account_text("C"), encoding="utf-8")
    change = store.reload([folder])
    assert change.removed == {"a"} and change.added == {"c"}
    assert sorted(store.accounts()) == ["b", "c"]
