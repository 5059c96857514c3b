"""The dashboard on a hand-computed portfolio of four accounts, as of 2026-11-24."""

from __future__ import annotations

from typing import Any

from textual.widgets import TabbedContent, TabPane

from kamtui.core.account.model import PortfolioSettings
from kamtui.tui.views.dashboard import DashboardView
from kamtui.tui.widgets.bar_chart import BarChart
from kamtui.tui.widgets.rows_table import RowsTable
from tests.core.portfolio_builders import make_account
from tests.tui.views_support import ViewApp, analyse, lines, table_rows


def health(**fields: Any) -> dict[str, Any]:
    return {"health": fields}


# Prime scores 100, Quest and Rho 50: the queue is Prime, then the longer-waiting of the two.
ACCOUNTS = {
    "p": make_account(
        "Prime",
        (5, 5, 5, 5, 5),
        revenue={2025: 800, 2026: 1000},
        mrr={"standard": 1000, "premium": 500},
        **health(
            churn_risk="high", engagement="low", at_risk_since="2026-10-25", onboarding="done"
        ),
    ),
    "q": make_account(
        "Quest",
        revenue={2025: 200, 2026: 250},
        mrr={"basic": 200},
        **health(churn_risk="high", at_risk_since="2026-11-14", onboarding="in_progress"),
    ),
    "r": make_account(
        "Rho",
        revenue={2026: 100},
        mrr={"standard": 300},
        **health(churn_risk="high", at_risk_since="2026-09-25", onboarding="not_started"),
    ),
    "s": make_account("Sigma", revenue={2025: 0, 2026: 50}, mrr={"premium": 1000}),
}


async def test_the_at_risk_queue_runs_by_importance_then_time_in_queue() -> None:
    app = ViewApp(DashboardView(), analyse(ACCOUNTS))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        queue = table_rows(app.query_one("#dash-at-risk", RowsTable))
    assert [[cell.strip() for cell in row] for row in queue] == [
        ["1", "Prime", "100", "30 d", "1.5k", "‼ endangered"],
        ["2", "Rho", "50", "60 d", "300", "! at risk"],
        ["3", "Quest", "50", "10 d", "200", "! at risk"],
    ]


async def test_the_accounts_table_carries_the_endangerment_column() -> None:
    app = ViewApp(DashboardView(), analyse(ACCOUNTS))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        table = app.query_one("#dash-accounts", RowsTable)
        header = [column.title for column in table.columns]
        rows = {row[0].strip(): row for row in table_rows(table)}
    assert header[:3] == ["Account", "Endangerment", "Health"]
    assert rows["Prime"][1] == "‼ endangered"
    # Sigma records no KPI: no health score. Prime's churn risk and engagement are red.
    assert rows["Sigma"][1:] == ["–", "C", "50", "–", "1k", "not recorded"]
    assert [cell.strip() for cell in rows["Prime"][2:]] == [
        "0", "A", "1k", "▲ 25%", "1.5k", "done",
    ]  # fmt: skip


async def test_a_growth_from_almost_nothing_is_shown_whole_as_a_multiple() -> None:
    # "▲ 2261805%" was cut to "▲ 22618…", then "▲ ×22.…" in seven cells.
    grown = {"g": make_account("Grown", revenue={2025: 42, 2026: 950000})}
    app = ViewApp(DashboardView(), analyse(grown))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        [row] = table_rows(app.query_one("#dash-accounts", RowsTable))
    assert "▲ ×22.6k" in row


