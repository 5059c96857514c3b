"""Which portfolio settings apply to a lone account file."""

from __future__ import annotations

from pathlib import Path

from kamtui.core.loader import SETTINGS_NAMES, Problem, load_settings
from kamtui.core.model import PortfolioSettings


def settings_for(file: Path) -> tuple[PortfolioSettings, list[Problem]]:
    """The nearest kam.yaml in the file's folder or above it, stopping at the top of
    a git repository; the defaults when there is none."""
    folder = file.resolve().parent
    for candidate in (folder, *folder.parents):
        if any((candidate / name).is_file() for name in SETTINGS_NAMES):
            return load_settings(candidate)
        if (candidate / ".git").exists():
            break
    return PortfolioSettings(), []
