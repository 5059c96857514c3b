"""YAML text → plain Python data, with every node's position kept for error messages.

libyaml composes the node tree (fast, in C); we build the Python values ourselves
rather than through PyYAML's constructor because we need what it hides: duplicate
keys (PyYAML silently keeps the last one), impossible dates with a position,
tags that are not plain data, and aliases that expand without bound.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kamtui.core.account.written_text import quoted

try:
    from yaml import CSafeLoader
except ImportError as error:  # pragma: no cover - depends on how PyYAML was built
    raise ImportError(
        "kamtui needs PyYAML built with libyaml (yaml.CSafeLoader is missing): "
        "reinstall PyYAML from a wheel, or install libyaml-dev and rebuild it"
    ) from error

# Visiting more nodes than this means aliases are being expanded over and over
# (a "billion laughs" file): each node written out takes at least two characters
# (`1,`), so no file within the 512 KiB limit holds this many without aliases.
MAX_EXPANDED_NODES = 600_000
MAX_DEPTH = 64
# libyaml's composer recurses on the C stack and crashes the process somewhere past
# 10,000 nested levels. Without this many nesting characters ([ { - ?) a file cannot
# get near that (block indentation adds at most ~800 levels within 512 KiB), so only
# files above it pay for a depth check on the event stream first.
NESTING_CHARACTERS_CHECKED = 2_000
# Longer plain integers are refused before Python converts them (which is quadratic,
# and refused past 4,300 digits); the largest figure allowed has 16.
MAX_DIGITS = 30

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_SEQ = _TAG + "seq"
_MAP = _TAG + "map"
_MERGE = _TAG + "merge"

# Plain scalars are read by the YAML 1.2 core schema, as editors' YAML servers (and so
# the JSON Schema check) read them, narrowed to the plain forms of numbers: PyYAML's
# YAML 1.1 rules turned `yes`/`on` into true (a score of 1), `0250000` into octal,
# `1:30` into 90 and `2022-04-01 10:00` into a datetime. Here those stay text, which a
# number, flag or date field then refuses with a message quoting what was written.
# Hex and octal (`0x1F`, `0o17`), YAML 1.2 ints, stay text too: a person means them
# as neither. These tags are kamtui's own, so an explicit `!!int` is still refused.
_NULL = "kamtui:null"
_BOOL = "kamtui:bool"
_INT = "kamtui:int"
_FLOAT = "kamtui:float"
_DATE = "kamtui:date"
_PLAIN_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (_NULL, re.compile(r"~|null|Null|NULL")),
    (_BOOL, re.compile(r"true|True|TRUE|false|False|FALSE")),
    (_INT, re.compile(r"[-+]?[0-9]+")),
    (_FLOAT, re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")),
    (_FLOAT, re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")),
    (_DATE, re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")),
)
_NULL_RULES = _PLAIN_RULES[:1]
_NUMBER_RULES = _PLAIN_RULES[2:]
# The rules a plain scalar can match, by its first character: most values are words,
# which then cost one dictionary lookup (libyaml asks for every scalar, in Python).
_RULES_BY_FIRST: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "~": _NULL_RULES,
    "n": _NULL_RULES,
    "N": _NULL_RULES,
    **dict.fromkeys("tTfF", _PLAIN_RULES[1:2]),
    **dict.fromkeys("0123456789+-.", _NUMBER_RULES),
    # `<<: *defaults` merges a mapping, as in YAML 1.1 (and editors' YAML servers).
    "<": ((_MERGE, re.compile(r"<<")),),
}


def _float(node: ScalarNode) -> float:
    # `.inf`, `-.Inf`, `.NaN`: Python writes them without the dot.
    return float(node.value.replace(".", "", 1) if node.value[-1:].isalpha() else node.value)


_SCALAR_BUILDERS: dict[str, Callable[[ScalarNode], Any]] = {
    _STR: lambda node: node.value,
    _NULL: lambda node: None,
    _BOOL: lambda node: node.value in ("true", "True", "TRUE"),
    _INT: lambda node: int(node.value),
    _FLOAT: _float,
    _DATE: lambda node: dt.date.fromisoformat(node.value),
}

# A place in an account, as pydantic locates an error: ("stakeholders", 2, "name").
Loc = Sequence[str | int]


class _Loader(CSafeLoader):
    """CSafeLoader whose plain scalars follow the YAML 1.2 core rules above.

    libyaml calls `resolve` back in Python for every node, and the path-resolver hooks
    for every collection; SafeLoader has no path resolvers, so the hooks do nothing.
    """

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                if not value:
                    return _NULL
                for tag, pattern in _RULES_BY_FIRST.get(value[0], ()):
                    if pattern.fullmatch(value):
                        return tag
            return _STR
        return _SEQ if kind is SequenceNode else _MAP

    def descend_resolver(self, current_node: Node | None, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


@dataclass(frozen=True, slots=True)
class Position:
    """1-based line and column in the source text."""

    line: int
    column: int

    @classmethod
    def of(cls, node: Node) -> Position:
        return cls(node.start_mark.line + 1, node.start_mark.column + 1)


class YamlProblem(Exception):
    """The text is not the plain YAML data an account file must be."""

    def __init__(self, message: str, position: Position) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


@dataclass(frozen=True, slots=True)
class Document:
    """Parsed YAML data together with the node tree it came from."""

    data: Any
    root: Node

    def position(self, loc: Loc, *, at_key: bool = False) -> Position:
        """Where the value at `loc` (a pydantic error location) is written.

        Walks as far down `loc` as the file goes, so a location the file lacks
        (a missing field) points at the nearest thing that is written, its parent's key.
        With `at_key`, points at the key rather than its value (unknown fields).
        """
        node: Node = self.root
        key_node: Node | None = None
        for part in loc:
            found = _child(node, part)
            if found is None:
                return Position.of(key_node or node)
            key_node, node = found
        if at_key and key_node is not None:
            return Position.of(key_node)
        return Position.of(node)

    def written(self, loc: Loc) -> str | None:
        """The scalar at `loc` as the file writes it, for a message to quote: `0123`,
        `'yes'`, `"32"` in double quotes when quoted (which changes its meaning); None for anything
        but a plain or quoted scalar. A location ending in `[key]` gives the key."""
        node: Node = self.root
        key_node: Node | None = None
        for part in loc:
            found = _child(node, part)
            if found is None:
                if part == "[key]" and key_node is not None:
                    node = key_node
                    break
                return None
            key_node, node = found
        if not isinstance(node, ScalarNode):
            return None
        if node.style in ('"', "'"):
            # Always shown in double quotes, which a message keeps for text written quoted.
            return quoted(node.value, '"')
        if not node.style:  # plain: None from PyYAML, "" from libyaml
            return quoted(node.value, "'" if node.tag == _STR else "")
        return None


def _child(node: Node, part: Any) -> tuple[Node | None, Node] | None:
    if isinstance(node, MappingNode):
        wanted = str(part)
        for key_node, value_node in reversed(node.value):
            if isinstance(key_node, ScalarNode) and (
                key_node.value == wanted or _same_key(key_node, part)
            ):
                return key_node, value_node
        return None
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None


def _same_key(key_node: ScalarNode, part: Any) -> bool:
    """Whether a key written `TRUE`, `~` or `1.50` is the key `part` it was read as."""
    builder = _SCALAR_BUILDERS.get(key_node.tag)
    if builder is None or key_node.tag == _STR:
        return False
    try:
        key = builder(key_node)
    except ValueError:
        return False
    return key_named(key, part)


def key_named(key: Any, part: Any) -> bool:
    """Whether `part` of a pydantic error location names the mapping key `key` as read:
    pydantic reports a key read as true at 1 (equal), and a date key by its repr."""
    return bool(key == part) or repr(key) == part


def parse(text: str) -> Document | None:
    """Parse one YAML document; None when the text holds no document at all.

    Raises YamlProblem for anything that is not plain, finite YAML data.
    """
    loader = _Loader(text)
    try:
        if _nesting_characters(text) > NESTING_CHARACTERS_CHECKED and not _libyaml_limits_nesting():
            _check_depth(text)
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        position = _within(text, _mark_position(error.problem_mark))
        raise YamlProblem(_yaml_message(error), position) from None
    except yaml.reader.ReaderError as error:
        raise YamlProblem(
            # libyaml's reader gives the character as its code point.
            f"control character U+{error.character:04X} is not allowed in YAML text",
            _offset_position(text, error.position),
        ) from None
    except yaml.YAMLError as error:
        raise YamlProblem(str(error), Position(1, 1)) from None
    finally:
        loader.dispose()
    if root is None:
        return None
    return Document(_Builder().build(root, 0), root)


@functools.cache
def _libyaml_limits_nesting() -> bool:
    """Whether this libyaml stops nesting itself (libyaml 0.2.5 does, at 1,000 levels).

    Then the depth check on the event stream, which costs as much as half the parse of
    a large file, has nothing left to catch.
    """
    try:
        yaml.compose("[" * 1_500 + "]" * 1_500, Loader=CSafeLoader)
    except yaml.YAMLError as error:
        return "maximum nesting depth" in str(error)
    return False


def _nesting_characters(text: str) -> int:
    return text.count("[") + text.count("{") + text.count("-") + text.count("?")


def _check_depth(text: str) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=CSafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem(
                    f"nested more than {MAX_DEPTH} levels deep", _mark_position(event.start_mark)
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "invalid YAML"
    if "maximum nesting depth" in problem:
        # PyYAML 6.0.4's scanner stops deep nesting itself (at 1,000 levels), while it looks
        # ahead and before _check_depth sees the events: the same problem, in our words.
        return f"nested more than {MAX_DEPTH} levels deep"
    if error.context:
        return f"{error.context}: {problem}"
    return problem


def _mark_position(mark: Any) -> Position:
    if mark is None:
        return Position(1, 1)
    return Position(mark.line + 1, mark.column + 1)


def _within(text: str, position: Position) -> Position:
    """The position moved back onto the text: libyaml puts errors found at the end of
    the stream on the line after the last one, which no editor can jump to."""
    lines = text.removesuffix("\n").split("\n")
    if position.line <= len(lines):
        return position
    return Position(len(lines), len(lines[-1].removesuffix("\r")) + 1)


def _offset_position(text: str, offset: int) -> Position:
    """Where a reader error is: libyaml counts the offset in UTF-8 bytes, an editor
    counts characters (a "ø" earlier on the line moved the column one too far)."""
    offset = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
    line_start = text.rfind("\n", 0, offset) + 1
    return Position(text.count("\n", 0, offset) + 1, offset - line_start + 1)


class _Builder:
    def __init__(self) -> None:
        self.budget = MAX_EXPANDED_NODES
        self.open: set[int] = set()

    def build(self, node: Node, depth: int) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise _expanded_too_far(node)
        if depth > MAX_DEPTH:
            raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep", Position.of(node))
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if id(node) in self.open:
            raise YamlProblem("an alias refers to a value that contains it", Position.of(node))
        self.open.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                self._require_tag(node, _SEQ)
                return [self._child(item, depth + 1) for item in node.value]
            assert isinstance(node, MappingNode)
            self._require_tag(node, _MAP)
            return self._mapping(node, depth)
        finally:
            self.open.discard(id(node))

    def _child(self, node: Node, depth: int) -> Any:
        """`build` for a value inside a collection, with plain text (most values) taken directly."""
        if node.tag == _STR and node.__class__ is ScalarNode and depth <= MAX_DEPTH:
            self.budget -= 1
            if self.budget < 0:
                raise _expanded_too_far(node)
            return node.value
        return self.build(node, depth)

    def _require_tag(self, node: Node, tag: str) -> None:
        if node.tag != tag:
            raise YamlProblem(_tag_message(node.tag), Position.of(node))

    def _scalar(self, node: ScalarNode) -> Any:
        builder = _SCALAR_BUILDERS.get(node.tag)
        if builder is None:
            raise YamlProblem(_tag_message(node.tag), Position.of(node))
        if node.tag == _INT and len(node.value.lstrip("+-")) > MAX_DIGITS:
            raise YamlProblem(
                f"{quoted(node.value)} is too large a number: no figure needs more than "
                f"{MAX_DIGITS} digits",
                Position.of(node),
            )
        try:
            return builder(node)
        except ValueError:
            # A date that is not on the calendar (2026-02-30) stays the text it is: a date
            # field refuses it at its own place, with the file's other problems, and a
            # text field takes it as written.
            return node.value

    def _mapping(self, node: MappingNode, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                for key, value in self._merged(value_node, depth).items():
                    result.setdefault(key, value)
                continue
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem("a key must be a plain word or number", Position.of(key_node))
            key = self._child(key_node, depth + 1)
            if key in first_seen:
                first = Position.of(first_seen[key])
                raise YamlProblem(
                    f"duplicate key {quoted(key_node.value)} (first written at line {first.line}); "
                    "YAML would silently keep only the last one",
                    Position.of(key_node),
                )
            first_seen[key] = key_node
            result[key] = self._child(value_node, depth + 1)
        return result

    def _merged(self, node: Node, depth: int) -> dict[Any, Any]:
        """The mappings named by a `<<:` merge key; earlier ones win, as in YAML 1.1."""
        sources = node.value if isinstance(node, SequenceNode) else [node]
        merged: dict[Any, Any] = {}
        for source in sources:
            if not isinstance(source, MappingNode):
                raise YamlProblem("'<<' can only merge mappings", Position.of(source))
            for key, value in self.build(source, depth + 1).items():
                merged.setdefault(key, value)
        return merged


def _expanded_too_far(node: Node) -> YamlProblem:
    return YamlProblem(
        "YAML aliases expand to too many values (a 'billion laughs' file?); "
        "write the values out instead",
        Position.of(node),
    )


def _tag_message(tag: str) -> str:
    shown = tag.replace(_TAG, "!!")
    return f"the tag {shown} is not allowed: account files hold plain data only"
