"""The review comment's inline code: text with backticks still reads as written."""

from __future__ import annotations

import pytest

from kamtui.render.diff_md import _code


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain", "`plain`"),
        ("a `b` c", "``a `b` c``"),
        ("a ``b`` c", "```a ``b`` c```"),
        ("`starts", "`` `starts ``"),
        ("ends`", "`` ends` ``"),
        ("`both`", "`` `both` ``"),
    ],
)
def test_a_fence_longer_than_any_run_and_padding_beside_a_backtick(text: str, shown: str) -> None:
    assert _code(text) == shown
