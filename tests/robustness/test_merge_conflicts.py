"""A file git left with conflict markers gets one clear error on the first marker's
line, whatever the line endings, the merge style or where the markers sit."""

from __future__ import annotations

import pytest

from kamtui.core.account.account_file import load_account_bytes
from kamtui.core.account.model import PortfolioSettings
from tests.conftest import MINIMAL

OURS_THEIRS = "<<<<<<< HEAD\nnotes: ours\n=======\nnotes: theirs\n>>>>>>> feature/x\n"
DIFF3 = (
    "<<<<<<< HEAD\nnotes: ours\n||||||| merged common ancestors\nnotes: base\n"
    "=======\nnotes: theirs\n>>>>>>> feature/x\n"
)


def conflict_line(text: str) -> int:
    account, problems = load_account_bytes(text.encode(), "a.yaml", PortfolioSettings())
    assert account is None
    (problem,) = problems
    assert problem.message.startswith(f"unresolved merge conflict at line {problem.line}")
    assert problem.column == 1
    return problem.line


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("conflict", [OURS_THEIRS, DIFF3], ids=["merge", "diff3"])
def test_conflict_after_the_account(conflict: str, newline: str) -> None:
    assert conflict_line((MINIMAL + conflict).replace("\n", newline)) == 8


def test_conflict_at_the_top_of_the_file() -> None:
    assert conflict_line(OURS_THEIRS + MINIMAL) == 1


def test_conflict_inside_a_nested_block() -> None:
    text = MINIMAL.replace(
        "  lifetime_value: 3\n",
        "<<<<<<< ours\n  lifetime_value: 3\n=======\n  lifetime_value: 4\n>>>>>>> theirs\n",
    )
    assert conflict_line(text) == 5


def test_marker_on_the_last_line_without_a_newline() -> None:
    assert conflict_line(MINIMAL + "notes: x\n>>>>>>> theirs") == 9


def test_lone_separator_left_after_a_sloppy_resolution() -> None:
    assert conflict_line(MINIMAL + "=======\n") == 8


def test_markers_without_labels_and_with_a_byte_order_mark() -> None:
    assert conflict_line("\ufeff<<<<<<<\n" + MINIMAL + "=======\n>>>>>>>\n") == 1


@pytest.mark.parametrize(
    "harmless",
    [
        # Markdown-style underline inside a block scalar: indented, so not a marker.
        "notes: |\n  Heading\n  =======\n  text\n",
        # Markers mid-line or too short are text.
        "notes: see <<<<<<< in the log\n",
        'notes: "======= and >>>>>>>"\n',
        "tags: ['<<<<<<']\n",
        # A Markdown underline at the start of a line of a quoted multi-line scalar.
        'notes: "Heading\n=======\n\n  text"\n',
        "notes: 'Heading\n=======\n  text'\n",
    ],
)
def test_text_that_only_looks_like_a_marker_loads(harmless: str) -> None:
    account, problems = load_account_bytes(
        (MINIMAL + harmless).encode(), "a.yaml", PortfolioSettings()
    )
    assert problems == [] and account is not None
