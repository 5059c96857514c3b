"""The selected account in tabs, with the file's problems above them when it has any."""

from __future__ import annotations

from typing import Protocol

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import AwaitMount, Widget
from textual.widgets import ContentSwitcher

from kamtui.core.account.yaml_source import Loc
from kamtui.render.safe_text import one_line
from kamtui.tui.detail.activity_tab import ActivityTab
from kamtui.tui.detail.items_tab import ItemsTab
from kamtui.tui.detail.needs_tab import NeedsTab
from kamtui.tui.detail.notes_tab import NotesTab
from kamtui.tui.detail.objectives_tab import ObjectivesTab
from kamtui.tui.detail.overview_tab import OverviewTab
from kamtui.tui.detail.stakeholders_tab import StakeholdersTab
from kamtui.tui.detail.swot_tab import SwotTab
from kamtui.tui.detail.team_tab import TeamTab
from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel
from kamtui.tui.widgets.problem_panel import show_problems
from kamtui.tui.widgets.tab_strip import TabStrip


class DetailPage(Protocol):
    def show(self, file: AccountFile, model: PortfolioModel) -> None: ...

    def location(self) -> Loc: ...


# (pane id, title, the account section counted in the tab label)
TABS: tuple[tuple[str, str, str | None], ...] = (
    ("overview", "Overview", None),
    ("objectives", "Objectives", "objectives"),
    ("stakeholders", "Stakeholders", "stakeholders"),
    ("team", "Team", "team"),
    ("activity", "Activity", "activities"),
    ("needs", "Needs", "needs"),
    ("swot", "SWOT", None),
    ("notes", "Notes", None),
)
PAGES: dict[str, type[Widget]] = {
    "overview": OverviewTab,
    "objectives": ObjectivesTab,
    "stakeholders": StakeholdersTab,
    "team": TeamTab,
    "activity": ActivityTab,
    "needs": NeedsTab,
    "swot": SwotTab,
    "notes": NotesTab,
}


def problems_text(file: AccountFile) -> Text:
    """Every problem as `file:line:col: severity: message`, with what the row shows."""
    if file.stale:
        lead = "⟳ The file on disk has errors; showing its last valid version until they are fixed:"
    else:
        lead = "✗ The file has errors; nothing to show until they are fixed:"
    lines = [Text(lead, style="bold")]
    lines.extend(Text(one_line(str(problem)), style="red") for problem in file.problems)
    return Text("\n").join(lines)


