"""What bench/run.py runs in child processes: `python bench/probes.py PROBE ARGS...`.

Each probe does one measured thing in a fresh process and prints one JSON line.
Probes that time the whole process (bare parse, first paint) leave the clock to
the parent; the others time their own steps with perf_counter.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Run as a script (bench/probes.py) the repository root is not on the path yet.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TODAY = dt.date(2026, 11, 24)
SIZE = (160, 50)
# Key presses of the table-response probe: moving, paging, sorting, filtering.
KEYS = [
    *["down"] * 20,
    *["pagedown"] * 5,
    "end",
    "home",
    *["s"] * 4,
    "S",
    "slash",
    *"chief",
    *["backspace"] * 5,
    "escape",
]

# Key presses in each portfolio view: moving, paging, to the next part and back.
VIEW_KEYS = [*["down"] * 10, "pagedown", "end", "home", "right", *["down"] * 5, "left", "up"]


def resident_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def bare(folder: str) -> None:
    """What the issue calls the floor of a naive load: PyYAML with libyaml, file after file."""
    import yaml

    for path in sorted(Path(folder).rglob("*.yaml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    print(json.dumps({"done": True}))


def paint(folder: str) -> None:
    """Print once the first screen is painted, then stop at once (the parent has the clock).

    With `folder` "-" an empty Textual app; else kamtui's app on that folder.
    """
    from textual.app import App

    app_class: type[Any]
    if folder == "-":
        app_class = App
        arguments: tuple[object, ...] = ()
    else:
        from kamtui.tui.app import KamApp

        app_class = KamApp
        arguments = (Path(folder), TODAY)

    class FirstPaint(app_class):  # type: ignore[misc]
        # Textual finds a relative CSS_PATH beside the class that names it; this one is here.
        if isinstance(app_class.CSS_PATH, str):
            CSS_PATH = (
                Path(sys.modules[app_class.__module__].__file__ or "").parent / app_class.CSS_PATH
            )

        def on_mount(self) -> None:
            self.call_after_refresh(self.painted)

        def painted(self) -> None:
            print(json.dumps({"painted": True}), flush=True)
            os._exit(0)

    kwargs = {} if folder == "-" else {"watch": False}
    FirstPaint(*arguments, **kwargs).run(headless=True, size=SIZE)


# The kinds of save measured: one that moves no order (the satisfaction survey), one
# that moves the account in the score ranking (a selection criterion), and one that
# moves it in the latest year's revenue ranking.
SAVE_KINDS = ("satisfaction", "score", "revenue")
REVENUE_FACTORS = (0.5, 1.5, 3.0, 0.8)
LATEST_REVENUE = re.compile(rb"(\nrevenue:[^\n]*\n(?:  \d{4}: \d+\n)*  \d{4}: )(\d+)")
FIRST_CRITERION = re.compile(rb"(\ncriteria:\n  revenue_volume: )([1-5])\b")


def edited(original: bytes, kind: str, number: int) -> bytes:
    if kind == "satisfaction":
        return original.replace(b"csat: ", f"csat: {1 + number % 4}.5\n  # was: ".encode(), 1)
    pattern = FIRST_CRITERION if kind == "score" else LATEST_REVENUE
    factor = REVENUE_FACTORS[number % len(REVENUE_FACTORS)]

    def new_value(match: re.Match[bytes]) -> bytes:
        old = int(match[2])
        # A criterion takes another of its five values every time: old + 1 .. old + 4, wrapped.
        value = (old + number % 4) % 5 + 1 if kind == "score" else round(old * factor)
        return match[1] + str(value).encode()

    changed, count = pattern.subn(new_value, original, count=1)
    if not count:
        raise ValueError(f"nothing to edit for a {kind} save in the account file")
    return changed


def save(folder: str, account_path: str, saves: str) -> None:
    """Milliseconds from writing one file to the analytics being up to date, per kind of
    save, headless: the store, scoring and `LivePortfolio`, as the app calls them. Each
    save starts from the original file, so that it changes one thing.
    """
    from kamtui.core.analysis.portfolio_live import LivePortfolio
    from kamtui.core.analysis.scoring import account_figures
    from kamtui.core.loading.store import AccountStore

    store = AccountStore(Path(folder), use_cache=True)
    store.load_all()
    settings = store.settings
    figures = {key: account_figures(a, settings, TODAY) for key, a in store.accounts().items()}
    live = LivePortfolio(settings, TODAY)
    live.analyse(store.accounts_view(), figures)
    gc.freeze()  # as the app's PortfolioModel.load_all does once its load is built
    path = Path(account_path)
    original = path.read_bytes()
    core: dict[str, list[float]] = {kind: [] for kind in SAVE_KINDS}

    def reload() -> None:
        change = store.reload([path])
        accounts = store.accounts_view()
        for account_id in change.changed | change.added:
            figures[account_id] = account_figures(accounts[account_id], settings, TODAY)
        live.analyse(accounts, figures, change.changed | change.added | change.removed)

    try:
        for number in range(int(saves)):
            for kind in SAVE_KINDS:
                start = time.perf_counter()
                path.write_bytes(edited(original, kind, number))
                reload()
                core[kind].append((time.perf_counter() - start) * 1000)
                path.write_bytes(original)
                reload()
    finally:
        path.write_bytes(original)
    print(json.dumps(core))


def screen(folder: str, account_path: str, saves: str) -> None:
    """Milliseconds from writing one file to kamtui's screen showing it, per kind of save.

    The app gets the message its folder watcher would post (the watcher's own wait for
    a burst of events to end is the same at any size); it is answered once the model
    has reloaded, every widget has handled what that caused and the screen is rendered.
    """
    from textual.pilot import Pilot

    from kamtui.tui.app import KamApp
    from kamtui.tui.live.watch import FilesChanged

    path = Path(account_path)
    original = path.read_bytes()

    async def shown(app: KamApp, pilot: Pilot[int], content: bytes) -> float:
        start = time.perf_counter()
        path.write_bytes(content)
        app.post_message(FilesChanged({path}))
        await drawn(app, pilot)
        return (time.perf_counter() - start) * 1000

    async def run() -> dict[str, list[float]]:
        app = KamApp(Path(folder), TODAY, watch=False)
        timings: dict[str, list[float]] = {kind: [] for kind in SAVE_KINDS}
        async with app.run_test(size=SIZE) as pilot:
            await loaded(app, pilot)
            # The loaded portfolio's first drawing is the load's, not the first save's.
            await drawn(app, pilot)
            for number in range(int(saves)):
                for kind in SAVE_KINDS:
                    timings[kind].append(await shown(app, pilot, edited(original, kind, number)))
                    await shown(app, pilot, original)
        return timings

    try:
        print(json.dumps(asyncio.run(run())))
    finally:
        path.write_bytes(original)


async def drawn(app: Any, pilot: Any) -> None:
    """Wait until every widget has handled what was posted, and the screen is rendered.

    A message handled may post another (a key bubbles up to its binding, whose action
    tells a parent): the waiting goes on until no widget has a message left, so that
    what a key causes is not counted in the next key's time.
    """

    def waiting() -> bool:
        # Walked each time: a key that opens a view mounts widgets with messages of their own.
        nodes = [app, *app.screen.walk_children(with_self=True)]
        return bool(
            getattr(app, "busy", False) or any(node._message_queue.qsize() for node in nodes)
        )

    await pilot._wait_for_screen()
    while True:
        while waiting():
            if getattr(app, "busy", False):
                # A file is read in a thread: let it have the interpreter. Walking the
                # screen again and again meanwhile starved it (saves of 1-4 s in the probe,
                # 10-20 ms with this pause).
                await asyncio.sleep(0.001)
            else:
                await pilot._wait_for_screen()
        # Rendering may show widgets for the first time (a view just opened), whose Show
        # handlers then do the drawing: that belongs to this key, not the next.
        app.screen._on_timer_update()
        if not waiting():
            break


async def loaded(app: Any, pilot: Any) -> None:
    """Wait until the app has loaded its portfolio (at most 300 s)."""
    deadline = time.perf_counter() + 300
    while app.model is None or app.busy:
        if time.perf_counter() > deadline:
            raise TimeoutError("the portfolio did not load in 300 s")
        await pilot.pause(0.05)
    await pilot.pause()


def memory(folder: str, what: str) -> None:
    """Resident memory after loading the folder: `folder` (load_folder) or `model` (the TUI's)."""

    from kamtui.core.loading.loader import load_folder
    from kamtui.core.loading.store import AccountStore
    from kamtui.tui.live.portfolio_model import PortfolioModel

    before = resident_kb()
    loaded: object
    if what == "folder":
        loaded = load_folder(Path(folder), use_cache=True)
        count = len(loaded.accounts)
    else:
        loaded = PortfolioModel(AccountStore(Path(folder), use_cache=True), TODAY)
        loaded.load_all()
        count = len(loaded.files)
    gc.collect()
    after = resident_kb()
    print(json.dumps({"before_kb": before, "after_kb": after, "accounts": count}))


def keys(folder: str) -> None:
    """Milliseconds from each key press to its screen being drawn, on a loaded portfolio.

    The key goes in as the terminal driver would send it, and is answered once every
    widget has handled what it caused and the screen is rendered. (Pilot.press waits
    for the process to go idle: 60 ms even for a ten-row DataTable.) With `folder`
    "-", a ten-row DataTable: the floor of the method.
    """
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    class TenRows(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("name", "owner", "score")
            for row in range(10):
                table.add_row(f"Account {row}", "Zoë Müller", str(row))
            table.focus()

    async def run() -> dict[str, list[float]]:
        if folder == "-":
            app: Any = TenRows()
            pressed = ["down"] * 20
        else:
            from kamtui.tui.app import KamApp

            app = KamApp(Path(folder), TODAY, watch=False)
            pressed = KEYS
        timings: dict[str, list[float]] = {}
        async with app.run_test(size=SIZE) as pilot:
            if folder != "-":
                await loaded(app, pilot)
            for key in pressed:
                timings.setdefault(key, []).append(await answered(app, pilot, key))
        return timings

    print(json.dumps(asyncio.run(run())))


def views(folder: str) -> None:
    """Milliseconds from each key to its screen in every view after the accounts: its
    number key (the first opening mounts and draws it), then moving in it, from part to
    part, and back; keyed "VIEW:KEY"."""
    from kamtui.tui.app import KamApp
    from kamtui.tui.views.registry import VIEWS

    async def run() -> dict[str, list[float]]:
        app = KamApp(Path(folder), TODAY, watch=False)
        timings: dict[str, list[float]] = {}
        async with app.run_test(size=SIZE) as pilot:
            await loaded(app, pilot)
            for number, view in enumerate(VIEWS[1:], start=2):
                timings[f"{view.key}:open"] = [await answered(app, pilot, str(number))]
                for key in VIEW_KEYS:
                    timed = await answered(app, pilot, key)
                    timings.setdefault(f"{view.key}:{key}", []).append(timed)
        return timings

    print(json.dumps(asyncio.run(run())))


async def answered(app: Any, pilot: Any, key: str) -> float:
    """Milliseconds from posting `key`, as the terminal driver would, to its screen."""
    from textual import events

    character = {"slash": "/"}.get(key, key if len(key) == 1 else None)
    start = time.perf_counter()
    app.post_message(events.Key(key, character))
    await drawn(app, pilot)
    return (time.perf_counter() - start) * 1000


PROBES: dict[str, Callable[..., None]] = {
    "bare": bare,
    "paint": paint,
    "save": save,
    "screen": screen,
    "memory": memory,
    "keys": keys,
    "views": views,
}


if __name__ == "__main__":
    PROBES[sys.argv[1]](*sys.argv[2:])
