"""`e` opens the selected account in $EDITOR at the line of what is selected; `n` creates one."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from kamtui.tui.app import KamApp
from kamtui.tui.editor import EditorError, editor_command, editor_setting
from kamtui.tui.screens.new_account import NewAccountScreen
from kamtui.tui.views.pareto import ParetoChart
from tests.tui.conftest import loaded, wait_for
from tests.tui.test_app import names, selected_name

MakeApp = Callable[..., KamApp]


def fake_editor(folder: Path, name: str) -> tuple[Path, Path]:
    """An executable called `name` that records its arguments and renames the account."""
    folder.mkdir(parents=True, exist_ok=True)
    script, record = folder / name, folder / "arguments.txt"
    script.write_text(
        "#!/bin/sh\n"
        f"printf '%s\\n' \"$@\" > '{record}'\n"
        "for file; do :; done\n"
        "sed -i.bak 's/^name: .*/name: Edited In The Editor/' \"${file%%:*}\"\n"
        'rm -f "${file%%:*}.bak"\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, record


def line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


async def test_e_runs_the_editor_at_the_selected_objective_and_shows_the_edit(
    make_app: MakeApp, portfolio: Path, tmp_path: Path
) -> None:
    editor, record = fake_editor(tmp_path / "bin", "vim")
    app = make_app(environ={"EDITOR": f"{editor} -u NONE"})
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("down", "right_square_bracket", "enter", "down")  # Harbor's 2nd objective
        await pilot.press("e")
        await wait_for(pilot, lambda: "Edited In The Editor" in names(app))
        harbor = portfolio / "harbor-health.yaml"
        line = line_of(harbor, "  - id: hipaa-audit")
        assert record.read_text(encoding="utf-8").splitlines() == [
            "-u",
            "NONE",
            f"+{line}",
            str(harbor),
        ]
        assert selected_name(app) == "Edited In The Editor"


async def test_e_on_a_broken_file_opens_at_its_first_error(
    make_app: MakeApp, portfolio: Path, tmp_path: Path
) -> None:
    (portfolio / "aaa-broken.yaml").write_text("name: Broken\ncriteria: 7\n", encoding="utf-8")
    editor, record = fake_editor(tmp_path / "bin", "code")
    app = make_app(environ={"VISUAL": f"{editor} --wait", "EDITOR": "nano"})
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"broken", "enter", "e")
        await wait_for(pilot, lambda: record.exists())
        path = portfolio / "aaa-broken.yaml"
        assert record.read_text(encoding="utf-8").splitlines() == ["--wait", "--goto", f"{path}:2"]


async def test_a_failing_editor_is_reported_not_raised(
    make_app: MakeApp, portfolio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    launched: list[list[str]] = []
    notices: list[str] = []

    def launcher(argv: list[str]) -> int:
        launched.append(argv)
        return 3

    app = make_app(environ={"EDITOR": "nano"}, launcher=launcher)
    monkeypatch.setattr(app, "notify", lambda message, **options: notices.append(message))
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("e")  # Kestrel, on the Overview tab: at its name
        await pilot.pause()
        line = line_of(portfolio / "kestrel-robotics.yaml", "name: Kestrel Robotics")
        assert launched and launched[0][:2] == ["nano", f"+{line}"]
        assert notices == ["nano exited with status 3."]


async def test_n_creates_an_account_from_the_template_and_opens_it(
    make_app: MakeApp, portfolio: Path
) -> None:
    launched: list[list[str]] = []
    app = make_app(environ={"EDITOR": "nano"}, launcher=lambda argv: launched.append(argv) or 0)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, NewAccountScreen)
        await pilot.press(*"Acme Logistics", "enter")
        created = portfolio / "acme-logistics.yaml"
        await wait_for(pilot, lambda: "Acme Logistics" in names(app))
        assert created.is_file()
        assert launched == [["nano", str(created)]]
        assert selected_name(app) == "Acme Logistics"
        assert len(names(app)) == 18


async def test_n_refuses_to_overwrite_and_escape_cancels(
    make_app: MakeApp, portfolio: Path
) -> None:
    before = (portfolio / "harbor-health.yaml").read_bytes()
    app = make_app(launcher=lambda argv: 0)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("n", *"Harbor Health", "enter")
        assert isinstance(app.screen, NewAccountScreen)
        error = str(app.screen.query_one("#new-error").render())
        assert "the account id 'harbor-health' is taken by" in error
        # The settings file's name and an id in a subfolder are refused as well.
        await pilot.press(*["backspace"] * 13, *"KAM", "enter")
        error = str(app.screen.query_one("#new-error").render())
        assert "would be named kam.yaml, the portfolio's settings file" in error
        await pilot.press(*["backspace"] * 3, *"Banco Horizonte", "enter")
        error = str(app.screen.query_one("#new-error").render())
        assert "latam/banco-horizonte.yaml" in error
        await pilot.press("escape")
        assert not isinstance(app.screen, NewAccountScreen)
        assert (portfolio / "harbor-health.yaml").read_bytes() == before
        assert len(names(app)) == 17


async def test_r_reloads_everything(make_app: MakeApp, portfolio: Path) -> None:
    app = make_app()  # no watcher: only `r` can show the change
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        path = portfolio / "lumen-bank.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("name: Lumen Bank", "name: Lumen"))
        await pilot.press("r")
        await wait_for(pilot, lambda: "Lumen" in names(app))


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("vim", ["vim", "+7", "/a b/x.yaml"]),
        ("nvim -p", ["nvim", "-p", "+7", "/a b/x.yaml"]),
        ("/usr/bin/nano", ["/usr/bin/nano", "+7", "/a b/x.yaml"]),
        ("emacsclient -t", ["emacsclient", "-t", "+7", "/a b/x.yaml"]),
        ("code --wait", ["code", "--wait", "--goto", "/a b/x.yaml:7"]),
        ("hx", ["hx", "/a b/x.yaml:7"]),
        ("'/opt/my editor/ed' -x", ["/opt/my editor/ed", "-x", "/a b/x.yaml"]),
    ],
)
def test_editor_command_is_an_argument_list_with_the_line(
    setting: str, expected: list[str]
) -> None:
    assert editor_command(setting, Path("/a b/x.yaml"), 7) == expected


def test_editor_command_without_a_line_and_bad_settings() -> None:
    assert editor_command("vim", Path("x.yaml"), None) == ["vim", "x.yaml"]
    with pytest.raises(EditorError, match="empty"):
        editor_command("  ", Path("x.yaml"), 1)
    with pytest.raises(EditorError, match="cannot read"):
        editor_command("vim 'unclosed", Path("x.yaml"), 1)


def test_editor_setting_prefers_visual_then_editor(monkeypatch: pytest.MonkeyPatch) -> None:
    assert editor_setting({"VISUAL": "code --wait", "EDITOR": "vim"}) == "code --wait"
    assert editor_setting({"VISUAL": " ", "EDITOR": "vim"}) == "vim"
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(EditorError, match="set \\$VISUAL or \\$EDITOR"):
        editor_setting({})


async def test_e_in_a_portfolio_view_opens_the_account_under_its_cursor(
    make_app: MakeApp, tmp_path: Path
) -> None:
    """Not the one selected out of sight in the Accounts view (Kestrel, first by score)."""
    editor, record = fake_editor(tmp_path / "bin", "vim")
    app = make_app(environ={"EDITOR": str(editor)})
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.focused, ParetoChart))
        chart = app.focused
        assert isinstance(chart, ParetoChart)
        await pilot.press("down", "down")
        chosen = chart.account_under_cursor()
        await pilot.press("e")
        await wait_for(pilot, lambda: record.exists())
        [opened] = record.read_text(encoding="utf-8").splitlines()
    assert chosen not in (None, "kestrel-robotics")
    assert Path(opened).stem == chosen
