"""A detail tab listing one section of the account (objectives, needs) with a cursor.

The table shows one line per item; the text below it shows the highlighted item
in full, `e` opens the editor at that item, and `c` changes one of its fields (a
status, an attitude): the app asks which value, and writes it in place as `kamtui set`
does, naming the item by its id, so a save made in an editor meanwhile that moves the
items cannot turn the change onto another one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
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
from kamtui.core.editing.account_edit import Value
from kamtui.render.safe_text import one_line
from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel

ItemT = TypeVar("ItemT")


@dataclass(frozen=True, slots=True)
class Changeable:
    """A field of the items that `c` changes: its name in the file, how it is called,
    and its values in order, each with how it is shown."""

    field: str
    label: str
    values: tuple[tuple[Value, str], ...]


class ItemsTab(Vertical, Generic[ItemT]):
    """Subclasses name their section and say how an item looks as a row and in full."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "change_status", "Change", id="detail.change_status")
    ]

    @dataclass
    class ChangeRequested(Message):
        """Offer `choices`, each how it is shown and the edit it makes in the file at
        `path` (a field named as `kamtui set` names it, and its new value); `current`
        is the place of what the file holds now (None: no choice is the current one)."""

        path: Path
        title: str
        choices: tuple[tuple[str, str, Value], ...]
        current: int | None

    section: str = ""
    # The fields `c` changes (several: it asks which first); none: no `c` here.
    changeable: tuple[Changeable, ...] = ()
    # (title, width); one column has width None and takes the width left over.
    columns: tuple[tuple[str, int | None], ...] = ()
    empty: str = ""
    FLEX_MIN_WIDTH = 20

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: Sequence[ItemT] = ()
        self._shown: tuple[AccountFile, PortfolioModel] | None = None
        self._flex = 0

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
        flex = max(self.FLEX_MIN_WIDTH, self.size.width - fixed - 2 * table.cell_padding - 1)
        if flex == self._flex:
            return
        # Clearing the columns puts the cursor back on the first row: keep its item.
        cursor = table.cursor_row
        self._add_columns(flex)
        if self._shown is not None:
            self._fill(*self._shown, cursor)

    def _add_columns(self, flex: int) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        table.clear(columns=True)
        self._flex = flex
        for title, width in self.columns:
            table.add_column(title, width=width or flex)

    def show(self, file: AccountFile, model: PortfolioModel) -> None:
        self._fill(file, model, self.query_one(DataTable).cursor_row)

    def _fill(self, file: AccountFile, model: PortfolioModel, cursor: int) -> None:
        """List `file`'s items with the cursor on the item that was on row `cursor`."""
        table: DataTable[Text] = self.query_one(DataTable)
        # The cursor stays on its item when the same file's list is drawn again in another
        # order (a change of decision power moves a person in the map's order), and goes
        # to the one item the file gained (an activity just logged).
        same_file = self._shown is not None and self._shown[0].path == file.path
        before = [self.item_name(index) for index in range(len(self._items))] if same_file else []
        was = before[cursor] if 0 <= cursor < len(before) else None
        table.clear()
        self._shown = (file, model)
        self._items = self.items(file)
        for item in self._items:
            table.add_row(*self.row(item, file, model))
        if self._items:
            names = [self.item_name(index) for index in range(len(self._items))]
            gained = [name for name in names if name not in before] if same_file else []
            if len(gained) == 1:
                was = gained[0]
            row = names.index(was) if was in names else min(cursor, len(self._items) - 1)
            table.move_cursor(row=row, scroll=False)
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
        return action != "change_status" or bool(self.changeable)

    def action_change_status(self) -> None:
        index = self.query_one(DataTable).cursor_row
        if self._shown is None or not 0 <= index < len(self._items):
            return
        path = self._shown[0].path
        item = self._items[index]
        refused = self.cannot_change(item)
        if refused is not None:
            self.app.notify(refused, severity="warning")
            return
        named = f"{self.section}.{self.item_name(index)}"
        if len(self.changeable) == 1:
            self.post_message(self._change(path, named, item, self.changeable[0]))
            return
        from kamtui.tui.screens.choose_value import ChooseValueScreen

        def chosen(place: int | None) -> None:
            if place is not None:
                self.post_message(self._change(path, named, item, self.changeable[place]))

        fields = [f"{what.label}: {self._shown_value(item, what)}" for what in self.changeable]
        title = one_line(f"Change what of {self.item_title(item)}?")
        self.app.push_screen(ChooseValueScreen(title, fields, None), chosen)

    def _change(self, path: Path, named: str, item: ItemT, what: Changeable) -> ChangeRequested:
        values = [value for value, _ in what.values]
        current = self.value_of(item, what.field)
        return self.ChangeRequested(
            path,
            one_line(self.change_title(item, what)),
            tuple((shown, f"{named}.{what.field}", value) for value, shown in what.values),
            values.index(current) if current in values else None,
        )

    def _shown_value(self, item: ItemT, what: Changeable) -> str:
        current = self.value_of(item, what.field)
        return next((shown for value, shown in what.values if value == current), "not set")

    def item_title(self, item: ItemT) -> str:
        """How the dialogs name the item."""
        raise NotImplementedError

    def change_title(self, item: ItemT, what: Changeable) -> str:
        """How the dialog names what it changes."""
        return f"{what.label} of {self.item_title(item)}"

    def value_of(self, item: ItemT, field: str) -> Value:
        """The item's value of `field`, as the file writes it."""
        value: Value = getattr(item, field)
        return value.value if isinstance(value, Enum) else value

    def cannot_change(self, item: ItemT) -> str | None:
        """Why `c` does nothing for this item (None: it may)."""
        return None

    def highlight(self, name: str) -> bool:
        """Put the cursor on the item `item_name` calls `name`; False when none is."""
        for index in range(len(self._items)):
            if self.item_name(index) == name:
                self.query_one(DataTable).move_cursor(row=index)
                return True
        return False

    def item_name(self, index: int) -> str:
        """The item on row `index` as a path names it: its id, else its number from 1."""
        item_id = getattr(self._items[index], "id", None)
        return item_id if isinstance(item_id, str) else str(self.position(index) + 1)

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