async def test_totals_change_over_time_mrr_by_plan_and_onboarding() -> None:
    app = ViewApp(DashboardView(), analyse(ACCOUNTS))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        totals = str(app.query_one("#dash-totals").render())
        revenue = lines(app.query_one("#dash-revenue", BarChart))
        mrr = lines(app.query_one("#dash-mrr", BarChart))
        upsell = str(app.query_one("#dash-upsell").render())
        onboarding = lines(app.query_one("#dash-onboarding", BarChart))
    assert [line.split() for line in totals.splitlines()] == [
        ["Amounts", "in", "USD"],
        ["Key", "accounts", "4"],
        ["Revenue", "2026", "1.4k"],
        ["MRR", "3k"],
        ["MRR", "at", "risk", "2k"],
        ["At", "risk", "3", "accounts"],
        ["Endangered", "1", "account"],
        ["Renewals", "due", "0", "accounts"],
        # No needs: nothing in the pipeline.
        ["Pipeline", "0", "growth"],
        ["0", "renewals"],
        # Kept of 2025's 1,000: Prime and Quest (Sigma had 0, Rho is new); no CLTV recorded.
        ["NRR", "2026", "125.0%"],
        ["GRR", "2026", "100.0%"],
        ["CLTV", "–"],
        # No economics, no candidate, no review date.
        ["ROI", "2026", "–"],
        ["To", "promote", "0", "accounts"],
        ["Review", "due", "0", "accounts"],
    ]
    # 2025: 800 + 200 + 0; 2026: 1000 + 250 + 100 + 50, 40% more.
    assert revenue[0].startswith("2025 ") and revenue[0].rstrip().endswith(" 1k –")
    assert revenue[1].startswith("2026 ") and revenue[1].rstrip().endswith(" 1.4k ▲ 40%")
    assert abs(revenue[0].count("█") / revenue[1].count("█") - 1000 / 1400) < 0.05
    assert [(line.split()[0], line.split()[2]) for line in mrr] == [
        ("basic", "200"),
        ("standard", "1.3k"),
        ("premium", "1.5k"),
    ]
    assert mrr[2].rstrip().endswith("↑ upsell")
    assert upsell == "↑ upsell: 2 accounts with MRR and no premium plan"
    assert [line.split()[-1] for line in onboarding] == ["1", "1", "1", "1"]
    assert [line[:12].strip() for line in onboarding] == [
        "done",
        "in progress",
        "not started",
        "not recorded",
    ]


async def test_a_hidden_view_waits_until_it_is_shown() -> None:
    """Updating a view in a hidden tab costs nothing; it catches up when its tab opens."""
    view = DashboardView()

    class Tabs(ViewApp):
        def compose(self):
            with TabbedContent(id="tabs"):
                yield TabPane("Other", id="other")
                with TabPane("Dashboard", id="dash"):
                    yield view

    app = Tabs(view, analyse(ACCOUNTS))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        queue = app.query_one("#dash-at-risk", RowsTable)
        assert len(queue.keys) == 0
        app.query_one(TabbedContent).active = "dash"
        await pilot.pause()
        await pilot.pause()
        assert queue.keys == ("p", "r", "q")


