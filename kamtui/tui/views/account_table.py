"""The accounts table: every account file as a row, filtered, sorted, updated in place.

Drawn line by line (Textual's line API): filtering and sorting only reorder a list
of keys, and only the rows on screen are ever rendered, so ten thousand accounts
filter, sort and scroll as quickly as ten. The cursor, its keys and paging are
LineTable's, as in the views' tables; what is the table's own is the column layout,
sorting by a header, horizontal scrolling and the drawn rows it keeps.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from kamtui.tui.live.account_rows import (
    COLUMN_KEYS,
    COLUMNS,
    Column,
    TableRow,
    column_layout,
    parse_filter,
)
from kamtui.tui.live.row_order import RowOrder, Terms
from kamtui.tui.widgets.line_table import LineTable

K = TypeVar("K")
V = TypeVar("V")
PADDING = 1  # cells each side of a column
# Rows whose drawing is kept: a few screens' worth, for the cursor's moves. Each strip
# is a dozen objects (six Textual caches); kept for every row paged through, 10,000
# rows' worth would stay in memory and in every pass of the garbage collector.
ROWS_KEPT = 512


@dataclass(frozen=True, slots=True)
class SortOrder:
    column: str
    descending: bool

    @property
    def arrow(self) -> str:
        return "▼" if self.descending else "▲"


class AccountTable(LineTable, can_focus=True):
    """Rows come in through `show`; the table keeps filter, sort order and selection."""

    DEFAULT_CSS = """
    AccountTable {
        background: $surface;
        color: $foreground;
        & > .rows--header { color: $foreground; }
    }
    """

    @dataclass
    class SelectionChanged(Message):
        """The highlighted account file changed (None: nothing to select)."""

        key: str | None

    class SortChanged(Message):
        """The sort column or direction changed."""

    def __init__(self, *, id: str | None = None, on_open: Callable[[], None]) -> None:
        """`on_open`: look into the selected account (enter, or a click on the selected
        row). Called at once, not posted: keys typed straight after enter are already
        queued here, and must reach the detail it opens, not move this table."""
        super().__init__(id=id)
        self._on_open = on_open
        self._rows: Mapping[str, TableRow] = {}
        self._terms: Terms = ()
        self._order = RowOrder(self._rows)
        self.order = SortOrder("score", descending=True)
        self._layout: tuple[tuple[Column, int], ...] = ()
        self._visible: Sequence[str] = ()
        self._selected: str | None = None
        self._strips: dict[tuple[str, str], Strip] = {}
        # Each row's text in styled pieces, for the column layout: a strip for any stripe.
        self._row_pieces: dict[str, list[tuple[str, Style | None]]] = {}

    # What the table shows ----------------------------------------------------------

    @property
    def selected_key(self) -> str | None:
        return self._selected

    @property
    def visible_keys(self) -> list[str]:
        """Keys of the rows that pass the filter, in display order."""
        return list(self._visible)

    @property
    def shown(self) -> int:
        return len(self._visible)

    @property
    def total(self) -> int:
        return len(self._rows)

    def row(self, key: str) -> TableRow:
        return self._rows[key]

    def show(self, rows: RowOrder) -> None:
        """Show these rows (all of them, before filtering), keeping selection and scroll."""
        self._rows = rows.rows
        self._order = rows
        self._strips.clear()
        self._row_pieces.clear()
        self._sync()

    def filter(self, query: str) -> None:
        self._terms = tuple(parse_filter(query))
        self._sync()

    def sort_by(self, column: str, descending: bool | None = None) -> None:
        """Sort on `column`; a column's natural direction unless `descending` says otherwise."""
        if descending is None:
            descending = next(c.descending for c in COLUMNS if c.key == column)
        self.order = SortOrder(column, descending)
        self._sync()
        self.post_message(self.SortChanged())

    def next_sort_column(self, step: int = 1) -> None:
        keys = [column.key for column, _ in self._layout] or list(COLUMN_KEYS)
        index = keys.index(self.order.column) if self.order.column in keys else -1
        self.sort_by(keys[(index + step) % len(keys)])

    def reverse_sort(self) -> None:
        self.sort_by(self.order.column, not self.order.descending)

    def select(self, key: str) -> bool:
        """Move the cursor to the row `key`; False when it is filtered out or unknown."""
        index = self._position(key)
        if index is None:
            return False
        self.move_cursor(index)
        return True

    # Keys and mouse (the moves are RowCursor's) ------------------------------------

    def row_count(self) -> int:
        return len(self._visible)

    def row_key(self, index: int) -> str:
        return self._visible[index]

    def action_select(self) -> None:
        """Enter looks into the account, in the detail beside the table."""
        if self._selected is not None:
            self._on_open()

    def on_click(self, event: events.Click) -> None:
        # A click selects; a second click on the selected row opens it (RowCursor's
        # click would open on the first).
        event.prevent_default()
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            self._header_clicked(offset.x + self.scroll_offset.x)
            return
        index = self.scroll_offset.y + offset.y - 1
        if 0 <= index < len(self._visible):
            if index == self.cursor and event.chain > 1:
                self.action_select()
            self.move_cursor(index)

    def _header_clicked(self, x: int) -> None:
        for column, width in self._layout:
            if x < width + 2 * PADDING:
                if column.key == self.order.column:
                    self.reverse_sort()
                else:
                    self.sort_by(column.key)
                return
            x -= width + 2 * PADDING

    def on_resize(self, _event: events.Resize) -> None:
        width = self.size.width - self.styles.scrollbar_size_vertical
        layout = column_layout(width, PADDING)
        if layout != self._layout:
            self._layout = layout
            self._strips.clear()
            self._row_pieces.clear()
            self._update_size()

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        # Textual styles a scrollbar only when its widget's styles are next updated:
        # for the table, at the first change of focus, a key press later, where the
        # scrollbar's new rules lay out the whole screen (~12 ms). Styled now, while
        # the screen is laid out anyway for the scrollbar's appearance.
        if shown:
            self.app.stylesheet.apply(self.vertical_scrollbar)

    # Drawing ----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.style_of()
        if y == 0:
            strip = self._header()
        else:
            index = self.scroll_offset.y + y - 1
            if index >= len(self._visible):
                return Strip.blank(width, base)
            strip = self._row_strip(index)
        return strip.crop_extend(self.scroll_offset.x, self.scroll_offset.x + width, base)

    def _row_style(self, kind: str) -> Style:
        """A row's colours: "odd" (the table's own), "even", "cursor" or "cursor-blurred"."""
        if kind == "odd":
            return self.style_of()
        return self.style_of() + self.style_of(f"rows--{kind}")

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def _header(self) -> Strip:
        style = self.header_style()
        cells = []
        for column, _ in self._layout:
            label = Text(column.label)
            if column.key == self.order.column:
                label.append(f" {self.order.arrow}")
            cells.append(label)
        return self._strip(self._pieces(cells), style)

    def _row_strip(self, index: int) -> Strip:
        key = self._visible[index]
        if index == self.cursor:
            kind = "cursor" if self.has_focus else "cursor-blurred"
        else:
            kind = "even" if index % 2 else "odd"
        strip = self._strips.get((key, kind))
        if strip is None:
            style = self._row_style(kind)
            pieces = self._row_pieces.get(key)
            if pieces is None:
                row = self._rows[key]
                pieces = self._pieces([row.cells[column.key] for column, _ in self._layout])
                _keep(self._row_pieces, key, pieces)
            strip = self._strip(pieces, style)
            _keep(self._strips, (key, kind), strip)
        return strip

    def _pieces(self, cells: list[Text]) -> list[tuple[str, Style | None]]:
        """A line's text in pieces with their own styles, before the row's colours.

        A plain cell that fits is one piece with its padding (the common case, a few
        microseconds); one with styled parts goes through Rich, and only one too
        long is copied to be cut.
        """
        console = self.app.console
        padding = " " * PADDING
        pieces: list[tuple[str, Style | None]] = []
        for (column, width), cell in zip(self._layout, cells, strict=True):
            plain = cell.plain
            length = cell_len(plain)
            if length > width:
                shown = cell.copy()
                shown.truncate(width, overflow="ellipsis")
                shown.align("right" if column.numeric else "left", width)
                pieces.append((padding, None))
                pieces += [(segment.text, segment.style) for segment in shown.render(console)]
                pieces.append((padding, None))
                continue
            gap = " " * (width - length)
            if cell.spans:
                before, after = (
                    (padding + gap, padding) if column.numeric else (padding, gap + padding)
                )
                pieces.append((before, None))
                pieces += [(segment.text, segment.style) for segment in cell.render(console)]
                pieces.append((after, None))
                continue
            text = gap + plain if column.numeric else plain + gap
            own = console.get_style(cell.style) if cell.style else None
            pieces.append((padding + text + padding, own))
        return pieces

    def _strip(self, pieces: list[tuple[str, Style | None]], style: Style) -> Strip:
        segments = [Segment(text, style + own if own else style) for text, own in pieces]
        return Strip(segments, sum(width + 2 * PADDING for _, width in self._layout))

    # Keeping rows, order and cursor together ------------------------------------------

    def _sync(self) -> None:
        """Recompute the visible rows; the selected account stays selected (or its neighbour)."""
        self._visible = self._order.visible(self._terms, self.order.column, self.order.descending)
        self._update_size()
        if not self._visible:
            self.cursor = 0
            self._set_selected(None)
            return
        key = self._selected
        index = self._position(key) if key is not None else None
        if index is not None:
            self.cursor = index
        else:
            self.cursor = min(self.cursor, len(self._visible) - 1) if key is not None else 0
        self._set_selected(self._visible[self.cursor])
        self.scroll_to_cursor()

    def _position(self, key: str) -> int | None:
        """Where `key` is among the visible rows (a scan at C speed: 10,000 keys in
        well under a millisecond, cheaper than keeping an index per filter and sort)."""
        try:
            return self._visible.index(key)
        except ValueError:
            return None

    def _update_size(self) -> None:
        width = sum(width + 2 * PADDING for _, width in self._layout)
        size = Size(width, len(self._visible) + 1)
        if size != self.virtual_size:
            # Only the table's scroll height changes: its scrollbar (always shown) is
            # updated in place instead of a layout of the whole screen (~10 ms per
            # filter key).
            self.set_reactive(AccountTable.virtual_size, size)
            self._scroll_update(size)
        # Cached strips stay valid: they are keyed by row and stripe, not by position.
        self.refresh()

    def cursor_moved(self, previous: int, index: int) -> None:
        for moved in {previous, index}:
            if 0 <= moved < len(self._visible):
                key = self._visible[moved]
                for kind in ("cursor", "even", "odd"):
                    self._strips.pop((key, kind), None)
        self._set_selected(self._visible[index])

    def _set_selected(self, key: str | None) -> None:
        if key != self._selected:
            self._selected = key
            self.post_message(self.SelectionChanged(key))


def _keep(cache: dict[K, V], key: K, value: V) -> None:
    """Add to a cache of at most ROWS_KEPT entries (emptied when full: the rows on
    screen are drawn again, a millisecond, once in hundreds of rows)."""
    if len(cache) >= ROWS_KEPT:
        cache.clear()
    cache[key] = value
