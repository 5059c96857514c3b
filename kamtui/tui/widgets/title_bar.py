"""The header line: the palette icon at the left, the title and folder in the middle.

Drawn as Textual's Header draws it, by one widget instead of four: every widget on
the screen adds to the cost of each key press (about 0.15 ms each: see `key_footer`).
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

ICON = "◆"
ICON_WIDTH = 8  # the icon's cells, as Textual's header gives it
RIGHT_WIDTH = 10  # the cells Textual's header keeps for a clock


class TitleBar(Widget, can_focus=False):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._title_changed, init=False)
        self.watch(self.app, "sub_title", self._title_changed, init=False)

    def _title_changed(self) -> None:
        self.refresh()

    def render(self) -> Content:
        title = self.app.format_title(self.app.title, self.app.sub_title)
        room = max(0, self.size.width - ICON_WIDTH - RIGHT_WIDTH)
        if title.cell_length > room:
            title = title.truncate(room, ellipsis=True)
        left = (room - title.cell_length) // 2
        # The padding apart from the title (as Textual's header has it), so that the
        # SVG snapshots draw its spaces.
        padding = "not reverse"
        return Content.assemble(
            f" {ICON}",
            (" " * (ICON_WIDTH - 2 + left), padding),
            title,
            (" " * (room - left - title.cell_length), padding),
        )

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.tooltip = "Open the command palette" if event.x < ICON_WIDTH else None

    def on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH:
            event.stop()
            self.app.action_command_palette()
