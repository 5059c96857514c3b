"""Live reload through the real folder watcher: files changed, added, removed, broken,
and the folder itself vanishing and coming back."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from kamtui.tui.app import KamApp
from kamtui.tui.live.watch import FilesChanged
from tests.conftest import MINIMAL
from tests.tui.conftest import loaded, wait_for
from tests.tui.test_app import cells, names, selected_name

MakeApp = Callable[..., KamApp]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


async def test_a_changed_file_updates_its_row_in_place(make_app: MakeApp, portfolio: Path) -> None:
    app = make_app(watch=True)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("down", "down")  # Banco Horizonte S.A.
        assert selected_name(app) == "Banco Horizonte S.A."
        model = app.model
        assert model is not None
        untouched = model.file_for("kestrel-robotics")
        replace_in(
            portfolio / "harbor-health.yaml",
            "name: Harbor Health System",
            "name: Harbor Health Group",
        )
        await wait_for(pilot, lambda: "Harbor Health Group" in names(app))
        assert "Harbor Health System" not in names(app)
        assert selected_name(app) == "Banco Horizonte S.A."
        # One file re-read: the other accounts are the same objects as before.
        kestrel = model.file_for("kestrel-robotics")
        assert kestrel is not None and untouched is not None
        assert kestrel.account is untouched.account


async def test_a_save_by_rename_is_seen_like_any_other(make_app: MakeApp, portfolio: Path) -> None:
    app = make_app(watch=True)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        target = portfolio / "lumen-bank.yaml"
        temporary = portfolio / ".lumen-bank.yaml.swp-new"
        temporary.write_text(
            target.read_text(encoding="utf-8").replace("name: Lumen Bank", "name: Lumen Bank AG"),
            encoding="utf-8",
        )
        temporary.replace(target)
        await wait_for(pilot, lambda: "Lumen Bank AG" in names(app))


async def test_added_and_removed_files_appear_and_disappear(
    make_app: MakeApp, portfolio: Path
) -> None:
    app = make_app(watch=True)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        (portfolio / "apac" / "acme.yaml").write_text(MINIMAL, encoding="utf-8")
        await wait_for(pilot, lambda: "Acme Corp" in names(app))
        assert len(names(app)) == 18
        (portfolio / "lumen-bank.yaml").unlink()
        shutil.rmtree(portfolio / "europe")
        await wait_for(pilot, lambda: len(names(app)) == 15)
        assert "Lumen Bank" not in names(app)
        assert "Müller Logistik GmbH" not in names(app)


async def test_a_broken_save_keeps_the_last_good_version_marked_stale(
    make_app: MakeApp, portfolio: Path
) -> None:
    app = make_app(watch=True)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        path = portfolio / "kestrel-robotics.yaml"
        good = path.read_text(encoding="utf-8")
        path.write_text(good + "oops: [\n", encoding="utf-8")
        await wait_for(pilot, lambda: "⟳ Kestrel Robotics" in names(app))
        row = cells(app, "⟳ Kestrel Robotics")
        assert row[4] == "88" and row[-1] == f"⟳ stale (line {good.count(chr(10)) + 1})"
        assert selected_name(app) == "Kestrel Robotics"
        problems = str(app.query_one("#problems").render())
        # The loader places the error at the unclosed "[" on the added last line.
        last_line = good.count("\n") + 1
        assert f"kestrel-robotics.yaml:{last_line}:8: error:" in problems
        assert "last valid version" in problems
        path.write_text(good, encoding="utf-8")
        await wait_for(pilot, lambda: "Kestrel Robotics" in names(app))
        assert not app.query_one("#problems").display


async def test_selection_and_scroll_survive_a_reload(make_app: MakeApp, portfolio: Path) -> None:
    app = make_app(watch=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        table = app.accounts_view.table
        await pilot.press(*["down"] * 12)
        await pilot.pause()
        selected, scroll = selected_name(app), table.scroll_y
        assert scroll > 0
        # At 80 columns the owner column is left out; the name is always there.
        replace_in(
            portfolio / "verdant-energy.yaml", "name: Verdant Energy Partners", "name: Verdant"
        )
        await wait_for(pilot, lambda: "Verdant" in names(app))
        assert selected_name(app) == selected
        assert table.scroll_y == scroll


async def test_a_burst_of_batches_reaches_the_app_as_one_reload_with_every_path() -> None:
    older = FilesChanged({Path("a.yaml")})
    newer = FilesChanged({Path("b.yaml")})
    assert older.can_replace(newer)
    assert newer.paths == {Path("a.yaml"), Path("b.yaml")}


async def test_the_folder_vanishing_and_coming_back(make_app: MakeApp, portfolio: Path) -> None:
    app = make_app(watch=True)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        banner = app.query_one("#folder-missing")
        away = portfolio.with_name("away")
        portfolio.rename(away)
        await wait_for(pilot, lambda: banner.display)
        assert "is gone" in str(banner.render())
        # The last portfolio stays on screen meanwhile.
        assert len(names(app)) == 17
        away.rename(portfolio)
        replace_in(portfolio / "lumen-bank.yaml", "name: Lumen Bank", "name: Lumen Bank AG")
        await wait_for(pilot, lambda: not banner.display and "Lumen Bank AG" in names(app))
        # Watching again: a later change still shows.
        replace_in(portfolio / "lumen-bank.yaml", "name: Lumen Bank AG", "name: Lumen Bank SE")
        await wait_for(pilot, lambda: "Lumen Bank SE" in names(app))
