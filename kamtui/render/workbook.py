"""The portfolio as an Excel workbook (`kamtui export`), for those who read it in a
spreadsheet: openpyxl, the `xlsx` extra (it writes native charts, secondary axis
included, and reads them back, so one library serves the export and its test).

Sheets: Portfolio (the summary figures), Accounts (the report's columns, as `report
--format csv` has them, so a column added to the report appears here too),
Stakeholders, Objectives (each objective, then its actions), Activities, Needs, KPIs
(every dated reading, long form) and Charts (the seed's Pareto, revenue by ABC tier
and growth × harmony, with the tables they draw). Numbers stay numbers, money in the
portfolio's currency and shares as percentages; dates are dates; every header row is
frozen and filtered. Text is always a string cell: a name starting with "=" is not a
formula, and characters a workbook cannot hold are written as escapes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Mapping
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from kamtui.core.account.model import Account
from kamtui.core.analysis.kpis import kpi_readings
from kamtui.core.analysis.portfolio import PortfolioAnalysis
from kamtui.render.report_csv import header as csv_header
from kamtui.render.report_csv import row_values
from kamtui.render.workbook_cells import PERCENT, money_format, table
from kamtui.render.workbook_charts import add_charts

# Report columns by format: money in the currency, shares as percentages, ISO dates.
_MONEY_KEYS = ("revenue", "pipeline_", "mrr", "needs_value", "cltv")
_SHARE_KEYS = frozenset({"revenue_growth", "net_retention", "adoption"})
_DATE_KEYS = frozenset({"contract_end", "last_contact"})


def _summary(analysis: PortfolioAnalysis) -> list[tuple[str, Any, str]]:
    """(figure, value, how it is shown) for the Portfolio sheet."""
    money = money_format(analysis.currency)
    pareto = analysis.pareto
    rows: list[tuple[str, Any, str]] = [
        ("Accounts", len(analysis.rows), ""),
        ("Key accounts (key or under review)", len(analysis.programme_ids), ""),
        ("Candidates", len(analysis.candidates), ""),
        ("Former key accounts", len(analysis.former), ""),
        ("Analysis year", analysis.year, ""),
        ("As of", analysis.today, ""),
        ("Currency", analysis.currency, ""),
        (f"Revenue {analysis.year or ''}".strip(), analysis.revenue_total, money),
    ]
    rows += [(f"Revenue {year}", total, money) for year, total in analysis.revenue_totals.items()]
    rows += [
        ("Vital few (tier A accounts)", len(pareto.vital_few), ""),
        ("Vital few: share of accounts", pareto.accounts_share, PERCENT),
        ("Vital few: share of revenue", pareto.revenue_share, PERCENT),
        ("MRR", analysis.mrr_total, money),
        *((f"MRR {plan}", amount, money) for plan, amount in analysis.mrr_by_plan.items()),
        ("Accounts at risk", len(analysis.at_risk), ""),
        ("MRR at risk", analysis.mrr_at_risk, money),
        ("Pipeline, weighted", analysis.pipeline.weighted, money),
        ("Pipeline, growth", analysis.pipeline.growth, money),
        ("Pipeline, renewals", analysis.pipeline.renewals, money),
        ("Renewals due", len(analysis.renewals_due), ""),
        ("CLTV total", analysis.cltv.total, money),
    ]
    retention = analysis.retention
    if retention is not None:
        rows += [
            (f"Net revenue retention {retention.year}", retention.nrr, PERCENT),
            (f"Gross revenue retention {retention.year}", retention.grr, PERCENT),
        ]
    found = analysis.programme_return
    if found.accounts:
        rows += [
            (f"Gross profit {found.year}", found.gross_profit, money),
            (f"Cost to serve {found.year}", found.cost_to_serve, money),
            (f"Programme return (ROI) {found.year}", found.roi, "0.000"),
        ]
    return rows


def _account_format(key: str, currency: str) -> str:
    if key in _SHARE_KEYS:
        return PERCENT
    if key.startswith(_MONEY_KEYS):
        return money_format(currency)
    return ""


def _accounts(sheet: Worksheet, analysis: PortfolioAnalysis) -> None:
    keys = csv_header(analysis)
    formats = {i: _account_format(key, analysis.currency) for i, key in enumerate(keys)}
    dates = [i for i, key in enumerate(keys) if key in _DATE_KEYS]
    rows = []
    for rank, row in enumerate(analysis.rows.values(), start=1):
        values: list[Any] = list(row_values(rank, row, analysis))
        for i in dates:
            values[i] = dt.date.fromisoformat(values[i]) if values[i] else None
        rows.append(values)
    table(sheet, keys, rows, formats)


def _stakeholders(accounts: Mapping[str, Account]) -> Iterable[list[Any]]:
    for account_id, account in accounts.items():
        for p in account.stakeholders:
            yield [
                account_id, p.id, p.name, p.title, p.organization, p.reports_to,
                p.decision_power and p.decision_power.value, p.attitude.value,
                p.relationship.value, p.touchpoint, p.role and p.role.value,
                list(p.influences), p.notes,
            ]  # fmt: skip


def _objectives(accounts: Mapping[str, Account]) -> Iterable[list[Any]]:
    """Each objective, then each of its actions (item `objective` or `action N`)."""
    for account_id, account in accounts.items():
        for o in account.objectives:
            yield [account_id, o.id, "objective", o.what, o.status.value, o.due, None, None]
            for number, a in enumerate(o.actions, start=1):
                yield [account_id, o.id, f"action {number}", a.what, None, a.due, a.owner, a.done]


def _activities(accounts: Mapping[str, Account]) -> Iterable[list[Any]]:
    for account_id, account in accounts.items():
        for a in account.activities:
            yield [
                account_id, a.date, a.kind and a.kind.value, list(a.with_), a.summary, a.next,
                a.next_due, a.next_done,
            ]  # fmt: skip


def _needs(accounts: Mapping[str, Account]) -> Iterable[list[Any]]:
    for account_id, account in accounts.items():
        for n in account.needs:
            yield [
                account_id, n.id, n.what, n.kind and n.kind.value, n.stage and n.stage.value,
                n.status.value, n.probability, n.horizon, n.value,
            ]  # fmt: skip


def _kpi_readings(accounts: Mapping[str, Account], today: dt.date) -> Iterable[list[Any]]:
    """Every reading up to today, by account, KPI and date (none: a value written as
    one number, which holds on any day)."""
    for account_id, account in accounts.items():
        for kpi, reading in kpi_readings(account, today).items():
            if reading.series:
                yield from ([account_id, kpi, day, value] for day, value in reading.series)
            elif reading.value is not None:
                yield [account_id, kpi, None, reading.value]


def workbook_bytes(analysis: PortfolioAnalysis, accounts: Mapping[str, Account]) -> bytes:
    """The workbook of `analysis` over `accounts` (the valid accounts it was made from)."""
    book = Workbook()
    portfolio = book.active
    assert portfolio is not None
    portfolio.title = "Portfolio"
    summary = _summary(analysis)
    table(
        portfolio,
        ["Figure", "Value"],
        [(label, value) for label, value, _ in summary],
    )
    for row, (_, _, number_format) in enumerate(summary, start=2):
        if number_format:
            portfolio.cell(row=row, column=2).number_format = number_format
    portfolio.column_dimensions["A"].width = 40
    _accounts(book.create_sheet("Accounts"), analysis)
    money = money_format(analysis.currency)
    table(
        book.create_sheet("Stakeholders"),
        ["account", "id", "name", "title", "organization", "reports_to", "decision_power",
         "attitude", "relationship", "touchpoint", "role", "influences", "notes"],
        _stakeholders(accounts),
    )  # fmt: skip
    table(
        book.create_sheet("Objectives"),
        ["account", "objective", "item", "what", "status", "due", "owner", "done"],
        _objectives(accounts),
    )
    table(
        book.create_sheet("Activities"),
        ["account", "date", "kind", "with", "summary", "next", "next_due", "next_done"],
        _activities(accounts),
    )
    table(
        book.create_sheet("Needs"),
        ["account", "id", "what", "kind", "stage", "status", "probability", "horizon", "value"],
        _needs(accounts),
        {6: PERCENT, 8: money},
    )
    table(
        book.create_sheet("KPIs"),
        ["account", "kpi", "date", "value"],
        _kpi_readings(accounts, analysis.today),
    )
    add_charts(book.create_sheet("Charts"), analysis)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
