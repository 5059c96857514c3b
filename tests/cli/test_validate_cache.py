"""`kamtui validate` keeps a cache of validated accounts unless told --no-cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kamtui.cli import main
from kamtui.core.loading.account_cache import cache_dir
from tests.conftest import MINIMAL

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
