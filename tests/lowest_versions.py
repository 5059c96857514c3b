"""The background run of the suite against the lowest allowed versions (`.ci/lowest`)."""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# Installing and running takes about as long as the main suite; a hang must still end.
LOWEST_TIMEOUT_SECONDS = 900


@dataclass
class LowestRun:
    process: subprocess.Popen[bytes]
    log: Path


_run: LowestRun | None = None


def lowest_run() -> LowestRun | None:
    return _run


def start_if_whole_suite(config: pytest.Config) -> None:
    """Start `.ci/lowest` when this session runs the whole suite, from a clean start:
    not inside that run itself, not for a path or `-k`, and not when
    KAMTUI_SKIP_LOWEST is set (for a quick local run)."""
    global _run
    whole = not config.args or [Path(arg).resolve() for arg in config.args] == [REPO / "tests"]
    if (
        not whole
        or config.option.keyword
        or config.option.markexpr
        or os.environ.get("KAMTUI_LOWEST_RUN")
        or os.environ.get("KAMTUI_SKIP_LOWEST")
    ):
        return
    log = Path(tempfile.mkstemp(prefix="kamtui-lowest-", suffix=".log")[1])
    with log.open("wb") as stream:
        process = subprocess.Popen(
            ["bash", str(REPO / ".ci" / "lowest")],
            stdout=stream,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    _run = LowestRun(process, log)
