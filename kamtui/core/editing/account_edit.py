"""Changes to an account file made in its own text, at the positions libyaml gives each value.

Account plans are reviewed as git diffs, so a change the program makes must be exactly
the lines it means: a value replaced where it is written, an item or a key added as new
lines, and nothing else moved. Loading the file and dumping the model would reorder keys,
drop every comment and requote text; here the text is spliced instead. Every function
takes the file's text and returns the new text; `account_change` validates the
result and writes it.

Paths are the data's own: `("stakeholders", 2, "attitude")`, with list items by position
(`item_index` finds an item by its id). New text follows the file's line endings and the
indentation of its neighbours; new keys go where the model's field order puts them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

import yaml
from pydantic import BaseModel
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kamtui.core.account.model import Account, file_keys, held_model
from kamtui.core.account.yaml_comments import ODD_BREAK_MESSAGE, find_comments, odd_line_break
from kamtui.core.account.yaml_source import Position, YamlProblem, parse

DataPath = tuple[str | int, ...]
# What a value may be: the plain data an account file holds.
Value = str | int | float | bool | dt.date | Enum | None | Sequence[Any] | Mapping[str, Any]

_INDENT = 2
# libyaml's line breaks (YAML 1.1). Written raw, in plain or single-quoted text, NEL, LS
# and PS would break the file's lines (its next edit is refused) and NEL reads back as a
# space; double quotes escape them all.
_LINE_BREAKS = frozenset("\n\r\x85\u2028\u2029")


class EditError(Exception):
    """The change cannot be made in this text; says why and where."""

    def __init__(self, message: str, position: Position | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position or Position(1, 1)


@dataclass(frozen=True, slots=True)
class _Text:
    """The text being edited, its parsed node tree and its line ending."""

    text: str
    root: MappingNode
    newline: str

    @classmethod
    def parse(cls, text: str) -> _Text:
        try:
            document = parse(text)
        except YamlProblem as error:
            raise EditError(error.message, error.position) from None
        if document is None or not isinstance(document.root, MappingNode):
            raise EditError("the file is not a mapping of 'key: value' lines")
        odd = odd_line_break(text)
        if odd is not None:
            raise EditError(f"{ODD_BREAK_MESSAGE}; nothing was changed", Position(*odd))
        return cls(text, document.root, "\r\n" if "\r\n" in text else "\n")

    def splice(self, start: int, end: int, new: str) -> str:
        return self.text[:start] + new + self.text[end:]

    def line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def line_end(self, index: int) -> int:
        """Just past the line break of the line holding `index` (the text's end at the last)."""
        found = self.text.find("\n", index)
        return len(self.text) if found < 0 else found + 1

    def insert_lines(self, index: int, lines: Sequence[str]) -> str:
        """`lines` as whole lines before the line starting at `index`."""
        before = self.text[:index]
        if before and not before.endswith("\n"):
            before += self.newline
        return before + "".join(line + self.newline for line in lines) + self.text[index:]


def set_value(text: str, path: DataPath, value: Value) -> str:
    """The text with the value at `path` set, or added with its missing keys in model order."""
    source = _Text.parse(text)
    parents, node = _walk(source.root, path)
    if node is not None:
        in_flow = bool(parents) and bool(getattr(parents[-1][0], "flow_style", False))
        return _replace(source, node, value, _column_of(parents), in_flow=in_flow)
    return _add_key(source, parents, path, value)


def append_item(text: str, path: DataPath, item: Value) -> str:
    """The text with `item` added at the end of the list at `path` (made when missing)."""
    source = _Text.parse(text)
    parents, node = _walk(source.root, path)
    if node is None or _is_null(node):
        # A missing or empty list is written anew, as the one-item list.
        return set_value(text, path, [item])
    if not isinstance(node, SequenceNode):
        raise EditError(f"{_dotted(path)} is not a list", Position.of(node))
    if not node.value:
        return _replace(source, node, [item], _column_of(parents))
    last = node.value[-1]
    if node.flow_style:
        end = _content_end(source, last)
        return _splice_value(source, end, end, ", " + _flow(item))
    lines = _block_item(item, _dash_column(source, last), int(last.start_mark.column))
    return source.insert_lines(source.line_end(_content_end(source, last)), lines)


def remove_item(text: str, path: DataPath) -> str:
    """The text without the list item at `path` (its last part is the item's position).

    Comments around the item stay where they are: they may belong to its neighbours.
    """
    if not path or not isinstance(path[-1], int):
        raise EditError(f"{_dotted(path)} does not name a list item")
    source = _Text.parse(text)
    _, node = _walk(source.root, path[:-1])
    index = path[-1]
    if not isinstance(node, SequenceNode) or not 0 <= index < len(node.value):
        raise EditError(f"{_dotted(path)}: no such item")
    items = node.value
    item = items[index]
    if node.flow_style:
        if len(items) == 1:
            start, end = item.start_mark.index, _content_end(source, item)
        elif index + 1 < len(items):
            start, end = item.start_mark.index, items[index + 1].start_mark.index
        else:
            start, end = _content_end(source, items[index - 1]), _content_end(source, item)
        return _splice_value(source, start, end, "")
    start = source.line_start(item.start_mark.index)
    shorter = source.splice(start, source.line_end(_content_end(source, item)), "")
    # The last item gone, the key would hold null, which no list field takes.
    return set_value(shorter, path[:-1], []) if len(items) == 1 else shorter


def item_index(text: str, path: DataPath, item_id: str) -> int:
    """The position of the item whose `id` is `item_id` in the list at `path`."""
    source = _Text.parse(text)
    node = _node_at(source.root, path)
    if isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            found = _child(item, "id")
            if found is not None and found[1].value == item_id:
                return index
    raise EditError(f"{_dotted(path)} has no item with id {item_id!r}")


# Finding nodes --------------------------------------------------------------------------


def _walk(root: Node, path: DataPath) -> tuple[list[tuple[Node, Node | None]], Node | None]:
    """The nodes down `path` as (collection, key node) pairs, and the node at its end
    (None when the path leaves the file: a key not written yet)."""
    parents: list[tuple[Node, Node | None]] = []
    node: Node = root
    for part in path:
        found = _child(node, part)
        if found is None:
            return parents, None
        key_node, child = found
        parents.append((node, key_node))
        node = child
    return parents, node


def _child(node: Node, part: str | int) -> tuple[Node | None, Node] | None:
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == str(part):
                return key_node, value_node
        return None
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None


def _is_null(node: Node) -> bool:
    return (
        isinstance(node, ScalarNode)
        and node.tag.endswith(":null")
        and node.value in ("", "~", "null", "Null", "NULL")
    )


def _content_end(source: _Text, node: Node) -> int:
    """Where the node's own text ends: libyaml ends a block collection at the next token,
    past the comments and blank lines after it, which belong to what follows."""
    if isinstance(node, MappingNode | SequenceNode) and not node.flow_style:
        if not node.value:
            return node.start_mark.index
        last = node.value[-1]
        return _content_end(source, last[1] if isinstance(node, MappingNode) else last)
    if isinstance(node, ScalarNode) and node.style in ("|", ">"):
        header = source.text[node.start_mark.index : source.line_end(node.start_mark.index)]
        if "+" not in header.split("#")[0]:
            # A clipped or stripped block scalar ends at its last line of text.
            return len(source.text[: node.end_mark.index].rstrip("\r\n \t"))
        # A kept one (`|+`) holds its blank lines, up to the next key's line: it ends
        # before the last line break, which the next key's line needs.
        last_break = source.text.rfind("\n", node.start_mark.index, node.end_mark.index)
        if last_break >= 0:
            return last_break - (source.text[last_break - 1 : last_break] == "\r")
    return int(node.end_mark.index)


def _dash_column(source: _Text, item: Node) -> int:
    """The column of the `- ` before a block sequence item."""
    dash = source.text.rfind("-", 0, item.start_mark.index)
    return dash - source.line_start(dash)


def _column_of(parents: list[tuple[Node, Node | None]]) -> int:
    """The column the keys of a mapping made anew start at, under the last of `parents`."""
    if not parents:
        return 0
    collection, key_node = parents[-1]
    if key_node is not None:
        return int(key_node.start_mark.column) + _INDENT
    return int(collection.start_mark.column) + _INDENT


# Writing values -------------------------------------------------------------------------


def _replace(source: _Text, node: Node, value: Value, column: int, *, in_flow: bool = False) -> str:
    start, end = int(node.start_mark.index), _content_end(source, node)
    if _is_block(node) and not _is_scalar(value) and value:
        # Block stays block, at the indentation it had.
        lines = _block_lines_like(source, node, value)
        return source.splice(
            source.line_start(start), source.line_end(end), _joined(lines, source.newline)
        )
    # Inside a flow collection only flow style can be written.
    if _is_scalar(value) or _inline(value) or _is_flow(node) or in_flow:
        style = node.style if isinstance(node, ScalarNode) else None
        rendered = _scalar(value, style, flow=in_flow) if _is_scalar(value) else _flow(value)
        if _is_block(node):
            # A block collection starts on the line below its key: the new value goes
            # on the key's line instead.
            start = _after_colon(source, start)
        if source.text[start - 1 : start] == ":":
            rendered = " " + rendered
        return _splice_value(source, start, end, rendered)
    # A block value starts on the line after its key; an empty one written inline
    # (`key: []`, `key:`) is removed from the key's line, keeping a comment there.
    key_line_end = source.line_end(start)
    if end > key_line_end:
        raise EditError("a multi-line value cannot be replaced here", Position.of(node))
    key_line = source.text[source.line_start(start) : start].rstrip(" ")
    comment = source.text[end:key_line_end].rstrip("\r\n")
    lines = _block_lines(value, column)
    return (
        source.text[: source.line_start(start)]
        + key_line
        + comment
        + source.newline
        + _joined(lines, source.newline)
        + source.text[key_line_end:]
    )


def _is_flow(node: Node) -> bool:
    """A collection written in flow style, with items: a value set in its place keeps the
    style (an empty `[]` or `{}` only holds the place, and items go in block style)."""
    return isinstance(node, MappingNode | SequenceNode) and bool(node.flow_style and node.value)


def _is_block(node: Node) -> bool:
    return isinstance(node, MappingNode | SequenceNode) and not node.flow_style


def _block_lines_like(source: _Text, node: Node, value: Value) -> list[str]:
    """`value` in block style at the indentation of the block collection `node`."""
    if isinstance(node, SequenceNode) and isinstance(value, Sequence) and node.value:
        first = node.value[0]
        dash, content = _dash_column(source, first), int(first.start_mark.column)
        return [line for item in value for line in _block_item(item, dash, content)]
    return _block_lines(value, int(node.start_mark.column))


def _after_colon(source: _Text, index: int) -> int:
    """Just past the `:` of the key whose block value starts at `index`."""
    return source.text.rfind(":", 0, index) + 1


def _splice_value(source: _Text, start: int, end: int, rendered: str) -> str:
    """The text with `rendered` in place of `start:end`, and a comment later on the line
    kept in its column (`attitude: neutral   # the one to win`) while spaces allow."""
    text = source.splice(start, end, rendered)
    comment = find_comments(source.text).trailing.get(source.text.count("\n", 0, end))
    if comment is None or source.line_start(end) + comment[0] < end:
        return text
    # Where the comment stands now, on a line that may have begun before `start` (a
    # block value replaced by a word on its key's line).
    at = source.line_start(end) + comment[0] + len(rendered) - (end - start)
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start:at].rstrip(" ")
    column = max(comment[0], len(before) + 1)
    return text[:line_start] + before + " " * (column - len(before)) + text[at:]


