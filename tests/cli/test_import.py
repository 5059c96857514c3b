"""`kamtui import`: CRM exports into account files, new and known, row by row."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamtui.core.loading.loader import load_folder
from tests.conftest import MINIMAL, REPO, kamtui
from tests.core.test_account_edit import changes

SALESFORCE = REPO / "examples" / "crm" / "salesforce.yaml"
HUBSPOT = REPO / "examples" / "crm" / "hubspot.yaml"
ACME = MINIMAL + "owner: Dana Reyes   # ours\nrevenue:\n  2025: 100\n"
HEADER = "Account ID,Account Name,Account Owner,Industry,Annual Revenue,Type,Billing Country\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "accounts"
    root.mkdir()
    (root / "acme-corp.yaml").write_text(ACME, encoding="utf-8")
    return root


def run(
    folder: Path, csv_text: str | bytes, *args: str, mapping: Path = SALESFORCE
) -> tuple[int, str, str]:
    csv_path = folder.parent / "export.csv"
    if isinstance(csv_text, str):
        csv_text = csv_text.encode()
    csv_path.write_bytes(csv_text)
    return kamtui("import", str(csv_path), str(folder), "--map", str(mapping), "--year", "2026",
                  "--today", "2026-12-01", *args)  # fmt: skip


def test_a_known_account_gains_only_the_fields_it_lacks(folder: Path) -> None:
    code, out, err = run(
        folder, HEADER + '001,Acme Corp,Raj Patel,Retail,"2,500,000",Customer,US\n'
    )
    assert (code, err) == (0, "")
    after = (folder / "acme-corp.yaml").read_text(encoding="utf-8")
    # The owner is the user's: kept. Industry and this year's revenue are added.
    assert changes(ACME, after) == ([], ["industry: Retail", "  2026: 2500000"])
    assert out.strip() == f"updated {folder / 'acme-corp.yaml'}: industry, revenue.2026 (row 2)"


def test_overwrite_replaces_a_written_field_on_its_line(folder: Path) -> None:
    code, _, _ = run(folder, HEADER + "001,ACME CORP,Raj Patel,,,,\n", "--overwrite", "owner")
    assert code == 0
    after = (folder / "acme-corp.yaml").read_text(encoding="utf-8")
    assert changes(ACME, after) == (["owner: Dana Reyes   # ours"], ["owner: Raj Patel    # ours"])


def test_unknown_accounts_become_new_files_from_the_template(folder: Path) -> None:
    code, out, _ = run(
        folder, HEADER + "002,Nordwind Logistik GmbH,Lukas Brandt,Logistics,1200000.50,,DE\n"
    )
    assert code == 0
    assert out.strip() == f"created {folder / 'nordwind-logistik-gmbh.yaml'} (row 2)"
    account = load_folder(folder).accounts["nordwind-logistik-gmbh"]
    assert (account.name, account.owner, account.industry) == (
        "Nordwind Logistik GmbH",
        "Lukas Brandt",
        "Logistics",
    )
    assert account.revenue == {2026: 1200000.5}


def test_bad_cells_are_reported_at_row_and_column_and_good_rows_go_in(folder: Path) -> None:
    csv_text = HEADER + (
        "003,,Nobody,,100,,\n"
        "004,Zephyr Air,Kenji Mori,Aviation,n/a,,JP\n"
        "005,Borealis Mining,Ana Silva,Mining,900,,CA\n"
    )
    code, _, err = run(folder, csv_text)
    assert code == 1
    export = folder.parent / "export.csv"
    assert err.splitlines() == [
        f"{export}:2:2: error: no account name",
        f"{export}:3:5: error: Annual Revenue: revenue.2026: expected a number, got 'n/a'",
    ]
    accounts = load_folder(folder).accounts
    assert accounts["zephyr-air"].revenue == {}  # the row went in without its bad cell
    assert accounts["borealis-mining"].revenue == {2026: 900}


def test_semicolons_a_byte_order_mark_and_decimal_commas(folder: Path) -> None:
    csv_text = "\ufeffRecord ID;Company name;Company owner;Industry;Annual Revenue\n1;Riviera SA;Léa Roux;Hotels;1.234.567,50\n"
    code, _, _ = run(folder, csv_text.encode("utf-8"), mapping=HUBSPOT)
    assert code == 0
    assert load_folder(folder).accounts["riviera-sa"].revenue == {2026: 1234567.5}


def test_dry_run_prints_every_diff_and_writes_nothing(folder: Path) -> None:
    code, out, _ = run(folder, HEADER + "001,Acme Corp,,Retail,,,\n002,New Co,,,,,\n", "--dry-run")
    assert code == 0
    assert "+industry: Retail" in out
    assert "--- /dev/null\n+++ b/" in out
    assert sorted(p.name for p in folder.iterdir()) == ["acme-corp.yaml"]
    assert (folder / "acme-corp.yaml").read_text(encoding="utf-8") == ACME


def test_a_map_naming_a_missing_column_is_refused(folder: Path) -> None:
    code, _, err = run(folder, "Name,Owner\nAcme,Dana\n")
    assert code == 1
    assert "the map names column 'Account Name'; the CSV has: Name, Owner" in err


def test_a_broken_map_is_reported_where_it_is_wrong(folder: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: Account Name\nfeilds: {owner: Account Owner}\n", encoding="utf-8")
    code, _, err = run(folder, HEADER, mapping=bad)
    assert code == 1
    assert f"{bad}:2:1: error: unknown field 'feilds' (did you mean 'fields'?)" in err


def test_an_empty_map_says_what_it_needs(folder: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    code, _, err = run(folder, HEADER, mapping=empty)
    assert code == 1 and f"{empty}:1:1: error: file is empty; it needs at least name" in err


def test_not_utf8_says_how_to_export(folder: Path) -> None:
    code, _, err = run(folder, (HEADER + "001,Café Lumière,,,,,\n").encode("cp1252"))
    assert code == 1
    assert "export.csv:2:1: error: not UTF-8 text: export the CSV as UTF-8" in err


def test_the_delimiter_is_the_header_lines(folder: Path) -> None:
    """Semicolons in the header decide, however many commas the rows hold."""
    name = "Riviera, Côte, Azur, Hotels, Spas, Bars, Cafés, Inns, SA"
    csv_text = (
        f"Record ID;Company name;Company owner;Industry;Annual Revenue\n1;{name};Léa;Hotels;12,5\n"
    )
    assert run(folder, csv_text, mapping=HUBSPOT)[0] == 0
    [new] = [a for a in load_folder(folder).accounts.values() if a.name == name]
    assert new.revenue == {2026: 12.5}


def test_a_file_the_editor_cannot_rewrite_is_reported_at_the_cell(folder: Path) -> None:
    (folder / "acme-corp.yaml").write_text(ACME.replace("\n", "\r"), encoding="utf-8")
    code, _, err = run(folder, HEADER + "001,Acme Corp,,Hotels,,,\n")
    assert code == 1
    assert err.splitlines() == [
        f"{folder.parent / 'export.csv'}:2:4: error: Industry: a line ends in a lone CR, NEL, "
        "LS or PS: kamtui rewrites only files whose lines end in LF or CRLF (save the file "
        "with those line endings); nothing was changed"
    ]


def test_a_kpi_that_kam_yaml_declares_goes_in(folder: Path, tmp_path: Path) -> None:
    (folder / "kam.yaml").write_text("kpis:\n  - id: on_time_delivery\n", encoding="utf-8")
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "name: Account\nfields: {kpis.on_time_delivery: OTD, kpis.damaged: Damaged}\n",
        encoding="utf-8",
    )
    code, _, err = run(folder, "Account,OTD,Damaged\nAcme Corp,0.93,0.01\n", mapping=mapping)
    assert code == 1
    assert err.splitlines() == [
        f"{folder.parent / 'export.csv'}:2:3: error: Damaged: kpis.damaged: 'damaged' is no KPI "
        "of kam.yaml's kpis (it declares on_time_delivery)"
    ]
    assert load_folder(folder).accounts["acme-corp"].kpis == {"on_time_delivery": 0.93}


def test_an_id_taken_elsewhere_in_the_repository_is_refused_as_new_refuses_it(
    tmp_path: Path,
) -> None:
    """Without a kam.yaml, ids are one account across the git repository (`kamtui new`)."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "accounts").mkdir()
    (repo / "other").mkdir()
    (repo / "other" / "acme-corp.yaml").write_text(ACME, encoding="utf-8")
    code, _, err = run(repo / "accounts", HEADER + "001,Acme Corp,,,,,\n")
    assert code == 1
    assert err.splitlines() == [
        f"{repo / 'export.csv'}:2:2: error: the account id 'acme-corp' is taken by "
        f"{repo / 'other' / 'acme-corp.yaml'}; give the new account another name"
    ]
    assert list((repo / "accounts").iterdir()) == []
