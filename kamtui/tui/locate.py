"""The line of an account file to open the editor at."""

from __future__ import annotations

from pathlib import Path

from kamtui.core.account.account_file import MAX_FILE_BYTES
from kamtui.core.account.yaml_source import Loc, YamlProblem, parse
from kamtui.tui.live.portfolio_model import AccountFile


def line_in_file(path: Path, loc: Loc) -> int | None:
    """The line where `loc` (e.g. ("objectives", 2)) is written, or the nearest enclosing one."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        document = parse(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, YamlProblem):
        return None
    if document is None:
        return None
    return document.position(loc).line


def editor_line(file: AccountFile, loc: Loc | None) -> int | None:
    """A broken file opens at its first error; a valid one at what is selected."""
    if file.problems:
        return file.problems[0].line
    return line_in_file(file.path, loc) if loc else None
