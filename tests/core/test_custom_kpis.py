"""Custom KPIs: declared in kam.yaml, recorded under an account's `kpis`, and an id the
portfolio does not declare is an error at its key, however the file is loaded (alone,
with a folder, from the cache, by the TUI's store, at a git revision)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kamtui.core.account.account_file import load_account_bytes, load_account_file
from kamtui.core.account.model import PortfolioSettings
from kamtui.core.analysis.kpis import Band
from kamtui.core.analysis.portfolio import analyse_portfolio
from kamtui.core.analysis.record import record_values
from kamtui.core.analysis.scoring import account_figures
from kamtui.core.loading.loader import load_folder
from kamtui.core.loading.store import AccountStore
from kamtui.core.review.git_source import Repository
from kamtui.render.report_format import kpi_value
from tests.conftest import MINIMAL, TODAY
from tests.git_repo import GitRepo

KAM_YAML = """\
kpis:
  - id: on_time_delivery
    name: On-time delivery
    unit: "%"
    bands: {red: 0.90, amber: 0.95}
  - id: damaged_shipments
    unit: "%"
    better: lower
    bands: {red: 0.02, amber: 0.01}
  - id: pallets_per_hour
health_score: {on_time_delivery: 1, churn_risk: 1}
"""
SETTINGS = PortfolioSettings.model_validate(
    {
        "kpis": [
            {"id": "on_time_delivery", "unit": "%", "bands": {"red": 0.90, "amber": 0.95}},
            {"id": "damaged_shipments", "better": "lower", "bands": {"red": 0.02, "amber": 0.01}},
            {"id": "pallets_per_hour"},
        ],
        "health_score": {"on_time_delivery": 1, "churn_risk": 1},
    }
)
LOGISTICS = MINIMAL + (
    "health: {churn_risk: low}\n"
    "kpis:\n"
    "  on_time_delivery: {2026-06-30: 0.93, 2026-09-30: 0.95, 2026-12-31: 0.80}\n"
    "  damaged_shipments: 0.01\n"
)
TYPO = MINIMAL + "kpis:\n  on_time_delivery: 0.97\n  on_tme_delivery: {2026-09-30: 0.9}\n"


def problems(text: str, settings: PortfolioSettings = SETTINGS) -> list[str]:
    account, found = load_account_bytes(text.encode(), "a.yaml", settings)
    assert (account is None) == bool(found)
    return [f"{p.line}:{p.column} {p.message}" for p in found]


def test_an_undeclared_kpi_is_an_error_at_its_key_with_the_near_id() -> None:
    assert problems(TYPO) == [
        "10:3 kpis.on_tme_delivery: 'on_tme_delivery' is no KPI of kam.yaml's kpis; did you "
        "mean 'on_time_delivery'? (it declares on_time_delivery, damaged_shipments, "
        "pallets_per_hour)"
    ]


def test_without_a_declaration_every_custom_kpi_is_an_error() -> None:
    assert problems(MINIMAL + "kpis: {otd: 0.9}\n", PortfolioSettings()) == [
        "8:8 kpis.otd: 'otd' is no KPI of kam.yaml's kpis (it declares none)"
    ]


def test_a_built_in_kpi_under_kpis_says_where_it_belongs() -> None:
    """nps may be banded in kam.yaml's kpis, but it is recorded under health."""
    banded = PortfolioSettings.model_validate(
        {"kpis": [{"id": "nps", "bands": {"red": 0, "amber": 9}}]}
    )
    assert problems(MINIMAL + "kpis: {nps: 30}\n", banded) == [
        "8:8 kpis.nps: 'nps' is built in: it is recorded as health.nps"
    ]


def test_a_custom_kpi_is_valued_banded_and_counted_in_the_health_score() -> None:
    """0.95 is amber's edge, so green; the reading dated after today is not counted.
    Health: on-time green (100) and churn risk low (100) → 100; damaged shipments at
    its amber edge when lower is better is green too, but not weighed."""
    account, found = load_account_bytes(LOGISTICS.encode(), "a.yaml", SETTINGS)
    assert account is not None and found == []
    figures = account_figures(account, SETTINGS, TODAY)
    on_time = figures.kpis["on_time_delivery"]
    assert (on_time.value, on_time.previous, on_time.band) == (0.95, 0.93, Band.green)
    assert on_time.trend == pytest.approx(0.02)
    assert on_time.series == ((dt.date(2026, 6, 30), 0.93), (dt.date(2026, 9, 30), 0.95))
    damaged = figures.kpis["damaged_shipments"]
    assert (damaged.value, damaged.trend, damaged.band) == (0.01, None, Band.green)
    assert figures.health_score == 100
    # One reading more, below red: health falls to 50.
    later = account_figures(account, SETTINGS, dt.date(2027, 1, 1))
    assert later.kpis["on_time_delivery"].band is Band.red and later.health_score == 50
    values = record_values(figures)
    assert values["band.on_time_delivery"] == "green"
    assert list(values)[list(values).index("band.churn_risk") + 1] == "band.on_time_delivery"


def test_the_portfolio_counts_the_bands_of_custom_kpis_after_the_built_in_ones() -> None:
    account, _ = load_account_bytes(LOGISTICS.encode(), "a.yaml", SETTINGS)
    assert account is not None
    analysis = analyse_portfolio({"acme": account}, SETTINGS, TODAY)
    assert list(analysis.band_counts)[-2:] == ["on_time_delivery", "damaged_shipments"]
    assert analysis.band_counts["on_time_delivery"] == {
        Band.green: 1,
        Band.amber: 0,
        Band.red: 0,
    }


