"""One activity added to an account's log: what `kamtui log` and the TUI's `l` form write.

Both build the entry here, so the same words give the same lines in the file, and
both append it through `account_change`: only the new lines are added (plus the
`activities:` key for the first one), validated before anything is written.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kamtui.core.account.model import Account, ActivityKind, PortfolioSettings
from kamtui.core.editing.account_change import AccountChange, change_account
from kamtui.core.editing.account_edit import append_item


def activity_entry(
    summary: str,
    day: dt.date,
    *,
    kind: ActivityKind | None = None,
    people: Sequence[str] = (),
    next_step: str | None = None,
    next_due: dt.date | None = None,
) -> dict[str, Any]:
    """The activity as the file will hold it, in the format's key order, without the
    keys left empty. ValueError when it says nothing, or dates a next step it lacks."""
    summary = summary.strip()
    if not summary:
        raise ValueError("the summary is empty: say in one line what happened")
    next_step = (next_step or "").strip() or None
    if next_due is not None and next_step is None:
        raise ValueError("a next-step date needs the next step it dates")
    entry: dict[str, Any] = {
        "date": day,
        "kind": kind.value if kind is not None else None,
        # A person named twice took part once.
        "with": list(dict.fromkeys(people)),
        "summary": summary,
        "next": next_step,
        "next_due": next_due,
    }
    return {key: value for key, value in entry.items() if value not in (None, [])}


def unknown_person(account: Account, people: Sequence[str]) -> str | None:
    """What is wrong with the first id in `people` that names no stakeholder of the
    account (with the near one, or the ids there are), None when all do."""
    known = [person.id for person in account.stakeholders]
    for person in people:
        if person not in known:
            same_letters = [i for i in known if i.casefold() == person.casefold()]
            close = same_letters or difflib.get_close_matches(person, known, n=1)
            hint = (
                f"did you mean {close[0]!r}?"
                if close
                else f"its stakeholders: {', '.join(known) or 'none'}"
            )
            return f"no stakeholder {person!r}; {hint}"
    return None


def log_activity(path: Path, entry: dict[str, Any], settings: PortfolioSettings) -> AccountChange:
    """The change that appends `entry` to the file's log, validated and not yet written
    (ChangeRefused when the file is broken, or would be with the entry)."""
    return change_account(path, lambda text: append_item(text, ("activities",), entry), settings)