def _add_key(
    source: _Text, parents: list[tuple[Node, Node | None]], path: DataPath, value: Value
) -> str:
    depth = len(parents)
    owner = _node_at(source.root, path[:depth])
    assert owner is not None, "the walk found every part before the missing one"
    if isinstance(owner, SequenceNode) or any(isinstance(part, int) for part in path[depth:]):
        held = len(owner.value) if isinstance(owner, SequenceNode) else 0
        raise EditError(
            f"{_dotted(path)}: no such item (the list holds {held})", Position.of(owner)
        )
    missing = str(path[depth])
    nested = _nest(path[depth + 1 :], value)
    if _is_null(owner):
        return set_value(source.text, path[:depth], {missing: nested})
    if not isinstance(owner, MappingNode):
        raise EditError(f"{_dotted(path[:depth])} holds a single value", Position.of(owner))
    order = _key_order(path[:depth])
    present = [(key.value, key, val) for key, val in owner.value if isinstance(key, ScalarNode)]
    before, after = _neighbours(missing, present, order)
    if owner.flow_style:
        entry = f"{missing}: {_flow(nested)}"
        if before is not None:
            at = _content_end(source, before[2])
            return _splice_value(source, at, at, ", " + entry)
        if after is not None:
            at = int(after[1].start_mark.index)
            return _splice_value(source, at, at, entry + ", ")
        at = int(owner.end_mark.index) - 1
        return _splice_value(source, at, at, entry)
    column = int(owner.value[0][0].start_mark.column) if owner.value else 0
    lines = _block_lines({missing: nested}, column)
    if before is not None:
        return source.insert_lines(source.line_end(_content_end(source, before[2])), lines)
    assert after is not None
    return source.insert_lines(_above_its_comments(source, int(after[1].start_mark.index)), lines)


