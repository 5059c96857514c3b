"""A panel of problems mounted the first time there are any.

Hidden, a panel would still add to the cost of every key press (every widget on
the screen does); most portfolios and accounts have no problems to show.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Static


def show_problems(parent: Widget, panel_id: str, text: Text | None, *, before: Widget) -> None:
    """Show `text` in `parent`'s panel `panel_id`, mounted before `before` when first
    needed; None hides the panel."""
    found = parent.query_children(f"#{panel_id}")
    if text is None:
        if found:
            found.first().display = False
    elif found:
        panel = found.first(Static)
        panel.update(text)
        panel.display = True
    else:
        parent.mount(Static(text, id=panel_id), before=before)
