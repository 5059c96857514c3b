"""What a person wrote, quoted in a message: short, on one line, never a Python repr."""

from __future__ import annotations

# About as much as fits beside a file:line:col on one terminal line.
QUOTE_LIMIT = 60


def quoted(text: str, quote: str = "'", limit: int = QUOTE_LIMIT) -> str:
    """`'text'` between `quote` marks (none: ""), cut to about `limit` characters with
    the length of the whole, and with line breaks and control characters as escapes."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    shown = "".join(
        character if character.isprintable() else character.encode("unicode_escape").decode()
        for character in shown
    )
    whole = f" ({len(text):,} characters)" if len(text) > limit else ""
    return f"{quote}{shown}{quote}{whole}"
