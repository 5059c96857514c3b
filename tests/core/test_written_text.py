"""How a message quotes what was written: whole up to the limit, cut beyond it with
the length of the whole, control characters as escapes."""

from __future__ import annotations

from kamtui.core.account.written_text import QUOTE_LIMIT, quoted


def test_text_of_the_limit_is_quoted_whole() -> None:
    text = "x" * QUOTE_LIMIT
    assert quoted(text) == f"'{text}'"


def test_longer_text_is_cut_and_its_length_given() -> None:
    text = "y" * (QUOTE_LIMIT + 1)
    assert quoted(text) == "'" + "y" * (QUOTE_LIMIT - 1) + "…' (61 characters)"
    assert quoted("z" * 12_345, '"', limit=5) == '"zzzz…" (12,345 characters)'


def test_control_characters_are_escaped_and_others_kept() -> None:
    assert quoted("a\nb\tc\x07 ø €", "") == "a\\nb\\tc\\x07 ø €"
