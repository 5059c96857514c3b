"""A fixture that points kamtui's cache of validated accounts at a fresh folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$KAMTUI_CACHE_DIR for this test (not created until a load writes to it)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("KAMTUI_CACHE_DIR", str(folder))
    return folder
