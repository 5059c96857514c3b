"""The app's live half: a `PortfolioModel` kept equal to the folder on disk.

`FolderApp` loads the whole folder in a daemon thread and posts the new model; the
watcher posts the paths that changed, which are read in a daemon thread too (a big file
takes a second to validate) and put in place on the event loop. Workers never touch
widgets: the handlers here own every change of the model and tell the screen through
three methods the app fills in (`show_model`, `show_progress`, `show_folder_warning`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.message import Message

from kamtui.core.loading.quiet_collector import keep_out_of_collections
from kamtui.render.safe_text import one_line
from kamtui.tui.live.daemon_work import WorkFailed, run_in_daemon, while_running
from kamtui.tui.live.watch import (
    FilesChanged,
    FolderBack,
    FolderMissing,
    WatchFailed,
    WatchRestored,
    folder_events,
)

# The core (pydantic, PyYAML, networkx) takes longer to import than Textual takes to
# paint: it is imported once the first frame is out.
if TYPE_CHECKING:
    from kamtui.core.loading.store import ReloadBatch, StoreChange
    from kamtui.tui.live.portfolio_model import PortfolioModel
    from kamtui.tui.live.row_order import RowCache

# Progress is reported at most this many times per load, however many files there are.
PROGRESS_STEPS = 100


@dataclass
class LoadProgress(Message):
    """Files read so far by the loading worker."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LoadProgress)


@dataclass
class PortfolioLoaded(Message):
    """A whole new model, built by the loading worker."""

    model: PortfolioModel
    # Its table rows and their orders, built in the worker too: they are the other
    # slow part of a load.
    rows: RowCache
    generation: int


@dataclass
class ChangesRead(Message):
    """Changed files read and validated off the event loop, to be put in place."""

    batch: ReloadBatch
    generation: int


