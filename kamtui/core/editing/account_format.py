"""The canonical layout of an account file (and of kam.yaml), for `kamtui fmt`.

The layout, exactly:
- keys in the order of the format's fields (years in ascending order); keys the format
  does not know keep their order, after the known ones;
- two spaces per level; list items indented under their key (`  - item`);
- text quoted only where YAML would read it as something else; numbers, dates and
  booleans as written; block text (`|`, `>`) kept line for line, re-indented;
- on one line, when it fits in 100 columns and holds no comment: a list of single words
  or numbers (`tags: [emea, retail]`), and a mapping of numbers (`mrr: {basic: 0,
  premium: 10}`); everything else one entry per line, list items included;
- a blank line before each top-level key written over several lines, and before the
  key after it; none inside a section;
- every comment kept: a comment line goes with the key or item below it, a comment at
  the end of a line stays at the end of that entry's line, in its column while the
  entry leaves room and it ends within 100 columns (else two spaces after the entry);
  comment lines right below a top-level entry with a blank line after them stay below
  it (a commented-out example of that entry), and a blank line between two runs of
  comment lines is kept.

Formatting twice gives what formatting once gave, and the formatted file loads to the
same account (`kamtui fmt` checks that before it writes).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field

import yaml
from pydantic import BaseModel
from yaml import CSafeLoader
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kamtui.core.account.model import file_keys, held_model
from kamtui.core.account.yaml_comments import (
    ODD_BREAK_MESSAGE,
    Comments,
    block_header,
    find_comments,
    lines_of,
    odd_line_break,
)
from kamtui.core.account.yaml_source import YamlProblem, parse
from kamtui.core.editing.account_edit import plain_or_quoted

WIDTH = 100
_INDENT = 2
_STR = "tag:yaml.org,2002:str"
# Ends the lines of a block text that keeps its trailing blank lines (`|+`): a blank line
# the layout put after it would be read as more of the text. No YAML line holds a NUL.
_KEPT_END = "\0"


class FormatError(Exception):
    """The file cannot be laid out (not YAML, or YAML features the layout would lose)."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


@dataclass
class _Comments:
    """The file's comments, and which end-of-line ones are written already."""

    found: Comments
    used: set[int] = field(default_factory=set)

    @property
    def full(self) -> dict[int, str]:
        return self.found.full

    def end(self, text: str, *lines: int) -> str:
        """`text` with the end-of-line comments of source `lines` not yet written."""
        found = [
            self.found.trailing[line]
            for line in dict.fromkeys(lines)
            if line in self.found.trailing and line not in self.used
        ]
        self.used.update(lines)
        if not found:
            return text
        comments = " ".join(comment for _, comment in found)
        # Its column, unless that leaves it ending past the layout's width: a long flow
        # line turned into a short key must not keep its comment out at column 150.
        kept = found[0][0] if found[0][0] + len(comments) <= WIDTH else 0
        return text.ljust(max(kept, len(text) + 2)) + comments

    def any_within(self, first: int, last: int) -> bool:
        """Whether a comment stands on any line from `first` to `last`."""
        return any(first <= line <= last for line in (*self.found.full, *self.found.trailing))


def format_text(text: str, model: type[BaseModel]) -> str:
    """`text` in the canonical layout; the keys of `model` decide the order."""
    try:
        document = parse(text)
    except YamlProblem as problem:
        raise FormatError(problem.message, problem.position.line, problem.position.column) from None
    if document is None:
        return text
    root = document.root
    if not isinstance(root, MappingNode):
        raise FormatError("the file is not a mapping of 'key: value' lines")
    _refuse_what_layout_loses(text)
    lines = lines_of(text)
    formatter = _Formatter(lines, _Comments(find_comments(text)))
    body = list(formatter.mapping(root, 0, model, top=True))
    body += formatter.leftover(len(lines), after_kept=bool(body) and body[-1] == _KEPT_END)
    newline = "\r\n" if "\r\n" in text else "\n"
    return newline.join(line for line in body if line != _KEPT_END) + newline


