"""Properties of the in-place editor over files written in many styles (`styled_yaml`).

For every kind of edit: the diff is exactly the lines the change means (counted), every
comment outside a removed item survives, and the file reloads to the old account with
only that field changed.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kamtui.core.account.account_file import load_account_bytes
from kamtui.core.account.model import (
    Account,
    Attitude,
    Level,
    ObjectiveStatus,
    PortfolioSettings,
    Relationship,
)
from kamtui.core.editing.account_edit import append_item, remove_item, set_value
from kamtui.core.editing.field_path import set_named
from tests.core.styled_yaml import WORDS, styled_accounts
from tests.core.test_account_edit import changes

PROPERTY = settings(
    max_examples=100,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
_COMMENT = re.compile(r"# c\d+\b")


def loaded(text: str) -> Account:
    account, problems = load_account_bytes(text.encode(), "styled.yaml", PortfolioSettings())
    assert account is not None, (problems, text)
    return account


def comments(text: str) -> set[str]:
    return set(_COMMENT.findall(text))


@given(styled_accounts(), st.data())
@PROPERTY
def test_setting_a_written_value_changes_one_line(
    case: tuple[dict[str, Any], str], data: Any
) -> None:
    original, text = case
    loaded(text)
    paths: list[tuple[tuple[str | int, ...], Any]] = [(("name",), data.draw(WORDS))]
    for name, criterion in original["criteria"].items():
        path = ("criteria", name, "score") if isinstance(criterion, dict) else ("criteria", name)
        paths.append((path, data.draw(st.integers(1, 5))))
    for index, person in enumerate(original.get("stakeholders", [])):
        paths.append((("stakeholders", index, "name"), data.draw(WORDS)))
        if "attitude" in person:
            paths.append((("stakeholders", index, "attitude"), "blocker"))
    for index in range(len(original["tags"])):
        paths.append((("tags", index), data.draw(WORDS)))
    path, value = data.draw(st.sampled_from(paths))
    after = set_value(text, path, value)
    expected = copy.deepcopy(original)
    _put(expected, path, value)
    assert loaded(after) == Account.model_validate(expected)
    removed, added = changes(text, after)
    if _get(original, path) != value:
        assert (len(removed), len(added)) == (1, 1)
    assert comments(after) == comments(text)


@given(styled_accounts(), st.data())
@PROPERTY
def test_the_tui_s_edits_by_name_change_one_line_or_add_one(
    case: tuple[dict[str, Any], str], data: Any
) -> None:
    """What `1`-`5` and `c` write (`set_named`, items by id): the field the name means and
    nothing else, a key not written yet added as one line (or inside its flow mapping)."""
    original, text = case
    edits: list[tuple[str, tuple[str | int, ...], Any]] = []
    for name, criterion in original["criteria"].items():
        path = ("criteria", name, "score") if isinstance(criterion, dict) else ("criteria", name)
        edits.append((f"criteria.{name}", path, data.draw(st.integers(1, 5))))
    for index, person in enumerate(original.get("stakeholders", [])):
        for field, values in (
            ("attitude", [a.value for a in Attitude]),
            ("relationship", [r.value for r in Relationship]),
            ("decision_power", [level.value for level in Level]),
            ("touchpoint", [True, False]),
        ):
            value = data.draw(st.sampled_from(values))
            edits.append(
                (f"stakeholders.{person['id']}.{field}", ("stakeholders", index, field), value)
            )
    for index, objective in enumerate(original.get("objectives", [])):
        status = data.draw(st.sampled_from([s.value for s in ObjectiveStatus]))
        edits.append(
            (f"objectives.{objective['id']}.status", ("objectives", index, "status"), status)
        )
    dotted, path, value = data.draw(st.sampled_from(edits))
    after = set_named(text, dotted, value)
    assert after == set_value(text, path, value)
    expected = copy.deepcopy(original)
    _put(expected, path, value)
    assert loaded(after) == Account.model_validate(expected)
    removed, added = changes(text, after)
    parent = _get(original, path[:-1])
    if path[-1] not in parent:
        assert (len(removed), len(added)) == (0, 1) or (
            (len(removed), len(added)) == (1, 1) and "{" in removed[0]
        )
    elif parent[path[-1]] != value:
        assert (len(removed), len(added)) == (1, 1)
    else:
        assert after == text
    assert comments(after) == comments(text)


@given(styled_accounts(), st.data())
@PROPERTY
def test_adding_a_missing_key_adds_lines_only(case: tuple[dict[str, Any], str], data: Any) -> None:
    original, text = case
    candidates: list[tuple[tuple[str | int, ...], Any, int]] = []
    if "owner" not in original:
        candidates.append((("owner",), "Dana", 1))
    if "health" in original and "csat" not in original["health"] and original["health"]:
        candidates.append((("health", "csat"), 4.5, 1))
    if "health" not in original:
        candidates.append((("health", "csat"), 4.5, 2))
    for index in range(len(original.get("stakeholders", []))):
        candidates.append((("stakeholders", index, "title"), "Chief of Staff", 1))
    if not candidates:
        return
    path, value, lines = data.draw(st.sampled_from(candidates))
    after = set_value(text, path, value)
    expected = copy.deepcopy(original)
    _put(expected, path, value)
    assert loaded(after) == Account.model_validate(expected)
    removed, added = changes(text, after)
    # New lines under a block mapping; the one line of a flow mapping otherwise.
    assert (len(removed), len(added)) == (0, lines) or (
        (len(removed), len(added)) == (1, 1) and "{" in removed[0]
    )
    assert comments(after) == comments(text)


@given(styled_accounts(), st.data())
@PROPERTY
def test_appending_an_item_adds_its_lines(case: tuple[dict[str, Any], str], data: Any) -> None:
    original, text = case
    which = data.draw(st.sampled_from(["stakeholders", "objectives", "tags"]))
    item: Any = {
        "stakeholders": {"id": "new-person", "name": data.draw(WORDS), "influences": ["x", "y"]},
        "objectives": {"id": "new-objective", "what": data.draw(WORDS), "status": "on_track"},
        "tags": data.draw(WORDS),
    }[which]
    if which == "stakeholders":
        item["influences"] = []
    after = append_item(text, (which,), item)
    expected = copy.deepcopy(original)
    expected.setdefault(which, []).append(item)
    assert loaded(after) == Account.model_validate(expected)
    removed, added = changes(text, after)
    if original.get(which):
        # Into a written list: new lines only, or one changed line of a flow list.
        assert len(removed) in (0, 1) and (removed == [] or len(added) == 1)
    else:
        # A list made anew: at most its key's line changes.
        assert len(removed) <= 1
    assert comments(after) == comments(text)


@given(styled_accounts(), st.data())
@PROPERTY
def test_removing_an_item_removes_its_lines(case: tuple[dict[str, Any], str], data: Any) -> None:
    original, text = case
    options = [("objectives", i) for i in range(len(original.get("objectives", [])))]
    options += [("tags", i) for i in range(len(original["tags"]))]
    people = original.get("stakeholders", [])
    referenced = {p.get("reports_to") for p in people}
    options += [("stakeholders", i) for i, p in enumerate(people) if p["id"] not in referenced]
    if not options:
        return
    which, index = data.draw(st.sampled_from(options))
    after = remove_item(text, (which, index))
    expected = copy.deepcopy(original)
    del expected[which][index]
    assert loaded(after) == Account.model_validate(expected)
    removed, added = changes(text, after)
    gone = comments("\n".join(removed)) - comments("\n".join(added))
    assert comments(after) == comments(text) - gone
    if len(original[which]) > 1:
        assert added == [] or (len(added) == 1 and len(removed) == 1)  # a flow list's line


def _get(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _put(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data.setdefault(part, {}) if isinstance(data, dict) else data[part]
    data[path[-1]] = value
