"""Accounts from a CRM's CSV export: new files from the template, known ones edited in place.

A map (YAML, `CrmMap`) says which column holds the account's name and which columns
fill which fields (`owner: Account Owner`, `revenue.{year}: Annual Revenue`). A row
belongs to the account whose id is the file name its name would get, or whose `name`
is the same text (case aside); other rows make new accounts from the template.

In a known account, a field already written in its file is the user's and stays as
it is, unless it is named to be overwritten; only the lines of the fields set change.
A cell that cannot be read, or that the format refuses, is a problem at
`FILE:ROW:COLUMN` and is left out (each cell is checked with the whole account it goes
into, so no account is written invalid); every good row still goes in.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import Field

from kamtui.core.account.account_file import load_account_bytes
from kamtui.core.account.model import PortfolioSettings, Text
from kamtui.core.account.problem import Problem, display_path
from kamtui.core.account.strict import Strict
from kamtui.core.account.yaml_source import parse
from kamtui.core.editing.account_change import ChangeRefused, write_unless_changed
from kamtui.core.editing.account_edit import EditError, set_value
from kamtui.core.editing.atomic_write import write_atomic
from kamtui.core.editing.field_path import PathError, resolve_path
from kamtui.core.editing.template import new_account, slugify

# Numbers as spreadsheets export them: `1,234,567.89`, or where the cells are separated
# by `;` (the decimal mark is a comma there) `1.234.567,89` or `1 234 567,89`.
_POINT_DECIMAL = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_COMMA_DECIMAL = re.compile(r"-?(?:\d{1,3}(?:[. ]\d{3})+|\d+)(?:,\d+)?")
_CURRENCY = "$€£¥"


class CrmMap(Strict):
    """How a CRM's account export maps onto account files."""

    name: Text = Field(description="The column that holds the account's name")
    fields: dict[str, Text] = Field(
        default_factory=dict,
        description="Field path (as `kamtui set` takes it; `{year}` is the import year) → column",
    )


@dataclass
class FileChangePlan:
    """One account file as the import would leave it."""

    path: Path
    before: str | None  # None for a new file
    after: str
    rows: list[int] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    # The bytes read, so that a file saved meanwhile is not overwritten.
    read: bytes | None = None


@dataclass
class ImportPlan:
    files: list[FileChangePlan]
    problems: list[Problem]


@dataclass
class _Row:
    number: int  # the CSV line the row starts on; the header is line 1
    cells: dict[str, str]


@dataclass
class CsvTable:
    header: list[str]
    rows: list[_Row]
    decimal_comma: bool


def read_csv(path: Path) -> tuple[CsvTable | None, list[Problem]]:
    """A CSV as spreadsheets write it: UTF-8 with or without a byte order mark, cells
    separated by `,`, `;` or a tab (whichever the header line holds most of)."""
    shown = display_path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(shown, 1, 1, f"cannot read the file: {error.strerror}")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = data.count(b"\n", 0, error.start) + 1
        return None, [Problem(shown, row, 1, "not UTF-8 text: export the CSV as UTF-8")]
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [cell.strip() for cell in next(reader)]
    except StopIteration:
        return None, [Problem(shown, 1, 1, "the file is empty")]
    table = CsvTable(header, [], decimal_comma=delimiter == ";")
    start = reader.line_num + 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                table.rows.append(_Row(start, dict(zip(header, cells, strict=False))))
            start = reader.line_num + 1
    except csv.Error as error:
        return table, [Problem(shown, start, 1, f"not CSV: {error}")]
    return table, []


def plan_import(
    csv_path: Path,
    crm_map: CrmMap,
    accounts: Mapping[Path, bytes],
    folder: Path,
    settings: PortfolioSettings,
    today: dt.date,
    year: int,
    overwrite: Iterable[str] = (),
) -> ImportPlan:
    """What importing `csv_path` into `folder` (of these settings) would write; nothing
    is written.

    `accounts` are the folder's valid account files with their bytes (read by the caller).
    """
    shown = display_path(csv_path)
    table, problems = read_csv(csv_path)
    if table is None or problems:
        return ImportPlan([], problems)
    header = table.header
    column_of = {name: position for position, name in enumerate(header, 1)}
    missing = [c for c in (crm_map.name, *crm_map.fields.values()) if c not in column_of]
    if missing:
        known = ", ".join(header)
        return ImportPlan(
            [],
            [
                Problem(shown, 1, 1, f"the map names column {c!r}; the CSV has: {known}")
                for c in missing
            ],
        )
    by_key = _account_keys(accounts)
    plans: dict[Path, FileChangePlan] = {}
    overwritten = set(overwrite)
    for row in table.rows:
        name = row.cells.get(crm_map.name, "").strip()
        if not name:
            problems.append(Problem(shown, row.number, column_of[crm_map.name], "no account name"))
            continue
        try:
            plan = _plan_for(name, by_key, plans, accounts, folder, today)
        except ValueError as error:  # no file name to be had, or an id that is taken
            problems.append(Problem(shown, row.number, column_of[crm_map.name], str(error)))
            continue
        plan.rows.append(row.number)
        for path_template, column in crm_map.fields.items():
            cell = row.cells.get(column, "").strip()
            if not cell:
                continue
            dotted = path_template.replace("{year}", str(year))
            where = (shown, row.number, column_of[column])
            try:
                value = _number(cell, table.decimal_comma)
                written = cell if value is None else value
                plan.after = _set_cell(plan, dotted, written, overwritten, settings)
            except _CellProblem as problem:
                problems.append(Problem(*where, f"{column}: {problem}"))
    # Each cell was checked with the whole account it goes into: every plan is valid.
    return ImportPlan(list(plans.values()), problems)


