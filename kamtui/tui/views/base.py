"""What every portfolio view shares: it keeps the latest analysis and shows it when visible."""

from __future__ import annotations

from textual import events
from textual.containers import Container

from kamtui.core.model import PortfolioSettings
from kamtui.core.portfolio import PortfolioAnalysis
from kamtui.tui.views.rows_table import RowsTable


def titled_table(id: str, title: str) -> RowsTable:
    """A table with its title on its border."""
    table = RowsTable(id=id)
    table.border_title = title
    return table


class PortfolioView(Container):
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
        self._shown: PortfolioAnalysis | None = None

    def update_analysis(
        self, analysis: PortfolioAnalysis, settings: PortfolioSettings | None = None
    ) -> None:
        """Show `analysis`; `settings` (kam.yaml) give the cut-offs and weights the views name."""
        self.analysis = analysis
        if settings is not None:
            self.settings = settings
        self._shown = None
        self._show_if_visible()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def on_show(self, _event: events.Show) -> None:
        self._show_if_visible()

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
