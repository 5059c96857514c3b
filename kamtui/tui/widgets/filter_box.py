"""The accounts filter: an Input that does not lay out the screen at every key.

Textual's Input sets its virtual width to its text's at each change, and a new
virtual size lays out the whole screen: 8-15 ms per letter typed on the Accounts
screen. The filter box is one line in a layer of its own, so its text growing moves
nothing else; only its own scrolling (read from the virtual size directly) changes.
"""

from __future__ import annotations

from typing import Self

from textual.geometry import Region
from textual.widgets import Input


class FilterBox(Input):
    _typing = False

    def _watch_value(self, value: str) -> None:
        self._typing = True
        try:
            super()._watch_value(value)
        finally:
            self._typing = False

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        return super().refresh(
            *regions, repaint=repaint, layout=layout and not self._typing, recompose=recompose
        )
