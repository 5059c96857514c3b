"""Conventions (issue 14): `-` reads standard input where one file is expected, and
`validate -q` is silent when every account is valid."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kamtui.cli import main
from tests.conftest import MINIMAL

EXAMPLES = Path(__file__).parents[2] / "accounts.example"


def test_validate_reads_standard_input() -> None:
    result = CliRunner().invoke(main, ["validate", "-"], input=MINIMAL + "health: {nps: yes}\n")
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:8:15: error: health.nps: expected a number")
    assert CliRunner().invoke(main, ["validate", "-", "-q"], input=MINIMAL).exit_code == 0


def test_show_reads_standard_input_weighed_by_the_folder_given() -> None:
    text = (EXAMPLES / "kestrel-robotics.yaml").read_text(encoding="utf-8")
    piped = CliRunner().invoke(main, ["show", "-", "-d", str(EXAMPLES)], input=text)
    direct = CliRunner().invoke(main, ["show", str(EXAMPLES / "kestrel-robotics.yaml")])
    assert piped.exit_code == 0 and piped.stdout == direct.stdout


def test_validate_quiet_prints_nothing_when_all_is_well() -> None:
    quiet = CliRunner().invoke(main, ["validate", "-q", str(EXAMPLES)])
    assert (quiet.exit_code, quiet.output) == (0, "")
    loud = CliRunner().invoke(main, ["validate", str(EXAMPLES)])
    assert loud.output == "17 accounts checked, 0 with errors\n"


def test_shell_completion_offers_account_ids(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """What `_KAMTUI_COMPLETE=bash_complete` answers, from inside a portfolio's subfolder."""
    monkeypatch.chdir(EXAMPLES / "europe")
    for command in ("history", "set", "log", "graph"):
        result = CliRunner().invoke(
            main,
            [],
            env={
                "_KAMTUI_COMPLETE": "bash_complete",
                "COMP_WORDS": f"kamtui {command} ha",
                "COMP_CWORD": "2",
            },
            prog_name="kamtui",
        )
        assert "plain,halvorsen-department-stores" in result.output, (command, result.output)
        assert "plain,harbor-health" in result.output
