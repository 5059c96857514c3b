"""An import planned row by row: which account a row is, which cells go in, what is wrong
where, and what writing the plan does when the folder changed meanwhile."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kamtui.core.account.account_file import load_account_file
from kamtui.core.account.model import PortfolioSettings
from kamtui.core.account.problem import Problem, display_path
from kamtui.core.editing.crm_import import CrmMap, ImportPlan, plan_import, write_plan
from tests.core.test_account_edit import changes

TODAY = dt.date(2026, 11, 24)
CRITERIA = (
    "criteria: {revenue_volume: 3, revenue_potential: 3, lifetime_value: 3, product_fit: 3,"
    " strategic_value: 3}\n"
)
MAP = CrmMap.model_validate(
    {
        "name": "Account",
        "fields": {"owner": "Owner", "revenue.{year}": "Revenue", "industry": "Industry"},
    }
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    accounts = tmp_path / "accounts"
    accounts.mkdir()
    # Known by its id (acme), and one known only by its name (the file is named otherwise).
    (accounts / "acme.yaml").write_text(f"name: Acme\nowner: Dana\n{CRITERIA}", encoding="utf-8")
    (accounts / "globex-old.yaml").write_text(f"name: Globex Corp\n{CRITERIA}", encoding="utf-8")
    return accounts


def plan(
    folder: Path, csv: str, *overwrite: str, year: int = 2026, crm_map: CrmMap | None = None
) -> ImportPlan:
    """The import of `csv` with MAP's fields for the columns it has (or `crm_map`)."""
    path = folder.parent / "export.csv"
    path.write_text(csv, encoding="utf-8")
    accounts = {p: p.read_bytes() for p in sorted(folder.glob("*.yaml"))}
    if crm_map is None:
        header = csv.split("\n", 1)[0].replace(";", ",").split(",")
        fields = {k: column for k, column in MAP.fields.items() if column in header}
        crm_map = CrmMap(name="Account", fields=fields)
    return plan_import(path, crm_map, accounts, folder, PortfolioSettings(), TODAY, year, overwrite)


def csv_problem(folder: Path, line: int, column: int, message: str) -> Problem:
    return Problem(display_path(folder.parent / "export.csv"), line, column, message)


def test_rows_find_their_account_by_id_or_by_name_and_fill_only_what_it_lacks(
    folder: Path,
) -> None:
    result = plan(
        folder,
        "Account,Owner,Revenue,Industry\n"
        'ACME,Lee,"1,200",Retail\n'  # by id (the name's file name); owner kept
        "globex corp,Kim,,\n",  # by name, case aside
    )
    assert result.problems == []
    acme, globex = result.files
    assert (acme.path.name, acme.rows, acme.fields) == (
        "acme.yaml",
        [2],
        ["revenue.2026", "industry"],
    )
    removed, added = changes(acme.before or "", acme.after)
    assert removed == [] and sorted(added) == sorted(
        ["industry: Retail", "revenue:", "  2026: 1200"]
    )
    assert "owner: Dana" in acme.after and "Lee" not in acme.after
    assert (globex.path.name, globex.rows, globex.fields) == ("globex-old.yaml", [3], ["owner"])
    assert globex.read == (folder / "globex-old.yaml").read_bytes()


def test_overwrite_names_a_field_or_every_field_below_it(folder: Path) -> None:
    csv = "Account,Owner,Revenue\nAcme,Lee,5\nAcme,Lee,7\n"
    kept = plan(folder, csv)
    assert kept.files[0].fields == ["revenue.2026"]
    assert kept.files[0].rows == [2, 3]
    replaced = plan(folder, csv, "owner", "revenue")
    [acme] = replaced.files
    assert "owner: Lee" in acme.after
    # The second row of the same account writes over the first (both named to overwrite).
    assert "2026: 7" in acme.after
    assert plan(folder, csv, "own").files[0].fields == ["revenue.2026"]


