"""Pydantic validation errors → one plain sentence a key account manager can act on."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
from collections.abc import Sequence
from typing import Any

import annotated_types
from pydantic import BaseModel
from pydantic_core import ErrorDetails

from kamtui.core.account.model import MEASURE_TAGS, file_keys, held_model
from kamtui.core.account.written_text import quoted
from kamtui.core.account.yaml_source import Loc


def field_label(loc: Loc, data: Any) -> str:
    """`stakeholders[evp].attitude`: list items are named by their id when they have one."""
    parts: list[str] = []
    node = data
    for part in loc:
        if part == "[key]":
            continue
        if isinstance(part, int) and isinstance(node, list):
            item = node[part] if 0 <= part < len(node) else None
            item_id = item.get("id") if isinstance(item, dict) else None
            parts.append(f"[{item_id}]" if isinstance(item_id, str) else f"[{part + 1}]")
            node = item
            continue
        parts.append(f".{part}" if parts else str(part))
        node = node.get(part) if isinstance(node, dict) else None
    return "".join(parts)


def without_measure_tags(loc: Sequence[Any]) -> tuple[Any, ...]:
    """Pydantic's location without the tag of the form a measure is written in
    (`health.nps.number`): the file has no such key."""
    return tuple(part for part in loc if part not in MEASURE_TAGS)


def describe(error: ErrorDetails, model: type[BaseModel], written: str | None = None) -> str:
    """The message for one pydantic error, without the field label.

    `written`: the value as the file writes it (`Document.written`), quoted in the
    message rather than the value YAML made of it (`0123`, not 123).
    """
    kind = error["type"]
    loc = without_measure_tags(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    # A key with no value writes nothing, which the message calls "nothing".
    shown = written or _show(value)
    if kind == "missing":
        return f"missing required field {loc[-1]!r}"
    if kind == "extra_forbidden":
        return _unknown_field(loc, model)
    if kind == "enum" or kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        hint = _did_you_mean(str(value), allowed)
        return f"{shown} is not allowed; use one of: {', '.join(allowed)}{hint}"
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        # A reading's bounds are those of the measure it is a reading of.
        field = loc[:-1] if "readings" in error["loc"] else loc
        return f"{shown} is out of range: {_range(field, model, ctx)}"
    if kind == "number_written_as_text":
        return f"expected a number, got {shown}{_number_hint(value, written)}"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"expected a whole number, got {shown}"
    if kind == "finite_number":
        return f"{shown} is not a finite number"
    if kind in {"float_parsing", "float_type"}:
        return f"expected a number, got {shown}"
    if kind in {"bool_parsing", "bool_type"}:
        return f"expected true or false, got {shown}"
    if kind == "date_not_on_calendar":
        return f"{shown} is not a date on the calendar"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"expected a date written YYYY-MM-DD (like 2026-12-31), got {shown}"
    if kind == "string_type":
        if isinstance(value, int | float | bool):
            return f"expected text, got {shown}; write it in quotes ('{shown}') if it is text"
        return f"expected text, got {shown}"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"expected a mapping of 'key: value' lines, got {shown}"
    if kind == "list_type":
        return f"expected a list (lines starting with '- '), got {shown}"
    if kind == "string_pattern_mismatch":
        return f"{shown} is not a valid id: use letters, digits, '-', '_' or '.', no spaces"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if kind == "invalid_key":
        return (
            f"the key {shown} is read as a {_kind_of(value)}, not a word; "
            "write the field's name (or put the key in quotes)"
        )
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return str(error["msg"])


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false value"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, dt.date):
        return "date"
    return "value"


def _number_hint(value: Any, written: str | None) -> str:
    """How to write the number: the quotes off, or decimal digits."""
    if isinstance(value, str) and written is not None and written.startswith('"'):
        return "; write it without quotes"
    if isinstance(value, str) and re.fullmatch(r"[-+]?0[xXoObB][0-9a-fA-F_]+", value):
        return "; write numbers in decimal"
    if isinstance(value, bool):
        return "; true and false are not numbers"
    return ""


def _show(value: Any) -> str:
    """A value for a message as a person would write it, never a Python repr."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return quoted(f"{value:g}", "")
    return quoted(str(value), "")


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _unknown_field(loc: Loc, model: type[BaseModel]) -> str:
    owner = _model_at(model, loc[:-1])
    name = str(loc[-1])
    if owner is None:
        return f"unknown field {name!r}"
    fields = list(file_keys(owner))
    hint = _did_you_mean(name, fields)
    return f"unknown field {name!r}{hint}; allowed here: {', '.join(fields)}"


def _range(loc: Loc, model: type[BaseModel], ctx: dict[str, Any]) -> str:
    """Both bounds of the field when it declares them (the error names only the one
    crossed): "between 1 and 5", or "above 0 and at most 1" when one excludes its end."""
    bounds = {**_bounds(model, loc), **ctx}
    words = {"ge": "at least", "gt": "above", "le": "at most", "lt": "below"}
    said = [(words[key], _number(bounds[key])) for key in words if key in bounds]
    if [word for word, _ in said] == ["at least", "at most"]:
        return f"must be between {said[0][1]} and {said[1][1]}"
    return "must be " + " and ".join(f"{word} {number}" for word, number in said)


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _bounds(model: type[BaseModel], loc: Loc) -> dict[str, Any]:
    """The ge/le/gt/lt constraints declared on the field at `loc`."""
    owner = _model_at(model, loc[:-1])
    name = loc[-1] if loc else None
    if owner is None or not isinstance(name, str) or name not in owner.model_fields:
        return {}
    field = owner.model_fields[name]
    bounds: dict[str, Any] = {}
    for constraint in [*field.metadata, *_declared(field.annotation)]:
        for key in ("ge", "le", "gt", "lt"):
            if isinstance(constraint, getattr(annotated_types, key.capitalize())):
                bounds[key] = getattr(constraint, key)
    return bounds


def _declared(annotation: Any) -> list[Any]:
    """The metadata of the Annotated types inside `annotation` (`Share | None` holds bounds)."""
    found: list[Any] = []
    if typing.get_origin(annotation) is typing.Annotated:
        found.extend(annotation.__metadata__)
    for arg in typing.get_args(annotation):
        if typing.get_origin(arg) is typing.Annotated or typing.get_args(arg):
            found.extend(_declared(arg))
    return [
        item
        for entry in found
        for item in (entry.metadata if hasattr(entry, "metadata") else [entry])
    ]


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc`, if there is one."""
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int):
            continue  # an item of the list the key before it holds
        if current is None:
            return None
        try:
            current = held_model(current, part)[0]
        except KeyError:
            return None
    return current
