"""What is wrong with a file, located the way compilers and linters do.

Apart from `account_file` because it is light: the warm check of `kamtui validate`
(`loading.validity_record`) reports problems without importing pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]
# What a problem in a file read from standard input (`-`) is said to be in.
STDIN_NAME = "<stdin>"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, located the way compilers and linters do."""

    path: str
    line: int
    column: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


def display_path(path: Path) -> str:
    """The path as a person would type it: relative to the current folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
