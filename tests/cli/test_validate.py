"""`kamtui validate` through the CLI entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kamtui.cli import main
from tests.conftest import EXAMPLES, MINIMAL

BAD_FILES = {
    "typo.yaml": MINIMAL + "stakholders: []\n",
    "range.yaml": MINIMAL.replace("product_fit: 4", "product_fit: 6"),
    "enum.yaml": MINIMAL + "stage: courting\n",
    "date.yaml": MINIMAL + "since: 2025-02-29\n",
    "dupkey.yaml": MINIMAL + "criteria: {}\n",
    "ref.yaml": MINIMAL + "stakeholders:\n  - {id: a, name: A, reports_to: nobody}\n",
    "list.yaml": "- 1\n",
    "empty.yaml": "",
    "latin1.yaml": b"name: Caf\xe9\n",
    "tag.yaml": "name: !!python/name:os.system\n",
    "conflict.yaml": "<<<<<<< HEAD\nname: A\n=======\nname: B\n>>>>>>> x\n",
    "dupid.yaml": MINIMAL + "needs:\n  - {id: n, what: A}\n  - {id: n, what: B}\n",
    "cycle.yaml": MINIMAL
    + "stakeholders:\n  - {id: a, name: A, reports_to: b}\n  - {id: b, name: B, reports_to: a}\n",
    "huge.yaml": MINIMAL + "notes: |\n" + ("  " + "x" * 99 + "\n") * 11_000,
    "laughs.yaml": "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)),
    "scalar.yaml": "just a sentence\n",
}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_example_portfolio_is_valid() -> None:
    code, out, _ = run("validate", str(EXAMPLES))
    assert code == 0, out
    assert out == "17 accounts checked, 0 with errors\n"


def test_mixed_folder_names_every_bad_file(write, tmp_path: Path) -> None:
    write("good.yaml", MINIMAL)
    for name, text in BAD_FILES.items():
        write(name, text)
    code, out, err = run("validate", str(tmp_path))
    assert code == 1
    lines = out.splitlines()
    for name in BAD_FILES:
        assert any(f"{name}:" in line and ": error: " in line for line in lines), name
    assert not any("good.yaml" in line for line in lines)
    assert "Traceback" not in out + err
    assert f"{len(BAD_FILES) + 1} accounts checked, {len(BAD_FILES)} with errors" in err
    for line in lines:
        _path, line_no, column, rest = line.split(":", 3)
        assert int(line_no) >= 1 and int(column) >= 1 and rest.startswith(" error: ")


def test_json_format(write, tmp_path: Path) -> None:
    write("typo.yaml", BAD_FILES["typo.yaml"])
    code, out, _ = run("validate", "--format", "json", str(tmp_path))
    assert code == 1
    (problem,) = json.loads(out)
    assert set(problem) == {"path", "line", "column", "severity", "message"}
    assert (problem["line"], problem["column"], problem["severity"]) == (8, 1, "error")


def test_files_given_one_by_one_as_a_pre_commit_hook_does(write) -> None:
    good = write("good.yaml", MINIMAL)
    settings = write("kam.yaml", "weights: {product_fit: -1}\n")
    code, out, _ = run("validate", str(good), str(settings))
    assert code == 1
    assert "kam.yaml:1:" in out and "weights.product_fit" in out


def test_all_valid_exits_zero(write) -> None:
    good = write("good.yaml", MINIMAL)
    code, out, _ = run("validate", str(good))
    assert code == 0
    assert out.strip() == "1 account checked, 0 with errors"


def test_usage_error_exits_two(tmp_path: Path) -> None:
    code, _, _ = run("validate", str(tmp_path / "missing"))
    assert code == 2


def test_console_script_runs_without_a_terminal(write, tmp_path: Path) -> None:
    write("typo.yaml", BAD_FILES["typo.yaml"])
    result = subprocess.run(
        [sys.executable, "-m", "kamtui", "validate", str(tmp_path)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert result.returncode == 1
    assert "typo.yaml:8:1: error: unknown field 'stakholders'" in result.stdout


def test_a_file_on_stdin_is_judged_by_the_portfolio_it_is_read_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`kamtui validate -` takes the kam.yaml of the folder it runs in: a KPI declared
    there is one the account may record."""
    (tmp_path / "kam.yaml").write_text("kpis:\n  - {id: on_time, name: On time}\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    text = MINIMAL + "kpis: {on_time: 0.9}\n"
    result = CliRunner().invoke(main, ["validate", "-"], input=text)
    assert (result.exit_code, result.stderr) == (0, "")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "kam.yaml").write_text("currency: EUR\n", "utf-8")
    monkeypatch.chdir(elsewhere)
    refused = CliRunner().invoke(main, ["validate", "-"], input=text)
    assert refused.exit_code == 1
    assert "'on_time' is no KPI of kam.yaml's kpis" in refused.stdout + refused.stderr
