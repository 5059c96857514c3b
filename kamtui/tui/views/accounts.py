"""The Accounts view: the filterable, sortable table of every account file above the detail tabs."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer

from kamtui.core.account.yaml_source import Loc
from kamtui.render.safe_text import one_line
from kamtui.tui.detail.account_detail import AccountDetail
from kamtui.tui.live.account_rows import COLUMNS
from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel
from kamtui.tui.live.row_order import RowOrder
from kamtui.tui.views.account_table import AccountTable
from kamtui.tui.widgets.filter_box import FilterBox
from kamtui.tui.widgets.problem_panel import gate_lines, show_problems

if TYPE_CHECKING:
    from kamtui.core.review.gates import GateReport

SORT = Binding.Group("Sort", compact=True)
DETAIL_INTERVAL = 0.1  # seconds
PROGRESS_WIDTH = 30  # cells of the loading bar
DETAIL_TABS = Binding.Group("Tab", compact=True)
FILTER_HINT = (
    'Filter: words match name, owner, industry, tier, flags, tags; or tier:a owner:"dana reyes"'
)
# While a filter is typed these keys still move the table's cursor...
MOVES_WHILE_TYPING = frozenset({"up", "down", "pageup", "pagedown"})
# ...and the view's keys that are letters type instead.
TYPED_OVER = frozenset({"filter", "sort", "reverse_sort", "tab"})


class AccountsView(Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "slash",
            "filter",
            "Filter",
            tooltip="Filter as you type: words match name, owner, industry, tier, flags, tags",
            id="accounts.filter",
        ),
        Binding("s", "sort", "Sort by next column", group=SORT, id="accounts.sort"),
        Binding("S", "reverse_sort", "Reverse the sort", group=SORT, id="accounts.reverse_sort"),
        Binding(
            "left_square_bracket",
            "tab(-1)",
            "Previous tab",
            key_display="[",
            group=DETAIL_TABS,
            id="detail.previous",
        ),
        Binding(
            "right_square_bracket",
            "tab(1)",
            "Next tab",
            key_display="]",
            group=DETAIL_TABS,
            id="detail.next",
        ),
        Binding("escape", "back", "Back to the table", show=False, id="accounts.back"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.model: PortfolioModel | None = None
        self._detail_timer: Timer | None = None
        self._title: str | None = None  # the table's, once loaded
        # The keys bound to the filter here (keymaps and shadowing included), worked
        # out when the bindings change, not at every key.
        self._filter_keys: frozenset[str] | None = None

    def compose(self) -> ComposeResult:
        # The filter box lies over the table's bottom border (a layer of its own):
        # opening it moves nothing, so the screen is not laid out again.
        with Container(id="table-box"):
            table = AccountTable(id="account-table", on_open=self._open_detail)
            yield table
            yield FilterBox(table, placeholder=FILTER_HINT, id="filter")
        yield AccountDetail(id="detail")

    def on_mount(self) -> None:
        self.query_one("#account-table", AccountTable).border_title = "Accounts: loading…"
        self.screen.bindings_updated_signal.subscribe(self, self._forget_filter_keys)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    @property
    def table(self) -> AccountTable:
        return self.query_one("#account-table", AccountTable)

    @property
    def filter_box(self) -> FilterBox:
        return self.query_one("#filter", FilterBox)

    @property
    def detail(self) -> AccountDetail:
        return self.query_one("#detail", AccountDetail)

    @property
    def selected(self) -> AccountFile | None:
        key = self.table.selected_key
        if self.model is None or key is None:
            return None
        return self.model.files.get(key)

    def location(self) -> Loc | None:
        """Where in the selected file the editor should open: what the active tab shows."""
        self._catch_up_detail()
        if self.selected is None:
            return None
        return self.detail.location()

    def progress(self, done: int, total: int) -> None:
        # Drawn in the table's title, not by a ProgressBar: its three widgets would
        # cost every key press, and removing them re-lays out the screen. (The bottom
        # border is the closed filter box's.) The title is the table's again once shown.
        filled = round(PROGRESS_WIDTH * done / total) if total else PROGRESS_WIDTH
        self._title = None
        self.table.border_title = Content.assemble(
            "Accounts: loading ",
            ("━" * filled, "$accent"),
            ("━" * (PROGRESS_WIDTH - filled), "$foreground 20%"),
            f" {done:,} of {total:,} files",
        )

    def show(self, model: PortfolioModel, rows: RowOrder) -> None:
        """Show the model's files as `rows`; the selection, filter, sort and scroll position stay."""
        self.model = model
        self.table.show(rows)
        self._show_folder_problems(model)
        self._update_title()
        self._show_detail()

    def select(self, key: str) -> bool:
        """Select the file `key`, clearing the filter (and ending its typing) if it hides it."""
        if self.table.select(key):
            return True
        if self.filter_box.typing:
            self._stop_typing()
        self._set_filter("")
        return self.table.select(key)

    def _show_folder_problems(self, model: PortfolioModel) -> None:
        problems = model.problems()
        text = Text("\n").join(Text(one_line(str(problem)), style="red") for problem in problems)
        show_problems(self, "folder-problems", text if problems else None, before=self.detail)

    def show_gates(self, report: GateReport | None, error: str | None = None) -> None:
        """The review gates' findings in a panel of their own, marked as such; hidden
        when there are none."""
        lines = gate_lines(report, error)
        text = Text("\n").join(lines) if lines else None
        show_problems(self, "gate-findings", text, before=self.detail)

    def _update_title(self) -> None:
        table = self.table
        sort = next(c.label for c in COLUMNS if c.key == table.order.column)
        parts = [
            f"Accounts {table.shown} of {table.total}",
            f"sorted by {sort} {table.order.arrow}",
        ]
        if self.model is not None and self.model.analysis.year is not None:
            currency = one_line(self.model.settings.currency)
            parts.append(f"revenue {self.model.analysis.year} in {currency}")
        query = self.filter_box.value.strip()
        if query:
            parts.append(f"filter “{one_line(query)}”")
        title = " · ".join(parts)
        # Setting a title repaints the whole table, even the same title.
        if title != self._title:
            self._title = title
            # Content, not a string: a border title string is read as markup.
            table.border_title = Content(title)

    def on_account_table_selection_changed(self, event: AccountTable.SelectionChanged) -> None:
        # Drawing the detail re-lays out the screen: 20-90 ms at 10,000 rows, more than
        # a key repeat allows. It is drawn once the cursor has rested DETAIL_INTERVAL
        # seconds, and the keys too (on_key), so a held key or a filter typed on costs
        # only the table's own redraw.
        if self._detail_timer is not None:
            self._detail_timer.reset()
        else:
            self._detail_timer = self.set_timer(DETAIL_INTERVAL, self._show_detail)

    def _show_detail(self) -> None:
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        if self.model is not None:
            self.detail.show(self.selected, self.model)

    # The filter: typed into the box while the table keeps the focus ------------------

    def check_consume_key(self, key: str, character: str | None) -> bool:
        # While a filter is typed, letters type: the app's letter keys leave the footer.
        return self.filter_box.typing and character is not None and character.isprintable()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.filter_box.typing and action in TYPED_OVER)

    def on_key(self, event: events.Key) -> None:
        if self._detail_timer is not None:
            self._detail_timer.reset()
        box = self.filter_box
        if not box.typing:
            if self._is_filter_key(event.key):
                # Here, not through the binding: the binding runs once the key has
                # reached the app, after the keys typed straight after it have passed
                # this view as keys of the table (and were lost to the filter).
                event.stop()
                event.prevent_default()
                self.action_filter()
            return
        if event.key in MOVES_WHILE_TYPING:
            return
        if event.key in ("enter", "escape"):
            self._stop_typing()
        elif box.type_key(event.key, event.character):
            self._filter_changed()
        else:
            # Any other key ends the typing and does what it does in the table.
            self._stop_typing()
            return
        event.stop()
        event.prevent_default()

    def _is_filter_key(self, key: str) -> bool:
        """The key is bound to the filter here (/, or what a keymap made it)."""
        if self._filter_keys is None:
            self._filter_keys = frozenset(
                bound
                for bound, active in self.screen.active_bindings.items()
                if active.node is self and active.binding.action == "filter" and active.enabled
            )
        return key in self._filter_keys

    def _forget_filter_keys(self, screen: Screen[object]) -> None:
        self._filter_keys = None

    def on_paste(self, event: events.Paste) -> None:
        if self.filter_box.typing:
            event.stop()
            self.filter_box.paste(event.text)
            self._filter_changed()

    def on_filter_box_clicked(self) -> None:
        self.action_filter()

    def on_descendant_focus(self) -> None:
        # Closed, the filter box draws the table's border, whose colour follows focus.
        self.filter_box.refresh()

    def on_descendant_blur(self) -> None:
        # The screen's focus, not the table's has_focus: that changes only once the
        # table handles its Focus event, which may come after this.
        if self.filter_box.typing and self.screen.focused is not self.table:
            self._stop_typing()
        self.filter_box.refresh()

    def focus_table(self) -> None:
        # Widget.focus repaints the widget even when it has the focus already, and moves
        # it a turn later: a digit typed straight after escape would still score in the
        # Overview instead of opening a view.
        if not self.table.has_focus:
            self.screen.set_focus(self.table)

    def action_filter(self) -> None:
        self.focus_table()
        self.filter_box.start_typing()
        self.screen.refresh_bindings()

    def _stop_typing(self) -> None:
        self.filter_box.stop_typing()
        self.screen.refresh_bindings()

    def action_back(self) -> None:
        """Escape: from the detail back to the table; in the table, clear the filter."""
        if self.table.has_focus and self.filter_box.value:
            self._set_filter("")
        self.focus_table()

    def _open_detail(self) -> None:
        """Into the selected account's detail, at once: keys typed ahead act on it."""
        self._catch_up_detail()
        self.detail.focus_page()

    def _catch_up_detail(self) -> None:
        """Show the selected account now if the detail still shows the one the cursor
        left (its timer pending, or the move's message not even handled yet)."""
        if self._detail_timer is not None or self.detail.shown_key != self.table.selected_key:
            self._show_detail()

    def filter_by(self, query: str) -> None:
        """Show the rows `query` keeps, as if it had been typed (escape clears it)."""
        if self.filter_box.typing:
            self._stop_typing()
        self._set_filter(query)
        self.focus_table()

    def _set_filter(self, query: str) -> None:
        self.filter_box.set_value(query)
        self._filter_changed()

    def _filter_changed(self) -> None:
        self.table.filter(self.filter_box.value)
        self._update_title()

    def action_sort(self) -> None:
        self.table.next_sort_column()
        self._update_title()  # in the frame that shows the new order, not the one after

    def action_reverse_sort(self) -> None:
        self.table.reverse_sort()
        self._update_title()

    def on_account_table_sort_changed(self, event: AccountTable.SortChanged) -> None:
        self._update_title()

    def action_tab(self, step: int) -> None:
        self.detail.step_tab(step)
