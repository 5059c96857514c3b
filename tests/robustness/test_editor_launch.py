"""$EDITOR with arguments, and file names a shell would mangle, reach the editor as
exactly one argument each: the command is an argument list, never a shell string."""

from __future__ import annotations

import os
import shlex
import stat
from pathlib import Path

import pytest

from kamtui.tui.app import KamApp
from kamtui.tui.editor import editor_command, run_editor
from tests.conftest import MINIMAL, TODAY
from tests.tui.conftest import loaded, wait_for

HOSTILE_NAMES = (
    "acme corp.yaml",
    "o'brien.yaml",
    'say "hi".yaml',
    "-rf.yaml",
    "--help.yaml",
    "$(touch pwned).yaml",
    "`touch pwned`.yaml",
    "a;touch pwned.yaml",
    "*.yaml",
)


def recording_editor(folder: Path, name: str = "editor") -> tuple[Path, Path]:
    """An executable that writes each argument it gets, NUL-terminated, to a record file."""
    folder.mkdir(parents=True, exist_ok=True)
    script, record = folder / name, folder / "arguments.bin"
    script.write_text(f"#!/bin/sh\nprintf '%s\\0' \"$@\" > '{record}'\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, record


def received(record: Path) -> list[str]:
    return os.fsdecode(record.read_bytes()).split("\0")[:-1]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize(
    ("setting", "line", "expected"),
    [
        ("{editor} --wait", None, ["--wait", "{file}"]),
        ("{editor} -t", 12, ["-t", "{file}"]),
        ("{editor} -n --flag='a b'", None, ["-n", "--flag=a b", "{file}"]),
    ],
    ids=["code-like", "emacsclient-like", "quoted-argument"],
)
def test_each_file_name_is_one_argument(
    tmp_path: Path, name: str, setting: str, line: int | None, expected: list[str]
) -> None:
    editor, record = recording_editor(tmp_path / "bin dir")
    path = tmp_path / "accounts" / name
    path.parent.mkdir()
    path.write_text(MINIMAL, encoding="utf-8")
    # The program's folder has a space: the setting quotes it, as a shell would need.
    argv = editor_command(setting.format(editor=shlex.quote(str(editor))), path, line)
    assert run_editor(argv) == 0
    assert received(record) == [part.format(file=path) for part in expected]
    assert not (tmp_path / "accounts" / "pwned").exists() and not Path("pwned").exists()


@pytest.mark.parametrize(
    ("program", "expected"),
    [
        ("vim", ["+3", "./-rf.yaml"]),
        ("emacsclient", ["+3", "./-rf.yaml"]),
        ("code", ["--goto", "./-rf.yaml:3"]),
        ("hx", ["./-rf.yaml:3"]),
        ("nano", ["+3", "./-rf.yaml"]),
    ],
)
def test_a_relative_name_with_a_leading_dash_is_not_an_option(
    program: str, expected: list[str]
) -> None:
    """`kamtui` run in the account folder gives paths like "-rf.yaml"; an editor would
    read that as its options."""
    assert editor_command(program, Path("-rf.yaml"), 3) == [program, *expected]
    assert editor_command(program, Path("-rf.yaml"), None)[-1] == "./-rf.yaml"


async def test_e_in_the_app_hands_the_file_over_intact(tmp_path: Path) -> None:
    root = tmp_path / "accounts"
    root.mkdir()
    path = root / "$(touch pwned) -x 'q'.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    editor, record = recording_editor(tmp_path / "bin")
    app = KamApp(root, TODAY, watch=False, environ={"VISUAL": f"{editor} --wait"})
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("e")
        await wait_for(pilot, record.exists)
        await pilot.press("2")
        await wait_for(pilot, lambda: app.active_view == "pareto")
    assert received(record) == ["--wait", str(path)]
    assert not (root / "pwned").exists()
