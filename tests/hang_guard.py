"""A bound against hangs, not a speed test (speed is bench/'s job).

The bound is far above any legal run, also under a mutation run's slower code, and
far below what an exponential blow-up (a billion-laughs expansion, every one of
millions of tied routes) would take, so only a hang crosses it.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager

HANG_SECONDS = 20.0


class Hang(Exception):
    """Raised into a call that ran past its bound. Not TimeoutError: that is an OSError,
    and the code under test rightly turns OSErrors into problems."""


def _alarm(signum: int, frame: object) -> None:
    raise Hang(f"gave no answer within {HANG_SECONDS} s")


@contextmanager
def time_limit(seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Fail a call that runs past `seconds` (SIGALRM interrupts it), and one that
    finished late: a call stuck in C code only sees the alarm when it returns."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.perf_counter()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    elapsed = time.perf_counter() - started
    assert elapsed < seconds, f"took {elapsed:.2f} s (bound {seconds} s)"
