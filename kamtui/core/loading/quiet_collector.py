"""Every control of CPython's garbage collector, in one place: what it buys is loads
that do not slow as they grow and keys answered within a frame. Figures at 10,000
accounts (bench/RESULTS.md).

The cyclic collector runs by allocation counts, whatever the program is doing, and
walks everything it tracks on a full pass. Three moments paid for that:

- **A load.** Scanning the accounts built so far, again and again as they pile up,
  was a quarter of a serial load (one file's tree built in 1.0 ms alone, 3.3 ms with
  2,000 alive), and a full pass over 10,000 loaded accounts takes 0.4 s.
  `paused_for_a_load` keeps the collector off while files are parsed and validated,
  then freezes what was built (accounts hold no cycles: reference counting still frees
  them); worker processes run with it off (`collector_off`, their initializer).
- **What a load leaves.** Figures, graphs, orders and table rows live until the next
  load. Frozen (`keep_out_of_collections`), no full pass walks them again: before, one
  landed on a live reload now and then (the first save 26 ms) and on a key press (the
  17th key down took 70-80 ms, 9.3 ms after). `release_the_last_load` thaws them before
  the next load, so the next load's own collection frees their cycles.
- **Key presses.** `IdleCollection`, below: collections wait for the user to pause.

CPython collects whenever enough container objects have been made: a young pass
every 700, a full pass now and then. Drawing one frame of the accounts table makes
a few thousand (each Textual strip brings six caches), so a key press paid 1-2 ms of
young passes, and every so often a full pass over what the app made since the load
(strips, rows on show, Textual's caches): 4-10 ms, which turned a key answered in
12 ms into one answered in 20.

While the app runs the collector is off. `check` (every CHECK_EVERY seconds) does a
full collection once no key or mouse event has come for QUIET seconds, and a young
one if the user types on without a pause long enough for OVERDUE objects to pile up.
Reference counting frees everything but cycles meanwhile, so memory waits at most
until the next pause.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager

QUIET = 1.0  # seconds without input before the collection is done
CHECK_EVERY = 0.5  # seconds
# Container objects made (less those freed) since the last collection: below this,
# a pause is not worth a pass; above the second, typing on does not wait for one.
WORTH_A_PASS = 700  # CPython's own threshold for a young pass
OVERDUE = 100_000


@contextmanager
def paused_for_a_load() -> Iterator[None]:
    """No collection while a load builds its accounts; what it built frozen after."""
    enabled = gc.isenabled()
    gc.collect()  # so that the freeze below keeps nothing that was garbage already
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def collector_off() -> None:
    """A loading worker process's initializer: it builds, hands back and ends."""
    gc.disable()


def keep_out_of_collections() -> None:
    """What exists now (a load's model and rows) is skipped by every later pass."""
    gc.freeze()


def release_the_last_load() -> None:
    """Before a new load: the last one's objects are collectable again."""
    gc.unfreeze()


class IdleCollection:
    """Collections held for the user's pauses while the app runs."""

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
