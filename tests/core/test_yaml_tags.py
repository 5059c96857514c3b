"""Plain scalars are read by the YAML 1.2 core rules, narrowed to plain numbers
(issue 13, class 6): PyYAML's YAML 1.1 rules changed meanings silently."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest

from kamtui.core.account.yaml_source import MAX_DEPTH, YamlProblem, parse

READ_AS = [
    ("", None), ("~", None), ("null", None), ("Null", None), ("NULL", None),
    ("true", True), ("True", True), ("TRUE", True), ("false", False), ("FALSE", False),
    # YAML 1.1 booleans are words now: a score of `yes` is an error, not 1.
    ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("y", "y"), ("No", "No"),
    ("0", 0), ("-0", 0), ("+12", 12), ("250000", 250000),
    # Decimal always: no octal (YAML 1.1 read 0250000 as 86016), no hex, no binary.
    ("0250000", 250000), ("017", 17), ("0x1F", "0x1F"), ("0o17", "0o17"), ("0b101", "0b101"),
    # No sexagesimal (1:30 was 90) and no digit separators.
    ("1:30", "1:30"), ("190:20:30", "190:20:30"), ("1_000", "1_000"), ("1,000", "1,000"),
    ("3.5", 3.5), (".5", 0.5), ("1.", 1.0), ("1e3", 1000.0), ("6.8523015e+5", 685230.15),
    ("-.inf", -math.inf), (".Inf", math.inf),
    ("2026-11-24", dt.date(2026, 11, 24)),
    # A time of day or a short month is not a date: text, which a date field refuses.
    ("2026-11-24 10:00", "2026-11-24 10:00"), ("2026-1-2", "2026-1-2"),
    ("2026-11-24T10:00:00Z", "2026-11-24T10:00:00Z"),
    ("=", "="), ("abc", "abc"), ("Zoë", "Zoë"), ("12abc", "12abc"), (".", "."),
    ("+", "+"), ("nan", "nan"), ("inf", "inf"),
]  # fmt: skip


@pytest.mark.parametrize(("written", "value"), READ_AS)
def test_plain_scalars(written: str, value: Any) -> None:
    document = parse(f"key: {written}\n")
    assert document is not None
    read = document.data["key"]
    assert read == value and type(read) is type(value)


def test_nan_is_read_as_a_float_for_the_model_to_refuse() -> None:
    document = parse("key: .NaN\n")
    assert document is not None and math.isnan(document.data["key"])


@pytest.mark.parametrize("written", ['"12"', "'true'", '"2026-11-24"', "|\n  12\n", "!!str 12"])
def test_quoted_block_and_str_tagged_scalars_are_text(written: str) -> None:
    document = parse(f"key: {written}\n")
    assert document is not None and isinstance(document.data["key"], str)


@pytest.mark.parametrize("tag", ["!!int", "!!float", "!!bool", "!!timestamp", "!!null"])
def test_explicit_standard_tags_are_refused(tag: str) -> None:
    with pytest.raises(YamlProblem, match=f"the tag {tag} is not allowed"):
        parse(f"key: {tag} 12\n")


def test_merge_keys_still_merge() -> None:
    document = parse("base: &b {a: 1}\nkey:\n  <<: *b\n  c: 2\n")
    assert document is not None and document.data["key"] == {"a": 1, "c": 2}


def test_an_impossible_date_stays_the_text_it_is() -> None:
    """The model refuses it where a date is wanted, beside the file's other problems; a
    text field takes it as written."""
    document = parse("key: 2026-02-30\nday: 2026-02-28\n")
    assert document is not None
    assert document.data == {"key": "2026-02-30", "day": dt.date(2026, 2, 28)}


def test_a_huge_integer_is_refused_before_conversion() -> None:
    with pytest.raises(YamlProblem) as raised:
        parse("key: " + "9" * 5000 + "\n")
    assert raised.value.message.endswith(
        "(5,000 characters) is too large a number: no figure needs more than 30 digits"
    )
    assert len(raised.value.message) < 160


@pytest.mark.parametrize("sign", ["", "-", "+"])
def test_thirty_digits_are_a_number_and_thirty_one_are_not(sign: str) -> None:
    document = parse(f"key: {sign}{'9' * 30}\n")
    assert document is not None
    assert document.data["key"] == int(f"{sign}{'9' * 30}")
    with pytest.raises(YamlProblem, match="no figure needs more than 30 digits"):
        parse(f"key: {sign}{'9' * 31}\n")


def test_a_merge_of_several_mappings_lets_the_earlier_win() -> None:
    document = parse("a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nkey:\n  <<: [*a, *b]\n  w: 0\n")
    assert document is not None
    assert document.data["key"] == {"x": 1, "y": 1, "z": 2, "w": 0}


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [("key:\n  <<: 5\n", 2, 7), ("a: &a {x: 1}\nkey:\n  <<: [*a, 5]\n", 3, 12)],
)
def test_a_merge_of_anything_but_a_mapping_is_located(text: str, line: int, column: int) -> None:
    with pytest.raises(YamlProblem) as raised:
        parse(text)
    assert raised.value.message == "'<<' can only merge mappings"
    assert (raised.value.position.line, raised.value.position.column) == (line, column)


def test_a_merge_counts_towards_the_depth_limit() -> None:
    """A merged mapping sits one level below the mapping that merges it."""
    inner = "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2)
    assert parse(f"a: &a {{x: {inner}}}\nkey:\n  <<: *a\n") is not None
    deeper = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    with pytest.raises(YamlProblem, match=f"nested more than {MAX_DEPTH} levels deep"):
        parse(f"a: &a {{x: {inner}}}\nkey:\n  <<: *a\n".replace(inner, deeper))
