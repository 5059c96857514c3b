"""Where `find_comments` finds the comments of a YAML text, and where it must not find one.

Every comment is asserted with its exact 0-based line and column: the in-place editor and
the formatter put a comment back where these say, so a comment off by a column is as bad as
one lost."""

from __future__ import annotations

import pytest

from kamtui.core.account.yaml_comments import (
    Comments,
    block_header,
    find_comments,
    lines_of,
    odd_line_break,
)


def test_block_header_takes_every_indicator() -> None:
    """The header reaches past the `|`/`>` to its chomping and indentation indicators,
    read from the given column, not from the start of the line."""
    assert block_header("notes: |-2", 7) == "|-2"
    assert block_header("  - >+", 4) == ">+"


def test_block_header_without_indicator_is_one_character() -> None:
    """Where no block indicator stands at the column, the header is that one character."""
    assert block_header("key: value", 5) == "v"


def test_comment_at_end_of_text_without_newline() -> None:
    """libyaml puts the end of the stream on a new line; a scanner that ends it at the last
    column (PyYAML's pure-Python one) would cover, and so lose, the last comment."""
    assert find_comments("a: b # last") == Comments(trailing={0: (5, "# last")})


def test_hash_in_multi_line_quoted_scalar_is_text() -> None:
    """A quoted scalar that goes on to the next line covers the rest of its first line:
    its ` #two` is text; the comment after its closing quote is found."""
    text = "key: 'one #two\n  three' # real\n"
    assert find_comments(text) == Comments(trailing={1: (9, "# real")})


def test_hash_in_multi_line_plain_scalar_is_text() -> None:
    """The same for a plain scalar on several lines: a `#` after a non-space is text."""
    text = "key: one#two\n  three#four  # real\n"
    assert find_comments(text) == Comments(trailing={1: (14, "# real")})


def test_comments_after_block_headers() -> None:
    """A block scalar's header line ends at its indicators (`|`, `>-`), so a comment may
    follow it; the scalar's own lines are text, `#` and all. The comment on the line
    before the scalar is kept too."""
    text = (
        "top: 1  # first\n"
        "literal: |  # keep\n"
        "  one # text\n"
        "  two # text\n"
        "folded: >-  # fold\n"
        "  three # text\n"
    )
    assert find_comments(text) == Comments(
        trailing={0: (8, "# first"), 1: (12, "# keep"), 4: (12, "# fold")}
    )


def test_multi_line_scalar_alone_on_its_line() -> None:
    """A scalar that starts a line of its own (no key before it on that line) and runs on
    to the next: the comments around it are found, its `#` is not."""
    text = "a:  # head\n  'b #x\n  c'  # tail\n"
    assert find_comments(text) == Comments(trailing={0: (4, "# head"), 2: (6, "# tail")})


def test_long_first_line_does_not_hide_later_comments() -> None:
    """What covers one line covers only that line: the long first line must not push the
    search start of later lines past their comments."""
    text = "a_rather_long_key_name: 'x\n  y' # after\nb: |  # head\n  z\n"
    assert find_comments(text) == Comments(trailing={1: (5, "# after"), 2: (6, "# head")})


def test_comment_is_taken_from_its_first_hash() -> None:
    """A comment may itself contain `#`; it starts at the first one."""
    assert find_comments("a: 1 # see #2\n") == Comments(trailing={0: (5, "# see #2")})


def test_comment_without_space_after_hash() -> None:
    """Only the character before `#` matters; none is needed after it, and a `#` may end
    the line."""
    text = "a: 1 #tight\n#flush\nb: 2 #\n"
    assert find_comments(text) == Comments(
        full={1: "#flush"}, trailing={0: (5, "#tight"), 2: (5, "#")}
    )


def test_trailing_spaces_are_dropped_indent_is_kept_out() -> None:
    """The comment text runs from its `#` to the last non-space of the line."""
    text = "  # indented  \na: 1 # c   \n"
    assert find_comments(text) == Comments(full={0: "# indented"}, trailing={1: (5, "# c")})


def test_hash_in_flow_collection_and_quotes_is_text() -> None:
    """`#` inside quotes in a flow collection that spans lines is text."""
    text = "tags: ['a #1',\n  \"b #2\"]  # list\n"
    assert find_comments(text) == Comments(trailing={1: (11, "# list")})


def test_a_comment_without_a_space_before_it_is_kept() -> None:
    """libyaml takes `'x'#keep` as a value and a comment (the spec wants a space first):
    a comment it accepts is the person's text, and formatting must not drop it."""
    for text, column in (("a: 'x'#keep\n", 6), ("a: [1]#keep\n", 6), ("a: |#keep\n  x\n", 4)):
        assert find_comments(text).trailing == {0: (column, "#keep")}
    assert find_comments("a: b#c\n").trailing == {}  # part of the plain value


@pytest.mark.parametrize("newline", ["\r", "\x85", "\u2028", "\u2029", "\r\n", "\n"])
def test_lines_are_counted_as_libyaml_counts_them(newline: str) -> None:
    # A `#` inside quotes on the line after the break is text; the comment after it is found
    # on that line, in its column.
    text = f"a: 1{newline}b: '#x'  # real{newline}"
    assert lines_of(text) == ["a: 1", "b: '#x'  # real", ""]
    assert find_comments(text) == Comments(trailing={1: (9, "# real")})


def test_a_block_header_on_a_line_after_a_lone_cr() -> None:
    assert find_comments("a: 1\rb: |-  # note\r  text #1\r") == Comments(
        trailing={1: (7, "# note")}
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a: 1\nb: 2\n", None),
        ("a: 1\r\nb: 2\r\n", None),
        ("a: 1\r\nbb: 2\rc: 3\n", (2, 6)),
        ("a: 1\nb: x\u2028y\n", (2, 5)),
        ("\x85", (1, 1)),
        ("a\u2029", (1, 2)),
    ],
)
def test_odd_line_breaks_are_found_where_an_editor_shows_them(
    text: str, where: tuple[int, int] | None
) -> None:
    assert odd_line_break(text) == where
