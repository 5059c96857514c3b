"""Each portfolio view on accounts.example, pinned as an SVG at 120×40 as of 2026-11-24."""

from __future__ import annotations

import pytest

from kamtui.core.loading.loader import load_folder
from kamtui.tui.views.abc import AbcView
from kamtui.tui.views.base import PortfolioView
from kamtui.tui.views.dashboard import DashboardView
from kamtui.tui.views.matrix import MatrixView
from kamtui.tui.views.pareto import ParetoView
from tests.conftest import EXAMPLES
from tests.tui.views_support import ViewApp, analyse


@pytest.mark.parametrize(
    "view", [ParetoView, AbcView, MatrixView, DashboardView], ids=lambda view: view.__name__
)
def test_view_on_the_example_portfolio(view: type[PortfolioView], snap_compare) -> None:
    folder = load_folder(EXAMPLES)
    app = ViewApp(view(), analyse(folder.accounts, folder.settings), folder.settings)
    assert snap_compare(app, terminal_size=(120, 40))
