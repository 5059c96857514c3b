"""The suite passes on the lowest versions pyproject.toml allows (issue 14).

`.ci/lowest` installs them (.ci/lowest.txt) in .venv-lowest and runs the suite there.
tests/conftest.py starts it in the background when the whole suite runs, so the two
runs share the machine's two cores instead of taking twice as long; this test, the
last collected (`zz_floors`), waits for it. A partial run (a path or `-k` given)
starts nothing and skips this test.
"""

from __future__ import annotations

import subprocess

import pytest

from tests.lowest_versions import LOWEST_TIMEOUT_SECONDS, lowest_run


def test_the_suite_passes_on_the_lowest_allowed_versions() -> None:
    run = lowest_run()
    if run is None:
        pytest.skip("the lowest-versions run starts only with the whole suite")
    try:
        code = run.process.wait(timeout=LOWEST_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:  # pragma: no cover - a hang fails, with its log
        run.process.kill()
        code = -1
    log = run.log.read_text(encoding="utf-8", errors="replace")
    assert code == 0, "the suite fails on the lowest allowed versions:\n" + log[-6000:]