def _above_its_comments(source: _Text, index: int) -> int:
    """The start of the line at `index`, or of the comment lines just above it: they
    belong to the key below them, which a key added before it must not come between."""
    start = source.line_start(index)
    while start > 0:
        above = source.line_start(start - 1)
        if not source.text[above:start].lstrip(" ").startswith("#"):
            break
        start = above
    return start


def _node_at(root: Node, path: DataPath) -> Node | None:
    _, node = _walk(root, path)
    return node


def _nest(path: DataPath, value: Value) -> Value:
    for part in reversed(path):
        value = {str(part): value}
    return value


def _neighbours(
    missing: str, present: Sequence[tuple[str, Node, Node]], order: Sequence[str]
) -> tuple[tuple[str, Node, Node] | None, tuple[str, Node, Node] | None]:
    """The written keys the new key goes after (or, when it comes first, before)."""
    if order:
        rank = {name: position for position, name in enumerate(order)}
        mine = rank.get(missing, len(order))
        earlier = [entry for entry in present if rank.get(entry[0], len(order)) <= mine]
    else:
        # Free keys: years and the dates of readings in order, anything else after what
        # is written.
        sort_key = _in_order(missing)
        earlier = [
            entry
            for entry in present
            if sort_key is None or (theirs := _in_order(entry[0])) is None or theirs < sort_key
        ]
    if earlier:
        return earlier[-1], None
    return None, present[0] if present else None


