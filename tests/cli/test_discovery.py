"""One way to find the portfolio, for every command (issue 14): the nearest folder at or
above the given one that holds kam.yaml, as git finds .git; $KAMTUI_DIR when no
folder is given; a kam.yaml further down is a portfolio of its own, skipped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kamtui.cli import main
from tests.conftest import MINIMAL

EXAMPLES = Path(__file__).parents[2] / "accounts.example"
TODAY = "2026-11-24"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The example portfolio inside a repository-like tree with other YAML around it."""
    (tmp_path / ".git").mkdir()
    shutil.copytree(EXAMPLES, tmp_path / "accounts")
    (tmp_path / "docker-compose.yml").write_text("services: {}\n", encoding="utf-8")
    return tmp_path


def scores(runner: CliRunner, *args: str) -> dict[str, float]:
    result = runner.invoke(main, ["report", *args, "--format", "json", "--today", TODAY])
    assert result.exit_code == 0, result.output
    return {a["id"]: a["score"] for a in json.loads(result.stdout)["accounts"]}


def test_every_subfolder_reports_the_whole_portfolio_with_its_settings(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = repo / "accounts"
    monkeypatch.chdir(root)
    expected = scores(CliRunner())
    assert len(expected) == 17
    folders = [root, *(p for p in root.rglob("*") if p.is_dir())]
    assert len(folders) >= 4
    for folder in folders:
        monkeypatch.chdir(folder)
        assert scores(CliRunner()) == expected, folder
        monkeypatch.chdir(repo)
        assert scores(CliRunner(), str(folder.relative_to(repo))) == expected, folder


def test_show_in_a_subfolder_weighs_with_the_portfolio_settings(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "accounts" / "europe")
    expected = scores(CliRunner())["muller-logistik"]
    result = CliRunner().invoke(main, ["show", "muller-logistik.yaml"])
    assert result.exit_code == 0
    assert f"score: {expected:.1f}" in result.stdout.splitlines()


def test_a_nested_portfolio_is_skipped_with_one_notice(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From the repository's top (no kam.yaml there), accounts/ is a portfolio of its own."""
    (repo / "loose.yaml").write_text(MINIMAL, encoding="utf-8")
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["validate"])
    notices = [line for line in result.output.splitlines() if "portfolio of its own" in line]
    assert notices == [
        "accounts:1:1: warning: holds a kam.yaml: a portfolio of its own, skipped "
        "(open it with `kamtui -d accounts`)"
    ]
    assert "kam.yaml" not in result.output.replace(notices[0], "")


def test_kamtui_dir_names_the_folder_when_none_is_given(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.chdir(elsewhere)
    runner = CliRunner(env={"KAMTUI_DIR": str(repo / "accounts" / "europe")})
    assert len(scores(runner)) == 17
    result = runner.invoke(main, ["validate"])
    assert result.exit_code == 0 and "17 accounts checked" in result.output


def test_a_two_file_diff_weighs_both_sides_alike_and_says_so(tmp_path: Path) -> None:
    heavy, plain = tmp_path / "heavy", tmp_path / "plain"
    heavy.mkdir()
    plain.mkdir()
    (heavy / "kam.yaml").write_text("weights: {revenue_volume: 10}\n", encoding="utf-8")
    (heavy / "acme.yaml").write_text(MINIMAL, encoding="utf-8")
    (plain / "acme.yaml").write_text(MINIMAL, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(heavy / "acme.yaml"), str(plain / "acme.yaml")])
    assert result.exit_code == 0
    assert "No change in meaning." in result.stdout
    assert "lies in a portfolio with other settings" in result.stderr


def test_a_folder_given_as_a_command_points_to_the_option(tmp_path: Path) -> None:
    """`kamtui accounts/` reads as "open this folder": the error says how."""
    folder = tmp_path / "accounts"
    folder.mkdir()
    result = CliRunner().invoke(main, [str(folder)])
    assert result.exit_code == 2
    assert f"To open the TUI on that folder: kamtui -d {folder}" in result.stderr
    unknown = CliRunner().invoke(main, ["repport"])
    assert unknown.exit_code == 2
    assert "No such command 'repport'." in unknown.stderr
    assert "-d" not in unknown.stderr.splitlines()[-1]
    # A name too long for the file system is no folder, not a traceback.
    too_long = CliRunner().invoke(main, ["a" * 5000])
    assert too_long.exit_code == 2 and "No such command" in too_long.stderr


@pytest.mark.parametrize(
    "args",
    [["-d", "NAME"], ["report", "NAME"], ["graph", "NAME"], ["history", "NAME"],
     ["log", "NAME", "met"], ["diff", "NAME"], ["show", "NAME"]],
)  # fmt: skip
def test_a_name_too_long_for_the_file_system_is_a_usage_error(args: list[str]) -> None:
    long_name = "a" * 5000
    result = CliRunner().invoke(main, [long_name if a == "NAME" else a for a in args])
    assert result.exit_code == 2, result.exception
    assert "Traceback" not in result.stderr and "Error:" in result.stderr
