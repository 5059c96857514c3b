"""Hypothesis strategies for hostile account files: mutated example accounts,
YAML-shaped text and raw bytes, plus the check that a loader answer is well formed."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from kamtui.core.account.model import Account
from kamtui.core.account.problem import Problem
from tests.conftest import EXAMPLES
from tests.hang_guard import time_limit

# Every account file of the example portfolio, as lines (kam.yaml is not an account).
EXAMPLE_TEXTS: tuple[str, ...] = tuple(
    path.read_text(encoding="utf-8")
    for path in sorted(EXAMPLES.rglob("*.yaml"))
    if path.name != "kam.yaml"
)


def fuzzing(examples: int) -> settings:
    """Reproducible in CI: the same examples on every run, no timing deadline (the
    hang bound is `tests.hang_guard.time_limit`), and no example database carried between runs."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# Values of every YAML type, and the ones YAML or pydantic treat specially.
OTHER_VALUES = (
    "[1, 2]",
    "{a: 1}",
    "[]",
    "{}",
    "- x",
    "7",
    "-1",
    "0",
    "3.5",
    "1e400",
    ".inf",
    "-.inf",
    ".nan",
    "0x1F",
    "0o17",
    "99999999999999999999999",
    "true",
    "no",
    "null",
    "~",
    "",
    "2026-02-30",
    "2026-12-31",
    "2026-12-31T10:00:00Z",
    "'quoted'",
    '"\\e[2J\\u0007"',
    "|\n  block\n  text",
    ">-",
    "&anchor x",
    "*anchor",
    "!!binary aGVsbG8=",
    "!!python/object:os.system x",
    "!custom x",
    "<<: {a: 1}",
    "? complex\n: key",
    "'unterminated",
    '"unterminated',
    "[unclosed",
    "{a: 1",
    "x" * 300,
)
# Characters that mean something to YAML or to a terminal, and a few that are merely unusual.
NASTY_CHARACTERS = (
    ":-?[]{},#&*!|>'\"%@`\\ \t\n\r"
    "\x00\x07\x08\x0b\x0c\x1b\x7f\x85\u00a0\u2028\u2029\ufeff\ufffe\U0001f600é"
)


def _line_edit(draw: st.DrawFn, lines: list[str]) -> list[str]:
    kind = draw(
        st.sampled_from(["delete", "duplicate", "swap", "indent", "insert", "value", "truncate"])
    )
    if not lines:
        return [draw(st.text(NASTY_CHARACTERS, max_size=20))]
    index = draw(st.integers(0, len(lines) - 1))
    line = lines[index]
    if kind == "delete":
        return lines[:index] + lines[index + 1 :]
    if kind == "duplicate":
        return lines[: index + 1] + lines[index:]
    if kind == "swap":
        other = draw(st.integers(0, len(lines) - 1))
        swapped = list(lines)
        swapped[index], swapped[other] = swapped[other], swapped[index]
        return swapped
    if kind == "indent":
        stripped = line.lstrip(" ")
        indent = draw(st.sampled_from(["", " ", "   ", "\t", "  \t", " " * 10]))
        return [*lines[:index], indent + stripped, *lines[index + 1 :]]
    if kind == "insert":
        at = draw(st.integers(0, len(line)))
        inserted = draw(st.text(NASTY_CHARACTERS, min_size=1, max_size=8))
        return [*lines[:index], line[:at] + inserted + line[at:], *lines[index + 1 :]]
    if kind == "value":
        key, colon, _ = line.partition(":")
        value = draw(st.sampled_from(OTHER_VALUES))
        changed = f"{key}: {value}" if colon else f"{line} {value}"
        return [*lines[:index], changed, *lines[index + 1 :]]
    # truncate: cut the file in the middle of this line
    at = draw(st.integers(0, len(line)))
    return [*lines[:index], line[:at]]


@st.composite
def mutated_accounts(draw: st.DrawFn) -> bytes:
    """An example account with one to five line-level mutations."""
    lines = draw(st.sampled_from(EXAMPLE_TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 5))):
        lines = _line_edit(draw, lines)
    text = "\n".join(lines)
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return text.replace("\n", newline).encode()


_KEYS = st.sampled_from(
    ["name", "criteria", "revenue_volume", "score", "stakeholders", "id", "tags", "notes", "x"]
)
_SCALARS = st.one_of(st.sampled_from(OTHER_VALUES), st.text(NASTY_CHARACTERS, max_size=12))


@st.composite
def yamlish_texts(draw: st.DrawFn) -> bytes:
    """Text built from YAML's pieces: keys, indentation, dashes, flow brackets, anchors."""
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 25))):
        indent = " " * draw(st.integers(0, 8))
        shape = draw(st.sampled_from(["key", "item", "flow", "scalar", "comment", "document"]))
        if shape == "key":
            lines.append(f"{indent}{draw(_KEYS)}: {draw(_SCALARS)}")
        elif shape == "item":
            lines.append(f"{indent}- {draw(_SCALARS)}")
        elif shape == "flow":
            parts = draw(st.lists(_SCALARS, max_size=4))
            open_, close = draw(st.sampled_from([("[", "]"), ("{", "}"), ("[", ""), ("", "}")]))
            lines.append(f"{indent}{open_}{', '.join(parts)}{close}")
        elif shape == "scalar":
            lines.append(indent + draw(_SCALARS))
        elif shape == "comment":
            lines.append(f"{indent}# {draw(_SCALARS)}")
        else:
            lines.append(draw(st.sampled_from(["---", "...", "%YAML 1.1", "%TAG ! tag:x,1:"])))
    return "\n".join(lines).encode()


def check_answer(answer: tuple[Account | None, list[Problem]], path: str, data: bytes) -> None:
    """A valid account and no errors, or no account and worded errors located on a
    line the file has (an editor can jump there)."""
    account, problems = answer
    if account is not None:
        assert isinstance(account, Account)
        assert all(p.severity == "warning" for p in problems), problems
        return
    assert problems, "rejected without a problem"
    for problem in problems:
        assert problem.path == path
        assert 1 <= problem.line <= data.count(b"\n") + 1, problem
        assert problem.column >= 1, problem
        assert problem.message.strip(), problem
        assert "Traceback" not in problem.message


def load_checked(
    load: Callable[[bytes, str], tuple[Account | None, list[Problem]]], data: bytes
) -> None:
    with time_limit():
        answer = load(data, "fuzz.yaml")
    check_answer(answer, "fuzz.yaml", data)