def _in_order(key: str) -> tuple[int, ...] | None:
    """A year (`2025`) or a date (`2026-03-31`) as numbers to sort by; None for other keys."""
    parts = key.split("-")
    if all(part.isdigit() for part in parts) and len(parts) in (1, 3):
        return tuple(int(part) for part in parts)
    return None


def _key_order(path: DataPath) -> tuple[str, ...]:
    """The model's field order for the mapping at `path`; () where keys are free (years)."""
    model: type[BaseModel] | None = Account
    for part in path:
        if isinstance(part, int):
            continue  # an item of a list of models is that model
        model = held_model(model, part)[0] if model and part in file_keys(model) else None
    return file_keys(model) if model else ()


# Rendering new text ---------------------------------------------------------------------


def _is_scalar(value: Value) -> bool:
    return value is None or isinstance(value, str | int | float | bool | dt.date | Enum)


def _inline(value: Value) -> bool:
    """Lists of plain words and empty collections are written in flow style: `[a, b]`."""
    if isinstance(value, Mapping):
        return not value
    if isinstance(value, Sequence) and not isinstance(value, str):
        return all(_is_scalar(item) for item in value)
    return True


def _scalar(value: Value, style: str | None = None, *, flow: bool = False) -> str:
    if value is None:
        return "null"
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise EditError("numbers must be finite")
        return repr(value) if value != int(value) or abs(value) >= 1e16 else str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    assert isinstance(value, str)
    return plain_or_quoted(value, style, flow=flow)


