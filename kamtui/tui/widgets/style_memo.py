"""Styles looked up once per style change, for widgets that draw their lines cell by cell.

Each lookup of a widget's rich style, or of one of its components', walks the CSS
rules: about 0.14 ms. A line drawn cell by cell asked dozens of times, so a key in the
Pareto view took 61 ms (median, 17 accounts; 9,600 lookups made 1.34 s of the 1.70 s of
ten keys). The memo is emptied whenever Textual says the styles changed (a theme,
focus, hover), so a looked-up style is never stale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from textual.widget import Widget

# A plain mixin at run time: a Widget base here would bring Widget's default CSS in again
# under this class's name, after the real base's (a ScrollView would stop scrolling).
if TYPE_CHECKING:
    _Base = Widget
else:
    _Base = object


class StyleMemo(_Base):
    """Mixed into a widget before its Textual base: `style_of` instead of `rich_style`
    and `get_component_rich_style`."""

    _style_memo: dict[tuple[str, bool], Style] | None = None

    def style_of(self, component: str = "", *, partial: bool = False) -> Style:
        """The widget's own rich style (""), or the component's, as Textual gives them."""
        if self._style_memo is None:
            self._style_memo = {}
        memo = self._style_memo
        style = memo.get((component, partial))
        if style is None:
            if component:
                style = self.get_component_rich_style(component, partial=partial)
            else:
                style = self.rich_style
            memo[(component, partial)] = style
        return style

    def forget_styles(self) -> None:
        """Look every style up again at its next use (a focus change the CSS has not
        seen yet)."""
        self._style_memo = None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.forget_styles()
