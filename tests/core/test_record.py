"""The record's named figures (record.py): what every surface follows, and which of them
depend on the day."""

from __future__ import annotations

from kamtui.core.analysis.abc_analysis import Tier
from kamtui.core.analysis.record import record_values
from kamtui.core.analysis.scoring import account_figures
from tests.conftest import TODAY
from tests.core.portfolio_builders import make_account, make_settings


def test_the_stale_key_players_are_in_the_record_only_when_given_and_dated() -> None:
    figures = account_figures(make_account(), make_settings(), TODAY)
    assert "stale" not in record_values(figures, Tier.A)
    assert record_values(figures, Tier.A, stale=("ceo",))["stale"] == ("ceo",)
    assert record_values(figures, Tier.A, stale=())["stale"] == ()
    assert "stale" not in record_values(figures, Tier.A, dated=False, stale=("ceo",))