class AccountDetail(Vertical):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[AccountFile, PortfolioModel] | None = None
        self._current: set[str] = set()
        # Pages composed and ready to draw; the others are mounted when their tab shows.
        self._ready: set[str] = set()
        # Enter came while the page was being mounted: focus it once it is.
        self._focus_when_ready = False
        # (file key, tab, row name) to highlight once that file's tab is drawn.
        self._to_highlight: tuple[str, str, str] | None = None

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        # The pages bake the theme's colours into their text: draw the shown one again,
        # or a theme switch leaves the Overview in the old colours until the cursor moves.
        self._current.clear()
        self._draw(self.active)

    def compose(self) -> ComposeResult:
        # Only the first tab's page is composed now, the others when first shown: every
        # widget on the screen makes each key press cost more, hidden ones too.
        first = TABS[0][0]
        yield TabStrip([(pane_id, title) for pane_id, title, _ in TABS], id="detail-tabs")
        with ContentSwitcher(id="detail-pages", initial=f"{first}-page"):
            yield PAGES[first](id=f"{first}-page")
        self._ready.add(first)

    @property
    def shown_key(self) -> str | None:
        """The key of the file shown (the detail may trail a fast-moving cursor briefly)."""
        return self._shown[0].key if self._shown is not None else None

    @property
    def active(self) -> str:
        return self.query_one(TabStrip).active

    def activate(self, pane_id: str) -> None:
        strip = self.query_one(TabStrip)
        if strip.active == pane_id:
            return
        self._focus_when_ready = False
        # With the keyboard in the tab being left, it follows to the new one: a hidden
        # page must not keep the focus (its keys would change what is no longer shown).
        inside = self.has_focus_within
        strip.active = pane_id
        if pane_id in self._ready:
            self.query_one(ContentSwitcher).current = f"{pane_id}-page"
        self._draw(pane_id)
        if inside:
            self.focus_page()

    def step_tab(self, step: int) -> None:
        ids = [pane_id for pane_id, _, _ in TABS]
        self.activate(ids[(ids.index(self.active) + step) % len(ids)])

    def show(self, file: AccountFile | None, model: PortfolioModel) -> None:
        """Show `file` (None: no account selected); only the visible tab is drawn now."""
        tabs = self.query_one(TabStrip)
        pages = self.query_one(ContentSwitcher)
        if file is None:
            self._shown = None
            self.border_title = "No account selected"
            show_problems(self, "problems", None, before=tabs)
            pages.display = False  # the last account's pages must not pass for a selection
            return
        pages.display = True
        self._shown = (file, model)
        self._current.clear()
        # Content, not a string: a border title string is read as markup.
        self.border_title = Content(
            f"{one_line(file.name)} · {one_line(model.relative(file.path))}"
        )
        show_problems(self, "problems", problems_text(file) if file.problems else None, before=tabs)
        for pane_id, _, section in TABS:
            if section is not None:
                count = len(getattr(file.account, section)) if file.account else 0
                tabs.set_count(pane_id, count)
        self._draw(self.active)

    def focus_page(self) -> None:
        """Move the keyboard into the visible tab (its list, or its scrolling text)."""
        if self.active not in self._ready:
            self._focus_when_ready = True
            return
        page = self.query_one(f"#{self.active}-page")
        focusable = [widget for widget in (page, *page.query("*")) if widget.focusable]
        if focusable:
            # Now, not on the next turn as Widget.focus does: the keys already queued
            # behind enter are checked against the focus when they arrive.
            self.screen.set_focus(focusable[0])

    def location(self) -> Loc:
        if self.active not in self._ready:
            # A page still being mounted has no selection yet: its section as a whole.
            return (self.active,)
        return self._page(self.active).location()

    def on_tab_strip_activated(self, event: TabStrip.Activated) -> None:
        event.stop()
        self.activate(event.tab_id)

    def _page(self, pane_id: str) -> DetailPage:
        page: DetailPage = self.query_one(f"#{pane_id}-page")  # type: ignore[assignment]
        return page

    def highlight(self, key: str, pane_id: str, row: str) -> None:
        """Put the cursor of tab `pane_id` of file `key` on the item named `row`, as soon
        as that file's tab is drawn (the detail may trail a selection, or a tab be
        mounting)."""
        self._to_highlight = (key, pane_id, row)
        self._highlight_if_drawn()

    def _highlight_if_drawn(self) -> None:
        if self._to_highlight is None:
            return
        key, pane_id, row = self._to_highlight
        if self.shown_key == key and pane_id in self._current:
            self._to_highlight = None
            page = self._page(pane_id)
            if isinstance(page, ItemsTab):
                page.highlight(row)

    def _draw(self, pane_id: str) -> None:
        if self._shown is None or pane_id in self._current:
            return
        if pane_id in self._ready:
            self._current.add(pane_id)
            self._page(pane_id).show(*self._shown)
            self._highlight_if_drawn()
        elif not self.query(f"#{pane_id}-page"):
            page = PAGES[pane_id](id=f"{pane_id}-page")
            page.display = False  # until the switcher shows it
            self.call_later(
                self._draw_mounted, pane_id, self.query_one(ContentSwitcher).mount(page)
            )

    async def _draw_mounted(self, pane_id: str, mounted: AwaitMount) -> None:
        await mounted
        self._ready.add(pane_id)
        if self.active == pane_id:
            self.query_one(ContentSwitcher).current = f"{pane_id}-page"
        self._draw(pane_id)
        if self.active == pane_id and self._focus_when_ready:
            self._focus_when_ready = False
            self.focus_page()
