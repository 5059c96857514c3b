"""An account as a flat, ordered set of facts: `stakeholders[evp].attitude: neutral`.

This is what a change in meaning is measured on. Facts come from the validated
model, never from the text, so indentation, comments, key order, shorthand
(`product_fit: 4` or `{score: 4}`) and the order of list items cannot show as a
change: items with an id are named by it, and plain lists of words (tags, SWOT
entries, influences) are sets, sorted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel

from kamtui.core.account.model import Action, Activity, Criterion, TeamMember

# A word of a name made from text: letters and digits of any script (`\w` without `_`).
_WORD = re.compile(r"[^\W_]+")
SAID_KEY_LENGTH = 48
# A fact's value as JSON would hold it; a tuple is a set of words, sorted.
FactValue = str | int | float | bool | tuple[str, ...]
_Item = TypeVar("_Item", bound=BaseModel)
Facts = dict[str, FactValue]


def model_facts(model: BaseModel) -> Facts:
    """Every fact of an account (or of the portfolio settings) in the order of the
    model's fields; absent fields are left out."""
    return dict(_model_facts(model, ""))


def item_of(path: str) -> tuple[str, str] | None:
    """(`stakeholders`, `evp`) for `stakeholders[evp].attitude`; None outside a list item."""
    section, bracket, rest = path.partition("[")
    if not bracket:
        return None
    return section, rest.partition("]")[0]


def _model_facts(
    model: BaseModel, prefix: str, skip: str | None = None
) -> Iterator[tuple[str, FactValue]]:
    for name, field in type(model).model_fields.items():
        key = field.alias or name
        if key != skip:
            yield from _value_facts(getattr(model, name), f"{prefix}{key}")


def _value_facts(value: Any, path: str) -> Iterator[tuple[str, FactValue]]:
    if value is None:
        return
    if isinstance(value, Criterion):
        # A criterion is its score; the evidence is a fact of its own beside it.
        yield path, value.score
        if value.evidence is not None:
            yield f"{path}.evidence", value.evidence
    elif isinstance(value, BaseModel):
        yield from _model_facts(value, f"{path}.")
    elif isinstance(value, dict):
        for key in sorted(value):
            yield from _value_facts(value[key], f"{path}.{key}")
    elif isinstance(value, list):
        if value and isinstance(value[0], BaseModel):
            for key, item in sorted(item_keys(value), key=lambda pair: pair[0]):
                # The id is in every path of the item already.
                yield from _model_facts(item, f"{path}[{key}].", skip="id")
        elif value:
            yield path, tuple(sorted({str(word) for word in value}))
    else:
        yield path, _scalar(value)


def item_keys(items: Sequence[_Item]) -> Iterator[tuple[str, _Item]]:
    """Items by their id; the others by what they say, which an entry inserted above them
    does not change (a position would): a log entry by its date and summary
    (`2026-11-12 walked-the-evp-through-the-case`), an action by what it is
    (`book-the-workshop`), a team member by name (`ana-silva`); the second item named the same, in file order, with ` #2`."""
    seen: dict[str, int] = {}
    for item in items:
        key = getattr(item, "id", None)
        if key is None:
            key = _said(item)
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:
                key = f"{key} #{seen[key]}"
        yield key, item


def said_key(text: str) -> str:
    """Words as an item's name: letters and digits, lower case, joined by `-`, at most
    SAID_KEY_LENGTH long (`item` when there are none). A name is printed in field paths (by `show`, `diff`, `history`,
    as Markdown code): it must hold no control or invisible character, no bracket, no
    backtick, whatever the file says."""
    return "-".join(_WORD.findall(text.casefold()))[:SAID_KEY_LENGTH].rstrip("-") or "item"


def _said(item: BaseModel) -> str:
    if isinstance(item, Activity):
        return f"{item.date.isoformat()} {said_key(item.summary)}"
    if isinstance(item, Action):
        return said_key(item.what)
    if isinstance(item, TeamMember):
        return said_key(item.name)
    raise TypeError(f"a {type(item).__name__} in a list needs an id")


def _scalar(value: Any) -> FactValue:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"no fact for a {type(value).__name__}")
