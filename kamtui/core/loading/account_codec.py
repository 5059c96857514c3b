"""Validated accounts ↔ compact bytes, for the load cache and the loader's worker processes.

Pickling a validated account costs more than validating its YAML again: pydantic's
`__setstate__` runs in Python once per model and every enum member is rebuilt by a
call. Here each model is a tuple of its field values in field order (enums as their
value, dates as day numbers, then a bit mask of the fields that were set) in
`marshal` bytes, and decoding builds the models directly, as `model_construct` does
but without validation or per-field bookkeeping.

Decoding does not validate: the bytes must come from `encode_account` of an account
that pydantic validated, under the same models (the cache key includes this module's
and the models' source). Equal field sets are shared between models, which saves
about half of an account's memory; pydantic only ever changes the field set of a copy.

The encoder and decoder of each model are generated as Python source, like
`dataclasses` does for `__init__`: one straight-line function per model is about
three times faster than a loop over the fields, and decoding 10,000 accounts is the
whole of a warm load.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import marshal
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from kamtui.core.account.model import Account

# Source of an expression that converts the value held in the named variable.
Expression = Callable[[str], str]


class _FieldSets(dict[int, set[str]]):
    """Bit mask of fields set → one set shared by every model with exactly those fields set."""

    def __init__(self, names: tuple[str, ...]) -> None:
        super().__init__()
        self.names = names

    def __missing__(self, mask: int) -> set[str]:
        shared = {name for bit, name in enumerate(self.names) if mask >> bit & 1}
        self[mask] = shared
        return shared


@dataclass
class _Generated:
    """Source lines and the names they use, for one model and the models inside it."""

    lines: list[str] = field(default_factory=list)
    names: dict[str, Any] = field(
        default_factory=lambda: {"new": object.__new__, "put": object.__setattr__}
    )
    models: dict[type[BaseModel], str] = field(default_factory=dict)

    def model(self, cls: type[BaseModel]) -> str:
        """The suffix of the generated `encode_X` / `decode_X` functions for `cls`."""
        known = self.models.get(cls)
        if known is not None:
            return known
        suffix = f"{cls.__name__}_{len(self.models)}"
        self.models[cls] = suffix
        fields = tuple(cls.model_fields)
        self.names[f"cls_{suffix}"] = cls
        self.names[f"field_sets_{suffix}"] = _FieldSets(fields)
        encoded, decoded = [], []
        for position, (name, info) in enumerate(cls.model_fields.items()):
            convert = self._converters(info.annotation)
            if convert is None:
                encoded.append(f"d[{name!r}]")
                decoded.append(f"{name!r}: r[{position}]")
            else:
                to_record, from_record = convert
                encoded.append(f"None if (v := d[{name!r}]) is None else {to_record('v')}")
                decoded.append(
                    f"{name!r}: None if (v := r[{position}]) is None else {from_record('v')}"
                )
        mask = " | ".join(f"(({name!r} in s) << {bit})" for bit, name in enumerate(fields))
        self.lines += [
            f"def encode_{suffix}(m):",
            "    d = m.__dict__",
            "    s = m.__pydantic_fields_set__",
            f"    return ({', '.join(encoded)}, {mask})",
            f"def decode_{suffix}(r):",
            f"    m = new(cls_{suffix})",
            f"    put(m, '__dict__', {{{', '.join(decoded)}}})",
            f"    put(m, '__pydantic_fields_set__', field_sets_{suffix}[r[{len(fields)}]])",
            "    put(m, '__pydantic_extra__', None)",
            "    put(m, '__pydantic_private__', None)",
            "    return m",
        ]
        return suffix

    def _converters(self, annotation: Any) -> tuple[Expression, Expression] | None:
        """(to record, from record) expressions; None when marshal keeps the value as it is."""
        origin = typing.get_origin(annotation)
        arguments = typing.get_args(annotation)
        if origin is typing.Annotated:
            return self._converters(arguments[0])
        if origin in (types.UnionType, typing.Union):
            kept = [argument for argument in arguments if argument is not type(None)]
            if len(kept) == 1:
                # The generated code passes None through before converting.
                return self._converters(kept[0])
            return self._number_or_readings(annotation, kept)
        if origin is list:
            item = self._converters(arguments[0])
            if item is None:
                return None
            to_item, from_item = item
            return (
                lambda v: f"[{to_item('x')} for x in {v}]",
                lambda v: f"[{from_item('x')} for x in {v}]",
            )
        if origin is dict:
            keys, values = (self._converters(argument) for argument in arguments)
            if keys is None and values is None:
                return None
            # Marshal holds no dates: readings by date are stored as (day number, value)
            # pairs, and so is every mapping whose keys or values are converted.
            to_key, from_key = keys or (_as_it_is, _as_it_is)
            to_value, from_value = values or (_as_it_is, _as_it_is)
            return (
                lambda v: f"[({to_key('k')}, {to_value('x')}) for k, x in {v}.items()]",
                lambda v: f"{{{from_key('k')}: {from_value('x')} for k, x in {v}}}",
            )
        if isinstance(annotation, type):
            return self._converters_of_class(annotation)
        raise TypeError(f"account_codec cannot store {annotation}")

    def _number_or_readings(
        self, annotation: Any, kept: list[Any]
    ) -> tuple[Expression, Expression] | None:
        """A measure (`model.Measured`): a number kept as it is, or readings by date
        stored as a list of pairs (which is how the decoder tells the two apart)."""
        bare = [_without_annotations(argument) for argument in kept]
        converters = [self._converters(argument) for argument in bare]
        readings = [convert for convert in converters if convert is not None]
        shapes = [typing.get_origin(argument) for argument in bare]
        if shapes != [None, dict] or converters[0] is not None or len(readings) != 1:
            raise TypeError(f"account_codec cannot store the union {annotation}")
        to_pairs, from_pairs = readings[0]
        return (
            lambda v: f"({to_pairs(v)} if {v}.__class__ is dict else {v})",
            lambda v: f"({from_pairs(v)} if {v}.__class__ is list else {v})",
        )

    def _converters_of_class(self, cls: type) -> tuple[Expression, Expression] | None:
        if issubclass(cls, BaseModel):
            suffix = self.model(cls)
            return (lambda v: f"encode_{suffix}({v})", lambda v: f"decode_{suffix}({v})")
        if issubclass(cls, enum.Enum):
            members = f"members_{len(self.names)}"
            self.names[members] = cls._value2member_map_
            return (lambda v: f"{v}.value", lambda v: f"{members}[{v}]")
        if cls is dt.date:
            self.names["fromordinal"] = dt.date.fromordinal
            return (lambda v: f"{v}.toordinal()", lambda v: f"fromordinal({v})")
        if cls in (str, int, float, bool):
            return None
        raise TypeError(f"account_codec cannot store {cls}")


def _as_it_is(v: str) -> str:
    return v


def _without_annotations(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _compile(cls: type[BaseModel]) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    generated = _Generated()
    suffix = generated.model(cls)
    namespace = dict(generated.names)
    exec("\n".join(generated.lines), namespace)
    return namespace[f"encode_{suffix}"], namespace[f"decode_{suffix}"]


@functools.cache
def _account_codec() -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    # Made on first use, not on import: a command that never touches the cache or the
    # workers does not pay for generating and compiling the code.
    return _compile(Account)


def encode_account(account: Account) -> bytes:
    encode, _ = _account_codec()
    return marshal.dumps(encode(account))


def decode_account(blob: bytes | memoryview) -> Account:
    _, decode = _account_codec()
    account = decode(marshal.loads(blob))
    assert isinstance(account, Account)
    return account
