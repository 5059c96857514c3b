"""Text from files on one line: nothing that moves the cursor or reorders the line gets through."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamtui.render.safe_text import escaped, inline_markdown, one_line

HIDDEN = ("Cc", "Zl", "Zp")
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("[bold red]ACME", "[bold red]ACME"),
        ("Zoë  Müller ", "Zoë Müller"),
        ("\x1b[31mred\x1b[0m", "red"),
        ("two\nlines\r\n", "two lines"),
        ("\u202eevil\u202c name", "evil name"),
        ("tab\there", "tab here"),
        ("para\u2029graph", "para graph"),
    ],
)
def test_examples(text: str, shown: str) -> None:
    assert one_line(text) == shown


@given(st.text())
def test_nothing_hidden_gets_through(text: str) -> None:
    line = one_line(text)
    assert "\x1b" not in line and not BIDI & set(line)
    assert all(unicodedata.category(char) not in HIDDEN for char in line)
    assert line == line.strip() and "  " not in line


PRINTABLE = st.characters(
    blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs")
) | st.just(" ")


@given(st.text(alphabet=PRINTABLE))
def test_printable_text_only_loses_extra_spaces(text: str) -> None:
    assert one_line(text) == " ".join(part for part in text.split(" ") if part)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("lu\u200bmen", "lu\\u200bmen"),
        ("\u202eevil", "\\u202eevil"),
        ("caf\udce9", "caf\\udce9"),
        ("a\tb\nc", "a\tb\\nc"),
        ("tag\U000e0041", "tag\\U000e0041"),
        ("Zoë [b]x[/]", "Zoë [b]x[/]"),
    ],
)
def test_escaped_shows_what_cannot_be_seen(text: str, shown: str) -> None:
    assert escaped(text) == shown


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("@org/team and @user", "@&#8203;org/team and @&#8203;user"),
        ("see https://x.example", "see https:&#8203;//x.example"),
        ("www.x.example or WWW.X.EXAMPLE", "www&#8203;.x.example or WWW&#8203;.X.EXAMPLE"),
        ("issue #12, a@b.example", "issue \\#&#8203;12, a@&#8203;b.example"),
        ("[t](https://x) <a href=x>", "\\[t\\](https:&#8203;//x) \\<a href=x\\>"),
        ("*b* _i_ `c` | ~s~ &amp; $x$", "\\*b\\* \\_i\\_ \\`c\\` \\| \\~s\\~ \\&amp; \\$x\\$"),
        ("Acme (EMEA) 2.0 - plan!", "Acme (EMEA) 2.0 - plan!"),
        ("two\nlines", "two lines"),
    ],
)
def test_inline_markdown_shows_the_text_and_makes_nothing_of_it(text: str, markdown: str) -> None:
    assert inline_markdown(text) == markdown
