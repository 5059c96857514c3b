"""`kamtui schema` (and the committed schemas' freshness) and `kamtui new`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from kamtui.cli import main
from kamtui.core.account.account_file import load_account_file
from kamtui.core.account.model import PortfolioSettings
from kamtui.core.account.schema import stale_schemas
from tests.conftest import EXAMPLES, REPO


def test_committed_schemas_are_generated_from_the_models() -> None:
    assert stale_schemas(REPO / "schemas") == [], "run `kamtui schema` and commit the result"


def test_schema_writes_draft07_and_check_detects_staleness(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "schemas"
    assert runner.invoke(main, ["schema", "--check", "-o", str(out)]).exit_code == 1
    assert runner.invoke(main, ["schema", "-o", str(out)]).exit_code == 0
    assert runner.invoke(main, ["schema", "--check", "-o", str(out)]).exit_code == 0
    schema = json.loads((out / "account.schema.json").read_text())
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in schema and "Stakeholder" in schema["definitions"]
    described = schema["definitions"]["Stakeholder"]["properties"]["decision_power"]
    assert described["description"]


def test_example_accounts_pass_a_standard_validator() -> None:
    files = sorted(str(p) for p in EXAMPLES.rglob("*.yaml") if p.name != "kam.yaml")
    for schema, targets in (
        ("account.schema.json", files),
        ("kam.schema.json", [str(EXAMPLES / "kam.yaml")]),
    ):
        result = subprocess.run(
            [
                Path(sys.executable).parent / "check-jsonschema",
                "--schemafile",
                str(REPO / "schemas" / schema),
                *targets,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_new_scaffolds_a_valid_commented_account(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "account.schema.json").write_text("{}")
    folder = tmp_path / "emea"
    result = CliRunner().invoke(main, ["new", "Müller Logistik: GmbH", "-d", str(folder)])
    assert result.exit_code == 0, result.output
    path = folder / "muller-logistik-gmbh.yaml"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=../schemas/account.schema.json\n")
    for section in (
        "criteria:",
        "harmony:",
        "health:",
        "objectives:",
        "stakeholders:",
        "needs:",
        "swot:",
    ):
        assert section in text
    loaded = load_account_file(path, PortfolioSettings())
    assert loaded.problems == []
    assert loaded.account is not None and loaded.account.name == "Müller Logistik: GmbH"


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    existing = tmp_path / "acme.yaml"
    existing.write_text("mine")
    result = CliRunner().invoke(main, ["new", "Acme", "-d", str(tmp_path)])
    assert result.exit_code == 1
    assert "the account id 'acme' is taken by" in result.stderr
    assert existing.read_text() == "mine"


def test_new_rejects_a_name_without_letters(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["new", "!!!", "-d", str(tmp_path)])
    assert result.exit_code == 2
    assert "no letters or digits" in result.stderr
