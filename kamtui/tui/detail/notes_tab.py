"""The Notes tab: the account's free text, as written."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from kamtui.core.account.yaml_source import Loc
from kamtui.tui.drawing.text import paragraph
from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel


class NotesTab(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Static()

    def show(self, file: AccountFile, model: PortfolioModel) -> None:
        notes = file.account.notes if file.account else None
        shown = paragraph(notes) if notes else Text("No notes.", style="italic dim")
        self.query_one(Static).update(shown)

    def location(self) -> Loc:
        return ("notes",)
