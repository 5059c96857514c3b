"""`kamtui show` loses nothing: every value written in a valid account file appears
in its output, on the line of its field, as the terminal-safe text of that value."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given

from kamtui.cli import main
from kamtui.core.review.facts import said_key
from kamtui.render.safe_text import one_line
from tests.account_yaml import as_yaml
from tests.conftest import EXAMPLES
from tests.robustness.fuzz_inputs import fuzzing
from tests.robustness.valid_accounts import account_data

GENERATED_EXAMPLES = 150
EXAMPLE_FILES = sorted(p for p in EXAMPLES.rglob("*.yaml") if p.name != "kam.yaml")
_LISTS_OF_ITEMS = (
    "objectives",
    "stakeholders",
    "needs",
    "divisions",
    "activities",
    "actions",
    "team",
    "customer_goals",
)


def item_names(items: list[dict[str, Any]]) -> list[str]:
    """How the format names list items: by id; the others by what they say (log entries
    by date and summary, actions by what, team members by name), in words, the second
    named alike ` #2`."""
    names: list[str] = []
    for item in items:
        if "id" in item:
            names.append(str(item["id"]))
            continue
        said = said_key(next(item[key] for key in ("summary", "what", "name") if key in item))
        name = f"{item['date'].isoformat()} {said}" if "summary" in item else said
        earlier = sum(1 for other in names if other == name or other.startswith(f"{name} #"))
        names.append(f"{name} #{earlier + 1}" if earlier else name)
    return names


def written_values(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(field path as `show` names it, value) for every leaf of an account as written.

    Worked out from the file format, not from kamtui's own flattening, so the test
    notices a field the flattening forgets.
    """
    for key, value in data.items():
        if key in _LISTS_OF_ITEMS:
            for item, name in zip(value, item_names(value), strict=True):
                # The id is in the path of every other field of the item.
                fields = {field: leaf for field, leaf in item.items() if field != "id"}
                yield from written_values(fields, f"{prefix}{key}[{name}].")
        elif key == "criteria":
            for name, criterion in value.items():
                if isinstance(criterion, dict):
                    yield f"criteria.{name}", criterion["score"]
                    if "evidence" in criterion:
                        yield f"criteria.{name}.evidence", criterion["evidence"]
                else:
                    yield f"criteria.{name}", criterion
        elif isinstance(value, dict):
            for field, leaf in value.items():
                if isinstance(leaf, dict):  # a KPI's readings, by date
                    yield from written_values(leaf, f"{prefix}{key}.{field}.")
                    continue
                words = leaf if isinstance(leaf, list) else [leaf]
                yield from ((f"{prefix}{key}.{field}", word) for word in words)
        elif isinstance(value, list):
            yield from ((f"{prefix}{key}", word) for word in value)
        else:
            yield f"{prefix}{key}", value


def shown_lines(output: str) -> dict[str, list[str]]:
    facts = output.partition("# facts\n")[2]
    lines: dict[str, list[str]] = defaultdict(list)
    for line in facts.splitlines():
        path, _, value = line.partition(": ")
        lines[path].append(value)
    return lines


def matches(written: Any, shown: str) -> bool:
    if isinstance(written, bool):
        return shown == ("true" if written else "false")
    if isinstance(written, int | float):
        return math.isclose(float(shown), written, rel_tol=1e-12, abs_tol=0)
    if isinstance(written, dt.date):
        return shown == written.isoformat()
    # Text is shown on one line, trimmed, escapes and control characters removed.
    return shown == one_line(written)


def assert_nothing_lost(data: dict[str, Any], path: Path) -> None:
    result = CliRunner().invoke(main, ["show", str(path)], color=True)
    assert result.exit_code == 0
    assert not result.stdout.startswith("# this account file is invalid"), result.stdout
    lines = shown_lines(result.stdout)
    for field, written in written_values(data):
        assert any(matches(written, shown) for shown in lines.get(field, [])), (
            f"{field}: {written!r} not in {lines.get(field)}"
        )


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_value_of_the_example_accounts_is_shown(path: Path) -> None:
    assert_nothing_lost(yaml.safe_load(path.read_text(encoding="utf-8")), path)


@fuzzing(GENERATED_EXAMPLES)
@given(data=account_data)
def test_every_value_of_a_generated_account_is_shown(
    data: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("show") / "generated.yaml"
    path.write_text(as_yaml(data), encoding="utf-8")
    assert_nothing_lost(data, path)
