"""The portfolio report as CSV: one row per account, in rank order, for spreadsheets.
The columns are `report_columns.COLUMNS`, after the rank."""

from __future__ import annotations

import csv
import io

from kamtui.core.analysis.portfolio import AccountRow, PortfolioAnalysis
from kamtui.render.report_columns import COLUMNS
from kamtui.render.safe_text import one_line

# A spreadsheet runs a cell starting with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    """User text that a spreadsheet shows instead of evaluating (OWASP's CSV-injection
    advice), and that a terminal the CSV is printed to shows instead of obeying."""
    value = one_line(value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _cell(value: object) -> str | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return _text(" ".join(value))
    if isinstance(value, str):
        return _text(value)
    assert isinstance(value, int | float)
    return value


def header(analysis: PortfolioAnalysis) -> list[str]:
    return ["rank", *(key for column in COLUMNS for key in column.csv_keys(analysis))]


def row_values(rank: int, row: AccountRow, analysis: PortfolioAnalysis) -> list[object]:
    """The values under `header`, as the columns give them (the workbook types them)."""
    values: list[object] = [rank]
    for column in COLUMNS:
        values += column.csv_values(row, analysis)
    return values


def _row(rank: int, row: AccountRow, analysis: PortfolioAnalysis) -> list[str | float]:
    return [_cell(value) for value in row_values(rank, row, analysis)]


def render_csv(analysis: PortfolioAnalysis) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header(analysis))
    for rank, row in enumerate(analysis.rows.values(), start=1):
        writer.writerow(_row(rank, row, analysis))
    return out.getvalue()
