"""Invisible characters: every one Unicode's data calls a control, a format character or
a separator is found, and the error names it the way a reader can look it up."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from kamtui.core.account.invisible import INVISIBLE_CLASS, code_point, invisible_in


def test_every_control_format_and_separator_character_is_invisible() -> None:
    pattern = re.compile(f"[{INVISIBLE_CLASS}]")
    missed = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in {"Cc", "Cf", "Zl", "Zp"}
        and not pattern.fullmatch(chr(code))
    ]
    assert missed == []


@pytest.mark.parametrize("text", ["acme", "müller-logistik", "株式会社トヨタ", "a b", "Ελληνική"])
def test_visible_text_passes(text: str) -> None:
    assert invisible_in(text) is None


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("ev\u200bp", "an invisible character, U+200B ZERO WIDTH SPACE, after 'ev'"),
        ("\u202eevil", "an invisible character, U+202E RIGHT-TO-LEFT OVERRIDE, at the start"),
        ("a\tb", "an invisible character, U+0009 (a control character), after 'a'"),
        ("x" * 30 + "\u2060", f"an invisible character, U+2060 WORD JOINER, after '…{'x' * 20}'"),
        ("a\U000e0001", "an invisible character, U+E0001 LANGUAGE TAG, after 'a'"),
    ],
)
def test_the_character_is_named_with_where_it_is(text: str, said: str) -> None:
    assert invisible_in(text) == said


def test_unassigned_code_points_say_so() -> None:
    assert code_point("\U000e0fff") == "U+E0FFF (unnamed)"


def test_twenty_characters_before_are_shown_whole_and_more_are_cut() -> None:
    exactly = "a" * 20 + "\u200b"
    assert invisible_in(exactly) == (
        f"an invisible character, U+200B ZERO WIDTH SPACE, after '{'a' * 20}'"
    )
    longer = "b" + "a" * 20 + "\u200b"
    assert invisible_in(longer) == (
        f"an invisible character, U+200B ZERO WIDTH SPACE, after '…{'a' * 20}'"
    )