def test_a_new_account_is_made_once_from_the_template_for_all_its_rows(folder: Path) -> None:
    result = plan(folder, "Account,Owner,Revenue\nInitech,Bill,10\nInitech,,20\n", year=2025)
    [new] = result.files
    assert (new.path, new.before, new.rows) == (folder / "initech.yaml", None, [2, 3])
    assert "name: Initech" in new.after and "owner: Bill" in new.after
    # A new file is the import's own: a later row writes over an earlier one.
    assert "2025: 20" in new.after and "2025: 10" not in new.after
    assert new.fields == ["owner", "revenue.2025", "revenue.2025"]
    assert result.problems == []


@pytest.mark.parametrize(
    ("cell", "decimal_comma", "written"),
    [
        ("$1,234,567", False, "1234567"),
        ("€ 1,234.50", False, "1234.5"),
        ("1.234.567,5", True, "1234567.5"),
        ("£1\u00a0234\u00a0567", True, "1234567"),
        ("12", False, "12"),
        ("0,5", True, "0.5"),
    ],
)
def test_numbers_as_spreadsheets_export_them(
    folder: Path, cell: str, decimal_comma: bool, written: str
) -> None:
    separator = ";" if decimal_comma else ","
    quoted = f'"{cell}"'
    result = plan(folder, f"Account{separator}Revenue\nAcme{separator}{quoted}\n")
    assert result.problems == []
    assert f"  2026: {written}\n" in result.files[0].after


def test_what_is_wrong_is_said_at_its_row_and_column_and_good_rows_go_in(folder: Path) -> None:
    result = plan(
        folder,
        "Account,Owner,Revenue,Industry\n"
        ",Kim,1,\n"  # no name
        "Acme,,twelve,\n"  # text where a number goes
        "???,Kim,1,\n"  # no file name to be had
        "Globex Corp,Kim,,\n",
    )
    assert result.problems[0] == csv_problem(folder, 2, 1, "no account name")
    assert result.problems[1].line == 3 and result.problems[1].column == 3
    assert result.problems[1].message.startswith("Revenue: ")
    assert (result.problems[2].line, result.problems[2].column) == (4, 1)
    assert [f.path.name for f in result.files] == ["acme.yaml", "globex-old.yaml"]
    assert "owner: Kim" in result.files[1].after


def test_a_map_naming_columns_the_export_lacks_lists_what_it_has(folder: Path) -> None:
    result = plan(folder, "Account,Owner\nAcme,Lee\n", crm_map=MAP)
    assert result == ImportPlan(
        [],
        [
            csv_problem(
                folder, 1, 1, "the map names column 'Revenue'; the CSV has: Account, Owner"
            ),
            csv_problem(
                folder, 1, 1, "the map names column 'Industry'; the CSV has: Account, Owner"
            ),
        ],
    )


def test_writing_the_plan_refuses_what_changed_meanwhile_and_writes_the_rest(
    folder: Path,
) -> None:
    result = plan(folder, "Account,Owner,Revenue\nAcme,Lee,5\nGlobex Corp,Kim,\nInitech,Bill,\n")
    # Meanwhile someone saves acme, and a file takes the new account's name.
    (folder / "acme.yaml").write_text(
        f"name: Acme\nowner: Dana\nindustry: Oil\n{CRITERIA}", encoding="utf-8"
    )
    (folder / "initech.yaml").write_text("taken\n", encoding="utf-8")
    problems = write_plan(result)
    assert [(p.path, p.line, p.column) for p in problems] == [
        (display_path(folder / "acme.yaml"), 1, 1),
        (display_path(folder / "initech.yaml"), 1, 1),
    ]
    assert "changed on disk" in problems[0].message
    assert problems[1].message == "a file of this name appeared meanwhile; not overwritten"
    assert "industry: Oil" in (folder / "acme.yaml").read_text(encoding="utf-8")
    assert (folder / "initech.yaml").read_text(encoding="utf-8") == "taken\n"
    globex = load_account_file(folder / "globex-old.yaml", PortfolioSettings()).account
    assert globex is not None and globex.owner == "Kim"


def test_an_unchanged_file_is_not_written(folder: Path) -> None:
    result = plan(folder, "Account,Owner\nAcme,Lee\n".replace("Owner", "Owner"))
    before = (folder / "acme.yaml").stat().st_mtime_ns
    (folder / "acme.yaml").chmod(0o444)
    try:
        assert write_plan(result) == []
    finally:
        (folder / "acme.yaml").chmod(0o644)
    assert (folder / "acme.yaml").stat().st_mtime_ns == before


