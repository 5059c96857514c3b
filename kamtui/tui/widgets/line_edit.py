"""One line of text edited key by key, as a shell's prompt does: the filter box's.

Kept apart from any widget so that the box can be edited while the table keeps the
focus (a change of focus repaints both: more than a frame at 10,000 accounts), and
so that the editing rules are tested on their own. Words are runs of non-blanks,
as filter terms are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class LineEdit:
    text: str = ""
    cursor: int = 0  # characters before the cursor

    def edited(self, key: str, character: str | None) -> LineEdit | None:
        """The line after the key `key` (Textual's name) typing `character`; None when
        the key does not edit a line (up, enter, f1...)."""
        if character is not None and character.isprintable():
            return self.inserted(character)
        edit = EDITS.get(key)
        return None if edit is None else edit(self)

    def inserted(self, text: str) -> LineEdit:
        text = "".join(char for char in text if char.isprintable())
        before, after = self.text[: self.cursor], self.text[self.cursor :]
        return LineEdit(before + text + after, self.cursor + len(text))

    def moved(self, cursor: int) -> LineEdit:
        return replace(self, cursor=max(0, min(cursor, len(self.text))))

    def cut(self, start: int, end: int) -> LineEdit:
        """Without the characters from `start` to `end`, the cursor where they were."""
        start, end = max(0, start), min(end, len(self.text))
        return LineEdit(self.text[:start] + self.text[end:], start)

    def word_start(self) -> int:
        """Where the word before the cursor starts (blanks before the cursor skipped)."""
        position = self.cursor
        while position > 0 and self.text[position - 1].isspace():
            position -= 1
        while position > 0 and not self.text[position - 1].isspace():
            position -= 1
        return position

    def word_end(self) -> int:
        """Where the word after the cursor ends (blanks after the cursor skipped)."""
        position, length = self.cursor, len(self.text)
        while position < length and self.text[position].isspace():
            position += 1
        while position < length and not self.text[position].isspace():
            position += 1
        return position


def _bind(
    edit: Callable[[LineEdit], LineEdit], *keys: str
) -> dict[str, Callable[[LineEdit], LineEdit]]:
    return dict.fromkeys(keys, edit)


# The keys of Textual's Input, less selection and the clipboard.
EDITS: dict[str, Callable[[LineEdit], LineEdit]] = {
    **_bind(lambda line: line.moved(line.cursor - 1), "left"),
    **_bind(lambda line: line.moved(line.cursor + 1), "right"),
    **_bind(lambda line: line.moved(line.word_start()), "ctrl+left"),
    **_bind(lambda line: line.moved(line.word_end()), "ctrl+right"),
    **_bind(lambda line: line.moved(0), "home", "ctrl+a"),
    **_bind(lambda line: line.moved(len(line.text)), "end", "ctrl+e"),
    **_bind(lambda line: line.cut(line.cursor - 1, line.cursor), "backspace"),
    **_bind(lambda line: line.cut(line.cursor, line.cursor + 1), "delete", "ctrl+d"),
    **_bind(
        lambda line: line.cut(line.word_start(), line.cursor),
        "ctrl+w",
        "ctrl+backspace",
        "alt+backspace",
    ),
    **_bind(
        lambda line: line.cut(line.cursor, line.word_end()),
        "ctrl+f",
        "ctrl+delete",
    ),
    **_bind(lambda line: line.cut(0, line.cursor), "ctrl+u", "super+backspace"),
    **_bind(lambda line: line.cut(line.cursor, len(line.text)), "ctrl+k"),
}
