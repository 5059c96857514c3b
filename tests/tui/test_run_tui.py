"""`kamtui` with no subcommand: clear messages, never a traceback, when the TUI cannot start."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kamtui.cli import main
from kamtui.commands.tui import run_tui
from kamtui.tui.app import KamApp
from tests.conftest import TODAY
from tests.tui.conftest import loaded


def test_a_missing_folder_is_refused_with_a_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["-d", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "nowhere: no such folder" in result.stderr
    assert "Traceback" not in result.output


def test_a_file_is_not_a_folder(tmp_path: Path) -> None:
    file = tmp_path / "acme.yaml"
    file.write_text("name: Acme\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--dir", str(file)])
    assert result.exit_code == 2
    assert "is a file" in result.stderr
    assert run_tui(file) == 2


def test_without_a_terminal_it_says_what_to_use_instead(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["-d", str(tmp_path)])
    assert result.exit_code == 2
    assert "the TUI needs a terminal" in result.stderr
    assert "kamtui --help" in result.stderr


def test_cache_flags_reach_run_tui(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def fake_run_tui(directory: Path, use_cache: bool) -> int:
        seen.append(use_cache)
        return 0

    monkeypatch.setattr("kamtui.commands.tui.run_tui", fake_run_tui)
    for flags, expected in (([], True), (["--no-cache"], False), (["--cache"], True)):
        result = CliRunner().invoke(main, ["-d", str(tmp_path), *flags])
        assert result.exit_code == 0, result.output
        assert seen.pop() is expected


@pytest.mark.parametrize("use_cache", [True, False])
async def test_the_app_loads_through_the_cache_setting(portfolio: Path, use_cache: bool) -> None:
    app = KamApp(portfolio, TODAY, watch=False, environ={}, use_cache=use_cache)
    async with app.run_test() as pilot:
        await loaded(pilot)
        assert app.model is not None
        assert app.model.store.use_cache is use_cache
