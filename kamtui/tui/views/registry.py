"""The views the number keys switch between, in key order: the one list that the app,
the view tabs, the key bindings, the help and the command palette read. A new view is
one line here (and its module beside this one).

Widgets are named, not imported: a view imports the analysis and drawing code, which
takes longer than Textual needs to paint the first frame, so each view is imported
when it is first shown.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.widget import Widget


@dataclass(frozen=True)
class View:
    """`key` names the view in actions and config (`view('pareto')`); its widget's id is
    `key-view`; its number key is its place in `VIEWS`."""

    key: str
    title: str
    widget: str  # "module:Class"
    # The tab's title where the terminal is too narrow for every full one (80 columns).
    short: str = ""

    @property
    def widget_id(self) -> str:
        return f"{self.key}-view"

    def widget_class(self) -> type[Widget]:
        module, _, name = self.widget.partition(":")
        found: type[Widget] = getattr(importlib.import_module(module), name)
        return found


VIEWS: tuple[View, ...] = (
    View("accounts", "Accounts", "kamtui.tui.views.accounts:AccountsView", "Accts"),
    View("pareto", "Pareto", "kamtui.tui.views.pareto:ParetoView"),
    View("abc", "ABC", "kamtui.tui.views.abc:AbcView"),
    View("matrix", "Matrix", "kamtui.tui.views.matrix:MatrixView"),
    View("dashboard", "Dashboard", "kamtui.tui.views.dashboard:DashboardView", "Dash"),
    View("team", "Team", "kamtui.tui.views.team:TeamView"),
    View("whitespace", "White space", "kamtui.tui.views.whitespace:WhitespaceView", "White"),
    View("agenda", "Agenda", "kamtui.tui.views.agenda:AgendaView"),
    View("profit", "Profit", "kamtui.tui.views.profit:ProfitView"),
)
FIRST = VIEWS[0]


def view(key: str) -> View:
    """The view named `key` (KeyError for none)."""
    for found in VIEWS:
        if found.key == key:
            return found
    raise KeyError(key)
