"""Each portfolio view on accounts.example, pinned as an SVG at 120×40 as of 2026-11-24."""

from __future__ import annotations

import pytest

from kamtui.core.loading.loader import load_folder
from kamtui.tui.views.base import PortfolioView
from kamtui.tui.views.registry import VIEWS
from tests.conftest import EXAMPLES
from tests.tui.views_support import ViewApp, analyse


# Every portfolio view the registry lists (the Accounts view has its own snapshots).
@pytest.mark.parametrize(
    "view", [view.widget_class() for view in VIEWS[1:]], ids=lambda view: view.__name__
)
def test_view_on_the_example_portfolio(view: type[PortfolioView], snap_compare) -> None:
    folder = load_folder(EXAMPLES)
    app = ViewApp(
        view(), analyse(folder.accounts, folder.settings), folder.settings, folder.accounts
    )
    assert snap_compare(app, terminal_size=(120, 40))