class FolderApp(App[int]):
    """An app showing the portfolio in `root`, judged on `today`, kept live."""

    def __init__(self, root: Path, today: dt.date, *, watch: bool, use_cache: bool) -> None:
        super().__init__()
        self.root = root
        self.today = today
        self.watching = watch
        self.use_cache = use_cache
        self.model: PortfolioModel | None = None
        self.rows: RowCache | None = None
        self._generation = 0
        # Paths changed and not read yet: one read runs at a time, and none during a load.
        self._pending: set[Path] = set()
        # What to do once the pending paths, then the paths being read, are shown.
        self._then_pending: list[Callable[[], None]] = []
        self._then_reading: list[Callable[[], None]] = []
        self.loading = False
        self.reading = False

    def show_model(self, changed: frozenset[str] | None = None) -> None:
        """Show `self.model`; `changed`: the only file keys whose rows may differ (None: any)."""
        raise NotImplementedError

    def show_progress(self, done: int, total: int) -> None:
        """`done` of `total` files read by the first load."""
        raise NotImplementedError

    def show_folder_warning(self, text: str | None) -> None:
        """Say that the folder is gone or not watched (user text inside); None: all is well."""
        raise NotImplementedError

    # Loading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the whole folder again off the event loop; the screen keeps the old data meanwhile."""
        self._generation += 1
        self.loading = True
        generation = self._generation
        run_in_daemon(self, "loading the folder", lambda: self._load(generation))

    def _load(self, generation: int) -> PortfolioLoaded | None:
        from kamtui.core.loading.store import AccountStore
        from kamtui.tui.live.portfolio_model import PortfolioModel
        from kamtui.tui.live.row_order import RowCache

        model = PortfolioModel(AccountStore(self.root, use_cache=self.use_cache), self.today)
        step = 0

        def progress(done: int, total: int) -> None:
            nonlocal step
            if done * PROGRESS_STEPS // total > step or done == total:
                step = done * PROGRESS_STEPS // total
                self.post_message(LoadProgress(done, total))

        model.load_all(progress)
        if generation != self._generation:
            return None
        rows = RowCache()
        # Every column's order too, so that no sort key waits for a sort.
        rows.update(model.files).prepare()
        # Frozen with the model (whose next load unfreezes them): otherwise every full
        # pass of the collector, at the user's pauses (quiet_collector), would go over
        # 10,000 rows again (70-80 ms).
        keep_out_of_collections()
        return PortfolioLoaded(model, rows, generation)

    @property
    def busy(self) -> bool:
        """A load or a read of changed files is under way (benchmarks and tests wait on it)."""
        return self.loading or self.reading or bool(self._pending and self.model is not None)

    @while_running
    def on_load_progress(self, message: LoadProgress) -> None:
        self.show_progress(message.done, message.total)

    @while_running
    def on_portfolio_loaded(self, message: PortfolioLoaded) -> None:
        if message.generation != self._generation:
            return
        self.loading = False
        self.model, self.rows = message.model, message.rows
        self.show_model()
        self._after_read()
        self._read_pending()

    @while_running
    def on_work_failed(self, message: WorkFailed) -> None:
        if message.what == "loading the folder":
            self.loading = False
        else:
            self.reading = False
            self._after_read()
        error = one_line(f"{type(message.error).__name__}: {message.error}")
        self.notify(f"{message.what} failed: {error}", severity="error", markup=False)
        self._read_pending()

    # Watching -------------------------------------------------------------------------

    @work(exclusive=True, group="watch", exit_on_error=False)
    async def watch_folder(self) -> None:
        async for message in folder_events(self.root):
            self.post_message(message)

    def on_files_changed(self, message: FilesChanged) -> None:
        self.apply_changes(message.paths)

    def apply_changes(self, paths: Iterable[Path], then: Callable[[], None] | None = None) -> None:
        """Read these paths off the event loop, show what changed, then call `then`."""
        self._pending.update(paths)
        if then is not None:
            self._then_pending.append(then)
        self._read_pending()

    def _read_pending(self) -> None:
        if self.model is None or self.loading or self.reading or not self._pending:
            return
        if not self.root.is_dir():
            # Keep the last portfolio on screen; FolderBack reloads it all.
            self._pending.clear()
            return
        paths, self._pending = self._pending, set()
        self._then_reading, self._then_pending = self._then_pending, []
        store, generation = self.model.store, self._generation
        self.reading = True
        run_in_daemon(
            self, "reading changed files", lambda: ChangesRead(store.read(paths), generation)
        )

    @while_running
    def on_changes_read(self, message: ChangesRead) -> None:
        self.reading = False
        if message.generation == self._generation and self.model is not None:
            change = self.model.apply(message.batch)
            if not change.empty:
                self.show_model(self.model.changed_keys)
                self._warn_broken(change)
        self._after_read()
        self._read_pending()

    def _after_read(self) -> None:
        """Run what waited on a read; a read overtaken by a full load ran its load instead."""
        then, self._then_reading = self._then_reading, []
        for action in then:
            action()

    def on_folder_missing(self, message: FolderMissing) -> None:
        self.show_folder_warning(
            f"⚠ The folder {one_line(str(message.root))} is gone; showing what was last "
            "loaded until it comes back."
        )

    def on_folder_back(self, message: FolderBack) -> None:
        self.show_folder_warning(None)
        how = "now leads to another folder" if message.switched else "is back"
        self.notify(f"{one_line(str(message.root))} {how}; reloading.", markup=False)
        self.reload()

    def on_watch_failed(self, message: WatchFailed) -> None:
        self.show_folder_warning(
            f"⚠ Watching {one_line(str(message.root))} failed ({one_line(message.error)}): "
            f"saves are not shown until it works again; retrying in {message.retry_seconds:g} s. "
            "r reloads by hand."
        )

    def on_watch_restored(self, message: WatchRestored) -> None:
        self.show_folder_warning(None)
        self.notify(f"Watching {one_line(str(message.root))} again; reloading.", markup=False)
        self.reload()

    def _warn_broken(self, change: StoreChange) -> None:
        assert self.model is not None
        for account_id in sorted(change.changed | change.added):
            file = self.model.file_for(account_id)
            if file is not None and file.problems:
                state = "showing its last valid version" if file.stale else "not shown"
                self.notify(
                    f"{one_line(file.path.name)} has errors ({state}):\n{one_line(str(file.problems[0]))}",
                    severity="warning",
                    markup=False,
                )
