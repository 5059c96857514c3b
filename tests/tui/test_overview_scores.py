"""Criteria and harmony facets re-scored from the Overview: `↑` `↓` to the score, `1`-`5`."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot

from kamtui.tui.app import KamApp
from kamtui.tui.detail.overview_tab import OverviewTab
from tests.core.test_account_edit import changes
from tests.tui.conftest import wait_for
from tests.tui.test_app import MakeApp, cells
from tests.tui.test_edits import running


async def into_overview(app: KamApp, pilot: Pilot[int], *keys: str) -> OverviewTab:
    """Harbor's Overview with the keyboard in it, then `keys`."""
    app.accounts_view.select(str(app.root / "harbor-health.yaml"))
    detail = app.accounts_view.detail
    await wait_for(pilot, lambda: "Harbor" in str(detail.border_title))
    await pilot.press("enter")
    overview = app.query_one(OverviewTab)
    await wait_for(pilot, lambda: overview.has_focus)
    await pilot.press(*keys)
    return overview


def written(path: Path, before: str) -> bool:
    return path.read_text(encoding="utf-8") != before


async def test_a_criterion_is_re_scored_in_its_line_and_every_figure_follows(
    make_app: MakeApp, portfolio: Path
) -> None:
    path = portfolio / "harbor-health.yaml"
    before = path.read_text(encoding="utf-8")
    async with running(make_app) as (app, pilot):
        assert cells(app, "Harbor Health System")[4] == "85"
        overview = await into_overview(app, pilot, "down", "down")
        assert overview.location() == ("criteria", "lifetime_value")
        await pilot.press("2")
        await wait_for(pilot, lambda: written(path, before))
        assert changes(before, path.read_text(encoding="utf-8")) == (
            ["  lifetime_value: 4"],
            ["  lifetime_value: 2"],
        )
        # 100 × Σ w·(s − 1)/4 / Σ w, weights 1, 1, 1, 1.5, 1.5: 85.4 → 77.1.
        await wait_for(pilot, lambda: cells(app, "Harbor Health System")[4] == "77")
        assert "- lifetime_value: 4\n+ lifetime_value: 2\n(u undoes it)" in [
            str(n.message) for n in app._notifications
        ]
        # The cursor stays on the score it changed, and the keyboard in the tab.
        assert overview.has_focus and overview.location() == ("criteria", "lifetime_value")
        await pilot.press("u")
        await wait_for(pilot, lambda: path.read_text(encoding="utf-8") == before)
        await wait_for(pilot, lambda: cells(app, "Harbor Health System")[4] == "85")


async def test_a_harmony_facet_is_re_scored_inside_its_flow_mapping(
    make_app: MakeApp, portfolio: Path
) -> None:
    """The cursor stops at the last facet however far it is pushed."""
    path = portfolio / "harbor-health.yaml"
    before = path.read_text(encoding="utf-8")
    async with running(make_app) as (app, pilot):
        overview = await into_overview(app, pilot, *["down"] * 12)
        assert overview.location() == ("harmony", "strategy")
        await pilot.press("1")
        await wait_for(pilot, lambda: written(path, before))
    assert changes(before, path.read_text(encoding="utf-8")) == (
        ["harmony: {strategic_fit: 4, culture: 3, vision: 5, strategy: 4}"],
        ["harmony: {strategic_fit: 4, culture: 3, vision: 5, strategy: 1}"],
    )


async def test_a_criterion_not_scored_yet_gets_its_score(
    make_app: MakeApp, portfolio: Path
) -> None:
    path = portfolio / "harbor-health.yaml"
    before = path.read_text(encoding="utf-8").replace(
        "  lifetime_value: 4\n", "  lifetime_value:   # after the board meeting\n"
    )
    path.write_text(before, encoding="utf-8")
    async with running(make_app) as (app, pilot):
        await into_overview(app, pilot, "down", "down", "3")
        await wait_for(pilot, lambda: written(path, before))
    assert changes(before, path.read_text(encoding="utf-8")) == (
        ["  lifetime_value:   # after the board meeting"],
        ["  lifetime_value: 3 # after the board meeting"],  # the comment's column kept
    )


