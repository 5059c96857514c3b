"""The `l` form: log a meeting, call or note for the selected account, as `kamtui log` does.

The entry is built and appended by `core.editing.activity_log`, the same code the
command runs: only the new lines are added to the file, the result is validated
before it is written, and the write is atomic. A file saved elsewhere since it was
read is not overwritten; the form stays open and says so, so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from kamtui.core.account.model import Account, ActivityKind, PortfolioSettings
from kamtui.core.editing.account_change import AccountChange, ChangeRefused
from kamtui.core.editing.activity_log import activity_entry, log_activity
from kamtui.render.safe_text import one_line


class PeopleList(SelectionList[str]):
    """The stakeholders to pick: a picked one shows ✓ and the others nothing, where
    Textual's list shows an X on both and tells them apart by colour alone."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        index = self.scroll_offset.y + y
        if index < self.option_count and len(segments) > 1:
            picked = self.get_option_at_index(index).value in self.selected
            segments[1] = Segment("✓" if picked else " ", segments[1].style)
        return Strip(segments, strip.cell_length)


def _date(field: str, text: str) -> dt.date | None:
    """The date typed in `field` (None when left empty); ValueError says what is wrong."""
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{field}: {one_line(text)!r} is not a date like 2026-11-24") from None


class LogActivityScreen(ModalScreen[Path | None]):
    """Dismissed with the file's path once the activity is written, None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="log.cancel"),
        Binding("ctrl+s", "save", "Save", id="log.save"),
    ]

    def __init__(
        self,
        path: Path,
        account: Account,
        settings: PortfolioSettings,
        today: dt.date,
        stale: frozenset[str] = frozenset(),
        *,
        write: Callable[[AccountChange], object],
    ) -> None:
        """`stale`: the ids of the key players not met within the cadence, marked in the list."""
        super().__init__()
        self.path = path
        self.account = account
        self.settings = settings
        self.today = today
        self.stale = stale
        # The app's edit history writes it, so that `u` takes a logged entry back too.
        self.write = write

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="log-activity"):
            yield Label(Content(f"Log an activity · {one_line(self.account.name)}"), id="log-title")
            yield Label("What happened")
            yield Input(
                placeholder="One line, e.g. Walked the CFO through the TCO",
                id="log-summary",
                compact=True,
            )
            with Horizontal(classes="log-pair"):
                yield Select(
                    [(kind.value, kind) for kind in ActivityKind],
                    prompt="Kind (not said)",
                    id="log-kind",
                    compact=True,
                )
                yield Input(
                    self.today.isoformat(),
                    placeholder="Date YYYY-MM-DD",
                    id="log-date",
                    compact=True,
                )
            yield Label("With (space picks)")
            if self.account.stakeholders:
                yield PeopleList(*self._people(), id="log-with", compact=True)
            else:
                yield Static("No stakeholders in this file.", id="log-no-people")
            yield Label("Next step")
            with Horizontal(classes="log-pair"):
                yield Input(
                    placeholder="Optional, e.g. Send the TCO model", id="log-next", compact=True
                )
                yield Input(placeholder="Due YYYY-MM-DD", id="log-next-due", compact=True)
            yield Static(id="log-error")

    def _people(self) -> list[Selection[str]]:
        """Each stakeholder as `Name · title (id)`, the key players not met in time marked."""
        people = []
        for person in self.account.stakeholders:
            label = Text(one_line(person.name))
            if person.title:
                label.append(f" · {one_line(person.title)}", "dim")
            label.append(f" ({person.id})", "dim")
            if person.id in self.stale:
                label.append("  ⚠ not met in time", "bold")
            people.append(Selection(label, person.id))
        return people

    def on_mount(self) -> None:
        self.query_one(
            "#log-activity"
        ).border_subtitle = "enter (in a text) or ctrl+s saves · space picks · esc cancels"
        self.query_one("#log-summary", Input).focus()

    def on_input_changed(self) -> None:
        self.query_one("#log-error", Static).update("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        kind = self.query_one("#log-kind", Select).value
        picked = (
            self.query("#log-with").first(SelectionList).selected
            if self.account.stakeholders
            else []
        )
        try:
            entry = activity_entry(
                self.query_one("#log-summary", Input).value,
                _date("date", self.query_one("#log-date", Input).value) or self.today,
                kind=kind if isinstance(kind, ActivityKind) else None,
                # In the file's order, as the log is read, not in the order picked.
                people=[p.id for p in self.account.stakeholders if p.id in picked],
                next_step=self.query_one("#log-next", Input).value,
                next_due=_date("due", self.query_one("#log-next-due", Input).value),
            )
            change = log_activity(self.path, entry, self.settings)
            self.write(change)
        except ValueError as error:
            self._error([str(error)])
        except ChangeRefused as refused:
            self._error([str(problem) for problem in refused.problems])
        else:
            self.dismiss(self.path)

    def _error(self, lines: list[str]) -> None:
        text = Text("\n").join(Text(one_line(line), style="bold red") for line in lines)
        self.query_one("#log-error", Static).update(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
