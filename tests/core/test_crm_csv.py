"""A CRM export read as spreadsheets write it, and every way it can be wrong, located."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamtui.core.account.problem import Problem, display_path
from kamtui.core.editing.crm_import import read_csv


def written(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    return path


def rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    table, problems = read_csv(path)
    assert table is not None and problems == []
    return [(row.number, row.cells) for row in table.rows]


def test_each_row_is_its_cells_by_header_and_the_line_it_starts_on(tmp_path: Path) -> None:
    """Blank rows are left out; a quoted cell may span lines; a short row lacks the
    cells it does not have and a long one drops what has no header."""
    path = written(
        tmp_path,
        b'Account , Owner\r\nAcme,Dana\r\n\r\n,\r\n"Big\nCo",Lee\r\nShort\r\nLong,Kim,extra\r\n',
    )
    assert rows(path) == [
        (2, {"Account": "Acme", "Owner": "Dana"}),
        (5, {"Account": "Big\nCo", "Owner": "Lee"}),
        (7, {"Account": "Short"}),
        (8, {"Account": "Long", "Owner": "Kim"}),
    ]


@pytest.mark.parametrize(
    ("header", "delimiter", "decimal_comma"),
    [(b"a,b;c", ",", False), (b"a;b;c,d", ";", True), (b"a\tb\tc;d", "\t", False)],
)
def test_the_delimiter_is_the_one_the_header_line_holds_most_of(
    tmp_path: Path, header: bytes, delimiter: str, decimal_comma: bool
) -> None:
    # The lines below would vote for another delimiter: only the header's counts.
    row = delimiter.encode().join([b"1", b"2", b"3"])
    data = header + b"\n" + row + b"\n;;;;;,,,,,\t\t\t\t\t\n" + row + b"\n"
    table, problems = read_csv(written(tmp_path, data))
    assert problems == [] and table is not None
    assert len(table.header) == header.count(delimiter.encode()) + 1
    assert table.rows[0].cells[table.header[0]] == "1"
    assert table.decimal_comma is decimal_comma


def test_one_column_is_read_with_a_comma_between_cells_as_spreadsheets_quote_it(
    tmp_path: Path,
) -> None:
    assert rows(written(tmp_path, b'Account\nXerox\n"Acme, Inc."\n')) == [
        (2, {"Account": "Xerox"}),
        (3, {"Account": "Acme, Inc."}),
    ]


def test_a_line_break_inside_quotes_is_kept_as_written(tmp_path: Path) -> None:
    assert rows(written(tmp_path, b'Account,Notes\r\nAcme,"one\r\ntwo"\r\n')) == [
        (2, {"Account": "Acme", "Notes": "one\r\ntwo"})
    ]


def test_a_byte_order_mark_is_not_part_of_the_first_column(tmp_path: Path) -> None:
    assert rows(written(tmp_path, "\ufeffAccount\nAcme\n".encode())) == [(2, {"Account": "Acme"})]


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"", 1, "the file is empty"),
        (b"Account\nAcme\nM\xfcller\n", 3, "not UTF-8 text: export the CSV as UTF-8"),
        (b"\nAccount\nM\xfcller\n", 3, "not UTF-8 text: export the CSV as UTF-8"),
        # Python's csv stops at a cell above its limit (128 KiB), whatever else is wrong.
        (b'Account\nAcme\n\n"' + b"x" * 140_000 + b'"\n', 4, "not CSV: field larger than"),
    ],
)
def test_what_is_wrong_is_said_at_its_line(
    tmp_path: Path, data: bytes, line: int, message: str
) -> None:
    path = written(tmp_path, data)
    _, problems = read_csv(path)
    [problem] = problems
    assert (problem.path, problem.line, problem.column) == (display_path(path), line, 1)
    assert problem.message.startswith(message)


def test_an_unreadable_file_says_why(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.csv"
    assert read_csv(missing) == (
        None,
        [Problem(display_path(missing), 1, 1, "cannot read the file: No such file or directory")],
    )
