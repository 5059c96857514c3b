"""`kamtui serve`: the TUI in a real browser (headless Chromium through Playwright)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kamtui.core.loading.loader import load_folder
from tests.conftest import EXAMPLES, kamtui

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Chromium on this machine's closed network: no background connections, no sandbox as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BOUND = 60.0  # seconds: a guard against hanging, not a speed test


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("localhost", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[int]:
    pytest.importorskip("textual_serve")
    folder = tmp_path / "accounts"
    shutil.copytree(EXAMPLES, folder)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kamtui", "serve", str(folder), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + BOUND
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("localhost", port)) == 0:
                    break
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt install chromium)")
def test_the_page_shows_the_accounts_table_of_the_example_portfolio(server: int) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    # The start of each name: a narrow name column cuts the longest with an ellipsis.
    names = [account.name[:24] for account in load_folder(EXAMPLES).accounts.values()]
    # The terminal is drawn on a canvas: what the app sends over the page's websocket is
    # what the browser draws, so the names are looked for there, and the page is shot.
    frames: list[str] = []

    def received(frame: Any) -> None:
        frames.append(frame if isinstance(frame, str) else frame.decode("utf-8", "replace"))

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("websocket", lambda socket: socket.on("framereceived", received))
        page.goto(f"http://localhost:{server}")
        deadline = time.monotonic() + BOUND
        while time.monotonic() < deadline and not all(name in "".join(frames) for name in names):
            page.wait_for_timeout(200)
        shown = "".join(frames)
        assert page.locator(".xterm-screen").is_visible()
        browser.close()
    assert [name for name in names if name not in shown] == []
    assert "Accounts 17 of 17" in shown


def test_serve_binds_to_localhost_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    textual_serve = pytest.importorskip("textual_serve.server")
    started: list[tuple[str, str, int]] = []

    class FakeServer:
        def __init__(self, command: str, host: str, port: int, title: str) -> None:
            started.append((command, host, port))

        def serve(self) -> None:
            pass

    monkeypatch.setattr(textual_serve, "Server", FakeServer)
    code, _, err = kamtui("serve", str(EXAMPLES))
    assert code == 0
    [(command, host, port)] = started
    assert (host, port) == ("localhost", 8000)
    assert command.endswith(f"-m kamtui -d {EXAMPLES}")
    assert "to this machine only" in err


def test_serve_without_the_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    code, _, err = kamtui("serve", str(EXAMPLES))
    assert code == 1
    assert "pip install 'kamtui[serve]'" in err
