"""The kamtui app: views, bindings, the command palette, loading and watching the folder.

Workers never touch widgets: the loader builds a whole new `PortfolioModel` in a
daemon thread and posts it; the watcher posts the paths that changed, which are
read in a daemon thread too (a big file takes a second to validate) and put in
place here. The handlers here own every change of state and tell the views what
to show.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App, ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.theme import Theme
from textual.widget import Widget
from textual.widgets import Static

from kamtui.core.loading.quiet_collector import CHECK_EVERY as COLLECTION_CHECK
from kamtui.core.loading.quiet_collector import IdleCollection, keep_out_of_collections
from kamtui.render.safe_text import one_line
from kamtui.tui.editor import EditorError, Launcher, editor_command, editor_setting, run_editor
from kamtui.tui.live.daemon_work import WorkFailed, run_in_daemon, while_running
from kamtui.tui.live.watch import (
    FilesChanged,
    FolderBack,
    FolderMissing,
    WatchFailed,
    WatchRestored,
    folder_events,
)
from kamtui.tui.palette import KamCommands, PaletteCommand
from kamtui.tui.screens.main_screen import MainScreen
from kamtui.tui.views import registry
from kamtui.tui.views.registry import FIRST, VIEWS
from kamtui.tui.widgets.key_footer import KeyFooter
from kamtui.tui.widgets.row_cursor import AccountChosen
from kamtui.tui.widgets.tab_strip import TabStrip
from kamtui.tui.widgets.title_bar import TitleBar
from kamtui.tui.widgets.view_pages import ViewPages

# The core (pydantic, PyYAML, networkx) and the widgets built on it take longer to
# import than Textual takes to paint: they are imported once the first frame is out.
if TYPE_CHECKING:
    from kamtui.core.loading.store import ReloadBatch, StoreChange
    from kamtui.tui.live.portfolio_model import PortfolioModel
    from kamtui.tui.live.row_order import RowCache
    from kamtui.tui.views.accounts import AccountsView
    from kamtui.tui.views.base import PortfolioView

MAIN_SCREEN_ACTIONS = frozenset({"next_view", "view", "edit", "new_account", "reload", "help"})
COMPACT_FOOTER_BELOW = 120
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


class KamApp(App[int]):
    """`KamApp(root, today)`: the CLI passes today's date, tests a fixed one."""

    CSS_PATH = "app.tcss"
    TITLE = "kamtui"
    COMMANDS = App.COMMANDS | {KamCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # Short descriptions fit an 80-column footer; tooltips say more (hover, and `?`).
        Binding("q", "quit", "Quit", tooltip="Quit kamtui", id="app.quit"),
        Binding(
            "question_mark",
            "help",
            "Keys",
            key_display="?",
            tooltip="Show or hide every key binding",
            id="app.help",
        ),
        Binding(
            "e",
            "edit",
            "Edit",
            tooltip="Open the selected account in $VISUAL or $EDITOR, at the selected line",
            id="app.edit",
        ),
        Binding(
            "n",
            "new_account",
            "New",
            tooltip="Create an account file from the template and open it",
            id="app.new",
        ),
        Binding("r", "reload", "Reload", tooltip="Read every file again", id="app.reload"),
        Binding(
            "tab",
            "next_view(1)",
            "View",
            key_display="⇥",
            priority=True,
            tooltip="Next view (or its number: 1 Accounts … 5 Dashboard)",
            id="app.next_view",
        ),
        Binding(
            "shift+tab",
            "next_view(-1)",
            "Previous view",
            show=False,
            priority=True,
            id="app.previous_view",
        ),
        # The view tabs show each view's number ("1 Accounts"), so the footer need not.
        *(
            Binding(
                str(number), f"view('{view.key}')", view.title, show=False, id=f"view.{view.key}"
            )
            for number, view in enumerate(VIEWS, start=1)
        ),
    ]

    def __init__(
        self,
        root: Path,
        today: dt.date,
        *,
        environ: Mapping[str, str] | None = None,
        launcher: Launcher = run_editor,
        watch: bool = True,
        use_cache: bool = True,
        config: Path | None = None,
    ) -> None:
        """`config`: the user's config.yaml (theme, keymap); None reads and writes none."""
        super().__init__()
        self.config_path = config
        self.root = root
        self.today = today
        self.environ = os.environ if environ is None else environ
        self.launcher = launcher
        self.watching = watch
        self.use_cache = use_cache
        self.model: PortfolioModel | None = None
        self._generation = 0
        # Paths changed and not read yet: one read runs at a time, and none during a load.
        self._pending: set[Path] = set()
        # What to do once the pending paths, then the paths being read, are shown.
        self._then_pending: list[Callable[[], None]] = []
        self._then_reading: list[Callable[[], None]] = []
        self.loading = False
        self.reading = False
        self.rows: RowCache | None = None
        self._collection = IdleCollection()

    def compose(self) -> ComposeResult:
        # The views start unmounted: the accounts view right after the first frame,
        # each portfolio view when it is first shown.
        yield TitleBar()
        yield Static(id="folder-missing")
        yield TabStrip(
            [
                (view.key, self._view_label(number, view.title))
                for number, view in enumerate(VIEWS, start=1)
            ],
            id="view-tabs",
        )
        yield ViewPages(FIRST.key, id="views")
        yield KeyFooter()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseEvent):
            self._collection.input()
        await super().on_event(event)

    def on_unmount(self) -> None:
        self._collection.release()

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(id="_default")

    @staticmethod
    def _view_label(number: int, title: str) -> str:
        return f"{number} {title}"

    def on_resize(self) -> None:
        # Every binding must fit in the footer of an 80-column terminal.
        self.query_one(KeyFooter).compact = self.size.width < COMPACT_FOOTER_BELOW

    def on_mount(self) -> None:
        self._apply_user_config()
        self._collection.hold()
        self.set_interval(COLLECTION_CHECK, self._collection.check)
        self.sub_title = one_line(str(self.root))
        self.query_one("#folder-missing").display = False
        self.call_after_refresh(self._start)

    def _apply_user_config(self) -> None:
        """The theme and keymap of the user's config.yaml; what is wrong with it is shown
        (file:line:col) and left out, and the app starts anyway."""
        if self.config_path is None:
            return
        from kamtui.tui.user_config import load_user_config

        config, problems = load_user_config(self.config_path)
        for problem in problems:
            self.notify(one_line(str(problem)), severity="error", timeout=15, markup=False)
        if config.theme is not None:
            if config.theme in self.available_themes:
                self.theme = config.theme
            else:
                choices = ", ".join(sorted(self.available_themes))
                self.notify(
                    f"{one_line(str(self.config_path))}: no theme {config.theme!r}; "
                    f"the themes are {choices}",
                    severity="error",
                    timeout=15,
                    markup=False,
                )
        if config.keymap:
            self.set_keymap(config.keymap)
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: Theme) -> None:
        from kamtui.tui.user_config import remember_theme

        assert self.config_path is not None
        try:
            remember_theme(self.config_path, theme.name)
        except (OSError, ValueError) as error:
            self.notify(f"The theme is not remembered: {one_line(str(error))}", markup=False)

    async def _start(self) -> None:
        from kamtui.tui.views.accounts import AccountsView

        await self._mount_view(AccountsView(id="accounts-view"))
        self.accounts_view.table.focus()
        self.reload()
        if self.watching:
            self.watch_folder()

    @property
    def accounts_view(self) -> AccountsView:
        from kamtui.tui.views.accounts import AccountsView

        return self.query_one("#accounts-view", AccountsView)

    def portfolio_view(self, view_id: str) -> PortfolioView | None:
        """The portfolio view `view_id`, None until it was first shown."""
        from kamtui.tui.views.base import PortfolioView

        found = self.query(f"#{view_id}-view")
        return found.first(PortfolioView) if found else None

    def on_tab_strip_activated(self, event: TabStrip.Activated) -> None:
        self.action_view(event.tab_id)

    async def _mount_view(self, view: Widget) -> None:
        pages = self.query_one(ViewPages)
        if not pages.is_attached:
            # A view key and `q` in one burst: the screen is gone before the view mounts.
            return
        view.display = False  # until the switcher shows it
        await pages.mount(view)
        if view.id == pages.page_id(pages.active):
            pages.current = view.id

    async def _show_portfolio_view(self, view_id: str) -> None:
        """Mount the portfolio view `view_id` the first time it is shown."""
        if self.portfolio_view(view_id) is not None:
            return
        spec = registry.view(view_id)
        view = spec.widget_class()(id=spec.widget_id)
        await self._mount_view(view)
        if self.model is not None:
            self._update_view(view_id, self.model)
        if view.display:
            self._focus_view(view)

    @staticmethod
    def _focus_view(view: Widget) -> None:
        focusable = [widget for widget in view.query("*") if widget.focusable]
        if focusable:
            focusable[0].focus()

    @property
    def active_view(self) -> str:
        return self.query_one(ViewPages).active

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
        self.accounts_view.progress(message.done, message.total)

    @while_running
    def on_portfolio_loaded(self, message: PortfolioLoaded) -> None:
        if message.generation != self._generation:
            return
        self.loading = False
        self.model, self.rows = message.model, message.rows
        self._show()
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
                self._show(self.model.changed_keys)
                self._warn_broken(change)
        self._after_read()
        self._read_pending()

    def _after_read(self) -> None:
        """Run what waited on a read; a read overtaken by a full load ran its load instead."""
        then, self._then_reading = self._then_reading, []
        for action in then:
            action()

    def on_folder_missing(self, message: FolderMissing) -> None:
        banner = self.query_one("#folder-missing", Static)
        # Content, not a string: Static reads a string as markup, and a folder name is user text.
        banner.update(
            Content(
                f"⚠ The folder {one_line(str(message.root))} is gone; showing what was last "
                "loaded until it comes back."
            )
        )
        banner.display = True

    def on_folder_back(self, message: FolderBack) -> None:
        self.query_one("#folder-missing").display = False
        how = "now leads to another folder" if message.switched else "is back"
        self.notify(f"{one_line(str(message.root))} {how}; reloading.", markup=False)
        self.reload()

    def on_watch_failed(self, message: WatchFailed) -> None:
        banner = self.query_one("#folder-missing", Static)
        banner.update(
            Content(
                f"⚠ Watching {one_line(str(message.root))} failed ({one_line(message.error)}): "
                f"saves are not shown until it works again; retrying in {message.retry_seconds:g} s. "
                "r reloads by hand."
            )
        )
        banner.display = True

    def on_watch_restored(self, message: WatchRestored) -> None:
        self.query_one("#folder-missing").display = False
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

    def _show(self, changed: frozenset[str] | None = None) -> None:
        """Show the model; `changed`: the only file keys whose rows may differ (None: any)."""
        assert self.model is not None
        model = self.model
        assert self.rows is not None
        self.accounts_view.show(model, self.rows.update(model.files, changed))
        for view in VIEWS[1:]:
            self._update_view(view.key, model)
        broken = sum(1 for file in model.files.values() if file.problems)
        summary = f"{len(model.analysis.rows)} accounts"
        if broken:
            summary += f" · {broken} with errors"
        self.sub_title = f"{one_line(str(self.root))} · {summary}"

    def on_account_chosen(self, message: AccountChosen) -> None:
        """An account picked in a portfolio view (its key is the id): show it in the table."""
        file = self.model.file_for(message.key) if self.model is not None else None
        if file is None:
            return
        self.action_view("accounts")
        self.accounts_view.select(file.key)

    def _update_view(self, view_id: str, model: PortfolioModel) -> None:
        view = self.portfolio_view(view_id)
        if view is not None:
            view.update_analysis(model.analysis, model.settings)

    # Actions --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Behind a dialog, keys belong to the dialog.
        return self.screen is self.screen_stack[0] or action not in MAIN_SCREEN_ACTIONS

    def action_view(self, view_id: str) -> None:
        self.query_one("#view-tabs", TabStrip).active = view_id
        pages = self.query_one(ViewPages)
        pages.active = view_id
        if not pages.has_page(view_id):
            self.call_later(self._show_portfolio_view, view_id)
            return
        pages.current = pages.page_id(view_id)
        if view_id == "accounts":
            self.accounts_view.focus_table()
        else:
            self._focus_view(pages.get_child_by_id(pages.page_id(view_id)))

    def action_next_view(self, step: int) -> None:
        ids = [view.key for view in VIEWS]
        self.action_view(ids[(ids.index(self.active_view) + step) % len(ids)])

    def action_help(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_reload(self) -> None:
        self.reload()
        self.notify("Reloading every account file.", timeout=2)

    def action_edit(self) -> None:
        file = self.accounts_view.selected
        if file is None:
            self.notify("No account selected.", severity="warning")
            return
        from kamtui.tui.locate import editor_line

        self.open_in_editor(file.path, editor_line(file, self.accounts_view.location()))

    def open_in_editor(self, path: Path, line: int | None) -> None:
        """Suspend the app, run the editor on `path`, then show what it changed."""
        try:
            argv = editor_command(editor_setting(self.environ), path, line)
        except EditorError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        status = self._run_suspended(argv)
        if isinstance(status, str):
            self.notify(status, severity="error", markup=False, timeout=10)
        elif status < 0:
            self.notify(
                f"{argv[0]} was stopped by signal {-status}.", severity="warning", markup=False
            )
        elif status != 0:
            self.notify(f"{argv[0]} exited with status {status}.", severity="warning", markup=False)
        self.apply_changes([path])

    def _run_suspended(self, argv: list[str]) -> int | str:
        """The editor's exit status, or what went wrong running it.

        Nothing may raise inside `suspend()`: Textual resumes the screen only when the
        block ends normally, and an editor that cannot start would leave the terminal
        blank and echoing keys.
        """

        def run() -> int | str:
            try:
                return self.launcher(argv)
            except EditorError as error:
                return str(error)
            except Exception as error:  # whatever the tool does, the app comes back
                return f"{argv[0]} failed: {one_line(str(error)) or type(error).__name__}"

        try:
            with self.suspend():
                return run()
        except SuspendNotSupported:
            # Headless (tests) or a web terminal: run the editor without suspending.
            return run()

    def action_new_account(self) -> None:
        from kamtui.core.editing.template import create_account
        from kamtui.tui.screens.new_account import NewAccountScreen

        def create(name: str) -> Path:
            return create_account(self.root, name, self.today, root=self.root)

        def created(path: Path | None) -> None:
            if path is None:
                return
            self.action_view("accounts")
            self.notify(f"Created {one_line(path.name)}.", markup=False)

            def show_and_edit() -> None:
                self.accounts_view.select(str(path))
                self.open_in_editor(path, None)

            self.apply_changes([path], then=show_and_edit)

        self.push_screen(NewAccountScreen(self.root, create), created)

    def palette_commands(self) -> list[PaletteCommand]:
        from kamtui.tui.detail.account_detail import TABS
        from kamtui.tui.live.account_rows import COLUMNS

        view = self.accounts_view
        commands = [
            PaletteCommand(f"View: {view.title}", partial(self.action_view, view.key), f"key {n}")
            for n, view in enumerate(VIEWS, start=1)
        ]
        commands += [
            PaletteCommand("Edit the selected account", self.action_edit, "key e: opens $EDITOR"),
            PaletteCommand("New account", self.action_new_account, "key n"),
            PaletteCommand("Reload every file", self.action_reload, "key r"),
            PaletteCommand("Filter accounts", self._palette_filter, "key /"),
            PaletteCommand("Reverse the sort order", view.action_reverse_sort, "key S"),
            PaletteCommand("Show every key binding", self.action_help, "key ?"),
        ]
        commands += [
            PaletteCommand(
                f"Sort by {column.label}",
                partial(self._palette_sort, column.key),
                "key s cycles",
            )
            for column in COLUMNS
        ]
        commands += [
            PaletteCommand(f"Detail: {title}", partial(self._palette_tab, pane), "keys [ and ]")
            for pane, title, _ in TABS
        ]
        if self.model is not None:
            for key, file in sorted(
                self.model.files.items(), key=lambda item: item[1].name.casefold()
            ):
                owner = file.account.owner if file.account and file.account.owner else ""
                commands.append(
                    PaletteCommand(
                        f"Account: {file.name}",
                        partial(self._palette_account, key),
                        " · ".join(
                            part for part in (owner, self.model.relative(file.path)) if part
                        ),
                        discoverable=False,
                    )
                )
        return commands

    def _palette_filter(self) -> None:
        self.action_view("accounts")
        self.accounts_view.action_filter()

    def _palette_sort(self, column: str) -> None:
        self.action_view("accounts")
        self.accounts_view.table.sort_by(column)

    def _palette_tab(self, pane: str) -> None:
        self.action_view("accounts")
        self.accounts_view.detail.activate(pane)

    def _palette_account(self, key: str) -> None:
        self.action_view("accounts")
        self.accounts_view.select(key)
