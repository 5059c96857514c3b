"""Fixtures shared by every test: small account texts written to real files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from kamtui.cli import main
from kamtui.core.loading.loader import load_settings
from tests.git_repo import isolate_git
from tests.lowest_versions import start_if_whole_suite

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "accounts.example"
TODAY = dt.date(2026, 11, 24)
# The example portfolio's settings: its accounts are valid with them (custom KPIs).
EXAMPLE_SETTINGS = load_settings(EXAMPLES)[0]

MINIMAL = """\
name: Acme Corp
criteria:
  revenue_volume: 3
  revenue_potential: 4
  lifetime_value: 3
  product_fit: 4
  strategic_value: 2
"""


def pytest_configure(config: pytest.Config) -> None:
    start_if_whole_suite(config)


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache of validated accounts, never the user's."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("KAMTUI_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def isolated_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every git a test runs ignores the machine's config (see tests/git_repo.py)."""
    isolate_git(monkeypatch)


def kamtui(*args: str) -> tuple[int, str, str]:
    """Run the CLI through its entry point: exit code, stdout, stderr."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def write(tmp_path: Path):
    """write("a.yaml", text) → the path of a file under tmp_path (folders created)."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write
