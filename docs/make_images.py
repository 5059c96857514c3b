"""Regenerate the README's screenshots from the real app: `python docs/make_images.py`.

Each screen is drawn by the app itself on a copy of accounts.example (outside git, on a
fixed day, at a fixed size), saved as SVG by Textual, and turned into PNG by headless
Chromium, which lays the SVG's text out as a browser does (rsvg-convert misplaced
columns: "NPS71", revenue years beside the wrong bars). Needs Debian's `chromium`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kamtui.tui.app import KamApp  # noqa: E402

IMAGES = ROOT / "docs" / "images"
TODAY = dt.date(2026, 11, 24)
SIZE = (160, 50)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
# Image name → the keys that lead to the screen, from the home screen.
SCREENS: dict[str, tuple[str, ...]] = {
    "home": (),
    "stakeholders": ("down", "right_square_bracket", "right_square_bracket"),
    "pareto": ("2",),
    "matrix": ("4",),
    "dashboard": ("5",),
    "team": ("6",),
    # Harbor Health's Voice & AI: the line under the grid names each division's cell.
    "whitespace": ("7", "down", "right", "right", "right"),
}


async def screenshot(folder: Path, keys: tuple[str, ...], svg: Path) -> None:
    app = KamApp(Path("accounts.example"), TODAY, environ={}, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        while app.model is None or app.busy:
            await pilot.pause(0.05)
        await pilot.press(*keys)
        await pilot.pause(0.5)
        app.save_screenshot(filename=svg.name, path=str(svg.parent))


def to_png(svg: Path, png: Path, profile: Path) -> None:
    width, height = _size_of(svg)
    subprocess.run(
        [
            shutil.which("chromium") or "chromium",
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            f"--window-size={width},{height}",
            svg.as_uri(),
        ],
        check=True,
        capture_output=True,
    )


def _size_of(svg: Path) -> tuple[int, int]:
    head = svg.read_text(encoding="utf-8")[:2000]
    view_box = head.split('viewBox="', 1)[1].split('"', 1)[0].split()
    return round(float(view_box[2])), round(float(view_box[3]))


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        shutil.copytree(ROOT / "accounts.example", work / "accounts.example")
        os.chdir(work)
        for name, keys in SCREENS.items():
            svg = IMAGES / f"{name}.svg"
            asyncio.run(screenshot(work, keys, svg))
            to_png(svg, IMAGES / f"{name}.png", work / "chromium")
            print(f"wrote {svg.relative_to(ROOT)} and {name}.png")


if __name__ == "__main__":
    main()
