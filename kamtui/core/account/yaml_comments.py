"""Where the comments of YAML text are. libyaml drops them, so they are found between the
tokens it scans: a `#` that no token covers (a `#` inside quotes or a block of text is
text)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from yaml import CSafeLoader

_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*")


@dataclass(frozen=True, slots=True)
class Comments:
    """Comments by 0-based line: lines that are only a comment, and comments ending a line
    (with the column their `#` stands in)."""

    full: dict[int, str] = field(default_factory=dict)
    trailing: dict[int, tuple[int, str]] = field(default_factory=dict)


def block_header(line: str, column: int) -> str:
    """The indicators of the block scalar (`|`, `>-`, `|2+`) that starts at `column`."""
    found = _BLOCK_HEADER.match(line, column)
    return found.group() if found else line[column : column + 1]


# libyaml's line breaks: CRLF, LF, and a lone CR, NEL, LS or PS (YAML 1.1).
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_ODD_LINE_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


def lines_of(text: str) -> list[str]:
    """The text's lines as libyaml counts them, without their breaks."""
    return _LINE_BREAK.split(text)


ODD_BREAK_MESSAGE = (
    "a line ends in a lone CR, NEL, LS or PS: kamtui rewrites only files whose lines end "
    "in LF or CRLF (save the file with those line endings)"
)


def odd_line_break(text: str) -> tuple[int, int] | None:
    """The 1-based line and column of the first line break that is neither LF nor CRLF
    (a lone CR, NEL, LS or PS): libyaml breaks lines there, most editors do not, and a
    rewrite would have to pick one or the other."""
    found = _ODD_LINE_BREAK.search(text)
    if found is None:
        return None
    before = lines_of(text[: found.start()])
    return len(before), len(before[-1]) + 1


def find_comments(text: str) -> Comments:
    lines = lines_of(text)
    covered_to: dict[int, int] = {}
    inside: set[int] = set()
    for token in yaml.scan(text, Loader=CSafeLoader):
        start, end = token.start_mark, token.end_mark
        if start.line == end.line:
            covered_to[start.line] = max(covered_to.get(start.line, 0), end.column)
            continue
        if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
            # A block scalar's header line ends at its indicators; a comment may follow.
            end_of_header = start.column + len(block_header(lines[start.line], start.column))
        else:
            end_of_header = len(lines[start.line])
        covered_to[start.line] = max(covered_to.get(start.line, 0), end_of_header)
        inside.update(range(start.line + 1, end.line))
        covered_to[end.line] = max(covered_to.get(end.line, 0), end.column)
    found = Comments()
    for number, line in enumerate(lines):
        if number in inside:
            continue
        # Any `#` no token covers starts a comment: libyaml takes `'x'#note` as a value
        # and a comment though the spec wants a space before it, and so must we (a `#`
        # inside a plain value, as in `a#b`, is covered by the value's token).
        at = line.find("#", covered_to.get(number, 0))
        if at < 0:
            continue
        comment = line[at:].rstrip()
        if line[:at].strip():
            found.trailing[number] = (at, comment)
        else:
            found.full[number] = comment
    return found
