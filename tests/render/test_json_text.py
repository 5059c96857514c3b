"""JSON output: strict (no NaN or Infinity), exact (it reads back to the same data) and
inert in a terminal (nothing hidden is written raw)."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamtui.render.json_text import json_text
from tests.robustness.hostile import unsafe_characters


@pytest.mark.parametrize("number", [math.nan, math.inf, -math.inf])
def test_a_number_that_is_not_finite_is_refused(number: float) -> None:
    with pytest.raises(ValueError, match="not JSON compliant"):
        json_text({"score": number})


@given(st.recursive(st.text() | st.floats(allow_nan=False, allow_infinity=False), st.lists))
def test_the_text_reads_back_exactly_and_nothing_hidden_is_written_raw(value: object) -> None:
    text = json_text({"value": value})
    assert json.loads(text) == {"value": value}
    assert unsafe_characters(text) == []


def test_hidden_characters_are_json_escapes() -> None:
    text = json_text(["\u202eevil", "lu\u200bmen", "tag\U000e0041", "caf\udce9", "Zoë"])
    assert text == (
        '[\n  "\\u202eevil",\n  "lu\\u200bmen",\n  "tag\\udb40\\udc41",\n'
        '  "caf\\udce9",\n  "Zoë"\n]'
    )