def _refuse_what_layout_loses(text: str) -> None:
    odd = odd_line_break(text)
    if odd is not None:
        raise FormatError(f"{ODD_BREAK_MESSAGE}; left as written", *odd)
    for token in yaml.scan(text, Loader=CSafeLoader):
        kind = type(token).__name__
        if kind in ("AnchorToken", "AliasToken", "TagToken", "DirectiveToken"):
            what = {"AnchorToken": "an anchor", "AliasToken": "an alias", "TagToken": "a tag"}
            raise FormatError(
                f"the file uses {what.get(kind, 'a directive')}, which the layout would lose; "
                "left as written",
                token.start_mark.line + 1,
                token.start_mark.column + 1,
            )


class _Formatter:
    def __init__(self, lines: list[str], comments: _Comments) -> None:
        self.lines = lines
        self.comments = comments
        self.full_lines = sorted(comments.full)
        self.given = 0  # comment lines before this one have been written

    def leading(self, line: int, indent: int) -> list[str]:
        """The comment lines not yet written that stand above source line `line`."""
        start = bisect_left(self.full_lines, self.given)
        stop = bisect_left(self.full_lines, line)
        self.given = max(self.given, line)
        return self._comment_lines(self.full_lines[start:stop], indent)

    def below(self, last: int) -> list[str]:
        """The comment lines right below source line `last` (an entry's last line) when
        a blank line follows them and none before them is left to write."""
        start = bisect_left(self.full_lines, self.given)
        stop = start
        while stop < len(self.full_lines) and self.full_lines[stop] == last + 1 + stop - start:
            stop += 1
        after = last + 1 + stop - start
        if stop == start or (after < len(self.lines) and self.lines[after].strip()):
            return []
        self.given = after
        return self._comment_lines(self.full_lines[start:stop], 0)

    def _comment_lines(self, numbers: list[int], indent: int) -> list[str]:
        """These source comment lines at `indent`, a blank line kept where the source
        has nothing but blank lines between two of them."""
        out: list[str] = []
        previous: int | None = None
        for number in numbers:
            if previous is not None and number > previous + 1:
                between = self.lines[previous + 1 : number]
                if not any(line.strip() for line in between):
                    out.append("")
            out.append(" " * indent + self.comments.full[number])
            previous = number
        return out

    def leftover(self, end: int, *, after_kept: bool) -> list[str]:
        """Comment lines after the last entry."""
        rest = self.leading(end, 0)
        return ["", *rest] if rest and not after_kept else rest

    def mapping(
        self, node: MappingNode, indent: int, model: _Shape, *, top: bool = False
    ) -> Iterator[str]:
        previous_block = after_kept = False
        for position, (key, value) in enumerate(self._ordered(node, model)):
            child_model = _child_model(model, key.value)
            leading = self.leading(key.start_mark.line, indent)
            entry = list(self.entry(key, value, indent, child_model))
            block = len(entry) > 1
            if top and position and (block or previous_block or leading) and not after_kept:
                yield ""
            after_kept = entry[-1] == _KEPT_END
            # Block text ends past the blank lines after it: what follows is not "right below".
            text_block = isinstance(value, ScalarNode) and value.style in ("|", ">")
            below = self.below(_last_line(value)) if top and not text_block else []
            previous_block = block or bool(below)
            yield from leading
            yield from entry
            yield from below

    def entry(self, key: ScalarNode, value: Node, indent: int, model: _Shape) -> Iterator[str]:
        head = " " * indent + _key(key) + ":"
        inline = self.inline(value, len(head) + 1, key.start_mark.line, model)
        if inline is not None:
            text = head + (" " + inline if inline else "")
            yield self.comments.end(text, key.start_mark.line, _last_line(value))
            return
        if isinstance(value, ScalarNode):
            yield from self.block_scalar(head, key, value, indent)
            return
        yield self.comments.end(head, key.start_mark.line)
        if isinstance(value, MappingNode):
            yield from self.mapping(value, indent + _INDENT, model)
        else:
            assert isinstance(value, SequenceNode)
            yield from self.sequence(value, indent + _INDENT, model)

    def sequence(self, node: SequenceNode, indent: int, model: _Shape) -> Iterator[str]:
        for item in node.value:
            yield from self.leading(item.start_mark.line, indent)
            dash = " " * indent + "- "
            if not isinstance(item, MappingNode):
                text = _scalar(item) if isinstance(item, ScalarNode) else _flow(item)
                yield self.comments.end(dash + text, item.start_mark.line, _last_line(item))
                continue
            entries = list(self.mapping(item, indent + _INDENT, model))
            first = next(
                (n for n, line in enumerate(entries) if not line.lstrip().startswith("#")), 0
            )
            # Comment lines of the item's first key go above its dash.
            yield from (line[_INDENT:] for line in entries[:first])
            yield dash + entries[first][indent + _INDENT :]
            yield from entries[first + 1 :]

    def inline(self, node: Node, column: int, key_line: int, model: _Shape) -> str | None:
        """The value on its key's line, or None when it takes lines of its own."""
        if isinstance(node, ScalarNode):
            return None if node.style in ("|", ">") else _scalar(node)
        if not node.value:
            return "{}" if isinstance(node, MappingNode) else "[]"
        # A comment on the key's line can follow the one line; one below it cannot.
        if not _one_line_kind(node) or self.comments.any_within(key_line + 1, _last_line(node)):
            return None
        if isinstance(node, MappingNode):
            entries = self._ordered(node, model)
            text = "{" + ", ".join(f"{_key(k)}: {_flow(v)}" for k, v in entries) + "}"
        else:
            text = _flow(node)
        return text if column + len(text) <= WIDTH else None

    def block_scalar(self, head: str, key: Node, value: ScalarNode, indent: int) -> Iterator[str]:
        start = value.start_mark.line
        header = block_header(self.lines[start], value.start_mark.column)
        yield self.comments.end(head + " " + header, key.start_mark.line, start)
        body = self.lines[start + 1 : value.end_mark.line]
        while body and not body[-1].strip() and "+" not in header:
            body.pop()
        width = min((len(line) - len(line.lstrip(" ")) for line in body if line.strip()), default=0)
        for line in body:
            yield (" " * (indent + _INDENT) + line[width:]) if line.strip() else ""
        if "+" in header:
            yield _KEPT_END

    def _ordered(self, node: MappingNode, model: _Shape) -> list[tuple[ScalarNode, Node]]:
        entries = [(key, value) for key, value in node.value if isinstance(key, ScalarNode)]
        if isinstance(model, type):
            rank = {name: position for position, name in enumerate(file_keys(model))}
            return sorted(entries, key=lambda entry: rank.get(entry[0].value, len(rank)))
        if all(key.value.isdigit() for key, _ in entries):
            return sorted(entries, key=lambda entry: int(entry[0].value))
        return entries


