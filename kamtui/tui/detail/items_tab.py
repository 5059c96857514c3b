"""A detail tab listing one section of the account (objectives, needs) with a cursor.

The table shows one line per item; the text below it shows the highlighted item
in full, `e` opens the editor at that item, and `c` changes its status (in the tabs
whose items have one): the app asks which, and writes it in place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static

from kamtui.core.account.yaml_source import Loc
from kamtui.core.editing.account_edit import DataPath, Value
from kamtui.render.safe_text import one_line
from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel

ItemT = TypeVar("ItemT")


class ItemsTab(Vertical, Generic[ItemT]):
    """Subclasses name their section and say how an item looks as a row and in full."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "change_status", "Change status", id="detail.change_status")
    ]

    @dataclass
    class ChangeRequested(Message):
        """Offer `choices`, each how it is shown and the edit it makes in the file at
        `path` (a field and its new value); `current` is the place of what the file
        holds now (None: no choice is the current one)."""

        path: Path
        title: str
        choices: tuple[tuple[str, DataPath, Value], ...]
        current: int | None

    section: str = ""
    # The field `c` changes, and its values (value, how it is shown) in order; no
    # values: no `c` here.
    status_field = "status"
    statuses: tuple[tuple[Value, str], ...] = ()
    # (title, width); one column has width None and takes the width left over.
    columns: tuple[tuple[str, int | None], ...] = ()
    empty: str = ""
    FLEX_MIN_WIDTH = 20

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: Sequence[ItemT] = ()
        self._shown: tuple[AccountFile, PortfolioModel] | None = None

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row", zebra_stripes=True)
        with VerticalScroll(classes="item-detail"):
            yield Static()

    def on_mount(self) -> None:
        self._add_columns(self.FLEX_MIN_WIDTH)

    def on_resize(self) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        fixed = sum((width or 0) + 2 * table.cell_padding for _, width in self.columns)
        # The flexible column's padding and the vertical scrollbar take room too.
        flex = self.size.width - fixed - 2 * table.cell_padding - 1
        self._add_columns(max(self.FLEX_MIN_WIDTH, flex))
        if self._shown is not None:
            self.show(*self._shown)

    def _add_columns(self, flex: int) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        table.clear(columns=True)
        for title, width in self.columns:
            table.add_column(title, width=width or flex)

    def show(self, file: AccountFile, model: PortfolioModel) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        self._shown = (file, model)
        self._items = self.items(file)
        for item in self._items:
            table.add_row(*self.row(item, file, model))
        if self._items:
            table.move_cursor(row=min(cursor, len(self._items) - 1), scroll=False)
        self._describe(table.cursor_row)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._describe(event.cursor_row)

    def _describe(self, index: int) -> None:
        detail = self.query_one(".item-detail Static", Static)
        if self._shown is not None and 0 <= index < len(self._items):
            detail.update(self.describe(self._items[index], *self._shown))
        else:
            detail.update(Text(self.empty, style="italic dim"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "change_status" or bool(self.statuses)

    def action_change_status(self) -> None:
        index = self.query_one(DataTable).cursor_row
        if self._shown is None or not 0 <= index < len(self._items):
            return
        file = self._shown[0]
        item = self._items[index]
        refused = self.cannot_change(item)
        if refused is not None:
            self.app.notify(refused, severity="warning")
            return
        field = (self.section, self.position(index), self.status_field)
        values = [value for value, _ in self.statuses]
        current = self.status_of(item)
        self.post_message(
            self.ChangeRequested(
                file.path,
                one_line(self.change_title(item)),
                tuple((shown, field, value) for value, shown in self.statuses),
                values.index(current) if current in values else None,
            )
        )

    def change_title(self, item: ItemT) -> str:
        """How the dialog names what it changes."""
        raise NotImplementedError

    def status_of(self, item: ItemT) -> Value:
        """The item's value of `status_field`, as the file holds it."""
        raise NotImplementedError

    def cannot_change(self, item: ItemT) -> str | None:
        """Why `c` does nothing for this item (None: it may)."""
        return None

    def location(self) -> Loc:
        index = self.query_one(DataTable).cursor_row
        if 0 <= index < len(self._items):
            return (self.section, self.position(index))
        return (self.section,)

    def items(self, file: AccountFile) -> Sequence[ItemT]:
        items: Sequence[ItemT] = getattr(file.account, self.section, ()) if file.account else ()
        return items

    def position(self, index: int) -> int:
        """Where the item on row `index` is in the file's list (a tab may list them in
        another order)."""
        return index

    def row(self, item: ItemT, file: AccountFile, model: PortfolioModel) -> list[Text]:
        raise NotImplementedError

    def describe(self, item: ItemT, file: AccountFile, model: PortfolioModel) -> RenderableType:
        raise NotImplementedError
