"""The kamtui app: views, bindings, actions, the command palette, and what the live
folder (`tui/live/folder_app.py`, its base class) shows."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.theme import Theme
from textual.widget import Widget
from textual.widgets import Static

from kamtui.core.loading.quiet_collector import CHECK_EVERY as COLLECTION_CHECK
from kamtui.core.loading.quiet_collector import IdleCollection
from kamtui.render.safe_text import one_line
from kamtui.tui.editor import EditorError, Launcher, editor_command, editor_setting, run_editor
from kamtui.tui.live.daemon_work import while_running
from kamtui.tui.live.edit_history import EditHistory
from kamtui.tui.live.folder_app import FolderApp
from kamtui.tui.live.gate_review import GateReviewer, GatesReviewed
from kamtui.tui.palette import KamCommands, PaletteCommand, app_commands
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
    from kamtui.core.editing.account_edit import Value
    from kamtui.tui.detail.items_tab import ItemsTab
    from kamtui.tui.detail.overview_tab import OverviewTab
    from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel
    from kamtui.tui.views.accounts import AccountsView
    from kamtui.tui.views.agenda import AgendaView
    from kamtui.tui.views.base import PortfolioView
    from kamtui.tui.views.team import TeamView

MAIN_SCREEN_ACTIONS = frozenset(
    {"next_view", "view", "edit", "new_account", "log_activity", "undo", "reload", "help"}
)
COMPACT_FOOTER_BELOW = 120


class KamApp(FolderApp):
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
        Binding(
            "l",
            "log_activity",
            "Log",
            tooltip="Log a meeting, call or note for the selected account (as `kamtui log`)",
            id="app.log",
        ),
        # Not in the footer, which an 80-column terminal fills: each change's notification
        # says "u undoes it", and `?` lists it.
        Binding(
            "u",
            "undo",
            "Undo",
            show=False,
            tooltip="Take back the last change made here (the file's text as it was)",
            id="app.undo",
        ),
        Binding("r", "reload", "Reload", tooltip="Read every file again", id="app.reload"),
        Binding(
            "tab",
            "next_view(1)",
            "View",
            key_display="⇥",
            priority=True,
            tooltip=f"Next view (or its number: 1 {FIRST.title} … {len(VIEWS)} {VIEWS[-1].title})",
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
        gates: bool = True,
    ) -> None:
        """`config`: the user's config.yaml (theme, keymap); None reads and writes none.
        `gates`: judge the working tree by kam.yaml's review gates against HEAD."""
        super().__init__(root, today, watch=watch, use_cache=use_cache)
        self.gates = GateReviewer(self) if gates else None
        self.config_path = config
        self.environ = os.environ if environ is None else environ
        self.launcher = launcher
        self._collection = IdleCollection()
        self.edits = EditHistory()

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
            short={
                view.key: self._view_label(number, view.short)
                for number, view in enumerate(VIEWS, start=1)
                if view.short
            },
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
        self.show_folder_warning(None)
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
            from kamtui.tui.binding_ids import binding_ids
            from kamtui.tui.user_config import unknown_keymap_ids

            keymap, unknown = unknown_keymap_ids(config, self.config_path, binding_ids())
            for problem in unknown:
                self.notify(one_line(str(problem)), severity="error", timeout=15, markup=False)
            self.set_keymap(keymap)
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

    # What the live half (FolderApp) shows ------------------------------------------------

    def show_progress(self, done: int, total: int) -> None:
        self.accounts_view.progress(done, total)

    def show_folder_warning(self, text: str | None) -> None:
        banner = self.query_one("#folder-missing", Static)
        if text is not None:
            # Content, not a string: Static reads a string as markup, and a folder name is user text.
            banner.update(Content(text))
        banner.display = text is not None

    def show_model(self, changed: frozenset[str] | None = None) -> None:
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
        if self.gates is not None:
            self.gates.request(model)

    @while_running
    def on_gates_reviewed(self, message: GatesReviewed) -> None:
        assert self.gates is not None
        self.gates.finished()
        self.accounts_view.show_gates(message.report, message.error)

    def on_account_chosen(self, message: AccountChosen) -> None:
        """An account picked in a portfolio view (its key is the id): show it in the table."""
        file = self.model.file_for(message.key) if self.model is not None else None
        if file is None:
            return
        self.action_view("accounts")
        self.accounts_view.select(file.key)

    def on_team_view_owner_chosen(self, message: TeamView.OwnerChosen) -> None:
        """A book picked in the Team view: the accounts of that owner, and no other."""
        from kamtui.tui.views.team import owner_filter

        self.action_view("accounts")
        self.accounts_view.filter_by(owner_filter(message.owner))

    def on_agenda_view_item_chosen(self, message: AgendaView.ItemChosen) -> None:
        """An agenda item picked: its account, at the tab and on the row where it lives."""
        file = self.model.file_for(message.account) if self.model is not None else None
        if file is None:
            return
        self.action_view("accounts")
        self.accounts_view.select(file.key)
        detail = self.accounts_view.detail
        detail.activate(message.tab)
        if message.row is not None:
            detail.highlight(file.key, message.tab, message.row)

    def on_agenda_view_done_requested(self, message: AgendaView.DoneRequested) -> None:
        self.edit_account(message.path, message.field, True)

    def _update_view(self, view_id: str, model: PortfolioModel) -> None:
        view = self.portfolio_view(view_id)
        if view is not None:
            view.update_analysis(model.analysis, model.settings, model.store.accounts_view())

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

    def _acted_on(self) -> AccountFile | None:
        """The account `e` and `l` act on: in the Accounts view the selected one, in a
        portfolio view the one under its cursor (never one out of sight); None, said."""
        if self.active_view == "accounts":
            file = self.accounts_view.selected
        else:
            view = self.portfolio_view(self.active_view)
            account = view.account_under_cursor() if view is not None else None
            file = self.model.file_for(account) if account and self.model else None
        if file is None:
            self.notify("No account under the cursor: pick one first.", severity="warning")
        return file

    def action_edit(self) -> None:
        file = self._acted_on()
        if file is None:
            return
        from kamtui.tui.locate import editor_line

        where = self.accounts_view.location() if self.active_view == "accounts" else None
        self.open_in_editor(file.path, editor_line(file, where))

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

    def action_log_activity(self) -> None:
        file = self._acted_on()
        if file is None:
            return
        if file.account is None or file.stale:
            self.notify(
                f"{one_line(file.path.name)} has errors: fix them first (e opens it at the first).",
                severity="error",
                markup=False,
            )
            return
        from kamtui.tui.screens.log_activity import LogActivityScreen

        stale = frozenset(file.row.stale) if file.row is not None else frozenset()

        def logged(path: Path | None) -> None:
            if path is None:
                return
            self.notify(f"Logged in {one_line(path.name)}. (u undoes it)", markup=False)
            self.action_view("accounts")
            self.accounts_view.select(str(path))
            self.accounts_view.detail.activate("activity")
            self.apply_changes([path])

        assert self.model is not None  # the file acted on is one of its files
        screen = LogActivityScreen(
            file.path,
            file.account,
            self.model.settings,
            self.today,
            stale,
            write=self.edits.write,
        )
        self.push_screen(screen, logged)

    def on_items_tab_change_requested(self, message: ItemsTab.ChangeRequested) -> None:
        """A change offered in a detail tab (a status, an attitude, a next step or an
        action done): ask which, then write it in place."""
        from kamtui.tui.screens.choose_value import ChooseValueScreen

        def chosen(place: int | None) -> None:
            if place is not None and place != message.current:
                _, field, value = message.choices[place]
                self.edit_account(message.path, field, value)

        shown = [shown for shown, _, _ in message.choices]
        screen = ChooseValueScreen(message.title, shown, message.current)
        self.push_screen(screen, chosen)

    def on_overview_tab_score_requested(self, message: OverviewTab.ScoreRequested) -> None:
        self.edit_account(message.path, message.field, message.score)

    def edit_account(self, path: Path, field: str, value: Value) -> None:
        """Set the field named `field` (as `kamtui set` names it) of the account file at
        `path` as `kamtui set` does: only its line changes, the result is validated
        first, a file changed meanwhile is refused."""
        from kamtui.core.account.problem import display_path
        from kamtui.core.editing.account_change import ChangeRefused, change_account
        from kamtui.core.editing.field_path import PathError, set_named

        assert self.model is not None  # the file edited is one of its files
        settings = self.model.settings
        try:
            change = change_account(path, lambda text: set_named(text, field, value), settings)
            if not change.changed:
                # Nothing to write, and nothing for `u` to take back.
                self.notify(f"{field} is {value} already.", markup=False)
                return
            edit = self.edits.write(change)
        except ChangeRefused as refused:
            self._refused("Not changed", refused.problems)
            return
        except PathError as gone:
            # The item was renamed or removed in the file since it was shown.
            self._refused("Not changed", [f"{display_path(path)}: {gone}"])
            return
        shown = "\n".join(one_line(line) for line in edit.lines)
        self.notify(f"{shown}\n(u undoes it)", title=one_line(path.name), markup=False)
        self.apply_changes([path])

    def action_undo(self) -> None:
        from kamtui.core.editing.account_change import ChangeRefused

        try:
            edit = self.edits.undo()
        except ChangeRefused as refused:
            self._refused("Not undone", refused.problems)
            return
        if edit is None:
            self.notify("Nothing to undo.", severity="warning")
            return
        taken_back = "\n".join(one_line(line) for line in edit.undone_lines())
        self.notify(f"Undone:\n{taken_back}", title=one_line(edit.path.name), markup=False)
        self.apply_changes([edit.path])

    def _refused(self, title: str, problems: Sequence[object]) -> None:
        """Why a change was not written, one problem a line, until read."""
        shown = "\n".join(one_line(str(problem)) for problem in problems)
        self.notify(shown, title=title, severity="error", markup=False, timeout=15)

    def palette_commands(self) -> list[PaletteCommand]:
        return app_commands(self)
