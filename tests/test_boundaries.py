"""The headless core and commands never import Textual (the TUI is imported lazily)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kamtui.cli import COMMANDS

HEADLESS = [
    "kamtui.cli",
    *(f"kamtui.core.{name}" for name in ("loader", "store", "portfolio", "stakeholders", "diff")),
    *(f"kamtui.commands.{module}" for module in COMMANDS.values()),
]


@pytest.mark.parametrize("module", HEADLESS)
def test_headless_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
