"""The app's default screen, which a change of focus does not repaint whole.

Textual's `Screen.focused` is a reactive that repaints the whole screen when it
changes (~8 ms on the Accounts screen at 10,000 accounts, on enter into the detail
and escape back); the widgets whose look follows focus repaint themselves already,
as their styles change.
"""

from __future__ import annotations

from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


class MainScreen(Screen[None]):
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
