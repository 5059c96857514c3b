"""The headless core and commands never import Textual (the TUI is imported lazily)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEADLESS = [
    "kamtui.cli",
    "kamtui.core.loader",
    "kamtui.core.store",
    "kamtui.commands.validate",
]


@pytest.mark.parametrize("module", HEADLESS)
def test_headless_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