def plain_or_quoted(value: str, style: str | None = None, *, flow: bool = False) -> str:
    """Text as YAML writes it: plain where it reads back as this text, else quoted (double
    quotes for line breaks, NEL, LS and PS too; `style` asks for the quotes a value had).
    Inside `[...]` or `{...}` (`flow`), commas and brackets need quotes too."""
    if style == '"' or not _LINE_BREAKS.isdisjoint(value):
        return yaml.safe_dump(value, default_style='"', allow_unicode=True, width=math.inf).rstrip(
            "\n"
        )
    if flow:
        # The emitter quotes for the context it writes in: ask it for a one-item flow list.
        listed = yaml.safe_dump(
            [value], default_flow_style=True, allow_unicode=True, width=math.inf
        )
        dumped = listed.rstrip("\n")[1:-1]
    else:
        dumped = yaml.safe_dump(value, allow_unicode=True, width=math.inf).removesuffix("...\n")
        dumped = dumped.rstrip("\n")
    plain = not dumped.startswith(("'", '"'))
    if (style == "'" and not dumped.startswith("'")) or (plain and not _reads_back(dumped, value)):
        return "'" + value.replace("'", "''") + "'"
    return dumped


def _reads_back(plain: str, value: str) -> bool:
    """Whether kamtui reads `plain` back as the text `value`. PyYAML, which wrote it,
    follows YAML 1.1: `1e5` and `0E0` are text there (a float needs a dot) and numbers
    here, so a name written `"1e5"` came back unquoted and no longer loaded."""
    try:
        document = parse(f"- {plain}\n")
    except YamlProblem:
        return False
    return document is not None and document.data == [value]


def _flow(value: Value) -> str:
    if _is_scalar(value):
        return _scalar(value, flow=True)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    assert isinstance(value, Sequence)
    return "[" + ", ".join(_flow(item) for item in value) + "]"


def _block_lines(value: Value, column: int) -> list[str]:
    """A mapping or list written in block style with its keys at `column`."""
    pad = " " * column
    lines: list[str] = []
    if isinstance(value, Mapping):
        for key, item in value.items():
            if item is None:
                continue
            if _inline(item):
                lines.append(f"{pad}{key}: {_flow(item)}")
            else:
                lines.append(f"{pad}{key}:")
                lines.extend(_block_lines(item, column + _INDENT))
        return lines
    assert isinstance(value, Sequence) and not isinstance(value, str)
    for item in value:
        lines.extend(_block_item(item, column))
    return lines


def _block_item(item: Value, dash: int, content: int | None = None) -> list[str]:
    """One list item with its `- ` at column `dash` and its keys at `content`."""
    if _inline(item) and not isinstance(item, Mapping):
        return [" " * dash + "- " + _flow(item)]
    column = dash + 2 if content is None or content <= dash else content
    inner = _block_lines(item, column)
    if not inner:
        return [" " * dash + "- {}"]
    return [" " * dash + "-" + " " * (column - dash - 1) + inner[0][column:], *inner[1:]]


def _joined(lines: Sequence[str], newline: str) -> str:
    return "".join(line + newline for line in lines)


def _dotted(path: DataPath) -> str:
    return ".".join(str(part) for part in path) or "the file"