async def test_the_score_it_has_writes_nothing_and_leaves_nothing_to_undo(
    make_app: MakeApp, portfolio: Path
) -> None:
    path = portfolio / "harbor-health.yaml"
    before = path.read_bytes()
    async with running(make_app) as (app, pilot):
        await into_overview(app, pilot, "4")  # revenue volume is 4
        await wait_for(pilot, lambda: len(app._notifications) > 0)
        assert [str(n.message) for n in app._notifications] == [
            "criteria.revenue_volume is 4 already."
        ]
        assert len(app.edits) == 0
    assert path.read_bytes() == before


async def test_keys_typed_ahead_of_the_detail_score_the_account_selected(
    make_app: MakeApp, portfolio: Path
) -> None:
    """`down enter 2` at once: the detail has not caught up with Harbor when enter comes,
    and the score must still be Harbor's, not the first account's."""
    harbor = portfolio / "harbor-health.yaml"
    before = harbor.read_text(encoding="utf-8")
    others = {p: p.read_bytes() for p in portfolio.glob("*.yaml") if p != harbor}
    async with running(make_app) as (_, pilot):
        await pilot.press("down", "enter", "1")
        await wait_for(pilot, lambda: written(harbor, before))
    assert changes(before, harbor.read_text(encoding="utf-8")) == (
        ["  revenue_volume: 4"],
        ["  revenue_volume: 1"],
    )
    assert all(path.read_bytes() == data for path, data in others.items())


async def test_outside_the_overview_the_digits_still_switch_views(make_app: MakeApp) -> None:
    async with running(make_app) as (app, pilot):
        await into_overview(app, pilot, "escape", "2")
        await wait_for(pilot, lambda: app.active_view == "pareto")
        assert len(app.edits) == 0


async def test_the_overview_shows_each_kpi_in_its_band_with_its_change_and_readings(
    make_app: MakeApp,
) -> None:
    """Harbor's NPS readings 20, 26, 32: green, up 6 on the last (26 is halfway: ▅);
    CSAT 3.8 → 4.1; adoption a single number: no change, no sparkline."""
    async with running(make_app) as (app, pilot):
        overview = await into_overview(app, pilot)
        shown = [" ".join(strip.text.split()) for strip in overview._strips]
    assert any("NPS 32 green +6 ▁▅█ CSAT 4.1/5 green +0.3 ▁█" in line for line in shown)
    assert any(line.endswith("Onboarding in progress Adoption 55% amber") for line in shown)
    assert any("Health 80" in line for line in shown)


async def test_keys_arriving_in_one_burst_after_enter_reach_the_detail_it_opens(
    make_app: MakeApp, portfolio: Path
) -> None:
    """As a terminal delivers `↓ ⏎ ↓ ↓ 2` typed fast: all five are queued before the
    first is handled. The arrows after enter move the Overview's cursor, not the table,
    and 2 scores Harbor's lifetime value."""
    harbor = portfolio / "harbor-health.yaml"
    before = harbor.read_text(encoding="utf-8")
    others = {p: p.read_bytes() for p in portfolio.glob("*.yaml") if p != harbor}
    async with running(make_app) as (app, pilot):
        for key, character in (
            ("down", None),
            ("enter", "\r"),
            ("down", None),
            ("down", None),
            ("2", "2"),
        ):
            app.post_message(events.Key(key, character))
        await wait_for(pilot, lambda: written(harbor, before))
        assert app.accounts_view.table.selected_key == str(harbor)
    assert changes(before, harbor.read_text(encoding="utf-8")) == (
        ["  lifetime_value: 4"],
        ["  lifetime_value: 2"],
    )
    assert all(path.read_bytes() == data for path, data in others.items())


async def test_escape_then_a_digit_in_one_burst_opens_the_view(make_app: MakeApp) -> None:
    async with running(make_app) as (app, pilot):
        await into_overview(app, pilot)
        for key, character in (("escape", None), ("3", "3")):
            app.post_message(events.Key(key, character))
        await wait_for(pilot, lambda: app.active_view == "abc")
        assert len(app.edits) == 0
