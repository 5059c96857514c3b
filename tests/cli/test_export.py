"""`kamtui export`: the workbook opened with openpyxl, sheet by sheet, cell by cell,
chart by chart."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.chart import BarChart, LineChart, ScatterChart
from openpyxl.workbook.workbook import Workbook

from kamtui.cli import main
from tests.conftest import EXAMPLES, MINIMAL

SHEETS = ["Portfolio", "Accounts", "Stakeholders", "Objectives", "Activities", "Needs", "KPIs"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    path = tmp_path_factory.mktemp("export") / "portfolio.xlsx"
    code, _, err = run("export", str(EXAMPLES), "-o", str(path), "--today", "2026-11-24")
    assert (code, err) == (0, f"wrote {path}: 17 accounts\n")
    return load_workbook(path)


def report(*extra: str) -> dict:  # type: ignore[type-arg]
    code, out, _ = run("report", str(EXAMPLES), "--today", "2026-11-24", *extra)
    assert code == 0
    return json.loads(out)  # type: ignore[no-any-return]


def column(sheet: object, title: str) -> list[object]:
    rows = list(sheet.iter_rows(values_only=True))  # type: ignore[attr-defined]
    index = rows[0].index(title)
    return [row[index] for row in rows[1:]]


def test_every_sheet_is_there_with_a_frozen_filtered_header(example: Workbook) -> None:
    assert example.sheetnames == [*SHEETS, "Charts"]
    for name in SHEETS:
        sheet = example[name]
        assert sheet.freeze_panes == "A2", name
        assert (
            sheet.auto_filter.ref
            == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
        )
        assert all(cell.font.bold for cell in sheet[1]), name


def test_the_portfolio_sheet_gives_the_report_s_figures_as_numbers(example: Workbook) -> None:
    figures = dict(example["Portfolio"].iter_rows(min_row=2, values_only=True))
    portfolio = report("--format", "json")["portfolio"]
    assert figures["Accounts"] == portfolio["accounts"] == 17
    assert figures["Revenue 2026"] == portfolio["revenue_total"]
    assert figures["MRR"] == portfolio["mrr_total"]
    assert figures["MRR at risk"] == portfolio["mrr_at_risk"]
    assert figures["Pipeline, weighted"] == portfolio["pipeline"]["weighted"]
    # Full precision in the workbook; the report's JSON rounds shares to 3 decimals.
    assert round(figures["Net revenue retention 2026"], 3) == portfolio["retention"]["nrr"]
    assert figures["As of"] == dt.datetime(2026, 11, 24)
    cells = {row[0].value: row[1] for row in example["Portfolio"].iter_rows(min_row=2)}
    assert cells["MRR"].number_format == '#,##0 "USD"'
    assert cells["Vital few: share of revenue"].number_format == "0.0%"


def test_the_accounts_sheet_has_every_report_column_typed(example: Workbook) -> None:
    sheet = example["Accounts"]
    csv_header = run("report", str(EXAMPLES), "--today", "2026-11-24", "--format", "csv")[1]
    assert [cell.value for cell in sheet[1]] == csv_header.splitlines()[0].split(",")
    rows = {row["id"]: row for row in report("--format", "json")["accounts"]}
    ids = column(sheet, "id")
    assert ids == list(rows)  # rank order
    meridian = ids.index("meridian-telecom") + 2
    by_title = {cell.value: sheet.cell(meridian, cell.column) for cell in sheet[1]}
    assert by_title["mrr"].value == rows["meridian-telecom"]["mrr"]
    assert by_title["mrr"].number_format == '#,##0 "USD"'
    assert by_title["contract_end"].value == dt.datetime(2026, 12, 31)
    assert by_title["contract_end"].number_format == "yyyy-mm-dd"
    assert by_title["net_retention"].number_format == "0.0%"
    assert by_title["at_risk"].value is True
    assert by_title["flags"].value == "endangered at_risk overdue low_satisfaction upsell"


def test_the_detail_sheets_list_every_item_of_every_account(example: Workbook) -> None:
    assert len(column(example["Stakeholders"], "id")) == 67
    assert ("harbor-health", "evp", "Morgan Lee") in [
        row[:3] for row in example["Stakeholders"].iter_rows(values_only=True)
    ]
    items = [row[:3] for row in example["Objectives"].iter_rows(values_only=True)]
    assert ("harbor-health", "cloud-migration", "objective") in items
    assert ("harbor-health", "cloud-migration", "action 1") in items
    needs = list(example["Needs"].iter_rows(min_row=2))
    assert all(row[8].number_format == '#,##0 "USD"' for row in needs if row[8].value is not None)
    kpis = list(example["KPIs"].iter_rows(min_row=2, values_only=True))
    assert ("muller-logistik", "on_time_delivery") in {row[:2] for row in kpis}
    assert all(isinstance(row[2], dt.datetime | type(None)) for row in kpis)


def test_the_charts_are_native_pareto_tiers_and_matrix(example: Workbook) -> None:
    sheet = example["Charts"]
    pareto, tiers, matrix = sheet._charts
    assert isinstance(pareto, BarChart)
    bars, line = pareto._charts
    assert isinstance(bars, BarChart) and isinstance(line, LineChart)
    # The cumulative share runs on a second axis, at the right, 0 to 100 %.
    assert line.y_axis.axId == 200 and line.y_axis.crosses == "max"
    assert (line.y_axis.scaling.min, line.y_axis.scaling.max) == (0, 1)
    assert str(bars.series[0].val.numRef.f) == "'Charts'!$B$2:$B$15"
    assert str(line.series[0].val.numRef.f) == "'Charts'!$C$2:$C$15"
    shares = [row[2] for row in sheet.iter_rows(min_row=2, max_col=3, values_only=True)]
    ranking = report("--format", "json")["portfolio"]["pareto"]["ranking"]
    # openpyxl writes a float with 16 significant digits, so the 17th may differ.
    expected = [entry["cumulative_share"] for entry in ranking]
    assert shares == pytest.approx(expected, rel=1e-15, abs=0)
    assert isinstance(tiers, BarChart) and tiers.grouping == "stacked"
    assert len(tiers.series) == 3
    assert isinstance(matrix, ScatterChart)
    accounts = report("--format", "json")["accounts"]
    key = [a for a in accounts if a["status"] in {"key", "under_review"}]
    placed = [a for a in key if a["harmony"] is not None]
    # Accounts without harmony, candidates and former key accounts are left out.
    assert 0 < len(placed) < len(key) < len(accounts)
    end = len(placed) + 1
    assert str(matrix.series[0].xVal.numRef.f) == f"'Charts'!$L$2:$L${end}"
    assert str(matrix.series[0].yVal.numRef.f) == f"'Charts'!$K$2:$K${end}"


def test_text_is_never_a_formula_and_control_characters_are_escaped(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    write("acme.yaml", MINIMAL.replace("name: Acme Corp", 'name: "=HYPERLINK(\\"x\\") \\u0007"'))
    path = tmp_path / "out.xlsx"
    code, _, _ = run("export", str(tmp_path), "-o", str(path), "--today", "2026-11-24")
    assert code == 0
    cell = load_workbook(path)["Accounts"]["C2"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("x") \\x07'


def test_invalid_accounts_are_left_out_and_said_the_workbook_still_written(
    tmp_path: Path, write
) -> None:  # type: ignore[no-untyped-def]
    write("acme.yaml", MINIMAL)
    write("broken.yaml", "name: [\n")
    path = tmp_path / "out.xlsx"
    code, _, err = run("export", str(tmp_path), "-o", str(path))
    assert code == 1
    assert "broken.yaml:" in err
    assert column(load_workbook(path)["Accounts"], "id") == ["acme"]


def test_the_output_must_be_an_xlsx_file_and_a_link_is_not_written_through(
    tmp_path: Path,
) -> None:
    code, _, err = run("export", str(EXAMPLES), "-o", str(tmp_path / "out.csv"))
    assert code == 2 and "must end in .xlsx" in err
    target = tmp_path / "elsewhere.xlsx"
    target.write_bytes(b"keep")
    (tmp_path / "link.xlsx").symlink_to(target)
    code, _, err = run("export", str(EXAMPLES), "-o", str(tmp_path / "link.xlsx"))
    assert code == 1 and "symbolic link" in err
    assert target.read_bytes() == b"keep"


def test_without_openpyxl_it_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for module in ("openpyxl", "kamtui.render.workbook"):
        monkeypatch.setitem(sys.modules, module, None)
    code, _, err = run("export", str(EXAMPLES), "-o", str(tmp_path / "out.xlsx"))
    assert code == 1
    assert "kamtui export needs openpyxl: pip install 'kamtui[xlsx]'" in err
    assert not (tmp_path / "out.xlsx").exists()
