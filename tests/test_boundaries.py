"""The layers hold (import-linter's named contracts, in pyproject.toml, run by
tests/test_code_quality.py), and every headless module imports alone without a
terminal library: a lazy import, which the contracts cannot see, is caught here."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from types import ModuleType

import pytest

import kamtui.commands
import kamtui.core
import kamtui.render


def modules_of(package: ModuleType) -> list[str]:
    return sorted(
        f"{package.__name__}.{info.name}" for info in pkgutil.iter_modules(package.__path__)
    )


# Each group: its modules, and what importing any of them must not bring in.
GROUPS = {
    "core": (modules_of(kamtui.core), ("textual", "rich")),
    "render": (modules_of(kamtui.render), ("textual",)),
    "commands": (["kamtui.cli", *modules_of(kamtui.commands)], ("textual",)),
}

# Imports each module in turn in a fresh interpreter and names the first one after
# which a forbidden package is loaded.
PROBE = """
import importlib, json, sys
modules, forbidden = json.loads(sys.argv[1])
for module in modules:
    importlib.import_module(module)
    loaded = [name for name in forbidden if name in sys.modules]
    if loaded:
        print(json.dumps([module, loaded]))
        break
"""


@pytest.mark.parametrize("group", GROUPS)
def test_headless_modules_import_no_terminal_library(group: str) -> None:
    modules, forbidden = GROUPS[group]
    assert len(modules) > 3
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps([modules, forbidden])],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "", f"importing {result.stdout.strip()} loads a terminal library"


def test_the_app_paints_before_the_parsers_and_the_model_are_imported() -> None:
    """The first screen waits only for Textual and the app's own modules; pydantic,
    PyYAML and the account model come with the load, in its thread (bench/RESULTS.md:
    first paint 1.84× an empty app with them, 1.25× without)."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps([["kamtui.tui.app"], HEAVY])],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "", f"importing {result.stdout.strip()} before the first paint"


HEAVY = ["pydantic", "yaml", "networkx", "kamtui.core.account.model"]
