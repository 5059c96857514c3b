"""Regenerate the README's screenshots from the real app: `python docs/make_images.py`.

Each screen is drawn by the app itself on a copy of accounts.example (outside git, on a
fixed day, at a fixed size), saved as SVG by Textual, and turned into PNG by headless
Chromium, which lays the SVG's text out as a browser does (rsvg-convert misplaced
columns: "NPS71", revenue years beside the wrong bars). Needs Debian's `chromium`, and
`graphviz` for the decision-making map, LibreOffice and poppler for the workbook's chart.
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
    "agenda": ("8",),
    "profit": ("9",),
    # Harbor Health's team and its customer's goals, one of them served by no objective.
    "team-tab": ("down", *["right_square_bracket"] * 3),
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


def draw_map(account: str, png: Path) -> None:
    """The README's decision-making map: `kamtui graph --format dot` drawn by Graphviz
    (Debian's `graphviz`)."""
    dot = subprocess.run(
        [sys.executable, "-m", "kamtui", "graph", account, str(ROOT / "accounts.example"),
         "--format", "dot", "--today", TODAY.isoformat()],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    subprocess.run(["dot", "-Tpng", "-Gdpi=110", "-o", str(png)], input=dot, text=True, check=True)


def draw_pareto_chart(png: Path, work: Path) -> None:
    """The workbook's Pareto chart as LibreOffice draws it (Debian's
    `libreoffice-calc-nogui` and `poppler-utils`): the Charts sheet alone, printed to
    PDF on its one landscape page, and cut to the chart."""
    from openpyxl import load_workbook

    book_path = work / "portfolio.xlsx"
    subprocess.run(
        [sys.executable, "-m", "kamtui", "export", str(ROOT / "accounts.example"),
         "-o", str(book_path), "--today", TODAY.isoformat()],
        check=True, capture_output=True,
    )  # fmt: skip
    book = load_workbook(book_path)
    for name in book.sheetnames[:-1]:
        del book[name]
    book.save(book_path)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(book_path)],
        check=True, capture_output=True,
    )  # fmt: skip
    # Where the Pareto chart lies on that page at 220 dpi (the tables at its left).
    subprocess.run(
        ["pdftoppm", "-r", "220", "-x", "1560", "-y", "215", "-W", "660", "-H", "330",
         "-png", "-singlefile", str(work / "portfolio.pdf"), str(png.with_suffix(""))],
        check=True,
    )  # fmt: skip


def shoot_browser(png: Path, work: Path) -> None:
    """`kamtui serve` on a copy of the example, as headless Chromium shows it (Playwright,
    from the test extra), once the accounts table has arrived."""
    import socket
    import time

    from playwright.sync_api import sync_playwright

    folder = work / "accounts.example"
    shutil.copytree(ROOT / "accounts.example", folder)
    with socket.socket() as probe:
        probe.bind(("localhost", 0))
        port = int(probe.getsockname()[1])
    server = subprocess.Popen(
        [sys.executable, "-m", "kamtui", "serve", str(folder), "--port", str(port)],
        stderr=subprocess.DEVNULL,
    )
    try:
        while socket.socket().connect_ex(("localhost", port)) != 0:
            time.sleep(0.1)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS[1:]
            )
            page = browser.new_page(viewport={"width": 1400, "height": 860})
            frames: list[str] = []
            page.on("websocket", lambda ws: ws.on("framereceived", lambda f: frames.append(str(f))))
            page.goto(f"http://localhost:{port}")
            while "Accounts 17 of 17" not in "".join(frames):
                page.wait_for_timeout(200)
            page.wait_for_timeout(1500)  # the canvas draws the last frame
            page.screenshot(path=str(png))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    draw_map("harbor-health", IMAGES / "stakeholders-harbor-health.png")
    with tempfile.TemporaryDirectory() as scratch:
        draw_pareto_chart(IMAGES / "workbook-pareto.png", Path(scratch))
    with tempfile.TemporaryDirectory() as scratch:
        shoot_browser(IMAGES / "serve.png", Path(scratch))
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
