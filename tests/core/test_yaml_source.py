"""YAML text → data with positions (yaml_source): the limits exactly at their edges,
each refusal's words and place, and where a location points in the text."""

from __future__ import annotations

import pytest
import yaml

from kamtui.core.account import yaml_source
from kamtui.core.account.yaml_source import MAX_DEPTH, Position, YamlProblem, parse


def refusal(text: str) -> tuple[str, int, int]:
    with pytest.raises(YamlProblem) as raised:
        parse(text)
    return raised.value.message, raised.value.position.line, raised.value.position.column


def nested(depth: int) -> str:
    """Mappings `depth` levels deep in flow style, the innermost value text."""
    return "{k: " * depth + "x" + "}" * depth


class TestExpansionBudget:
    """Every value built, alias copies included, counts against one budget."""

    @pytest.fixture(autouse=True)
    def small_budget(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(yaml_source, "MAX_EXPANDED_NODES", 5)

    @pytest.mark.parametrize("item", ["a", "1"])
    def test_exactly_the_budget_is_read(self, item: str) -> None:
        document = parse(f"[{', '.join([item] * 4)}]\n")  # the list and its four items
        assert document is not None and len(document.data) == 4

    @pytest.mark.parametrize("item", ["a", "1"])
    def test_one_value_more_is_refused_where_it_is(self, item: str) -> None:
        assert refusal(f"[{', '.join([item] * 5)}]\n") == (
            "YAML aliases expand to too many values (a 'billion laughs' file?); "
            "write the values out instead",
            1,
            1 + 5 * 3 - 2,
        )


def test_aliases_of_numbers_expand_within_the_budget_too() -> None:
    """Numbers are built another way than text: a 'billion laughs' of them stops too."""
    lines = ["a0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    message, _, _ = refusal("\n".join(lines) + "\n")
    assert message.startswith("YAML aliases expand to too many values")


class TestDepth:
    def test_the_deepest_mapping_allowed_is_read(self) -> None:
        # The top level is depth 0; each "{" one more; the innermost key and value one more.
        document = parse(nested(MAX_DEPTH) + "\n")
        assert document is not None

    def test_one_mapping_deeper_is_refused_at_its_key(self) -> None:
        """Its key is the first thing past the limit, before its value."""
        assert refusal(nested(MAX_DEPTH + 1) + "\n") == (
            f"nested more than {MAX_DEPTH} levels deep",
            1,
            len("{k: ") * MAX_DEPTH + 2,
        )

    def test_text_at_the_limit_inside_a_list_is_read(self) -> None:
        document = parse("[" * MAX_DEPTH + "x" + "]" * MAX_DEPTH + "\n")
        assert document is not None


def test_a_collection_tagged_as_text_is_refused() -> None:
    assert refusal("key: !!str [a, b]\n") == (
        "the tag !!str is not allowed: account files hold plain data only",
        1,
        6,
    )


def test_a_key_that_is_a_collection_is_refused_at_the_key() -> None:
    assert refusal("name: x\n? [a]\n: 1\n") == ("a key must be a plain word or number", 2, 3)


def test_a_duplicate_key_deep_inside_is_refused_at_its_second_writing() -> None:
    text = "stakeholders:\n  - id: a\n    name: X\n    name: Y\n"
    assert refusal(text) == (
        "duplicate key 'name' (first written at line 3); "
        "YAML would silently keep only the last one",
        4,
        5,
    )


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("\n\x07: 1\n", 2, 1),
        ("a: 1\nbb: 2\nc: x\x07\n", 3, 5),
    ],
)
def test_a_control_character_is_placed_by_the_newlines_before_it(
    text: str, line: int, column: int
) -> None:
    assert refusal(text) == ("control character U+0007 is not allowed in YAML text", line, column)


@pytest.mark.parametrize("text", ["a: &x [1, *x]\n", "a: &x\n  b: *x\n"])
def test_an_alias_inside_its_own_value_is_refused_at_the_value(text: str) -> None:
    assert refusal(text) == ("an alias refers to a value that contains it", 1, 4)


def test_a_yaml_error_of_no_known_kind_is_placed_at_the_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def failing(self: object) -> None:
        raise yaml.YAMLError("the parser gave up")

    monkeypatch.setattr(yaml_source._Loader, "get_single_node", failing)
    assert refusal("name: Acme\n") == ("the parser gave up", 1, 1)


def test_a_yaml_error_without_its_own_words_or_place() -> None:
    """PyYAML's errors may lack a problem or a mark: the message and place still stand."""
    assert yaml_source._yaml_message(yaml.MarkedYAMLError()) == "invalid YAML"
    assert yaml_source._mark_position(None) == Position(1, 1)


DOCUMENT = """\
name: Acme
tags: [a, b]
health:
  nps: 30
"""


@pytest.mark.parametrize(
    ("loc", "at_key", "line", "column"),
    [
        (("health", "nps"), False, 4, 8),
        (("health", "nps"), True, 4, 3),
        (("tags", 1), False, 2, 11),
        # Past the end of a list, or into text: the nearest thing written is its key.
        (("tags", 2), False, 2, 1),
        (("name", 0), False, 1, 1),
        (("health", "csat"), False, 3, 1),
    ],
)
def test_a_location_points_at_what_is_written(
    loc: tuple[str | int, ...], at_key: bool, line: int, column: int
) -> None:
    document = parse(DOCUMENT)
    assert document is not None
    assert document.position(loc, at_key=at_key) == Position(line, column)


@pytest.mark.parametrize(
    ("loc", "written"),
    [
        (("name",), "'Acme'"),
        (("health", "nps"), "30"),
        (("health", "nps", "[key]"), "'nps'"),
        (("health", "csat"), None),
        (("health", "csat", "[key]"), None),
        (("tags",), None),
    ],
)
def test_what_a_location_writes(loc: tuple[str | int, ...], written: str | None) -> None:
    document = parse(DOCUMENT)
    assert document is not None
    assert document.written(loc) == written
