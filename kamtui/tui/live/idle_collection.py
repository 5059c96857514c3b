"""Garbage collection while the user pauses, not in the middle of a key press.

CPython collects whenever enough container objects have been made: a young pass
every 700, a full pass now and then. Drawing one frame of the accounts table makes
a few thousand (each Textual strip brings six caches), so at 10,000 accounts a key
press paid 1-2 ms of young passes, and every so often a full pass over what the app
made since the load (strips, rows on show, Textual's caches): 4-10 ms, which turned
a key answered in 12 ms into one answered in 20. What a load builds is frozen out
of the collector's way already (gc.freeze).

While the app runs the collector is off. `check` (every CHECK_EVERY seconds) does a
full collection once no key or mouse event has come for QUIET seconds, and a young
one if the user types on without a pause long enough for OVERDUE objects to pile up.
Reference counting frees everything but cycles meanwhile, so memory waits at most
until the next pause.
"""

from __future__ import annotations

import gc
import time

QUIET = 1.0  # seconds without input before the collection is done
CHECK_EVERY = 0.5  # seconds
# Container objects made (less those freed) since the last collection: below this,
# a pause is not worth a pass; above the second, typing on does not wait for one.
WORTH_A_PASS = 700  # CPython's own threshold for a young pass
OVERDUE = 100_000


class IdleCollection:
    def __init__(self) -> None:
        self._held = False
        self._was_enabled = True
        self._input_at = time.monotonic()

    def hold(self) -> None:
        """Turn CPython's collections off (until `release`); `check` does them."""
        if not self._held:
            self._held = True
            self._was_enabled = gc.isenabled()
            gc.disable()

    def release(self) -> None:
        if self._held:
            self._held = False
            if self._was_enabled:
                gc.enable()

    def input(self) -> None:
        """A key or the mouse was used just now."""
        self._input_at = time.monotonic()

    def check(self, now: float | None = None) -> int | None:
        """Collect if the user pauses (all generations) or the objects made are overdue
        (the young ones); the generation collected, or None."""
        made, _, _ = gc.get_count()
        if not self._held or made < WORTH_A_PASS:
            return None
        if (time.monotonic() if now is None else now) - self._input_at >= QUIET:
            gc.collect()
            return 2
        if made >= OVERDUE:
            gc.collect(1)
            return 1
        return None
