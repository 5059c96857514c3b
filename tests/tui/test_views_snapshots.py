"""Each portfolio view on accounts.example, pinned as an SVG at 120×40 as of 2026-11-24."""

from __future__ import annotations

import pytest

from kamtui.core.loader import load_folder
from kamtui.tui.views import AbcView, DashboardView, MatrixView, ParetoView, PortfolioView
from tests.conftest import EXAMPLES
from tests.tui.views_support import ViewApp, analyse


@pytest.mark.parametrize(
    "view", [ParetoView, AbcView, MatrixView, DashboardView], ids=lambda view: view.__name__
)
def test_view_on_the_example_portfolio(view: type[PortfolioView], snap_compare) -> None:
    folder = load_folder(EXAMPLES)
    app = ViewApp(view(), analyse(folder.accounts, folder.settings), folder.settings)
    assert snap_compare(app, terminal_size=(120, 40))
