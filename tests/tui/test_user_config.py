"""The user's config.yaml (issue 14): theme and keymap applied at start, the theme
remembered without touching the rest of the file, a bad file reported and survived,
and a theme switch redrawing the detail at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kamtui.tui.app import KamApp
from kamtui.tui.detail.overview_tab import OverviewTab
from tests.tui.conftest import loaded, settled, wait_for

MakeApp = Callable[..., KamApp]


def notices(app: KamApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def test_theme_and_keymap_come_from_the_config(make_app: MakeApp, tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("theme: nord\nkeymap:\n  app.quit: ctrl+q\n", encoding="utf-8")
    app = make_app(config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert app.theme == "nord"
        await pilot.press("q")  # no longer quits: the keymap moved it
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_keymap_id_no_binding_has_is_named_at_its_line_and_the_rest_applied(
    make_app: MakeApp, tmp_path: Path
) -> None:
    """`accounts.up` was the accounts table's id before every list shared `rows.up`: a
    key given to it would do nothing, unexplained."""
    config = tmp_path / "config.yaml"
    config.write_text(
        "keymap:\n  accounts.up: k\n  app.qiut: x\n  app.quit: ctrl+q\n  nothing: x\n",
        encoding="utf-8",
    )
    app = make_app(config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        shown = notices(app)
        assert (
            f"{config}:2:3: error: keymap: no binding has the id 'accounts.up'; "
            "did you mean 'matrix.up' or 'rows.up'?"
        ) in shown
        assert (
            f"{config}:3:3: error: keymap: no binding has the id 'app.qiut'; did you mean 'app.quit'?"
            in shown
        )
        assert (
            f"{config}:5:3: error: keymap: no binding has the id 'nothing'; "
            "the ids are accounts.back, accounts.filter, "
        ) in shown
        await pilot.press("q")  # the known id is applied all the same
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_theme_switch_is_remembered_and_the_rest_kept(
    make_app: MakeApp, tmp_path: Path
) -> None:
    config = tmp_path / "config.yaml"
    written = "# my settings\ntheme: nord        # calm\nkeymap: {app.quit: ctrl+q}\n"
    config.write_text(written, encoding="utf-8")
    app = make_app(config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.theme = "dracula"
        await pilot.pause()
    assert config.read_text(encoding="utf-8") == written.replace("nord   ", "dracula")


async def test_the_first_theme_switch_creates_the_file(make_app: MakeApp, tmp_path: Path) -> None:
    config = tmp_path / "kamtui" / "config.yaml"
    app = make_app(config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.theme = "gruvbox"
        await pilot.pause()
    assert config.read_text(encoding="utf-8") == "theme: gruvbox\n"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("theme: [nord]\n", "config.yaml:1:8: error: theme: expected text, got a list"),
        ("colour: red\n", "config.yaml:1:1: error: unknown field 'colour'"),
        ("theme: no-such-theme\n", "no theme 'no-such-theme'; the themes are"),
    ],
)
async def test_a_bad_config_is_reported_and_the_app_starts(
    make_app: MakeApp, tmp_path: Path, text: str, said: str
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(text, encoding="utf-8")
    app = make_app(config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await wait_for(pilot, lambda: said in notices(app))
        assert app.theme == "textual-dark"
        assert len(app.accounts_view.table.visible_keys) == 17


async def test_a_theme_switch_redraws_the_overview_at_once(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[str] = []
    real_show = OverviewTab.show

    def counting_show(self: OverviewTab, *args: object) -> None:
        drawn.append(self.app.theme)
        real_show(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(OverviewTab, "show", counting_show)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await settled(pilot)
        app.theme = "nord"
        await wait_for(pilot, lambda: drawn[-1:] == ["nord"])
