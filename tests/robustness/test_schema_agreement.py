"""Issue 13, class 6: the JSON Schema editors use and `kamtui validate` agree, file by file.

An editor's YAML server reads a file by the YAML 1.2 core schema and checks the data
against schemas/account.schema.json. This test does the same with a reader of its
own (PyYAML's pure-Python loader given the YAML 1.2 core rules, so nothing is shared
with kamtui's loader) and the `jsonschema` package, and compares the verdict with
the loader's on each file of schema_corpus/: tricky scalars (YAML 1.1 booleans,
octal, sexagesimal, quoted numbers, odd year keys, dates with times). A file's name
says the verdict both must give (`valid-`, `invalid-`); `known-` files are where they
cannot agree, because only the loader sees how a number was written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, ClassVar

import jsonschema
import pytest
import yaml
from yaml.constructor import ConstructorError

from kamtui.core.account.account_file import load_account_file
from kamtui.core.account.model import PortfolioSettings

CORPUS = Path(__file__).parent / "schema_corpus"
SCHEMA = json.loads(
    (Path(__file__).parents[2] / "schemas" / "account.schema.json").read_text(encoding="utf-8")
)
# A NaN passes every bound a schema can state; a hex number is a number to the schema.
KNOWN = {
    "known-csat-nan.yaml": "the schema passes NaN; the loader refuses it (not finite)",
    "known-hex-amount.yaml": "the schema sees 31; the loader refuses 0x1F (write decimal)",
}


class Yaml12Loader(yaml.SafeLoader):
    """The YAML 1.2 core schema, as editors' YAML servers read files."""

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {}

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            # JSON keys are text: 2025 and "2025" are one key to the schema.
            text = json.dumps(key) if not isinstance(key, str) else key
            if text in seen:
                raise ConstructorError(None, None, f"duplicate key {text}", key_node.start_mark)
            seen.add(text)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        value = str(self.construct_scalar(node))
        if value.startswith(("0x", "0o")):
            return int(value, 0)
        return int(value, 10)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", Yaml12Loader.construct_yaml_int)
for tag, pattern, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("merge", r"^(?:<<)$", "<"),
]:
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), list(first))


def as_json(value: Any) -> Any:
    """What the YAML server hands the schema check: JSON, keys as text."""
    if isinstance(value, dict):
        return {
            key if isinstance(key, str) else json.dumps(key): as_json(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def schema_verdict(path: Path) -> bool:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)
    except yaml.YAMLError:
        return False
    validator = jsonschema.Draft7Validator(
        SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    return validator.is_valid(as_json(data))


def loader_verdict(path: Path) -> bool:
    return load_account_file(path, PortfolioSettings()).ok


FILES = sorted(CORPUS.glob("*.yaml"))


def test_the_corpus_is_big_and_covers_both_verdicts() -> None:
    names = [path.name for path in FILES]
    assert len(names) >= 40
    assert sum(name.startswith("valid-") for name in names) >= 15
    assert sum(name.startswith("invalid-") for name in names) >= 25
    assert set(KNOWN) <= set(names)


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_schema_and_loader_agree(path: Path) -> None:
    loader, schema = loader_verdict(path), schema_verdict(path)
    if path.name in KNOWN:
        assert (loader, schema) == (False, True), KNOWN[path.name]
        return
    expected = path.name.startswith("valid-")
    assert loader == expected, load_account_file(path, PortfolioSettings()).problems
    assert schema == expected


def test_the_reference_reader_reads_yaml_1_2() -> None:
    """It must not be PyYAML's YAML 1.1 in disguise, or the agreement would prove little."""
    data = yaml.load("a: yes\nb: 0250000\nc: 1:30\nd: 2026-01-01\ne: 0x1F\n", Loader=Yaml12Loader)
    assert data == {"a": "yes", "b": 250000, "c": "1:30", "d": "2026-01-01", "e": 31}