def test_a_row_finds_a_file_by_its_id_alone(folder: Path) -> None:
    """ "Globex Old" names no account, but its file name is globex-old's."""
    [globex] = plan(folder, "Account,Owner\nGlobex Old,Kim\n").files
    assert globex.path == folder / "globex-old.yaml"


def test_cells_that_are_missing_or_name_no_field_and_a_name_that_makes_no_file(
    folder: Path,
) -> None:
    """A short row lacks cells (the name among them when it is not the first column)."""
    crm_map = CrmMap(name="Account", fields={"owner": "Owner", "ownr": "Industry"})
    result = plan(
        folder,
        "Owner,Account,Industry\nLee\nKim,Acme\nKim,Acme,Retail\nKim,???,x\n",
        crm_map=crm_map,
    )
    assert result.problems[0] == csv_problem(folder, 2, 2, "no account name")
    assert result.problems[1].line == 4 and result.problems[1].column == 3
    assert result.problems[1].message.startswith("Industry: ")
    assert "ownr" in result.problems[1].message
    assert result.problems[2] == csv_problem(
        folder, 5, 2, "'???' has no letters or digits to name a file after"
    )
    [acme] = result.files
    assert acme.rows == [3, 4] and acme.fields == []  # Dana stays the owner


def test_a_field_of_a_list_item_by_id_is_kept_when_written_else_set(folder: Path) -> None:
    people = "stakeholders:\n  - {id: cfo, name: Ann, title: CFO}\n  - {id: cio, name: Bo}\n"
    (folder / "acme.yaml").write_text(f"name: Acme\n{CRITERIA}{people}", encoding="utf-8")
    crm_map = CrmMap(
        name="Account",
        fields={"stakeholders.cfo.title": "CFO title", "stakeholders.cio.title": "CIO title"},
    )
    [acme] = plan(
        folder, "Account,CFO title,CIO title\nAcme,Finance head,Tech head\n", crm_map=crm_map
    ).files
    assert acme.fields == ["stakeholders.cio.title"]
    assert "{id: cfo, name: Ann, title: CFO}" in acme.after
    assert "{id: cio, name: Bo, title: Tech head}" in acme.after


def test_an_export_that_is_not_csv_plans_nothing(folder: Path) -> None:
    result = plan(folder, 'Account,Owner\nAcme,Lee\n"' + "x" * 140_000 + '"\n')
    assert result.files == []
    assert [p.line for p in result.problems] == [3]


def test_a_file_that_cannot_be_written_says_why_and_the_rest_are_written(folder: Path) -> None:
    result = plan(folder, "Account,Owner\nInitech,Bill\nGlobex Corp,Kim\nAcme,Lee\n", "owner")
    (folder / "acme.yaml").unlink()
    (folder / "acme.yaml").mkdir()  # a folder where the file was: it cannot be written
    problems = write_plan(result)
    assert [(p.path, p.line, p.column) for p in problems] == [
        (display_path(folder / "acme.yaml"), 1, 1)
    ]
    assert problems[0].message.startswith(("cannot write the file: ", "not a regular file"))
    assert load_account_file(folder / "initech.yaml", PortfolioSettings()).account is not None
    globex = load_account_file(folder / "globex-old.yaml", PortfolioSettings()).account
    assert globex is not None and globex.owner == "Kim"


def test_a_new_file_that_cannot_be_made_says_why(folder: Path, tmp_path: Path) -> None:
    """An unchanged file first in the plan is passed over; the folder replaced by a
    file, the new account's file cannot be made."""
    result = plan(folder, "Account,Owner\nAcme,Dana\nInitech,Bill\n")
    assert [f.before == f.after for f in result.files] == [True, False]
    folder.rename(tmp_path / "moved")
    folder.write_text("not a folder\n", encoding="utf-8")
    [problem] = write_plan(result)
    assert (problem.path, problem.line, problem.column) == (
        display_path(folder / "initech.yaml"),
        1,
        1,
    )
    # mkdir reports the file in the folder's place as existing: not "appeared meanwhile".
    assert problem.message == "cannot write the file: File exists"
