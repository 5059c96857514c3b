"""The `n` dialog: ask for the new account's name and create its file from the template."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from kamtui.core.editing.template import AccountExists, new_account_path, taken_ids
from kamtui.render.safe_text import one_line

# Creates the file and returns its path; raises FileExistsError, ValueError or OSError.
Creator = Callable[[str], Path]


class NewAccountScreen(ModalScreen[Path | None]):
    """Dismissed with the created file's path, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="new.cancel")]

    def __init__(self, folder: Path, create: Creator) -> None:
        super().__init__()
        self.folder = folder
        self.create = create
        # Read once: the hint is checked at every key, and the tree may hold 10,000 files.
        self._taken = taken_ids(folder)

    def compose(self) -> ComposeResult:
        with Vertical(id="new-account"):
            yield Label("New key account", id="new-title")
            yield Input(placeholder="Customer name, e.g. Acme Logistics GmbH", id="new-name")
            yield Static(id="new-hint")
            yield Static(id="new-error")

    def on_mount(self) -> None:
        self.query_one("#new-account").border_subtitle = "enter create · esc cancel"
        self._hint("")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#new-error", Static).update("")
        self._hint(event.value)

    def _hint(self, name: str) -> None:
        try:
            file = new_account_path(self.folder, name, self.folder, self._taken)
        except AccountExists as taken:
            hint = Text(one_line(str(taken)), style="bold red")
        except ValueError:
            hint = Text("The file is named after the customer.", style="dim")
        else:
            hint = Text.assemble(("Creates ", "dim"), one_line(str(file)))
        self.query_one("#new-hint", Static).update(hint)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        try:
            path = self.create(name)
        except FileExistsError as error:
            self._error(
                f"{error.args[0] if error.args else 'the file'} already exists; not overwriting it"
            )
        except ValueError as error:
            self._error(str(error))
        except OSError as error:
            self._error(f"cannot write the account file: {error.strerror or error}")
        else:
            self.dismiss(path)

    def _error(self, message: str) -> None:
        self.query_one("#new-error", Static).update(Text(one_line(message), style="bold red"))

    def action_cancel(self) -> None:
        self.dismiss(None)
