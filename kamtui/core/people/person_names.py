"""One of our people however their name is written: case and runs of spaces aside."""

from __future__ import annotations


def folded(name: str) -> str:
    """The name as shown and counted: runs of spaces folded (`Dana  Reyes ` is `Dana Reyes`)."""
    return " ".join(name.split())


def person_key(name: str) -> str:
    """What tells two names of our people apart: `Dana  Reyes` and `dana reyes` are one
    person in the books by owner, the team load and the agenda's owner."""
    return folded(name).casefold()
