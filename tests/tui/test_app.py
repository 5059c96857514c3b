"""The app driven from the keyboard: table, filter, sort, views, detail tabs, palette, help."""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console
from textual import events
from textual.binding import Binding
from textual.command import CommandPalette
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import DataTable, HelpPanel, Static

from kamtui.tui.app import KamApp
from kamtui.tui.binding_ids import binding_ids, our_classes
from kamtui.tui.detail.account_detail import AccountDetail
from kamtui.tui.detail.overview_tab import OverviewTab
from kamtui.tui.live.account_rows import COLUMN_KEYS
from kamtui.tui.live.portfolio_model import PortfolioModel
from kamtui.tui.views.account_table import AccountTable
from kamtui.tui.widgets.filter_box import FilterBox
from kamtui.tui.widgets.key_footer import KeyFooter
from kamtui.tui.widgets.rows_table import RowsTable
from kamtui.tui.widgets.tab_strip import TabStrip
from kamtui.tui.widgets.title_bar import TitleBar
from kamtui.tui.widgets.view_pages import ViewPages
from tests.tui.conftest import loaded, wait_for
from tests.tui.views_support import table_rows

MakeApp = Callable[..., KamApp]


def names(app: KamApp) -> list[str]:
    table = app.accounts_view.table
    return [table.row(key).cells["name"].plain for key in table.visible_keys]


def cells(app: KamApp, name: str) -> list[str]:
    table = app.accounts_view.table
    for key in table.visible_keys:
        row = table.row(key)
        if row.cells["name"].plain == name:
            return [row.cells[column].plain for column in COLUMN_KEYS]
    raise AssertionError(f"no row named {name!r}")


def selected_name(app: KamApp) -> str | None:
    file = app.accounts_view.selected
    return file.name if file else None


def title(app: KamApp) -> str:
    return str(app.accounts_view.table.border_title)