class _CellProblem(Exception):
    pass


def _set_cell(
    plan: FileChangePlan,
    dotted: str,
    value: Any,
    overwritten: set[str],
    settings: PortfolioSettings,
) -> str:
    document = parse(plan.after)
    data = document.data if document is not None and isinstance(document.data, dict) else {}
    try:
        path = resolve_path(dotted, data)
    except PathError as error:
        raise _CellProblem(str(error)) from None
    if plan.before is not None and _written(data, path) and not _named(dotted, overwritten):
        return plan.after
    try:
        after = set_value(plan.after, path, value)
    except EditError as error:
        raise _CellProblem(error.message) from None
    # Each cell is checked on its own, so that one bad cell costs only itself.
    account, problems = load_account_bytes(after.encode(), "cell", settings)
    if account is None:
        raise _CellProblem(problems[0].message)
    if after != plan.after:
        plan.fields.append(dotted)
    return after


def _number(cell: str, decimal_comma: bool) -> int | float | None:
    """The cell as a number, or None when it is not one (text then goes in as text, and
    a field that wants a number says so)."""
    text = cell.lstrip(_CURRENCY).replace("\u00a0", " ").strip()
    if decimal_comma:
        if not _COMMA_DECIMAL.fullmatch(text):
            return None
        text = text.replace(".", "").replace(" ", "").replace(",", ".")
    else:
        if not _POINT_DECIMAL.fullmatch(text):
            return None
        text = text.replace(",", "")
    return float(text) if "." in text else int(text)


def _written(data: dict[str, Any], path: tuple[str | int, ...]) -> bool:
    node: Any = data
    for part in path:
        key = int(part) if isinstance(part, str) and part.isdigit() else part
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return False
    return node is not None


def _named(dotted: str, overwritten: set[str]) -> bool:
    """`--overwrite revenue` covers `revenue.2026`."""
    return any(dotted == name or dotted.startswith(name + ".") for name in overwritten)


def _account_keys(accounts: Mapping[Path, bytes]) -> dict[str, Path]:
    """Each account file under its id and under its name, folded for comparison."""
    keys: dict[str, Path] = {}
    for path, data in accounts.items():
        keys.setdefault(f"id:{path.stem}", path)
        document = parse(data.decode("utf-8-sig"))
        if document is not None and isinstance(document.data, dict):
            name = document.data.get("name")
            if isinstance(name, str):
                keys.setdefault(f"name:{name.strip().casefold()}", path)
    return keys


def _plan_for(
    name: str,
    by_key: dict[str, Path],
    plans: dict[Path, FileChangePlan],
    accounts: Mapping[Path, bytes],
    folder: Path,
    today: dt.date,
) -> FileChangePlan:
    slug = slugify(name)
    path = by_key.get(f"id:{slug}") or by_key.get(f"name:{name.casefold()}")
    if path is None:
        path, text = new_account(folder, name, today)
        by_key[f"id:{slug}"] = path
        plans[path] = FileChangePlan(path, None, text)
    elif path not in plans:
        text = accounts[path].decode("utf-8-sig")
        plans[path] = FileChangePlan(path, text, text, read=accounts[path])
    return plans[path]


def write_plan(plan: ImportPlan) -> list[Problem]:
    """Write every planned file that changes; problems for those that cannot be written."""
    problems: list[Problem] = []
    for change in plan.files:
        if change.after == change.before:
            continue
        shown = display_path(change.path)
        try:
            if change.before is None:
                write_atomic(change.path, change.after, overwrite=False)
            else:
                write_unless_changed(change.path, change.read or b"", change.after)
        except ChangeRefused as refused:
            problems.extend(refused.problems)
        except OSError as error:
            # The new file's name taken meanwhile, or a folder on its way that is a file
            # (which mkdir also reports as existing): two things to say.
            if isinstance(error, FileExistsError) and os.path.lexists(change.path):
                message = "a file of this name appeared meanwhile; not overwritten"
            else:
                message = f"cannot write the file: {error.strerror}"
            problems.append(Problem(shown, 1, 1, message))
    return problems
