"""The edits made from the TUI, most recent last, and how each is taken back.

An edit is written by `core.editing.account_change` (validated, atomic, refused when
the file changed meanwhile). Undoing it writes the file's text from before the edit
back, on the same terms: the file must still hold what the edit wrote, so a save made
in an editor since is never overwritten. The text comes back byte for byte, so an edit
undone before a commit leaves git nothing to see.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kamtui.core.editing.account_change import AccountChange

# Edits kept for undo: enough for a session of re-scoring, small enough to forget.
KEPT = 50
_BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Edit:
    """A change written, with what to show of it and how to take it back."""

    change: AccountChange
    # The changed lines as `git diff` shows them (`-  attitude: neutral`, `+  attitude: …`).
    lines: tuple[str, ...]

    def undone_lines(self) -> tuple[str, ...]:
        """What taking the edit back does to the file, as `git diff` would show it."""
        swap = {"-": "+", "+": "-"}
        swapped = [swap.get(line[:1], "") + line[1:] for line in self.lines]
        # Removed lines first, as git shows them.
        return tuple(sorted(swapped, key=lambda line: line[:1] != "-"))

    @property
    def path(self) -> Path:
        return self.change.path

    def written(self) -> bytes:
        """The file's bytes as the edit left them (its byte order mark kept)."""
        bom = _BOM if self.change.read.startswith(_BOM.encode()) else ""
        return (bom + self.change.after).encode("utf-8")


class EditHistory:
    def __init__(self) -> None:
        self._edits: list[Edit] = []

    def __len__(self) -> int:
        return len(self._edits)

    def write(self, change: AccountChange) -> Edit:
        """Write `change` and keep it for undo (ChangeRefused: nothing written, nothing kept)."""
        # Imported at the first edit: the editor brings pydantic, PyYAML and the account
        # model, which the first paint need not wait for (at 10,000 accounts 0.29 s with
        # them, 0.20 s without, an empty Textual app 0.16 s); the load imports them in
        # its own thread. tests/test_boundaries.py keeps it so.
        from kamtui.core.editing.account_change import write_change

        write_change(change)
        edit = Edit(change, tuple(change.changed_lines()))
        self._edits = [*self._edits[-(KEPT - 1) :], edit]
        return edit

    def undo(self) -> Edit | None:
        """Take the latest edit back; None when there is none. ChangeRefused when its file
        changed since (the edit is kept, so a later undo can try again)."""
        if not self._edits:
            return None
        from kamtui.core.editing.account_change import write_unless_changed

        edit = self._edits[-1]
        write_unless_changed(
            edit.path,
            edit.written(),
            edit.change.before,
            "it was saved elsewhere after this change: take the change back there",
        )
        self._edits.pop()
        return edit
