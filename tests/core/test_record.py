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


def test_the_contract_s_end_is_a_date_the_pipeline_and_open_value_amounts() -> None:
    account = make_account(
        contract={"end": "2027-01-31"},
        needs=[{"id": "n", "what": "N", "kind": "upsell", "value": 1000, "probability": 0.5}],
    )
    record = record_values(account_figures(account, make_settings(), TODAY), dated=False)
    assert record["contract_end"] == "2027-01-31"
    assert (record["pipeline_weighted"], record["pipeline_growth"]) == (500.0, 500.0)
    assert record["pipeline_renewals"] == 0.0
    assert record["open_value"] == 0.0
    assert (
        record_values(account_figures(make_account(), make_settings(), TODAY))["contract_end"]
        is None
    )
