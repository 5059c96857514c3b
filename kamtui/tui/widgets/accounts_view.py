"""The Accounts view: the filterable, sortable table of every account file above the detail tabs."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Input

from kamtui.core.yaml_source import Loc
from kamtui.render.safe_text import one_line
from kamtui.tui.account_rows import COLUMNS
from kamtui.tui.portfolio_model import AccountFile, PortfolioModel
from kamtui.tui.row_order import RowOrder
from kamtui.tui.widgets.account_detail import AccountDetail
from kamtui.tui.widgets.account_table import AccountTable
from kamtui.tui.widgets.filter_box import FilterBox
from kamtui.tui.widgets.problem_panel import show_problems

SORT = Binding.Group("Sort", compact=True)
DETAIL_INTERVAL = 0.1  # seconds
PROGRESS_WIDTH = 30  # cells of the loading bar
DETAIL_TABS = Binding.Group("Tab", compact=True)
FILTER_HINT = "Filter: words match name, owner, industry, tier, flags, tags; or tier:a owner:dana"


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

    def compose(self) -> ComposeResult:
        # The filter box lies over the table's bottom border (a layer of its own):
        # opening it moves nothing, so the screen is not laid out again.
        with Container(id="table-box"):
            table = AccountTable(id="account-table")
            yield table
            yield FilterBox(table, placeholder=FILTER_HINT, id="filter")
        yield AccountDetail(id="detail")

    def on_mount(self) -> None:
        self.query_one("#account-table", AccountTable).border_title = "Accounts: loading…"

    @property
    def table(self) -> AccountTable:
        return self.query_one("#account-table", AccountTable)

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
        if self._detail_timer is not None:
            self._show_detail()  # the detail must be the selected account's
        if self.selected is None:
            return None
        return self.detail.location()

    def progress(self, done: int, total: int) -> None:
        # Drawn in the table's title, not by a ProgressBar: its three widgets would
        # cost every key press, and removing them re-lays out the screen. (The bottom
        # border is the closed filter box's.) The title is the table's again once shown.
        filled = round(PROGRESS_WIDTH * done / total) if total else PROGRESS_WIDTH
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
        """Select the file `key`, clearing the filter if it hides it."""
        if self.table.select(key):
            return True
        self._set_filter("")
        return self.table.select(key)

    def _show_folder_problems(self, model: PortfolioModel) -> None:
        problems = model.problems()
        text = Text("\n").join(Text(one_line(str(problem)), style="red") for problem in problems)
        show_problems(self, "folder-problems", text if problems else None, before=self.detail)

    def _update_title(self) -> None:
        table = self.table
        sort = next(c.label for c in COLUMNS if c.key == table.order.column)
        parts = [
            f"Accounts {table.shown} of {table.total}",
            f"sorted by {sort} {table.order.arrow}",
        ]
        if self.model is not None and self.model.analysis.year is not None:
            parts.append(f"revenue {self.model.analysis.year} in {self.model.settings.currency}")
        query = self.query_one("#filter", Input).value.strip()
        if query:
            parts.append(f"filter “{one_line(query)}”")
        # Content, not a string: a border title string is read as markup.
        table.border_title = Content(" · ".join(parts))

    def on_account_table_selection_changed(self, event: AccountTable.SelectionChanged) -> None:
        # Drawing the detail re-lays out the screen: 20-90 ms at 10,000 rows, more than
        # a key repeat allows. It is drawn once the cursor has rested DETAIL_INTERVAL
        # seconds, so a held key costs only the table's own redraw.
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

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.table.filter(event.value)
            self._update_title()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.table.focus()

    def on_descendant_focus(self) -> None:
        # Closed, the filter box draws the table's border, whose colour follows focus.
        self.query_one(FilterBox).refresh()

    def on_descendant_blur(self) -> None:
        self.query_one(FilterBox).refresh()

    def action_filter(self) -> None:
        self.query_one(FilterBox).open()

    def action_back(self) -> None:
        """Escape: from the detail or the filter box back to the table; in the table, clear the filter."""
        box = self.query_one("#filter", Input)
        if self.table.has_focus and box.value:
            self._set_filter("")
        elif not box.value:
            self.query_one(FilterBox).close()
        self.table.focus()

    def on_account_table_opened(self, event: AccountTable.Opened) -> None:
        event.stop()
        self.detail.focus_page()

    def _set_filter(self, query: str) -> None:
        box = self.query_one("#filter", Input)
        box.value = query
        if not query:
            self.query_one(FilterBox).close()
        self.table.filter(query)
        self._update_title()

    def action_sort(self) -> None:
        self.table.next_sort_column()

    def action_reverse_sort(self) -> None:
        self.table.reverse_sort()

    def on_account_table_sort_changed(self, event: AccountTable.SortChanged) -> None:
        self._update_title()

    def action_tab(self, step: int) -> None:
        self.detail.step_tab(step)
