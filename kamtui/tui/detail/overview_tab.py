"""The Overview tab: the score history from git above the account's overview lines.

One widget drawing prepared lines (Textual's line API): the lines are laid out once
per account and width, so showing an account is a few milliseconds and a layout of
the screen measures nothing.

With the keyboard in the tab, `↑` `↓` move a cursor over the scores (the criteria and
the harmony facets) and `1`-`5` re-score the one under it, as `kamtui set` would.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import work
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from kamtui.core.account.yaml_source import Loc
from kamtui.core.review.history import ScorePoint, score_history
from kamtui.render.safe_text import one_line
from kamtui.tui.detail.overview_lines import LABEL_WIDTH, overview_lines
from kamtui.tui.detail.score_history import history_line, in_git_repository
from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel

# A file's history as of one version of it on disk: (path, modification time in ns).
HistoryKey = tuple[Path, int]
SCORE = Binding.Group("Score", compact=True)
CURSOR = Style(reverse=True)


class OverviewTab(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    OverviewTab { overflow-x: hidden; scrollbar-gutter: stable; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "up", "move_cursor(-1)", "Previous score", show=False, id="overview.previous_score"
        ),
        Binding("down", "move_cursor(1)", "Next score", show=False, id="overview.next_score"),
        *(
            Binding(str(n), f"score({n})", f"Score {n}", group=SCORE, id=f"overview.score_{n}")
            for n in range(1, 6)
        ),
    ]

    @dataclass
    class ScoreRequested(Message):
        """Set the field named `field` (as `kamtui set` names it) of the file at `path`."""

        path: Path
        field: str
        score: int

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        # The points, or why git could not give them.
        self._histories: dict[HistoryKey, list[ScorePoint] | str] = {}
        # Asked of git and not answered yet: a second show() of the same file waits for it.
        self._asked: set[HistoryKey] = set()
        self._history_shown: Path | None = None
        self._shown: tuple[AccountFile, PortfolioModel] | None = None
        self.history: Text | None = None
        self._strips: list[Strip] = []
        self._blank = Strip.blank(0)
        self._laid_out: tuple[int, int] | None = None  # (width, height) of the lines
        # The lines showing a score, top to bottom: (line number, field).
        self._scores: list[tuple[int, str]] = []
        # Which of them the cursor is on; kept by field across a re-layout (an edit, a save).
        self._cursor = 0

    def show(self, file: AccountFile, model: PortfolioModel) -> None:
        self._shown = (file, model)
        self._show_history(file.path, model.root)
        self._lay_out()

    def location(self) -> Loc:
        if self.has_focus and self._scores:
            return tuple(self._scores[self._cursor][1].split("."))
        return ("name",)

    def on_resize(self) -> None:
        if self._laid_out != (self.size.width, self.size.height):
            self._lay_out()

    def _lay_out(self) -> None:
        """Lines for the width there is (the scrollbar's gutter is kept, so one layout
        serves whether the lines overflow or not)."""
        self._laid_out = (self.size.width, self.size.height)
        width = self.scrollable_content_region.width
        console, base = self.app.console, self.rich_style
        self._blank = Strip.blank(width, base)
        self._strips = []
        cursor_field = self._scores[self._cursor][1] if self._scores else None
        for text in self._lines(width):
            # A fresh line, the text's own style as a span: ends in no line break, and
            # padded to the width in one step.
            line = Text(end="")
            line.append_text(text)
            line.truncate(width, pad=True)
            self._strips.append(Strip(Segment.apply_style(line.render(console), style=base), width))
        fields = [field for _, field in self._scores]
        self._cursor = fields.index(cursor_field) if cursor_field in fields else 0
        size = Size(width, len(self._strips))
        if size != self.virtual_size:
            # Only the page's scroll height changes: its scrollbar is updated in place
            # instead of a layout of the whole screen (~8 ms when the cursor rests on
            # an account). Textual still lays out when the scrollbar has to appear or go.
            self.set_reactive(OverviewTab.virtual_size, size)
            self._scroll_update(size)
        self.refresh()

    def _lines(self, width: int) -> list[Text]:
        lines = [self.history, Text()] if self.history is not None else []
        self._scores = []
        if self._shown is not None and width > 0:
            overview = overview_lines(*self._shown, width, self.app.console)
            self._scores = [(len(lines) + n, field) for n, field in overview.scores.items()]
            lines += overview.lines
        return lines

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        if index >= len(self._strips):
            return self._blank
        strip = self._strips[index]
        if self.has_focus and self._scores and self._scores[self._cursor][0] == index:
            label = strip.crop(0, LABEL_WIDTH).apply_style(CURSOR)
            return Strip.join([label, strip.crop(LABEL_WIDTH, strip.cell_length)])
        return strip

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Without scores (a broken file) the arrows scroll, and there is nothing to score.
        if action == "score":
            return bool(self._scores)
        return True

    def action_move_cursor(self, step: int) -> None:
        if not self._scores:
            self.scroll_relative(y=step, animate=False)
            return
        self._cursor = max(0, min(len(self._scores) - 1, self._cursor + step))
        line = self._scores[self._cursor][0]
        # The score and its evidence, or the history line above the first, in sight.
        top = 0 if self._cursor == 0 else line
        self.scroll_to_region(Region(0, top, 1, line - top + 2), animate=False)
        self.refresh()

    def action_score(self, score: int) -> None:
        if self._shown is not None and self._scores:
            field = self._scores[self._cursor][1]
            self.post_message(self.ScoreRequested(self._shown[0].path, field, score))

    def _show_history(self, path: Path, root: Path) -> None:
        """From the cache, else from git in a thread; nothing until it is known."""
        self._history_shown = path
        self.history = None
        if not in_git_repository(root):
            return
        try:
            key = (path, path.stat().st_mtime_ns)
        except OSError:
            return
        cached = self._histories.get(key)
        if cached is not None:
            self.history = history_line(cached)
        elif key not in self._asked:
            self._asked.add(key)
            self._load_history(key, root)

    # Not exclusive: a history asked for stays asked, so its answer always reaches the cache.
    # Never fatal: whatever git does, the line says so and the app goes on.
    @work(thread=True, group="score-history", exit_on_error=False)
    def _load_history(self, key: HistoryKey, root: Path) -> None:
        points: list[ScorePoint] | str
        try:
            points = score_history(root, key[0])
        except Exception as error:
            points = one_line(str(error)) or type(error).__name__
        self.app.call_from_thread(self._history_loaded, key, points)

    def _history_loaded(self, key: HistoryKey, points: list[ScorePoint] | str) -> None:
        self._histories[key] = points
        self._asked.discard(key)
        if self._history_shown == key[0]:
            self.history = history_line(points)
            self._lay_out()
