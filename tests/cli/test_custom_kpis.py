"""Custom KPIs through the commands: each file judged by its own portfolio's kam.yaml,
from any folder; `set` adds a reading to one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import kamtui
from tests.core.test_custom_kpis import FIXED, KAM_YAML, TYPO


@pytest.fixture
def portfolio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "accounts"
    (root / "europe").mkdir(parents=True)
    (root / "kam.yaml").write_text(FIXED, encoding="utf-8")
    (root / "europe" / "acme.yaml").write_text(TYPO, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return root


def test_a_file_is_valid_with_its_portfolio_s_kpis_from_any_folder(
    portfolio: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert kamtui("validate", "accounts/europe/acme.yaml")[0] == 0
    monkeypatch.chdir(portfolio / "europe")
    assert kamtui("validate", "acme.yaml")[0] == 0
    code, out, _ = kamtui("show", "acme.yaml")
    assert code == 0 and "kpis.on_tme_delivery.2026-09-30: 0.9" in out


def test_a_kpi_kam_yaml_no_longer_declares_is_named_at_its_key(portfolio: Path) -> None:
    (portfolio / "kam.yaml").write_text(KAM_YAML, encoding="utf-8")
    for target in ("accounts", "accounts/europe/acme.yaml"):
        code, out, _ = kamtui("validate", target)
        assert code == 1
        said = "europe/acme.yaml:10:3: error: kpis.on_tme_delivery: 'on_tme_delivery' is no KPI"
        assert said in out


def test_validate_of_a_lone_file_reports_its_kam_yaml_s_problems(portfolio: Path) -> None:
    broken = FIXED.replace("health_score: {", "health_score: {otd: 1, ")
    (portfolio / "kam.yaml").write_text(broken, encoding="utf-8")
    code, out, err = kamtui("validate", "accounts/europe/acme.yaml")
    assert code == 1 and "accounts/kam.yaml:" in out + err
    assert "no KPI with bands 'otd'" in out + err


def test_set_adds_a_reading_to_a_custom_kpi_in_date_order(portfolio: Path) -> None:
    code, _, err = kamtui("set", "acme", "kpis.on_tme_delivery.2026-06-30", "0.85", "accounts")
    assert (code, err) == (0, "")
    text = (portfolio / "europe" / "acme.yaml").read_text(encoding="utf-8")
    assert "  on_tme_delivery: {2026-06-30: 0.85, 2026-09-30: 0.9}\n" in text
    code, _, err = kamtui("set", "acme", "kpis.on_tme_delivery.x.y", "1", "accounts")
    assert code == 2 and "holds a single value; 'y' cannot follow it" in err
