"""`kamtui` with no subcommand: clear messages, never a traceback, when the TUI cannot start."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kamtui.cli import main
from kamtui.commands.tui import run_tui


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