async def test_first_screen_shows_before_the_portfolio_has_loaded(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    load_all = PortfolioModel.load_all

    def held_load_all(self: PortfolioModel, progress: object = None) -> object:
        release.wait(10)
        return load_all(self, progress)  # type: ignore[arg-type]

    monkeypatch.setattr(PortfolioModel, "load_all", held_load_all)
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert app.model is None
        assert app.query_one(AccountTable).is_mounted
        assert "loading" in title(app)
        app.accounts_view.progress(250, 1000)  # as the loading worker reports it
        assert Content.from_markup(app.accounts_view.table.border_title or "").plain == (
            f"Accounts: loading {'━' * 30} 250 of 1,000 files"
        )
        release.set()
        await loaded(pilot)
        assert len(names(app)) == 17
        assert title(app).startswith("Accounts 17 of 17")  # no loading bar left


async def test_table_lists_every_account_by_score_with_its_figures(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        assert len(names(app)) == 17
        assert names(app)[:3] == [
            "Kestrel Robotics",
            "Harbor Health System",
            "Banco Horizonte S.A.",
        ]
        # Harbor: criteria 4,5,4,4,5 weighted 1,1,1,1.5,1.5 → 100·20.5/24 = 85.4;
        # revenue 2.6M → 3.2M is +23%; MRR 0 + 120k + 0; health: nps 32 and csat 4.1
        # green, adoption 0.55 and engagement medium amber, churn risk low green → 80.
        assert cells(app, "Harbor Health System") == [
            "Harbor Health System", "Dana Reyes", "A", "key", "85", "strategic",
            "3.2M", "▲ 23%", "120k", "80", "81", "123%", "",
        ]  # fmt: skip
        # Flags are words and symbols, readable without colour.
        assert cells(app, "Meridian Telecom")[-1] == "‼ endangered · 2 overdue · low CSAT"
        assert cells(app, "Pacific Crest Insurance")[-1] == "1 overdue · single-threaded"
        assert title(app) == "Accounts 17 of 17 · sorted by Score ▼ · revenue 2026 in USD"
        assert selected_name(app) == "Kestrel Robotics"


async def test_sort_cycles_columns_and_reverses_keeping_blanks_last(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("s")  # score → quadrant, in the matrix's order of priority
        assert "sorted by Quadrant ▲" in title(app)
        assert names(app)[0] == "Aurora Biopharma"  # strategic, first by name
        # No harmony, no quadrant: those three sort last in either direction.
        assert names(app)[-3:] == [
            "Cascadia Regional Transit Authority",
            "Lumen Bank",
            "Verdant Energy Partners",
        ]
        await pilot.press("S")
        assert "sorted by Quadrant ▼" in title(app)
        assert names(app)[:2] == ["Continental Print Media", "Halvorsen & Co. Department Stores"]
        assert names(app)[-3:] == [
            "Cascadia Regional Transit Authority",
            "Lumen Bank",
            "Verdant Energy Partners",
        ]
        await pilot.press("s")  # revenue, largest first
        assert names(app)[:2] == ["Harbor Health System", "Halvorsen & Co. Department Stores"]
        await pilot.press("S")
        assert names(app)[0] == "Verdant Energy Partners"  # 45k
        # The selection follows the account, not the row number.
        assert selected_name(app) == "Kestrel Robotics"


async def test_the_mouse_sorts_by_a_header_and_selects_a_row(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        # (1, 1) inside the border: the header line, over "Account".
        await pilot.click(AccountTable, offset=(3, 1))
        assert names(app)[0] == "Aurora Biopharma"
        assert "sorted by Account ▲" in title(app)
        await pilot.click(AccountTable, offset=(3, 1))
        assert "sorted by Account ▼" in title(app)
        await pilot.click(AccountTable, offset=(3, 4))  # the third row
        assert selected_name(app) == names(app)[2]
        assert isinstance(app.focused, AccountTable)  # one click selects, it does not open
        await pilot.double_click(AccountTable, offset=(3, 5))
        assert selected_name(app) == names(app)[3]
        assert not isinstance(app.focused, AccountTable)  # opened: the detail has the keys


async def test_the_selected_account_stays_in_sight_when_the_terminal_shrinks(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("end")
        table = app.query_one(AccountTable)
        last = table.row_count() - 1
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        top = table.scroll_offset.y
        assert table.cursor == last
        assert top <= last < top + table.scrollable_content_region.height - 1


async def test_a_click_on_a_footer_key_presses_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        footer = app.query_one(KeyFooter)
        line = footer.render().plain
        assert line.startswith(" / Filter  sS Sort  [] Tab  ⇥ View  q Quit")
        assert line.rstrip().endswith("▏^p palette")
        await pilot.click(KeyFooter, offset=(line.index("sS"), 0))  # s: the next column
        assert "sorted by Quadrant ▲" in title(app)
        await pilot.click(KeyFooter, offset=(line.index("sS") + 1, 0))  # S: reversed
        assert "sorted by Quadrant ▼" in title(app)
        # Over the description of a key, its tooltip.
        await pilot.hover(KeyFooter, offset=(line.index("Reload"), 0))
        assert footer.tooltip == "Read every file again"
        await pilot.click(KeyFooter, offset=(1, 0))  # /
        assert app.query_one(FilterBox).typing
        # While a filter is typed, letters type: no letter key is left in the footer.
        typing = footer.render().plain
        assert typing.startswith(" ⇥ View ") and "Quit" not in typing and "Sort" not in typing


async def test_title_bar_shows_the_folder_and_opens_the_palette(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        bar = app.query_one(TitleBar)
        line = bar.render().plain
        assert line.startswith(" ◆ ") and len(line) == 150  # the right 10 cells kept free
        assert line.strip().endswith("17 accounts") and "kamtui — " in line
        await pilot.click(TitleBar, offset=(1, 0))
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))


async def test_the_filter_box_lies_on_the_tables_border_until_opened(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        box = app.query_one(FilterBox)
        table = app.accounts_view.table
        assert box.region.y == table.region.bottom - 1  # the border line
        assert box.render_line(0).text == "─" * box.size.width
        assert not box.can_focus
        await pilot.press("slash")  # typed into while the table keeps the focus
        assert box.is_open and box.typing and table.has_focus
        assert "Filter: words match" in box.render_line(0).text
        await pilot.press("escape")  # empty: closes
        assert not box.is_open and not box.typing and table.has_focus
        await pilot.press("slash", "x", "enter")  # kept open while it filters
        assert box.is_open and not box.typing and box.render_line(0).text.startswith("x ")
        await pilot.press("escape")  # in the table: clears the filter and closes
        assert not box.is_open and box.value == ""
        # Switching views and back never lands the focus in the closed box.
        await pilot.press("2", "1")
        assert table.has_focus


async def test_filter_as_you_type_by_words_and_fields(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"dana")
        assert sorted(names(app)) == [
            "Aurora Biopharma",
            "Great Lakes University Consortium",
            "Harbor Health System",
        ]
        assert "Accounts 3 of 17" in title(app)
        await pilot.press(*["backspace"] * 4, *"tier:a")
        # The former key account, tier A before, has no tier now.
        assert len(names(app)) == 5
        # Nothing matches: nothing selected, and no account's pages left on show.
        await pilot.press(*["backspace"] * 6, *"zzz")
        detail = app.accounts_view.detail
        await wait_for(pilot, lambda: detail.border_title == "No account selected")
        assert names(app) == [] and not app.query_one("#detail-pages").display
        await pilot.press(*["backspace"] * 3, *"endangered")
        assert names(app) == ["Meridian Telecom"]
        await wait_for(pilot, lambda: "Meridian" in str(detail.border_title))
        assert app.query_one("#detail-pages").display
        assert selected_name(app) == "Meridian Telecom"
        await pilot.press("enter")  # back to the table, filter kept
        assert app.accounts_view.table.has_focus and names(app) == ["Meridian Telecom"]
        await pilot.press("escape")  # in the table: clear the filter
        assert len(names(app)) == 17
        assert selected_name(app) == "Meridian Telecom"


async def test_while_a_filter_is_typed_the_table_keeps_focus_and_letters_type(
    make_app: MakeApp,
) -> None:
    launched: list[list[str]] = []
    app = make_app(environ={"EDITOR": "nano"}, launcher=lambda argv: launched.append(argv) or 0)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        table = app.accounts_view.table
        box = app.query_one(FilterBox)
        # Straight after /, as fast as a paste or tmux sends them: e, s, q, 2 type.
        await pilot.press("slash", "e", "s", "q", "2", "r")
        assert box.value == "esq2r" and box.typing and table.has_focus
        assert not launched and app.is_running and app.active_view == "accounts"
        assert "sorted by Score ▼" in title(app)
        # Up and down move the table's cursor while the typing goes on.
        await pilot.press("ctrl+u", "a")
        first = selected_name(app)
        await pilot.press("down")
        assert selected_name(app) != first and box.typing
        await pilot.press("backspace", *"health")
        assert "Harbor Health System" in names(app) and len(names(app)) < 17
        await pilot.press("left", "left", "backspace")  # "heath": editing, not moving
        assert box.value == "heath" and box.cursor == 3
        app.accounts_view.post_message(events.Paste("l\nsecond line"))
        await pilot.pause()
        assert box.value == "health" and box.cursor == 4
        # A click on the box while typing puts the cursor there; tab leaves for the next view.
        await pilot.click(FilterBox, offset=(1, 0))
        assert box.cursor == 1 and box.typing
        await pilot.press("tab")
        assert app.active_view != "accounts" and not box.typing
        # From the detail pane, / brings the focus back to the table to type.
        await pilot.press("1", "enter")
        assert not table.has_focus
        await pilot.press("slash", "x")
        await wait_for(pilot, lambda: table.has_focus)
        assert box.typing and box.value == "healthx"
        await pilot.press("backspace", "enter")
        assert table.has_focus and box.value == "health" and box.is_open
        # In the table, letters are keys again; a click on the box types once more.
        await pilot.press("s")
        assert "sorted by Quadrant ▲" in title(app)
        await pilot.click(FilterBox, offset=(1, 0))
        assert box.typing
        await pilot.press("escape", "escape")
        assert not box.is_open and len(names(app)) == 17


async def test_keys_arriving_in_a_burst_after_slash_type_in_order(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        # As a terminal delivers keys typed while the app was busy: all queued at once.
        for key, character in (("s", "s"), ("slash", "/"), ("q", "q"), ("u", "u"), ("enter", None)):
            app.post_message(events.Key(key, character))
        box = app.query_one(FilterBox)
        await wait_for(pilot, lambda: box.value == "qu" and not box.typing)
        assert app.is_running
        assert "sorted by Quadrant ▲" in title(app)  # the s before / still sorted


async def test_a_keymap_moves_the_filter_to_another_key(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        box = app.query_one(FilterBox)
        await pilot.press("slash", "escape")  # / known as the filter key first
        app.set_keymap({"accounts.filter": "f2"})
        await pilot.press("slash")
        assert not box.typing
        await pilot.press("f2", *"dana")
        assert box.typing and box.value == "dana"


async def test_number_keys_and_tab_switch_views(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        views = app.query_one("#views", ViewPages)
        await pilot.press("2")
        assert views.active == "pareto"
        await pilot.press("tab")
        assert views.active == "abc"
        await pilot.press("shift+tab", "shift+tab")
        assert views.active == "accounts"
        await pilot.press("5")
        assert views.active == "dashboard"
        await pilot.press("tab")
        assert views.active == "team"
        await pilot.press("tab")
        assert views.active == "whitespace"
        await pilot.press("tab")
        assert views.active == "agenda"
        await pilot.press("tab")
        assert views.active == "profit"
        await pilot.press("tab")
        assert views.active == "accounts"
        assert app.accounts_view.table.has_focus


async def test_views_are_mounted_when_first_shown(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        assert app.portfolio_view("abc") is None
        await pilot.press("3")
        await pilot.pause()
        view = app.portfolio_view("abc")
        assert view is not None
        assert app.model is not None
        assert view.analysis is app.model.analysis


async def test_an_account_picked_in_a_portfolio_view_is_selected_in_the_table(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("3")
        await pilot.pause()
        grid = app.query_one("#abc-grid", RowsTable)
        grid.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        account_id = grid.keys[1]
        assert app.query_one("#views", ViewPages).active == "accounts"
        assert app.accounts_view.table.has_focus
        assert app.model is not None
        file = app.model.file_for(account_id)
        assert file is not None
        assert app.accounts_view.table.selected_key == file.key


async def test_enter_on_a_book_in_the_team_view_shows_that_owners_accounts(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("6")
        await wait_for(pilot, lambda: bool(app.query("#team-books")))
        books = app.query_one("#team-books", RowsTable)
        await wait_for(pilot, lambda: books.has_focus and bool(books.keys))
        owners = [row[0] for row in table_rows(books)]
        await pilot.press(*["down"] * owners.index("Dana Reyes"), "enter")
        assert app.query_one("#views", ViewPages).active == "accounts"
        assert app.accounts_view.table.has_focus
        assert sorted(names(app)) == [
            "Aurora Biopharma",
            "Great Lakes University Consortium",
            "Harbor Health System",
        ]
        assert 'filter “owner:"Dana Reyes"”' in title(app)
        await pilot.press("escape")  # as a typed filter: escape clears it
        assert len(names(app)) == 17


def static_text(app: KamApp, selector: str) -> str:
    """What the Static at `selector` shows, as plain lines 200 cells wide."""
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(app.query_one(selector, Static).content)
    return console.export_text()


async def harbor_selected(app: KamApp, pilot: Pilot[int]) -> AccountDetail:
    """Select Harbor Health System (second by score) and wait for its detail."""
    await pilot.press("down")
    detail = app.accounts_view.detail
    await wait_for(pilot, lambda: "Harbor" in str(detail.border_title))
    return detail


async def test_detail_tabs_follow_the_selection(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        detail = await harbor_selected(app, pilot)
        await pilot.press("right_square_bracket")
        assert detail.active == "objectives"
        objectives = app.query_one("#objectives-page DataTable", DataTable)
        assert objectives.row_count == 4
        assert objectives.get_row_at(0)[2].plain == "Move all clinical workloads to our cloud"
        await pilot.press("right_square_bracket")
        assert detail.active == "stakeholders"
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        assert detail.active == "notes"
        await pilot.press("up")  # Kestrel: the notes tab redraws for it
        await wait_for(
            pilot, lambda: "Cartech" in str(app.query_one("#notes-page Static").render())
        )


async def test_enter_moves_into_the_detail_and_escape_comes_back(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("right_square_bracket", "enter")
        objectives = app.query_one("#objectives-page DataTable", DataTable)
        assert objectives.has_focus
        await pilot.press("down")
        assert app.accounts_view.location() == ("objectives", 1)
        await pilot.press("escape")
        assert app.accounts_view.table.has_focus


async def test_palette_jumps_to_an_account_and_runs_actions(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("2", "ctrl+p", *"meridian")
        await wait_for(pilot, lambda: _palette_shows(app, "Account: Meridian Telecom"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: selected_name(app) == "Meridian Telecom")
        assert app.query_one("#views", ViewPages).active == "accounts"
        await pilot.press("ctrl+p", *"view: matrix")
        await wait_for(pilot, lambda: _palette_shows(app, "View: Matrix"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.query_one("#views", ViewPages).active == "matrix")
        # From another view, with the focus there: the filter opens for typing.
        await pilot.press("ctrl+p", *"filter accounts")
        await wait_for(pilot, lambda: _palette_shows(app, "Filter accounts"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.accounts_view.table.has_focus)
        await pilot.press(*"dana")
        assert app.query_one(FilterBox).typing and "Accounts 3 of 17" in title(app)
        # An account the filter hides, picked in the palette: the filter goes, typing ends.
        await pilot.press("ctrl+p", *"meridian")
        await wait_for(pilot, lambda: _palette_shows(app, "Account: Meridian Telecom"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: selected_name(app) == "Meridian Telecom")
        box = app.query_one(FilterBox)
        assert not box.typing and not box.is_open and "Accounts 17 of 17" in title(app)


def _palette_shows(app: KamApp, text: str) -> bool:
    from textual.command import CommandList

    lists = app.screen.query(CommandList)
    return bool(lists) and any(text in str(option.prompt) for option in lists.first().options)


async def test_question_mark_shows_every_binding(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        assert app.screen.query(HelpPanel)
        await pilot.press("question_mark")
        assert not app.screen.query(HelpPanel)


def test_every_binding_of_ours_has_an_id_that_names_it_alone() -> None:
    """A keymap names bindings by id: each of ours has one, and one id is one binding
    (a class that inherits a binding shares its id)."""
    named: dict[str, set[tuple[str, str]]] = {}
    for cls in our_classes():
        for binding in cls.__dict__.get("BINDINGS", []):
            assert isinstance(binding, Binding) and binding.id, (cls, binding)
            named.setdefault(binding.id, set()).add((binding.key, binding.action))
    assert {i for i, bindings in named.items() if len(bindings) > 1} == set()
    assert set(named) == binding_ids()
    assert {"rows.up", "parts.next", "matrix.open", "view.abc", "new.cancel"} <= set(named)


def test_the_readme_lists_every_binding_id() -> None:
    """The ids a keymap may name are listed in the README, and only those."""
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("The ids:") : readme.index("A config that does not validate")]
    assert set(re.findall(r"`([a-z_]+\.[a-z_0-9]+)`", table)) == binding_ids()


async def test_q_quits(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_user_text_shows_literally(make_app: MakeApp, portfolio: Path) -> None:
    (portfolio / "evil.yaml").write_text(
        'name: "[bold red]Evil[/] \\e[31mCorp [link=https://x.example]x[/link]"\n'
        'owner: "[b]Mallory"\n'
        "criteria: {revenue_volume: 5, revenue_potential: 5, lifetime_value: 5,"
        " product_fit: 5, strategic_value: 5}\n",
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await loaded(pilot)
        shown = "[bold red]Evil[/] Corp [link=https://x.example]x[/link]"
        assert names(app)[0] == shown
        assert cells(app, shown)[1] == "[b]Mallory"
        # The border title getter gives markup; read back, it is the name as written.
        border_title = Content.from_markup(app.accounts_view.detail.border_title or "")
        assert border_title.plain == f"{shown} · evil.yaml"


async def test_invalid_files_are_listed_with_their_error(
    make_app: MakeApp, portfolio: Path
) -> None:
    (portfolio / "broken.yaml").write_text("name: Broken\ncriteria: [\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        assert re.fullmatch(r"✗ invalid \d+:\d+ .*flow node.*", cells(app, "✗ broken.yaml")[-1])
        assert "18 accounts" not in app.sub_title and "1 with errors" in app.sub_title
        await pilot.press("slash", *"invalid", "enter")
        assert names(app) == ["✗ broken.yaml"]
        await wait_for(pilot, lambda: bool(app.query("#problems")))  # once the keys rest
        problems = str(app.query_one("#problems").render())
        assert re.search(r"broken\.yaml:\d+:\d+: error: ", problems)


async def test_the_activity_tab_lists_the_log_newest_first_with_overdue_next_steps(
    make_app: MakeApp,
) -> None:
    """Harbor's log is written oldest first; the tab turns it round, marks the next step
    due 2026-11-20 and not done as overdue (today is 2026-11-24) and a done one as done,
    and the editor goes to the entry in the file, not the row on screen."""
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        detail = await harbor_selected(app, pilot)
        await pilot.press(*["right_square_bracket"] * 4)
        assert detail.active == "activity"
        log = app.query_one("#activity-page DataTable", DataTable)
        assert [log.get_row_at(row)[0].plain for row in range(log.row_count)] == [
            "2026-11-18",
            "2026-11-12",
            "2026-10-28",
            "2026-10-06",
        ]
        assert log.get_row_at(1)[4].plain == "⚠ Send the TCO model to the EVP by 2026-11-20"
        assert log.get_row_at(3)[4].plain == "✓ Share the wave 3 runbook by 2026-10-20"
        await pilot.press("enter", "down")
        assert app.accounts_view.location() == ("activities", 2)


async def test_the_team_tab_shows_the_status_our_people_and_the_customers_goals(
    make_app: MakeApp,
) -> None:
    """Harbor: promoted, reviewed next April; Dana and three others; four goals, one
    met, one that no objective serves (marked), the others with the objectives serving them."""
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        detail = await harbor_selected(app, pilot)
        await pilot.press(*["right_square_bracket"] * 3)
        assert detail.active == "team"
        await wait_for(pilot, lambda: "team" in detail._current)
        shown = static_text(app, "#team-page Static").splitlines()
        assert detail.location() == ("team",)
    assert shown[0].rstrip() == ("Status: key account · promoted 2022-04-01 · review on 2027-04-01")
    assert [line.rstrip() for line in shown[3:7]] == [
        "• Dana Reyes · key account manager",
        "• Ana Silva · executive sponsor — Quarterly meeting with the EVP",
        "• Raj Patel · operations — Migration waves and cut-overs",
        "• Mei Chen · service",
    ]
    text = "\n".join(line.rstrip() for line in shown)
    assert (
        "○ Close two data centres  consolidate-dc · by 2027-12-31\n"
        "    Cost pressure from the board; the leases end in 2027\n"
        "    served by cloud-migration (at risk): Move all clinical workloads to our cloud"
    ) in text
    assert (
        "○ Open the two new hospitals on time  open-new-hospitals · by 2028-03-31\n"
        "    ⚠ served by no objective"
    ) in text
    assert "✓ A clean HIPAA audit of the migrated estate  hipaa-clean · met" in text


async def test_the_status_column_and_its_filter(make_app: MakeApp) -> None:
    """Candidates and former key accounts keep their rows, without a tier; the filter
    finds them by status, an under-review account by any of its words."""
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        assert cells(app, "Verdant Energy Partners")[2:4] == ["–", "candidate"]
        assert cells(app, "Continental Print Media")[2:4] == ["–", "former"]
        assert cells(app, "Prairie Gold Farmers Cooperative")[2:4] == ["C", "in review"]
        assert cells(app, "Verdant Energy Partners")[-1].endswith("to promote")
        await pilot.press("slash", *"status:candidate", "enter")
        assert names(app) == ["Verdant Energy Partners", "Lumen Bank"]
        await pilot.press("slash", "ctrl+u", *"status:review", "enter")
        assert names(app) == ["Prairie Gold Farmers Cooperative"]


async def test_an_objectives_actions_are_listed_under_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        detail = await harbor_selected(app, pilot)
        await pilot.press("right_square_bracket")
        assert detail.active == "objectives"
        described = static_text(app, "#objectives-page .item-detail Static")
        assert "☐ Book the EVP workshop on wave 3 · Dana Reyes · due 2026-11-20 ⚠ overdue" in (
            described
        )
        assert "☐ Wave 3 cut-over plan signed by the CIO · Raj Patel · due 2026-12-15\n" in (
            described + "\n"
        )


async def test_the_stakeholders_tab_says_when_each_person_was_last_met(make_app: MakeApp) -> None:
    """Harbor is tier A (30 days): the CIO, last met at the QBR of 2026-10-06, is not met
    in time on 2026-11-24; the EVP, met on 2026-11-12, is; the CFO is no key player."""
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        detail = await harbor_selected(app, pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert detail.active == "stakeholders"
        table = app.query_one("#stakeholders-page DataTable", DataTable)
        await wait_for(pilot, lambda: table.row_count == 8)
        rows = {
            str(table.get_row_at(n)[0]).split(",")[0]: [str(cell) for cell in table.get_row_at(n)]
            for n in range(table.row_count)
        }
        assert rows["Angela Brooks"][1:] == ["medium", "+ supporter", "strong", "◆", "2026-10-06 ⚠"]
        assert rows["Morgan Lee"][1:] == ["high", "= neutral", "weak", "", "2026-11-12"]
        assert rows["Raymond Osei"][5] == "never"
        await pilot.press("enter", "down", "down")  # Angela Brooks, third in the map's order
        shown = static_text(app, "#stakeholders-page .item-detail Static")
    assert shown.startswith(
        "Angela Brooks, Chief Information Officer\n"
        "key player · last met 2026-10-06 (49 days ago)  ⚠ not met in time "
        "(key players are due every 30 days at this account's tier)\n"
    )
    # The decision map below marks the same people, by the same rule, and points at her.
    stale = sorted(name for name, row in rows.items() if row[5].endswith("⚠"))
    chart = shown.split("Harbor Health System\n", 1)[1]
    marked = [line for line in chart.splitlines() if "⚠ not met in time" in line]
    assert len(stale) == len(marked) == 3
    assert all(sum(name in line for line in marked) == 1 for name in stale), (stale, marked)
    assert [line for line in chart.splitlines() if "▶" in line] == [
        next(line for line in chart.splitlines() if "▶ Angela Brooks, Chief Information" in line)
    ]


async def test_the_highlighted_person_stays_highlighted_when_the_terminal_resizes(
    make_app: MakeApp,
) -> None:
    """A resize redraws the list's columns to the new width; the cursor keeps its person."""
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await harbor_selected(app, pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "enter", "down", "down")
        table = app.query_one("#stakeholders-page DataTable", DataTable)
        assert str(table.get_row_at(table.cursor_row)[0]).startswith("Angela Brooks")
        for width in (140, 180):
            await pilot.resize_terminal(width, 50)
            await pilot.pause()
            assert str(table.get_row_at(table.cursor_row)[0]).startswith("Angela Brooks")
            shown = static_text(app, "#stakeholders-page .item-detail Static")
            assert shown.startswith("Angela Brooks, Chief Information Officer\n")


async def test_an_account_s_own_kpis_show_by_name_with_unit_band_and_trend(
    make_app: MakeApp, portfolio: Path
) -> None:
    """Müller Logistik's custom KPIs as the example's kam.yaml declares them: shares (unit
    %) as percentages, lower-is-better banded the other way, one without bands bare."""
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        app.accounts_view.select(str(portfolio / "europe" / "muller-logistik.yaml"))
        detail = app.accounts_view.detail
        await wait_for(pilot, lambda: "Müller" in str(detail.border_title))
        overview = app.query_one(OverviewTab)
        # Beside the left column: each line with its spaces folded.
        shown = "\n".join(" ".join(strip.text.split()) for strip in overview._strips)
    assert "On-time delivery 96% green +3% ▁▄█\n" in shown
    assert "Damaged shipments 1.3% amber +0.5% ▁█\n" in shown
    assert "Pallets per hour 131 pallets +13 pallets ▁█\n" in shown


async def test_an_objective_s_progress_is_drawn_against_the_time_gone(
    make_app: MakeApp, portfolio: Path
) -> None:
    """Great Lakes' HPC objective: 120,000 → 170,000 of 500,000 core hours (13%) with 59%
    of the time from 2026-03-01 to 2027-05-31 gone; said on track, so flagged."""
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        app.accounts_view.select(str(portfolio / "great-lakes-university.yaml"))
        detail = app.accounts_view.detail
        await wait_for(pilot, lambda: "Great Lakes" in str(detail.border_title))
        assert cells(app, "Great Lakes University Consortium")[-1] == "1 behind plan"
        await pilot.press("right_square_bracket", "enter", "down")
        described = static_text(app, "#objectives-page .item-detail Static")
    lines = described.splitlines()
    assert lines[3].endswith("   Now: 170,000 (from 120,000 on 2026-03-01)")
    assert lines[4] == (
        "Progress: ██▋" + "░" * 8 + "│" + "░" * 8 + "  13% done, 59% of the time gone: behind"
    )
    assert lines[5] == "⚠ said to be on track, but behind its plan"


async def test_every_view_tab_shows_at_80_columns_under_short_titles_if_need_be(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        strip = app.query_one("#view-tabs", TabStrip)
        narrow = strip.render_line(0).text
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        wide = strip.render_line(0).text
    assert narrow.split() == [
        "1", "Accts", "2", "Pareto", "3", "ABC", "4", "Matrix", "5", "Dash", "6", "Team",
        "7", "White", "8", "Agenda", "9", "Profit",
    ]  # fmt: skip
    assert "5 Dashboard" in wide and "7 White space" in wide and "8 Agenda" in wide
