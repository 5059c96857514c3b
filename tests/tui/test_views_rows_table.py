"""The views' line-drawn table: columns, the row cursor, selecting a row from keys or the mouse."""

from __future__ import annotations

from textual.app import App, ComposeResult

from kamtui.tui.widgets.row_cursor import AccountChosen
from kamtui.tui.widgets.rows_table import Cell, Column, RowsTable
from tests.tui.views_support import lines

NAMES = [f"Account {n}" for n in range(50)]
NAMES[7] = "A name far too long to fit in here"
COLUMNS = [Column("#", 3, "right"), Column("Name", 10, flexible=True), Column("Tier", 4, "center")]


def cells(index: int) -> list[Cell]:
    return [(str(index + 1), None), (NAMES[index], None), ("A", None)]


class TableApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield RowsTable(id="table")

    def on_mount(self) -> None:
        table = self.query_one(RowsTable)
        table.show(COLUMNS, [f"id{n}" for n in range(50)], cells)
        table.focus()

    def on_account_chosen(self, message: AccountChosen) -> None:
        self.selected.append(message.key)


async def test_columns_are_aligned_and_the_flexible_one_takes_the_room() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        screen = lines(app.query_one(RowsTable))
    # 36 inside the border and the scrollbar: 3 + 2 + 25 + 2 + 4.
    assert screen[0] == "  #  " + "Name".ljust(25) + "  Tier"
    assert screen[1] == "  1  " + "Account 0".ljust(25) + "   A  "


async def test_keys_move_the_cursor_and_scroll_and_enter_selects() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("down", "down", "enter")
        await pilot.press("end", "enter")
        await pilot.pause()
        table = app.query_one(RowsTable)
        assert app.selected == ["id2", "id49"]
        assert lines(table)[-1].split()[:3] == ["50", "Account", "49"]
        await pilot.press("home", "pagedown")
        assert table.cursor == table.scrollable_content_region.height - 1


async def test_a_click_selects_the_row_under_the_pointer() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 12)) as pilot:
        # The border takes a row and the header another: screen row 4 is the third account.
        await pilot.click(RowsTable, offset=(5, 4))
        await pilot.pause()
        assert app.selected == ["id2"]


async def test_long_text_is_cut_with_an_ellipsis() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        screen = lines(app.query_one(RowsTable))
    assert screen[8] == "  8  A name far too long to f…   A  "
