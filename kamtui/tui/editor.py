"""Which editor to run on an account file, and how to tell it the line to open at.

The command is built as an argument list, never a shell string, so a file name
with spaces or quotes reaches the editor intact and nothing in it is executed.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

# Editors that accept `+LINE` before the file (the vi convention).
PLUS_LINE = frozenset(
    {
        "vi",
        "vim",
        "nvim",
        "gvim",
        "mvim",
        "view",
        "vis",
        "nano",
        "pico",
        "emacs",
        "emacsclient",
        "micro",
        "kak",
        "joe",
        "jed",
        "mg",
        "ne",
    }
)
# Editors that take `FILE:LINE` as the file argument.
COLON_LINE = frozenset({"hx", "helix", "subl", "sublime_text", "zed", "zeditor"})
# Editors that take `--goto FILE:LINE` (VS Code and its forks).
GOTO_LINE = frozenset({"code", "code-insiders", "codium", "vscodium", "cursor", "windsurf"})
# Tried in order when neither $VISUAL nor $EDITOR is set.
FALLBACK_EDITORS = ("nano", "vim", "vi")

# Runs the command and returns its exit status; the app swaps in a fake in tests.
Launcher = Callable[[list[str]], int]


class EditorError(Exception):
    """No usable editor: the message says what to set."""


def editor_setting(environ: Mapping[str, str]) -> str:
    """$VISUAL, else $EDITOR, else the first fallback editor installed."""
    for name in ("VISUAL", "EDITOR"):
        value = environ.get(name, "").strip()
        if value:
            return value
    for candidate in FALLBACK_EDITORS:
        if shutil.which(candidate):
            return candidate
    raise EditorError("no editor found: set $VISUAL or $EDITOR (for example EDITOR=nano)")


def editor_command(setting: str, path: Path, line: int | None) -> list[str]:
    """The argument list that opens `path` at `line` in the editor `setting` names.

    `setting` may carry arguments (`code --wait`, `emacsclient -t`), split as a shell would.
    """
    try:
        argv = shlex.split(setting)
    except ValueError as error:
        raise EditorError(f"cannot read the editor setting {setting!r}: {error}") from None
    if not argv:
        raise EditorError("the editor setting is empty: set $VISUAL or $EDITOR")
    program = Path(argv[0]).name.removesuffix(".exe")
    file = str(path)
    if file.startswith("-"):
        # A relative name like "-rf.yaml" (kamtui run inside the folder) is not an option.
        file = os.curdir + os.sep + file
    if line is None or line < 1:
        return [*argv, file]
    if program in PLUS_LINE:
        return [*argv, f"+{line}", file]
    if program in COLON_LINE:
        return [*argv, f"{file}:{line}"]
    if program in GOTO_LINE:
        return [*argv, "--goto", f"{file}:{line}"]
    return [*argv, file]


def run_editor(argv: list[str]) -> int:
    """Run the editor in the foreground and wait for it; the exit status."""
    try:
        return subprocess.run(argv, check=False).returncode
    except OSError as error:
        raise EditorError(f"cannot run {argv[0]!r}: {error.strerror or error}") from None