@pytest.mark.parametrize(
    ("unit", "value", "shown"),
    [
        ("%", 0.93, "93%"),
        ("%", 0.0125, "1.25%"),
        ("pallets", 131.0, "131 pallets"),
        (None, 2.5, "2.5"),
    ],
)
def test_a_custom_kpi_is_written_with_its_unit(unit: str | None, value: float, shown: str) -> None:
    definition = PortfolioSettings.model_validate({"kpis": [{"id": "k", "unit": unit}]}).kpis[0]
    assert kpi_value(value, definition) == shown


def folder_with_typo(tmp_path: Path, declared: str) -> Path:
    (tmp_path / "kam.yaml").write_text(declared, encoding="utf-8")
    (tmp_path / "acme.yaml").write_text(TYPO, encoding="utf-8")
    return tmp_path


FIXED = KAM_YAML.replace(
    "  - id: pallets_per_hour\n", "  - id: pallets_per_hour\n  - id: on_tme_delivery\n"
)


def test_a_cached_account_is_checked_against_today_s_kam_yaml(tmp_path: Path) -> None:
    """Valid when kam.yaml declared the KPI and cached so; the declaration removed, the
    cached account is not served: the file is parsed again and its key named."""
    root = folder_with_typo(tmp_path, FIXED)
    assert load_folder(root, use_cache=True).problems == []
    (root / "kam.yaml").write_text(KAM_YAML, encoding="utf-8")
    [problem] = load_folder(root, use_cache=True).problems
    assert (problem.line, problem.column) == (10, 3)
    assert "'on_tme_delivery' is no KPI of kam.yaml's kpis" in problem.message


def test_the_store_checks_every_file_again_when_kam_yaml_declares_other_kpis(
    tmp_path: Path,
) -> None:
    root = folder_with_typo(tmp_path, KAM_YAML)
    (root / "other.yaml").write_text(MINIMAL.replace("Acme", "Other"), encoding="utf-8")
    store = AccountStore(root)
    store.load_all()
    assert set(store.accounts()) == {"other"}
    (root / "kam.yaml").write_text(FIXED, encoding="utf-8")
    change = store.reload([root.absolute() / "kam.yaml"])
    assert change.settings and "acme" in change.changed
    assert set(store.accounts()) == {"acme", "other"} and store.problems() == []
    # A change that keeps the same KPIs (a band) reads no account file again.
    (root / "kam.yaml").write_text(FIXED.replace("0.90", "0.85"), encoding="utf-8")
    assert not store.read([root.absolute() / "kam.yaml"]).loaded


def test_a_file_deleted_while_kam_yaml_changes_its_kpis_is_gone_from_the_store(
    tmp_path: Path,
) -> None:
    """The whole folder is listed again: what is not there any more is dropped, and the
    folder's own problems (a nested portfolio here) are found anew."""
    root = folder_with_typo(tmp_path, FIXED)
    (root / "other.yaml").write_text(MINIMAL.replace("Acme", "Other"), encoding="utf-8")
    store = AccountStore(root)
    store.load_all()
    assert set(store.accounts()) == {"acme", "other"}
    (root / "other.yaml").unlink()
    (root / "inner").mkdir()
    (root / "inner" / "kam.yaml").write_text("", encoding="utf-8")
    (root / "kam.yaml").write_text(KAM_YAML, encoding="utf-8")
    change = store.reload([root.absolute() / "kam.yaml", root.absolute() / "other.yaml"])
    assert change.removed == {"other"}
    # Acme names a KPI no longer declared: its last good version, marked stale.
    assert set(store.accounts()) == {"acme"}
    assert [entry.stale for entry in store.entries.values()] == [True]
    [nested] = store.folder_problems
    assert nested.message.startswith("holds a kam.yaml: a portfolio of its own, skipped")


def test_a_lone_file_is_checked_against_the_kam_yaml_of_its_portfolio(tmp_path: Path) -> None:
    root = folder_with_typo(tmp_path, FIXED)
    (root / "europe").mkdir()
    moved = (root / "acme.yaml").rename(root / "europe" / "acme.yaml")
    from kamtui.core.loading.loader import settings_for

    assert load_account_file(moved, settings_for(moved)[0]).ok
    assert not load_account_file(moved, PortfolioSettings()).ok


def test_at_a_revision_an_account_is_checked_against_that_revision_s_kam_yaml(
    tmp_path: Path,
) -> None:
    repo = GitRepo(tmp_path)
    repo.write("kam.yaml", FIXED)
    repo.write("acme.yaml", TYPO)
    repo.commit("Declared")
    repo.write("kam.yaml", KAM_YAML)
    repo.commit("Declaration dropped")
    repository = Repository(tmp_path)
    worktree = load_folder(repo.folder)
    # The working tree's valid accounts are adopted only under the same declarations.
    repository.adopt("HEAD~1", "accounts", worktree)
    assert repository.read_folder("HEAD~1", "accounts").problems == []
    [problem] = repository.read_folder("HEAD", "accounts").problems
    assert problem.path == "HEAD:accounts/acme.yaml" and (problem.line, problem.column) == (10, 3)
