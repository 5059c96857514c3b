"""A small dialog to pick one change among a few (a status, a next step or an action done)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option


class ChooseValueScreen(ModalScreen[int | None]):
    """Dismissed with the place of the value chosen, or None when cancelled; the current
    one is highlighted and marked, so enter at once changes nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="choose.cancel")
    ]

    def __init__(self, title: str, choices: Sequence[str], current: int | None) -> None:
        """`choices` as they are shown, in order; `current`: the place of the one that
        holds now (None: none)."""
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="choose-value"):
            yield Label(Content(self.title_text), id="choose-title")
            yield OptionList(
                *(
                    Option(Content(f"{shown}{'  (now)' if place == self.current else ''}"))
                    for place, shown in enumerate(self.choices)
                ),
                id="choose-options",
            )

    def on_mount(self) -> None:
        self.query_one("#choose-value").border_subtitle = "enter choose · esc cancel"
        options = self.query_one(OptionList)
        options.highlighted = self.current or 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
