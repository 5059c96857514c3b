"""`kamtui validate` keeps a cache of validated accounts unless told --no-cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kamtui.cli import main
from kamtui.commands.common import read_stdin
from kamtui.core.loading import bulk_load, validity_record
from kamtui.core.loading.cache_files import cache_dir
from kamtui.core.loading.folder_check import check
from tests.conftest import MINIMAL, REPO

pytestmark = pytest.mark.usefixtures("isolated_cache")


@pytest.fixture
def accounts(tmp_path: Path) -> Path:
    root = tmp_path / "accounts"
    root.mkdir()
    (root / "acme.yaml").write_text(MINIMAL)
    (root / "bad.yaml").write_text(MINIMAL.replace("product_fit: 4", "product_fit: 6"))
    return root


def validate(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", *args])
    return result.exit_code, result.stdout


def test_no_cache_writes_no_cache(accounts: Path) -> None:
    code, output = validate("--no-cache", str(accounts))
    assert code == 1 and "bad.yaml:6:16: error: criteria.product_fit" in output
    assert not cache_dir().exists()


def test_a_warm_run_reports_what_a_cold_run_reports(accounts: Path) -> None:
    cold = validate(str(accounts))
    assert [path.suffix for path in cache_dir().iterdir()] == [".cache"]
    assert validate(str(accounts)) == cold
    assert validate("--no-cache", str(accounts)) == cold


def test_a_file_fixed_since_the_last_run_is_valid(accounts: Path) -> None:
    validate(str(accounts))
    (accounts / "bad.yaml").write_text(MINIMAL)
    assert validate(str(accounts)) == (0, "2 accounts checked, 0 with errors\n")


@pytest.fixture
def trusted_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test count as old enough for their stat to be trusted (the
    two seconds of `validity_record` are tested in tests/core/test_validity_record.py)."""
    monkeypatch.setattr(validity_record, "TRUSTED_AFTER_NS", 0)


@pytest.mark.usefixtures("trusted_at_once")
def test_a_folder_unchanged_since_a_clean_check_is_only_looked_at(
    accounts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (accounts / "bad.yaml").write_text(MINIMAL.replace("strategic_value: 2", "strategic_value:"))
    cold = validate(str(accounts))
    assert cold[0] == 0 and "bad.yaml:7:3: warning: not assessed yet" in cold[1]
    assert sorted(path.suffix for path in cache_dir().iterdir()) == [".cache", ".valid"]
    monkeypatch.setattr(
        bulk_load, "read_limited", lambda path: pytest.fail(f"{path} read on a warm check")
    )
    assert validate(str(accounts)) == cold
    monkeypatch.chdir(accounts)
    assert validate() == (0, cold[1].replace(f"{accounts}{os.sep}", ""))


@pytest.mark.usefixtures("trusted_at_once")
def test_no_cache_neither_reads_nor_writes_the_record(
    accounts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (accounts / "bad.yaml").unlink()
    validate("--no-cache", str(accounts))
    assert not cache_dir().exists()
    validate(str(accounts))
    assert sorted(path.suffix for path in cache_dir().iterdir()) == [".cache", ".valid"]
    monkeypatch.setattr(validity_record, "look", lambda *_, **__: pytest.fail("looked"))
    assert validate("--no-cache", str(accounts)) == (0, "1 account checked, 0 with errors\n")


@pytest.mark.usefixtures("trusted_at_once")
def test_only_a_check_of_one_folder_is_recorded(accounts: Path) -> None:
    (accounts / "bad.yaml").unlink()
    validate(str(accounts), str(accounts / "acme.yaml"))
    validate(str(accounts / "acme.yaml"))
    assert [path.suffix for path in cache_dir().iterdir()] == [".cache"]


def test_a_warm_check_imports_no_parser(accounts: Path) -> None:
    """The whole process of a warm check: no pydantic, no PyYAML, no terminal library
    (their imports alone are a tenth of a bare parse of 1,000 files)."""
    (accounts / "bad.yaml").unlink()
    now = max(path.stat().st_ctime_ns for path in accounts.iterdir())
    seen = validity_record.look(accounts, now_ns=now + validity_record.TRUSTED_AFTER_NS + 1)
    check([accounts], use_cache=True, read_stdin=read_stdin, seen=seen)
    script = (
        "import sys\n"
        "from kamtui.cli import main\n"
        "try:\n"
        f"    main(['validate', {str(accounts)!r}])\n"
        "except SystemExit as done:\n"
        "    heavy = ('pydantic', 'yaml', 'textual', 'rich', 'networkx')\n"
        "    print(done.code, [name for name in heavy if name in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout == "1 account checked, 0 with errors\n0 []\n"
