"""The app's views, one shown at a time, under a `TabStrip` of their names.

Textual's `TabbedContent` would take 17 widgets for the five views (tabs, their
containers, underline, panes) and every widget on the screen adds to the cost of
each key press, hidden ones too (about 0.15 ms each: see `key_footer`). Here the views are the switcher's own children,
each mounted the first time it is shown.
"""

from __future__ import annotations

from textual.widgets import ContentSwitcher


class ViewPages(ContentSwitcher):
    def __init__(self, active: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.active = active
        """The id of the view asked for; its page, `<id>-view`, shows once mounted."""

    def page_id(self, view_id: str) -> str:
        return f"{view_id}-view"

    def has_page(self, view_id: str) -> bool:
        return bool(self.query_children(f"#{self.page_id(view_id)}"))
