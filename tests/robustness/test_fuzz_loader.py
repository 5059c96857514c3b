"""Whatever bytes an account file holds, the loader answers in bounded time with a valid
account or with located, worded problems, and never raises."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kamtui.core.account.account_file import load_account_bytes
from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.account.problem import Problem
from tests.conftest import EXAMPLE_SETTINGS
from tests.hang_guard import time_limit
from tests.robustness.fuzz_inputs import (
    EXAMPLE_TEXTS,
    check_answer,
    fuzzing,
    load_checked,
    mutated_accounts,
    yamlish_texts,
)

# Examples per property; docs/robustness.md quotes these numbers.
MUTATED_EXAMPLES = 400
YAMLISH_EXAMPLES = 300
BYTES_EXAMPLES = 300


def with_settings(data: bytes, path: str) -> tuple[Account | None, list[Problem]]:
    """As an account of the example portfolio, which declares custom KPIs: a mutated
    `kpis` section may name one or not."""
    return load_account_bytes(data, path, EXAMPLE_SETTINGS)


def test_every_example_account_loads() -> None:
    for text in EXAMPLE_TEXTS:
        account, problems = load_account_bytes(text.encode(), "example.yaml", EXAMPLE_SETTINGS)
        assert account is not None and problems == []


@fuzzing(MUTATED_EXAMPLES)
@given(mutated_accounts())
def test_mutated_example_accounts(data: bytes) -> None:
    load_checked(with_settings, data)


@fuzzing(YAMLISH_EXAMPLES)
@given(yamlish_texts())
def test_yaml_shaped_text(data: bytes) -> None:
    load_checked(with_settings, data)


@fuzzing(BYTES_EXAMPLES)
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(data: bytes) -> None:
    load_checked(with_settings, data)


@fuzzing(BYTES_EXAMPLES)
@given(st.sampled_from(EXAMPLE_TEXTS), st.data())
def test_a_file_cut_short_anywhere(text: str, data: st.DataObject) -> None:
    """A save cut short (a full disk, a crash) is still located on a line the file has."""
    raw = text.encode()
    cut = raw[: data.draw(st.integers(0, len(raw)))]
    with time_limit():
        answer = load_account_bytes(cut, "cut.yaml", PortfolioSettings())
    check_answer(answer, "cut.yaml", cut)


def test_hostile_shapes_that_once_crashed_parsers() -> None:
    """Known parser traps, each answered quickly with a problem: deep flow nesting,
    deep block nesting, alias bombs, huge numbers, NUL bytes and lone surrogates."""
    cases = [
        b"name: " + b"[" * 50_000,
        b"".join(b" " * i + b"- \n" for i in range(0, 3000, 2)),
        b"a: &a [" + b", ".join([b"*a"] * 10) + b"]\n",
        b"name: x\ncriteria: {revenue_volume: " + b"9" * 5000 + b"}\n",
        b"name: x\x00y\n",
        b'name: "\\ud800"\n',
        b"\xef\xbb\xbf\xef\xbb\xbfname: x\n",
        b"%YAML 9.9\n---\nname: x\n",
        b"---\nname: a\n---\nname: b\n",
        b"? [a, b]\n: c\n",
        b"name: !!binary aGVsbG8=\n",
    ]
    for case in cases:
        load_checked(with_settings, case)


def test_an_error_at_the_end_of_the_file_points_at_its_last_line() -> None:
    """libyaml places it on the line after the last; an editor cannot jump there."""
    for data in (
        b"name: x\ncriteria: [1",
        b"name: x\ncriteria: [1\n",
        b"name: x\r\ncriteria: [1\r\n",
    ):
        _, (problem,) = load_account_bytes(data, "a.yaml", PortfolioSettings())
        assert (problem.line, problem.column) == (2, 13), data
