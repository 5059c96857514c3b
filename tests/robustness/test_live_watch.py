"""Issue 13, class 8 (and the TUI half of class 3): the live app equals a fresh load
whatever the folder does, a watcher that fails says so and comes back, and neither a
load nor a big save holds the event loop or the way out."""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from kamtui.core.account.model import PortfolioSettings
from kamtui.tui.app import KamApp
from kamtui.tui.live import watch
from kamtui.tui.live.daemon_work import WorkFailed
from kamtui.tui.live.folder_app import ChangesRead, LoadProgress, PortfolioLoaded
from tests.conftest import MINIMAL, TODAY
from tests.tui.conftest import loaded, wait_for
from tests.tui.test_app import names


def account(name: str) -> str:
    return MINIMAL.replace("Acme Corp", name)


def folder_with(path: Path, *names_: str) -> Path:
    path.mkdir()
    for name in names_:
        (path / f"{name.lower().replace(' ', '-')}.yaml").write_text(account(name), "utf-8")
    return path


async def test_a_root_link_switched_to_another_folder_shows_the_new_folder(
    tmp_path: Path,
) -> None:
    first = folder_with(tmp_path / "first", "Alpha One", "Alpha Two")
    second = folder_with(tmp_path / "second", "Beta One")
    root = tmp_path / "accounts"
    root.symlink_to(first)
    app = KamApp(root, TODAY, environ={})
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot)
        assert sorted(names(app)) == ["Alpha One", "Alpha Two"]
        # Switched atomically, as deploy tools do: a new link renamed over the old one.
        (tmp_path / "next").symlink_to(second)
        os.replace(tmp_path / "next", root)
        await wait_for(pilot, lambda: names(app) == ["Beta One"])
        # And watched there: a save in the new folder shows.
        (second / "beta-two.yaml").write_text(account("Beta Two"), "utf-8")
        await wait_for(pilot, lambda: sorted(names(app)) == ["Beta One", "Beta Two"])


async def test_links_made_while_running_follow_the_rules_of_a_fresh_load(
    tmp_path: Path,
) -> None:
    root = folder_with(tmp_path / "accounts", "Alpha One", "Alpha Two")
    outside = folder_with(tmp_path / "outside", "Outsider")
    app = KamApp(root, TODAY, environ={})
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot)
        (root / "alias.yaml").symlink_to(root / "alpha-one.yaml")
        (root / "outsider.yaml").symlink_to(outside / "outsider.yaml")
        (root / "loop").symlink_to(Path("."))
        (root / "late.yaml").write_text(account("Late"), "utf-8")
        await wait_for(pilot, lambda: "Late" in names(app))
        assert sorted(names(app)) == ["Alpha One", "Alpha Two", "Late"]
        problems = [str(problem) for problem in app.model.store.problems()]  # type: ignore[union-attr]
        assert any("points outside the folder" in problem for problem in problems)
        assert any("symbolic link loop" in problem for problem in problems)


async def test_a_file_replaced_by_a_folder_of_the_same_name(tmp_path: Path) -> None:
    root = folder_with(tmp_path / "accounts", "Alpha One", "Alpha Two")
    app = KamApp(root, TODAY, environ={})
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot)
        (root / "alpha-two.yaml").unlink()
        folder_with(root / "alpha-two.yaml", "Inner")
        await wait_for(pilot, lambda: sorted(names(app)) == ["Alpha One", "Inner"])


async def test_a_failing_watch_is_announced_retried_and_then_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a folder root may not read at start (chmod 000; root reads anything, so the
    failure is simulated): the banner says so, the watch is retried, saves show again."""
    root = folder_with(tmp_path / "accounts", "Alpha One")
    real_awatch = watch.awatch
    attempts: list[int] = []

    def failing_once(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        attempts.append(1)
        if len(attempts) == 1:
            raise PermissionError(13, "Permission denied", str(root / "locked"))
        return real_awatch(*args, **kwargs)

    monkeypatch.setattr(watch, "awatch", failing_once)
    monkeypatch.setattr(watch, "RETRY_SECONDS", 0.2)
    app = KamApp(root, TODAY, environ={})
    async with app.run_test(size=(160, 30)) as pilot:
        await loaded(pilot)
        banner = app.query_one("#folder-missing")
        await wait_for(pilot, lambda: banner.display)
        text = str(banner.render())
        assert "Watching" in text and "Permission denied" in text and "retrying in 0.2 s" in text
        await wait_for(pilot, lambda: not banner.display)
        (root / "beta.yaml").write_text(account("Beta"), "utf-8")
        await wait_for(pilot, lambda: "Beta" in names(app))
    assert len(attempts) >= 2


async def test_q_quits_at_once_during_a_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A load that never ends (as one of 10,000 files on a slow disk feels) holds nothing:
    `q` ends the app, and the loading thread is a daemon the process does not wait for."""
    root = folder_with(tmp_path / "accounts", "Alpha One")
    release = threading.Event()
    started = threading.Event()
    loaders: list[threading.Thread] = []

    def endless_load(*args: Any, **kwargs: Any) -> list[Any]:
        loaders.append(threading.current_thread())
        started.set()
        release.wait(60)
        return []

    monkeypatch.setattr("kamtui.core.loading.store.load_account_files", endless_load)
    app = KamApp(root, TODAY, environ={}, watch=False)
    try:
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, started.is_set)
            await pilot.press("q")
        assert app.return_code == 0
        (loader,) = loaders
        assert loader.is_alive() and loader.daemon
    finally:
        release.set()


async def test_a_big_save_is_read_off_the_event_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a saved file is read, the app keeps answering keys; then the save shows."""
    root = folder_with(tmp_path / "accounts", "Alpha One", "Alpha Two")
    from kamtui.core.loading import store

    reading = threading.Event()
    release = threading.Event()
    real_load: Callable[..., Any] = store.load_account_file

    def slow_load(path: Path, settings: PortfolioSettings) -> Any:
        reading.set()
        release.wait(60)
        return real_load(path, settings)

    app = KamApp(root, TODAY, environ={}, watch=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot)
        monkeypatch.setattr(store, "load_account_file", slow_load)
        (root / "alpha-two.yaml").write_text(account("Alpha Renamed"), "utf-8")
        app.apply_changes([root / "alpha-two.yaml"])
        await wait_for(pilot, reading.is_set)
        await pilot.press("3")
        await wait_for(pilot, lambda: app.active_view == "abc")
        assert app.busy
        release.set()
        await pilot.press("1")
        await wait_for(pilot, lambda: "Alpha Renamed" in names(app))


async def test_results_that_arrive_as_the_app_quits_are_dropped(tmp_path: Path) -> None:
    """A daemon posts its result before `q`; the app handles it after its widgets are
    gone (seen when a slow run read a save as the test ended): no crash, no traceback."""
    root = folder_with(tmp_path / "accounts", "Alpha One")
    app = KamApp(root, TODAY, environ={})
    async with app.run_test(size=(160, 30)) as pilot:
        await loaded(pilot)
        assert app.model is not None
        (root / "beta.yaml").write_text(account("Beta"), "utf-8")
        late_read = ChangesRead(app.model.store.read({root / "beta.yaml"}), app._generation)
        late_load = PortfolioLoaded(app.model, app.rows, app._generation)
    assert not app.is_running
    app.on_changes_read(late_read)
    app.on_portfolio_loaded(late_load)
    app.on_load_progress(LoadProgress(1, 2))
    app.on_work_failed(WorkFailed("reading changed files", OSError("gone")))
    assert "Beta" not in {file.account.name for file in app.model.files.values() if file.account}
