"""The key-account dashboard: totals, change over time, MRR by plan and over time,
onboarding, survey satisfaction, the accounts in each KPI band, and the accounts that need
attention (the at-risk queue, the accounts going cold, and the endangerment column with
each account's health score).
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.widgets import Static

from kamtui.core.account.model import Onboarding
from kamtui.core.analysis.kpis import Band
from kamtui.core.analysis.portfolio import AccountRow, PortfolioAnalysis
from kamtui.core.analysis.scoring import MRR_PLANS, revenue_growth
from kamtui.render.report_format import (
    GOING_COLD_HEADERS,
    NEVER_MET,
    counted,
    kpi_name,
    signed_number,
)
from kamtui.render.safe_text import one_line
from kamtui.tui.drawing.chart import sparkline
from kamtui.tui.drawing.format import MISSING, arrow_percent, compact, number
from kamtui.tui.views.base import PortfolioView, titled_table
from kamtui.tui.widgets.bar_chart import Bar, BarChart
from kamtui.tui.widgets.rows_table import Cell, Column, RowsTable

ENDANGERED = "‼ endangered"
AT_RISK = "! at risk"
UPSELL = "↑ upsell"
# A CSAT below this (on 1..5) is flagged; the mark says so without colour.
LOW_CSAT = 3.5
LOW_CSAT_MARK = "✗"
# The satisfaction panel lists this many accounts, lowest CSAT first.
SATISFACTION_ROWS = 4
_NAME_WIDTH = 14  # at least; the name column takes what the others leave
# The totals name this many accounts to promote or to review, and count the rest.
NAMED_IN_TOTALS = 3
# Short enough for a fifth of 80 columns: the KPI, then its three bands' counts.
KPI_LABELS = {
    "nps": "NPS",
    "csat": "CSAT",
    "adoption": "Adoption",
    "engagement": "Engaged",
    "churn_risk": "Churn",
}
BAND_HEADERS = {Band.green: "grn", Band.amber: "amb", Band.red: "red"}
ONBOARDING_LABELS: dict[Onboarding | None, str] = {
    Onboarding.done: "done",
    Onboarding.in_progress: "in progress",
    Onboarding.not_started: "not started",
    None: "not recorded",
}
# What each status's bar colour says: done is good, not started is a problem.
_ONBOARDING_KIND: dict[Onboarding | None, str] = {
    Onboarding.done: "good",
    Onboarding.in_progress: "warning",
    Onboarding.not_started: "bad",
    None: "muted",
}


def _panel(title: str, *children: Static | BarChart, id: str) -> Container:
    panel = Container(*children, id=id, classes="panel")
    panel.border_title = title
    return panel


class DashboardView(PortfolioView):
    """Four small panels above two tables; stacked and scrolling on a narrow terminal."""

    # The two tables need this many columns side by side; below it they are stacked.
    SIDE_BY_SIDE = 150
    COMPONENT_CLASSES: ClassVar[set[str]] = {"dash--bad", "dash--warning", "dash--good"}
    DEFAULT_CSS = """
    DashboardView {
        height: 1fr;
        layout: vertical;
        overflow-y: auto;
        & > .dash--bad { color: $error; text-style: bold; }
        & > .dash--warning { color: $warning; }
        & > .dash--good { color: $success; }
        & .panel {
            border: round $panel;
            border-title-color: $text-muted;
            height: auto;
            padding: 0 1;
        }
        & #dash-figures { layout: grid; grid-size: 5; grid-columns: 1fr 1fr 1fr 1fr 1fr; height: auto; }
        & #dash-onboarding-and-bands { height: auto; }
        &.-stacked #dash-figures { grid-size: 3; grid-columns: 1fr 1fr 1fr; }
        &.-narrow #dash-figures { grid-size: 2; grid-columns: 1fr 1fr; }
        & #dash-lists { layout: horizontal; height: 1fr; min-height: 10; }
        &.-stacked #dash-lists { layout: vertical; min-height: 18; }
        & #dash-attention { width: 3fr; layout: vertical; }
        & #dash-at-risk { height: auto; max-height: 12; }
        & #dash-going-cold { height: 1fr; min-height: 5; }
        & #dash-accounts { width: 4fr; }
        &.-stacked #dash-attention { width: 1fr; height: auto; }
        &.-stacked #dash-going-cold { height: auto; max-height: 12; }
        &.-stacked #dash-accounts { width: 1fr; min-height: 8; }
        & #dash-upsell { color: $text-muted; }
        /* A long name to promote or review is cut, not wrapped under the labels. */
        & #dash-totals { text-wrap: nowrap; text-overflow: ellipsis; }
    }
    """

    def compose(self) -> ComposeResult:
        with Container(id="dash-figures"):
            yield _panel("Portfolio", Static(id="dash-totals"), id="dash-totals-panel")
            yield _panel("Revenue by year", BarChart(id="dash-revenue"), id="dash-revenue-panel")
            yield _panel(
                "MRR by plan",
                BarChart(id="dash-mrr"),
                Static(id="dash-upsell"),
                Static(id="dash-mrr-trend"),
                id="dash-mrr-panel",
            )
            # One cell of the grid for two short panels: a sixth column squeezed every chart.
            with Vertical(id="dash-onboarding-and-bands"):
                yield _panel(
                    "Onboarding", BarChart(id="dash-onboarding"), id="dash-onboarding-panel"
                )
                yield _panel("KPI bands", Static(id="dash-bands"), id="dash-bands-panel")
            yield _panel(
                "Satisfaction", Static(id="dash-satisfaction"), id="dash-satisfaction-panel"
            )
        with Container(id="dash-lists"):
            with Container(id="dash-attention"):
                yield titled_table(
                    "dash-at-risk", "At-risk queue · by importance, then time in queue"
                )
                yield titled_table(
                    "dash-going-cold", "Going cold · key players not met within the cadence"
                )
            yield titled_table("dash-accounts", "Accounts · endangerment")

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < self.SIDE_BY_SIDE, "-stacked")

    def show(self, analysis: PortfolioAnalysis) -> None:
        self._show_totals(analysis)
        self.query_one("#dash-revenue", BarChart).show(
            [
                Bar(
                    str(year),
                    total,
                    compact(total),
                    "accent" if year == analysis.year else "bar",
                    arrow_percent(revenue_growth(analysis.revenue_totals, year)),
                )
                for year, total in sorted(analysis.revenue_totals.items())
            ]
        )
        self.query_one("#dash-mrr", BarChart).show(
            [
                Bar(
                    plan,
                    analysis.mrr_by_plan[plan],
                    compact(analysis.mrr_by_plan[plan]),
                    "accent" if plan == "premium" else "bar",
                    UPSELL if plan == "premium" else "",
                )
                for plan in MRR_PLANS
            ]
        )
        self._show_upsell(analysis)
        self._show_mrr_trend(analysis)
        self.query_one("#dash-onboarding", BarChart).show(
            [
                Bar(label, count, str(count), _ONBOARDING_KIND[status])
                for status, label in ONBOARDING_LABELS.items()
                for count in [analysis.onboarding.get(status, 0)]
            ]
        )
        self._show_satisfaction(analysis)
        self._show_bands(analysis)
        self._show_at_risk(analysis)
        self._show_going_cold(analysis)
        self._show_accounts(analysis)

    def _show_totals(self, analysis: PortfolioAnalysis) -> None:
        bad = self.style_of("dash--bad", partial=True)
        warning = self.style_of("dash--warning", partial=True)
        year = analysis.year if analysis.year is not None else MISSING
        good = self.style_of("dash--good", partial=True)
        key_accounts = len(analysis.programme_ids)
        roi = analysis.programme_return.roi
        lines = (
            (
                "Key accounts",
                str(key_accounts)
                + (f" of {len(analysis.rows)}" if key_accounts != len(analysis.rows) else ""),
                None,
            ),
            (f"Revenue {year}", compact(analysis.revenue_total), None),
            ("MRR", compact(analysis.mrr_total), None),
            ("MRR at risk", compact(analysis.mrr_at_risk), bad if analysis.mrr_at_risk else None),
            ("At risk", counted(len(analysis.at_risk)), warning if analysis.at_risk else None),
            (
                "Endangered",
                counted(len(analysis.endangered)),
                bad if analysis.endangered else None,
            ),
            (
                "Renewals due",
                counted(len(analysis.renewals_due)),
                warning if analysis.renewals_due else None,
            ),
            # Weighted by chance; a renewal keeps revenue, it adds none: apart.
            ("Pipeline", f"{compact(analysis.pipeline.growth)} growth", None),
            ("", f"{compact(analysis.pipeline.renewals)} renewals", None),
            *retention_lines(analysis, bad),
            ("CLTV", compact(analysis.cltv.total) if analysis.cltv.accounts else MISSING, None),
            # The programme: what it returns, and the status decisions due.
            (f"ROI {year}", MISSING if roi is None else f"{roi:.3f}", None),
            *self._named("To promote", analysis, analysis.proposed_for_promotion, good),
            *self._named("Review due", analysis, analysis.review_overdue, warning),
        )
        text = Text(f"Amounts in {one_line(analysis.currency)}\n")
        for label, value, style in lines:
            text.append(f"{label:<13}")
            text.append(value, style or "")
            text.append("\n")
        text.rstrip()
        self.query_one("#dash-totals", Static).update(text)

    @staticmethod
    def _named(
        label: str, analysis: PortfolioAnalysis, account_ids: tuple[str, ...], style: Style
    ) -> list[tuple[str, str, Style | None]]:
        """A count, then the accounts' names one a line (the first three: the rest counted)."""
        lines: list[tuple[str, str, Style | None]] = [
            (label, counted(len(account_ids)), style if account_ids else None)
        ]
        shown = NAMED_IN_TOTALS
        lines += [("", one_line(analysis.rows[i].name), None) for i in account_ids[:shown]]
        if len(account_ids) > shown:
            lines.append(("", f"and {len(account_ids) - shown} more", None))
        return lines

    def _show_upsell(self, analysis: PortfolioAnalysis) -> None:
        self.query_one("#dash-upsell", Static).update(
            f"{UPSELL}: {counted(len(analysis.upsell))} with MRR and no premium plan"
        )

    def _show_mrr_trend(self, analysis: PortfolioAnalysis) -> None:
        """MRR over time, plan by plan, from the accounts' readings: "total ▁▅█ 993.5k"."""
        series = analysis.mrr_series
        if not series["total"]:
            self.query_one("#dash-mrr-trend", Static).update(
                Text("No MRR readings by date yet", "dim")
            )
            return
        lines = [Text(f"Since {series['total'][0][0].isoformat()}", "dim")]
        for plan in (*MRR_PLANS, "total"):
            amounts = [amount for _, amount in series[plan]]
            line = Text(f"{plan:<9}", "bold" if plan == "total" else "")
            line.append(sparkline(amounts), "cyan")
            line.append(f" {compact(amounts[-1])}")
            lines.append(line)
        self.query_one("#dash-mrr-trend", Static).update(Text("\n").join(lines))

    def _show_bands(self, analysis: PortfolioAnalysis) -> None:
        """Accounts per band of each KPI, the words in the header (colour only repeats them)."""
        styles = {
            Band.green: self.style_of("dash--good", partial=True),
            Band.amber: self.style_of("dash--warning", partial=True),
            Band.red: self.style_of("dash--bad", partial=True),
        }
        grid = Table.grid(padding=(0, 1))
        # The names column gives way first: a custom KPI's name may be long, the counts not.
        grid.add_column()
        for _ in Band:
            grid.add_column(justify="right", no_wrap=True)
        grid.add_row(Text(), *(Text(BAND_HEADERS[band], styles[band]) for band in Band))
        for kpi, counts in analysis.band_counts.items():
            grid.add_row(
                Text(
                    KPI_LABELS.get(kpi) or one_line(kpi_name(kpi, analysis.custom_kpis)),
                    no_wrap=True,
                    overflow="ellipsis",
                ),
                *(Text(str(counts[band]), styles[band]) for band in Band),
            )
        self.query_one("#dash-bands", Static).update(grid)

    def _show_satisfaction(self, analysis: PortfolioAnalysis) -> None:
        """Portfolio means with how many accounts report them, then the least satisfied."""
        bad = self.style_of("dash--bad", partial=True)
        good = self.style_of("dash--good", partial=True)
        means = analysis.satisfaction
        count = len(analysis.programme_ids)
        csat_mean = MISSING if means.csat_mean is None else f"{means.csat_mean:.1f}/5"
        nps_mean = MISSING if means.nps_mean is None else signed_number(means.nps_mean)
        summary = Text()
        summary.append(f"CSAT {csat_mean:<6}", bad if _low_csat(means.csat_mean) else "")
        summary.append(f" {means.csat_accounts} of {count}\n", "dim")
        summary.append("NPS  ")
        summary.append(f"{nps_mean:<6}", _nps_style(means.nps_mean, good, bad))
        summary.append(f" {means.nps_accounts} of {count}", "dim")
        surveyed = [analysis.rows[i] for i in analysis.least_satisfied[:SATISFACTION_ROWS]]
        # expand: the grid takes the panel's width, so a long name ends in an ellipsis.
        lowest = Table.grid(padding=(0, 1), expand=True)
        lowest.add_column(no_wrap=True, min_width=5)
        lowest.add_column(justify="right", no_wrap=True, min_width=3)
        lowest.add_column(no_wrap=True, overflow="ellipsis", ratio=1)
        for row in surveyed:
            csat, nps = row.figures.csat, row.figures.nps
            low = _low_csat(csat)
            lowest.add_row(
                Text(f"{LOW_CSAT_MARK if low else ' '} {csat:.1f}", bad if low else ""),
                Text(MISSING if nps is None else signed_number(nps), _nps_style(nps, good, bad)),
                Text(one_line(row.name), no_wrap=True, overflow="ellipsis"),
            )
        heading = Text("Lowest CSAT first", "dim") if surveyed else Text()
        self.query_one("#dash-satisfaction", Static).update(Group(summary, heading, lowest))

    def _show_at_risk(self, analysis: PortfolioAnalysis) -> None:
        columns = [
            Column("#", 3, "right"),
            Column("Account", _NAME_WIDTH, flexible=True),
            Column("Score", 5, "right"),
            Column("In queue", 8, "right"),
            Column("MRR", 6, "right"),
            Column("Flag", len(ENDANGERED)),
        ]

        def cells(index: int) -> list[Cell]:
            row = analysis.rows[analysis.at_risk[index]]
            days = row.figures.days_at_risk
            return [
                (str(index + 1), None),
                (row.name, None),
                (f"{row.figures.score:.0f}", None),
                (MISSING if days is None else f"{days} d", None),
                (compact(row.figures.mrr), None),
                self._flag(row),
            ]

        self.query_one("#dash-at-risk", RowsTable).show(columns, analysis.at_risk, cells)

    def _show_going_cold(self, analysis: PortfolioAnalysis) -> None:
        """By tier, then the longest unmet key player (relationships.py has the rule),
        whose time is shown, as in the report."""
        columns = [
            Column("#", 3, "right"),
            # One flexible column takes the room left: the names of whom to call.
            Column("Account", 24),
            Column("Tier", 4, "center"),
            Column(GOING_COLD_HEADERS[3], len(NEVER_MET), "right"),
            Column("Not met in time", 15, flexible=True),
        ]

        def cells(index: int) -> list[Cell]:
            row = analysis.rows[analysis.going_cold[index]]
            days = row.unmet_days
            return [
                (str(index + 1), None),
                (row.name, None),
                (row.tier.value if row.tier is not None else MISSING, None),
                (NEVER_MET if days is None else f"{days} d", None),
                (", ".join(row.stale), self.style_of("dash--warning", partial=True)),
            ]

        self.query_one("#dash-going-cold", RowsTable).show(columns, analysis.going_cold, cells)

    def _show_accounts(self, analysis: PortfolioAnalysis) -> None:
        year = analysis.year if analysis.year is not None else ""
        columns = [
            Column("Account", _NAME_WIDTH, flexible=True),
            Column("Endangerment", len("Endangerment")),
            Column("Health", 6, "right"),
            Column("Tier", 4, "center"),
            Column(f"Revenue {year}", 12, "right"),
            Column("Growth", 8, "right"),
            Column("MRR", 6, "right"),
            Column("Onboarding", 12),
        ]
        # The programme's accounts: candidates and former ones are listed apart.
        keys = analysis.programme_ids

        def cells(index: int) -> list[Cell]:
            row = analysis.rows[keys[index]]
            return [
                (row.name, None),
                self._flag(row),
                (number(row.figures.health_score), None),
                (row.tier.value if row.tier is not None else MISSING, None),
                (compact(row.revenue), None),
                (arrow_percent(row.revenue_growth), None),
                (compact(row.figures.mrr), None),
                (ONBOARDING_LABELS[row.figures.onboarding], None),
            ]

        self.query_one("#dash-accounts", RowsTable).show(columns, keys, cells)

    def _flag(self, row: AccountRow) -> Cell:
        if row.figures.endangered:
            return (ENDANGERED, self.style_of("dash--bad", partial=True))
        if row.figures.at_risk:
            return (AT_RISK, self.style_of("dash--warning", partial=True))
        return ("", None)


def _low_csat(csat: float | None) -> bool:
    return csat is not None and csat < LOW_CSAT


def _nps_style(nps: float | None, good: Style, bad: Style) -> Style | str:
    """Promoters outweigh detractors above zero; the sign says it without colour."""
    if nps is None or round(nps) == 0:
        return ""
    return good if nps > 0 else bad


def retention_lines(analysis: PortfolioAnalysis, bad: Style) -> list[tuple[str, str, Style | None]]:
    """NRR and GRR of the analysis year (`retention.py`), a net loss marked; none when no
    account had revenue the year before."""
    kept = analysis.retention
    if kept is None:
        return []
    return [
        (f"NRR {kept.year}", f"{kept.nrr:.1%}", bad if kept.nrr < 1 else None),
        (f"GRR {kept.year}", f"{kept.grr:.1%}", None),
    ]
