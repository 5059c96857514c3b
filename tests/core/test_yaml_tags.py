"""The loader's quicker tag resolution gives the tags PyYAML's safe loader gives."""

from __future__ import annotations

import pytest
import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from kamtui.core.yaml_source import _Loader

SCALARS = [
    "", "~", "null", "Null", "NULL", "n", "no", "No", "yes", "on", "off", "true", "False",
    "y", "0", "-0", "+12", "0x1F", "0o17", "017", "1_000", "3.5", ".5", "-.inf", ".NaN",
    "1e3", "6.8523015e+5", "190:20:30", "2026-11-24", "2026-1-2 10:00:00Z", "2026-13-45",
    "<<", "=", "abc", "Zoë", "12abc", "-", ".", "+", "0b101", "1,000",
]  # fmt: skip


@pytest.mark.parametrize("value", SCALARS)
@pytest.mark.parametrize("implicit", [(True, False), (False, True), (False, False)])
def test_scalar_tags_match_pyyaml(value: str, implicit: tuple[bool, bool]) -> None:
    ours, theirs = _Loader(""), yaml.CSafeLoader("")
    try:
        assert ours.resolve(ScalarNode, value, implicit) == theirs.resolve(
            ScalarNode, value, implicit
        )
    finally:
        ours.dispose()
        theirs.dispose()


@pytest.mark.parametrize("kind", [SequenceNode, MappingNode])
def test_collection_tags_match_pyyaml(kind: type) -> None:
    ours, theirs = _Loader(""), yaml.CSafeLoader("")
    assert ours.resolve(kind, None, (True, False)) == theirs.resolve(kind, None, (True, False))