async def test_a_narrow_terminal_stacks_the_panels() -> None:
    app = ViewApp(DashboardView(), analyse(ACCOUNTS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(DashboardView)
        assert view.has_class("-narrow") and view.has_class("-stacked")
        queue = app.query_one("#dash-at-risk")
        accounts = app.query_one("#dash-accounts")
        assert queue.region.x == accounts.region.x
        assert accounts.region.y > queue.region.y


async def test_satisfaction_shows_means_with_their_reach_and_the_lowest_csat_first() -> None:
    accounts = {
        "a": make_account("Alpha", **health(csat=4.5, nps=40)),
        "b": make_account("Beta", **health(csat=3.0, nps=-20)),
        "c": make_account("Gamma", **health(csat=3.6)),
        "d": make_account("Delta"),
    }
    app = ViewApp(DashboardView(), analyse(accounts))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        shown = lines(app.query_one("#dash-satisfaction"))
    # CSAT (4.5 + 3.0 + 3.6) / 3 = 3.7 from 3 of 4; NPS (40 − 20) / 2 = +10 from 2 of 4.
    assert [line.split() for line in shown if line.strip()] == [
        ["CSAT", "3.7/5", "3", "of", "4"],
        ["NPS", "+10", "2", "of", "4"],
        ["Lowest", "CSAT", "first"],
        ["✗", "3.0", "−20", "Beta"],
        ["3.6", "–", "Gamma"],
        ["4.5", "+40", "Alpha"],
    ]


async def test_without_surveys_satisfaction_says_nothing_is_recorded() -> None:
    app = ViewApp(DashboardView(), analyse({"d": make_account("Delta")}))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        shown = lines(app.query_one("#dash-satisfaction"))
    assert [line.split() for line in shown if line.strip()] == [
        ["CSAT", "–", "0", "of", "1"],
        ["NPS", "–", "0", "of", "1"],
    ]


async def test_satisfaction_names_are_literal_and_cut_with_an_ellipsis() -> None:
    hostile = "[bold red]Evil[/] \x1b[2J" + "Corporation " * 8
    accounts = {"e": make_account(hostile, revenue={2026: 10}, **health(csat=2.0, nps=-40))}
    app = ViewApp(DashboardView(), analyse(accounts))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        shown = lines(app.query_one("#dash-satisfaction"))
    (row,) = [line for line in shown if "Evil" in line]
    assert "[bold red]Evil[/]" in row
    assert "\x1b" not in row
    assert row.rstrip().endswith("…")


async def test_going_cold_lists_whom_to_call_by_tier_then_the_longest_unmet() -> None:
    """Prime (A by revenue) last met its CEO 40 days ago, over A's 30; Rho (B) never met
    its buyer; Sigma (C) met its CEO 20 days ago, within C's 90."""
    ceo = [{"id": "ceo", "name": "Ceo", "decision_power": "high"}]
    buyer = [{"id": "buyer", "name": "Buyer", "touchpoint": True}]
    met = [{"date": "2026-10-15", "with": ["ceo"], "summary": "Dinner"}]
    accounts = {
        "p": make_account("Prime", revenue={2026: 1000}, stakeholders=ceo, activities=met),
        "r": make_account("Rho", revenue={2026: 100}, stakeholders=buyer),
        "s": make_account(
            "Sigma",
            revenue={2026: 50},
            stakeholders=ceo,
            activities=[{**met[0], "date": "2026-11-04"}],
        ),
    }
    app = ViewApp(DashboardView(), analyse(accounts))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        cold = table_rows(app.query_one("#dash-going-cold", RowsTable))
    assert [[cell.strip() for cell in row] for row in cold] == [
        ["1", "Prime", "A", "40 d", "ceo"],
        ["2", "Rho", "B", "never met", "buyer"],
    ]


async def test_mrr_over_time_and_the_accounts_in_each_kpi_band() -> None:
    """Tau's premium went 100 → 400 over two readings; Upsilon pays 50 basic throughout."""
    accounts = {
        "t": make_account(
            "Tau",
            mrr={"premium": {"2026-06-30": 100, "2026-09-30": 400}},
            **health(nps=40, csat=3.5, engagement="high"),
        ),
        "u": make_account("Upsilon", mrr={"basic": 50}, **health(nps=-5, churn_risk="medium")),
    }
    app = ViewApp(DashboardView(), analyse(accounts))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        trend = [line.rstrip() for line in lines(app.query_one("#dash-mrr-trend"))]
        bands = [line.split() for line in lines(app.query_one("#dash-bands"))]
    assert trend == [
        "Since 2026-06-30",
        "basic    ▅▅ 50",
        "standard ▅▅ 0",
        "premium  ▁█ 400",
        "total    ▁█ 450",
    ]
    assert bands == [
        ["grn", "amb", "red"],
        ["NPS", "1", "0", "1"],
        ["CSAT", "0", "1", "0"],
        ["Adoption", "0", "0", "0"],
        ["Engaged", "1", "0", "0"],
        ["Churn", "0", "1", "0"],
    ]


async def test_a_custom_kpi_with_bands_is_counted_under_its_name() -> None:
    """kam.yaml's own KPIs follow the built-in ones, a long name cut before the counts;
    one without bands has no line. A value equal to a band's edge is in the better band
    (0.95 is green, not amber)."""
    settings = PortfolioSettings.model_validate(
        {
            "kpis": [
                {
                    "id": "otd",
                    "name": "On-time delivery to the customer's door",
                    "bands": {"red": 0.9, "amber": 0.95},
                },
                {"id": "pallets"},
            ]
        }
    )
    accounts = {
        "t": make_account("Tau", kpis={"otd": 0.95, "pallets": 100}),
        "u": make_account("Upsilon", kpis={"otd": {"2026-06-30": 0.97, "2026-09-30": 0.89}}),
        "v": make_account("Vega"),
    }
    app = ViewApp(DashboardView(), analyse(accounts, settings))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        bands = [line.split() for line in lines(app.query_one("#dash-bands"))]
    assert bands[-2][0] == "Churn" and len(bands) == 7
    name, counts = " ".join(bands[-1][:-3]), bands[-1][-3:]
    assert name.startswith("On-time d") and name.endswith("…") and counts == ["1", "0", "1"]