@dataclass(frozen=True, slots=True)
class _DictOf:
    """A mapping whose keys are the file's own (years, ids) and whose values are `model`."""

    model: type[BaseModel] | None


# What a mapping or list holds: a model's fields, a dict of values, or nothing known.
_Shape = type[BaseModel] | _DictOf | None


def _child_model(model: _Shape, key: str) -> _Shape:
    if isinstance(model, _DictOf):
        return model.model
    if model is None or key not in file_keys(model):
        return None
    held, kind = held_model(model, key)
    return _DictOf(held) if kind == "dict" else held


def _one_line_kind(node: Node) -> bool:
    """A list of single words or numbers, or a mapping of numbers. A word written as
    block text (`- |-`) counts as the word: list items are written plain either way."""
    if isinstance(node, SequenceNode):
        return all(
            isinstance(item, ScalarNode) and not any(space.isspace() for space in item.value)
            for item in node.value
        )
    return all(
        isinstance(value, ScalarNode) and value.tag.endswith((":int", ":float"))
        for _, value in node.value
    )


def _last_line(node: Node) -> int:
    """The line the node's own text ends on (a block collection ends at its last child)."""
    if isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        last = node.value[-1]
        return _last_line(last[1] if isinstance(node, MappingNode) else last)
    end = node.end_mark
    return int(end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line)


def _key(node: ScalarNode) -> str:
    return _scalar(node) or "''"


def _scalar(node: ScalarNode) -> str:
    if node.tag == _STR:
        return plain_or_quoted(node.value)
    return str(node.value)


def _flow(node: Node) -> str:
    if isinstance(node, ScalarNode):
        return plain_or_quoted(node.value, flow=True) if node.tag == _STR else str(node.value)
    if isinstance(node, MappingNode):
        return "{" + ", ".join(f"{_key(k)}: {_flow(v)}" for k, v in node.value) + "}"
    return "[" + ", ".join(_flow(item) for item in node.value) + "]"
