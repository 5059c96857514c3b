"""Dotted field paths as people write them (`stakeholders.evp.attitude`) → positions in a file.

A path names list items by their id (`objectives.cloud-migration.status`), an action
without an id by its position from 1 (`objectives.grow.actions.2.done`), and a criterion
by its name whether the file writes it as a score (`product_fit: 4`) or as a mapping
(`product_fit: {score: 4, evidence: …}`). A name that is not there is an error that
lists what is, with the nearest match first.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel

from kamtui.core.account.error_messages import field_label
from kamtui.core.account.model import Account, Criterion, file_keys, free_keys, held_model
from kamtui.core.account.yaml_source import parse
from kamtui.core.editing.account_edit import DataPath, Value, set_value


class PathError(Exception):
    """The path names nothing in this account; the message says what it could name."""


def resolve_path(dotted: str, data: dict[str, Any]) -> DataPath:
    """The data path of `dotted` in `data` (an account file's parsed data).

    Keys must be fields of the format and items must exist; the fields themselves need
    not be written yet (setting one adds it). A criterion's path names its score however
    the file writes it: `criteria.X` or `criteria.X.score`.
    """
    parts = dotted.split(".")
    if "" in parts:
        raise PathError(f"{dotted!r} is not a path like stakeholders.evp.attitude")
    path: list[str | int] = []
    model: type[BaseModel] | None = Account
    node: Any = data
    index = 0

    def written(upto: int) -> str:
        # Messages name the path as the person wrote it (`objectives.grow.actions`).
        return ".".join(parts[:upto])

    while index < len(parts):
        part = parts[index]
        if model is None:
            raise PathError(f"{written(index)} holds a single value; {part!r} cannot follow it")
        keys = file_keys(model)
        if part not in keys:
            raise PathError(_unknown(part, keys, written(index) or "an account"))
        held, container = held_model(model, part)
        depth = free_keys(model, part)
        path.append(part)
        node = node.get(part) if isinstance(node, dict) else None
        index += 1
        if container == "list" and held is not None and index < len(parts):
            position, named = _item_position(parts[index:], node, written(index))
            path.append(position)
            node = node[position]
            index += named
        elif container == "dict" and index < len(parts):
            # Free keys (revenue years, reading dates, custom KPIs and their dates) hold
            # plain values in the end: any key may be set, one not written is added, and
            # nothing can follow the last.
            keys_named = parts[index : index + depth]
            path.extend(keys_named)
            index += len(keys_named)
        # A list holds items, not keys: only an item named after it has fields.
        model = held if container is None or isinstance(node, dict) else None
        if model is Criterion:
            # A criterion's value is its score, written bare (`product_fit: 4`) or in a
            # mapping beside its evidence.
            if not isinstance(node, dict) and parts[index:] == ["score"]:
                return tuple(path)
            if isinstance(node, dict) and index == len(parts):
                path.append("score")
    return tuple(path)


def set_named(text: str, dotted: str, value: Value) -> str:
    """The account file's text with the field named `dotted` set to `value`, as
    `account_edit.set_value` sets it; PathError when the path names nothing here.

    Evidence given to a criterion written as a bare score makes it a mapping of both
    (`product_fit: 4` → `product_fit: {score: 4, evidence: …}`).
    """
    document = parse(text)
    data = document.data if document is not None and isinstance(document.data, dict) else {}
    path = resolve_path(dotted, data)
    if len(path) == 3 and path[0] == "criteria" and path[2] == "evidence":
        score = data.get("criteria", {}).get(path[1])
        if isinstance(score, int):
            return set_value(text, path[:2], {"score": score, "evidence": value})
    _refuse_a_reading_for_one_number(dotted, path, data, value)
    return set_value(text, path, value)


def _refuse_a_reading_for_one_number(
    dotted: str, path: DataPath, data: dict[str, Any], value: Value
) -> None:
    """A reading by date for a measure written as one number (`nps: 32`): say how to
    write it, rather than that the field "holds a single value"."""
    node: Any = data
    for depth, part in enumerate(path[:-1], start=1):
        node = _child(node, part)
        if isinstance(node, int | float) and not isinstance(node, bool):
            # The measure as it was typed (the reading's date is the last part).
            typed = dotted.rsplit(".", 1)[0] if depth == len(path) - 1 else dotted
            raise PathError(
                f"{field_label(path[:depth], data)} is one number ({node:g}), not readings "
                f"by date: write it whole as readings to add one, e.g. "
                f"{typed} '{{{path[depth]}: {value}}}'"
            )


def _child(node: Any, part: str | int) -> Any:
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return node.get(part) if isinstance(node, dict) else None


def _item_position(parts: list[str], items: Any, where: str) -> tuple[int, int]:
    """The position of the item `parts` start with, and how many parts name it: its id
    (which may hold dots: `j.smith`, the longest id that fits first), or its number from
    1 when no id matches."""
    if not isinstance(items, list) or not items:
        raise PathError(f"{where} has no items")
    ids = [item.get("id") if isinstance(item, dict) else None for item in items]
    for named in range(len(parts), 0, -1):
        name = ".".join(parts[:named])
        if name in ids:
            return ids.index(name), named
    name = parts[0]
    if name.isdigit() and 1 <= int(name) <= len(items):
        return int(name) - 1, 1
    # Each item as a path may name it: by its id, else by its number.
    choices = [str(n) if item_id is None else str(item_id) for n, item_id in enumerate(ids, 1)]
    raise PathError(_unknown(name, choices, where, noun="item"))


def _unknown(
    name: str, choices: list[str] | tuple[str, ...], where: str, noun: str = "field"
) -> str:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.5)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"{where} has no {noun} {name!r}; {hint}it has: {', '.join(choices)}"
