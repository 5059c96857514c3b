"""Cells and tables of the workbook (`workbook.py`, `workbook_charts.py`): typed values,
number formats, headers, and text that stays text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

PERCENT = "0.0%"
DATE = "yyyy-mm-dd"


def money_format(currency: str) -> str:
    """Whole amounts with thousands separators and the currency after them."""
    return f'#,##0 "{currency}"'


def text(value: str) -> str:
    """User text as a workbook can hold it: characters it refuses written as escapes."""
    return ILLEGAL_CHARACTERS_RE.sub(lambda found: f"\\x{ord(found.group()):02x}", value)


def put(sheet: Worksheet, row: int, column: int, value: Any, number_format: str = "") -> None:
    """One cell: text stays text, a date a date, a list of words one string."""
    if isinstance(value, tuple | list):
        value = " ".join(str(item) for item in value)
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = text(value)
        cell.data_type = "s"  # never a formula, whatever it starts with
    else:
        cell.value = value
    if isinstance(value, dt.date):
        cell.number_format = DATE
    elif number_format and isinstance(value, int | float) and not isinstance(value, bool):
        cell.number_format = number_format


def header(sheet: Worksheet, titles: Sequence[str], first_column: int = 1) -> None:
    """Bold titles in the first row, from `first_column` on."""
    for column, title in enumerate(titles, start=first_column):
        put(sheet, 1, column, title)
        sheet.cell(row=1, column=column).font = Font(bold=True)


def _width(value: Any, number_format: str) -> int:
    """About how many characters `value` shows as (a formatted number is longer)."""
    if isinstance(value, float | int) and not isinstance(value, bool) and number_format:
        return len(f"{value:,.0f}") + len(number_format) - 6
    return len(str(value)) if value is not None else 0


def table(
    sheet: Worksheet,
    titles: Sequence[str],
    rows: Iterable[Sequence[Any]],
    formats: Mapping[int, str] | None = None,
    first_column: int = 1,
) -> int:
    """A table from the top of the sheet at `first_column`: the header, then the rows;
    `formats` are number formats by the column's index in the table, from 0. A table
    starting the sheet has its header frozen and filtered. Returns how many rows."""
    formats = formats or {}
    header(sheet, titles, first_column)
    widths = [len(title) for title in titles]
    count = 0
    for count, values in enumerate(rows, start=1):
        for offset, value in enumerate(values):
            number_format = formats.get(offset, "")
            put(sheet, count + 1, first_column + offset, value, number_format)
            widths[offset] = max(widths[offset], _width(value, number_format))
    for offset, width in enumerate(widths):
        letter = get_column_letter(first_column + offset)
        sheet.column_dimensions[letter].width = min(max(width, 8) + 2, 50)
    if first_column == 1:
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(titles))}{count + 1}"
    return count
