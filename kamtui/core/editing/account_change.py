"""One change to an account file: read, edited in its text, validated, written atomically.

`kamtui log`, `kamtui set` and every edit made in the TUI go through here, so each
keeps the same promises: the new text is a valid account before anything is written;
the write replaces the file in one step; and a file someone else saved after it was
read is never overwritten (the change is refused, and nothing they wrote is lost).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kamtui.core.account.account_file import load_account_bytes, read_limited
from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.account.problem import Problem, display_path
from kamtui.core.account.yaml_source import YamlProblem, parse
from kamtui.core.editing.account_edit import EditError
from kamtui.core.editing.atomic_write import write_atomic

_BOM = "\ufeff"


class ChangeRefused(Exception):
    """The change was not written; `problems` say why, located in the file."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class AccountChange:
    """A change worked out and validated, not yet written."""

    path: Path
    # The bytes the change was made from: the file must still hold them when written.
    read: bytes
    before: str
    after: str
    account: Account

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def changed_lines(self) -> list[str]:
        """The lines removed (`-`) and added (`+`), as `git diff` shows them."""
        return [
            line
            for line in self.diff().splitlines()[2:]
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        ]

    def diff(self) -> str:
        """The change as `git diff` would show it (without the header git adds)."""
        # As git names files: a/tmp/acme.yaml, not a//tmp/acme.yaml for an absolute path.
        name = display_path(self.path).lstrip("/")
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                f"a/{name}",
                f"b/{name}",
            )
        )


def change_account(
    path: Path, edit: Callable[[str], str], settings: PortfolioSettings
) -> AccountChange:
    """Apply `edit` (text → text, e.g. `account_edit.set_value`) to the text of the
    file, an account of the portfolio `settings` are of.

    Raises ChangeRefused when the file cannot be read, is not valid now, cannot take
    the edit, or would not be valid after it.
    """
    shown = display_path(path)
    data, error = read_limited(path)
    if error is not None:
        raise ChangeRefused([Problem(shown, 1, 1, error)])
    current, problems = load_account_bytes(data, shown, settings)
    if current is None:
        # Editing a broken file would bury its problem under ours.
        raise ChangeRefused(problems)
    # The loader reads past a byte order mark; write_unless_changed puts it back.
    before = data.decode("utf-8").removeprefix(_BOM)
    try:
        after = edit(before)
    except EditError as problem:
        raise ChangeRefused(
            [Problem(shown, problem.position.line, problem.position.column, problem.message)]
        ) from None
    try:
        parse(after)
    except YamlProblem as problem:
        # The editor's fault, not the file's: say so rather than point into text that
        # was never written.
        raise ChangeRefused(
            [
                Problem(
                    shown,
                    1,
                    1,
                    f"kamtui could not write this change in place ({problem.message}); "
                    "nothing was written",
                )
            ]
        ) from None
    account, problems = load_account_bytes(after.encode("utf-8"), shown, settings)
    if account is None:
        raise ChangeRefused(problems)
    return AccountChange(path, data, before, after, account)


def write_change(change: AccountChange) -> None:
    """Write the changed text, unless the file changed on disk since it was read."""
    write_unless_changed(change.path, change.read, change.after)


def write_unless_changed(
    path: Path, read: bytes, text: str, what_now: str = "reload it and make the change again"
) -> None:
    """Write `text` over the file (keeping its byte order mark), unless the file no longer
    holds the bytes `read`: then ChangeRefused, saying `what_now`, and nothing is written."""
    shown = display_path(path)
    data, error = read_limited(path)
    if error is not None:
        raise ChangeRefused([Problem(shown, 1, 1, error)])
    if data != read:
        raise ChangeRefused(
            [
                Problem(
                    shown,
                    1,
                    1,
                    f"the file changed on disk since it was read; nothing was written ({what_now})",
                )
            ]
        )
    bom = _BOM if read.startswith(_BOM.encode()) else ""
    try:
        write_atomic(path, bom + text, overwrite=True, through_link=True)
    except OSError as problem:
        raise ChangeRefused(
            [Problem(shown, 1, 1, f"cannot write the file: {problem.strerror or problem}")]
        ) from None
