"""The filter line's editing keys, as a shell prompt has them."""

from __future__ import annotations

import pytest

from kamtui.tui.widgets.line_edit import LineEdit


def typed(line: LineEdit, *keys: str) -> LineEdit:
    for key in keys:
        character = key if len(key) == 1 else " " if key == "space" else None
        edited = line.edited(key, character)
        assert edited is not None, key
        line = edited
    return line


def shown(line: LineEdit) -> str:
    """The text with the cursor as |."""
    return line.text[: line.cursor] + "|" + line.text[line.cursor :]


def test_typing_inserts_at_the_cursor() -> None:
    line = typed(LineEdit(), *"dana", "space", *"tier:a")
    assert shown(line) == "dana tier:a|"
    assert shown(typed(line, "home", "right", "x")) == "dx|ana tier:a"
    assert shown(typed(LineEdit("zoë"), "end", "left", "ü")) == "zoü|ë"


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["backspace"], "owner:dan| health"),
        (["delete"], "owner:dana|health"),
        (["ctrl+d"], "owner:dana|health"),
        (["ctrl+w"], "| health"),
        (["alt+backspace"], "| health"),
        (["ctrl+f"], "owner:dana|"),
        (["ctrl+u"], "| health"),
        (["ctrl+k"], "owner:dana|"),
        (["ctrl+left"], "|owner:dana health"),
        (["right", "ctrl+right"], "owner:dana health|"),
        (["home", "ctrl+a"], "|owner:dana health"),
        (["end", "ctrl+e"], "owner:dana health|"),
        (["home", "left", "backspace"], "|owner:dana health"),  # nothing to go past
        (["end", "right", "delete"], "owner:dana health|"),
    ],
)
def test_editing_keys(keys: list[str], expected: str) -> None:
    line = LineEdit("owner:dana health", len("owner:dana"))
    assert shown(typed(line, *keys)) == expected


def test_keys_that_do_not_edit_a_line_are_left_to_others() -> None:
    line = LineEdit("abc", 1)
    for key in ("up", "down", "enter", "escape", "tab", "f1", "pagedown"):
        assert line.edited(key, None) is None
    assert line.edited("ctrl+x", "\x18") is None  # a control character types nothing


def test_pasted_text_keeps_only_what_prints() -> None:
    assert shown(LineEdit("ab", 1).inserted("x\ty\x1b[31mz")) == "axy[31mz|b"
