"""What every portfolio view shares: it keeps the latest analysis and shows it when visible."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.containers import Container

from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.analysis.portfolio import PortfolioAnalysis
from kamtui.tui.widgets.focus_lines import take_focus
from kamtui.tui.widgets.rows_table import RowsTable
from kamtui.tui.widgets.style_memo import StyleMemo


def titled_table(id: str, title: str) -> RowsTable:
    """A table with its title on its border."""
    table = RowsTable(id=id)
    table.border_title = title
    return table


class PortfolioView(StyleMemo, Container):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "focus_part(1)", "Next table", show=False, id="parts.next"),
        Binding("left", "focus_part(-1)", "Previous table", show=False, id="parts.previous"),
    ]

    """A view of one `PortfolioAnalysis`; the app calls `update_analysis` on every reload.

    Updating only stores the analysis; it is shown when the view is on screen, so
    views hidden in other tabs cost nothing on a reload and catch up when shown.
    Styles baked into table cells follow the app's theme, so a theme change shows
    the analysis again.
    """

    # Below this many columns the view stacks its parts instead of setting them side by side.
    NARROW = 110

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.analysis: PortfolioAnalysis | None = None
        self.settings = PortfolioSettings()
        # The valid accounts the analysis was made from, by id (for the views that list
        # what lies in the files: the agenda's actions and next steps).
        self.accounts: Mapping[str, Account] = {}
        self._shown: PortfolioAnalysis | None = None

    def update_analysis(
        self,
        analysis: PortfolioAnalysis,
        settings: PortfolioSettings | None = None,
        accounts: Mapping[str, Account] | None = None,
    ) -> None:
        """Show `analysis`; `settings` (kam.yaml) give the cut-offs and weights the views
        name, `accounts` the valid accounts it was made from."""
        self.analysis = analysis
        if settings is not None:
            self.settings = settings
        if accounts is not None:
            self.accounts = accounts
        self._shown = None
        self._show_if_visible()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def on_show(self, _event: events.Show) -> None:
        self._show_if_visible()

    def on_descendant_focus(self, _event: events.DescendantFocus) -> None:
        self.call_after_refresh(self._keep_focus_in_sight)

    def _keep_focus_in_sight(self) -> None:
        """The keys act on what is focused: a table below the fold (the dashboard at
        80×24) is brought into sight, after every layout that may have moved it."""
        focused = self.app.focused
        if focused is not None and self in focused.ancestors:
            focused.scroll_visible(animate=False)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < self.NARROW, "-narrow")

    def _theme_changed(self, _theme: object) -> None:
        self._shown = None
        self._show_if_visible()

    def _show_if_visible(self) -> None:
        analysis = self.analysis
        if analysis is None or analysis is self._shown:
            return
        if self.is_mounted and self.is_on_screen:
            self._shown = analysis
            self.show(analysis)

    def show(self, analysis: PortfolioAnalysis) -> None:
        """Fill the view's widgets from `analysis`."""
        raise NotImplementedError

    def account_under_cursor(self) -> str | None:
        """The account the app's keys (`e`, `l`) act on in this view: the one under the
        cursor of the focused list or chart, as enter would open it."""
        focused = self.app.focused
        if focused is None or self not in focused.ancestors:
            return None
        under = getattr(focused, "account_under_cursor", None)
        return under() if callable(under) else None

    def action_focus_part(self, step: int) -> None:
        """The next (or previous) table of the view, brought into sight: the keys act on
        what is focused, so it must never be below the fold."""
        parts = [widget for widget in self.query("*") if widget.focusable]
        if not parts:
            return
        current = self.app.focused
        index = parts.index(current) if current in parts else -step
        chosen = parts[(index + step) % len(parts)]
        take_focus(chosen)
