"""White space: offerings declared in kam.yaml, cells recorded per account or per division,
the best-of rule over divisions, penetration and open value, and every mistake located.

The portfolio below is written to files and loaded as every command loads it."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kamtui.core.account.account_file import load_account_bytes
from kamtui.core.account.integrity import validity_key
from kamtui.core.account.model import OfferingState, PortfolioSettings
from kamtui.core.analysis.portfolio import PortfolioAnalysis, analyse_portfolio
from kamtui.core.analysis.whitespace import BEST_FIRST, best
from kamtui.core.loading.loader import load_folder
from kamtui.core.loading.store import AccountStore
from tests.conftest import MINIMAL, TODAY

KAM_YAML = """\
offerings:
  - {id: cloud, name: Cloud platform, list_price: 1000}
  - {id: analytics, list_price: 300}
  - {id: support, name: Premium support}
"""
SETTINGS = PortfolioSettings.model_validate(
    {
        "offerings": [
            {"id": "cloud", "name": "Cloud platform", "list_price": 1000},
            {"id": "analytics", "list_price": 300},
            {"id": "support", "name": "Premium support"},
        ]
    }
)
# owner: owns cloud, analytics not a fit, support unwritten (open).
# shopper: cloud open, analytics owned, support held by a competitor.
# group: three divisions; cloud owned in one (owned beats the rest), analytics open in
#   two and not_fit in one (open), support in pipeline in one, competitor in another.
# nofit: nothing fits but support, written as pipeline.
ACCOUNTS = {
    "owner": "whitespace: {cloud: owned, analytics: not_fit}\n",
    "shopper": "whitespace: {cloud: open, analytics: owned, support: competitor}\n",
    "group": (
        "divisions:\n"
        "  - id: north\n"
        "    name: North\n"
        "    whitespace: {cloud: open, analytics: open, support: competitor}\n"
        "  - id: south\n"
        "    whitespace: {cloud: owned, analytics: not_fit, support: pipeline}\n"
        "  - id: east\n"
        "    whitespace: {cloud: open, support: not_fit}\n"
    ),
    "nofit": "whitespace: {cloud: not_fit, analytics: not_fit, support: pipeline}\n",
}


@pytest.fixture
def analysis(tmp_path: Path) -> PortfolioAnalysis:
    (tmp_path / "kam.yaml").write_text(KAM_YAML)
    for account_id, whitespace in ACCOUNTS.items():
        (tmp_path / f"{account_id}.yaml").write_text(MINIMAL + whitespace)
    folder = load_folder(tmp_path)
    assert [str(problem) for problem in folder.problems] == []
    return analyse_portfolio(folder.accounts, folder.settings, TODAY)


def cells_of(analysis: PortfolioAnalysis, account_id: str) -> dict[str, str]:
    return {k: cell.value for k, cell in analysis.rows[account_id].figures.whitespace.items()}


def test_an_unwritten_cell_is_open(analysis: PortfolioAnalysis) -> None:
    assert cells_of(analysis, "owner") == {
        "cloud": "owned",
        "analytics": "not_fit",
        "support": "open",
    }


def test_an_account_with_divisions_takes_the_best_cell_of_them(
    analysis: PortfolioAnalysis,
) -> None:
    assert cells_of(analysis, "group") == {
        "cloud": "owned",
        "analytics": "open",
        "support": "pipeline",
    }
    divisions = analysis.rows["group"].figures.divisions
    assert [(d.id, d.name) for d in divisions] == [
        ("north", "North"),
        ("south", None),
        ("east", None),
    ]
    assert divisions[2].cells["analytics"] is OfferingState.open


# The rule, written out here rather than read from the code it tests.
ORDER = (
    OfferingState.owned,
    OfferingState.pipeline,
    OfferingState.competitor,
    OfferingState.open,
    OfferingState.not_fit,
)


@pytest.mark.parametrize(
    ("better", "worse"), list(itertools.combinations(ORDER, 2)), ids=lambda c: c.value
)
def test_best_of_every_pair_whichever_division_comes_first(
    tmp_path: Path, better: OfferingState, worse: OfferingState
) -> None:
    """owned > pipeline > competitor > open > not_fit, through real files."""
    (tmp_path / "kam.yaml").write_text(KAM_YAML)
    for first, second in ((better, worse), (worse, better)):
        (tmp_path / "a.yaml").write_text(
            MINIMAL + "divisions:\n"
            f"  - {{id: one, whitespace: {{cloud: {first.value}}}}}\n"
            f"  - {{id: two, whitespace: {{cloud: {second.value}}}}}\n"
        )
        folder = load_folder(tmp_path)
        figures = analyse_portfolio(folder.accounts, folder.settings, TODAY).rows["a"].figures
        assert figures.whitespace["cloud"] is better
    assert best([worse, better]) is better


def test_the_order_of_the_best_of_is_the_documented_one() -> None:
    assert BEST_FIRST == ORDER


def test_penetration_leaves_not_fit_out_of_the_denominator(analysis: PortfolioAnalysis) -> None:
    found = analysis.whitespace
    assert list(found) == ["cloud", "analytics", "support"]
    # cloud: owned by owner and group; open at shopper; not_fit at nofit → 2 / 3.
    assert (found["cloud"].owned, found["cloud"].open, found["cloud"].fit) == (2, 1, 3)
    assert found["cloud"].share == pytest.approx(2 / 3)
    # analytics: owned by shopper; open at group; not_fit at owner and nofit → 1 / 2.
    assert (found["analytics"].owned, found["analytics"].open, found["analytics"].fit) == (1, 1, 2)
    assert found["analytics"].share == 0.5
    # support: owned by nobody; open at owner; fits all four → 0 / 4.
    assert (found["support"].owned, found["support"].open, found["support"].fit) == (0, 1, 4)
    assert found["support"].share == 0


def test_penetration_is_none_where_the_offering_fits_nobody(tmp_path: Path) -> None:
    (tmp_path / "kam.yaml").write_text(KAM_YAML)
    (tmp_path / "a.yaml").write_text(MINIMAL + "whitespace: {cloud: not_fit}\n")
    folder = load_folder(tmp_path)
    found = analyse_portfolio(folder.accounts, folder.settings, TODAY).whitespace
    assert found["cloud"].fit == 0 and found["cloud"].share is None
    assert found["support"].share == 0  # open: fits, owned by nobody
    empty = analyse_portfolio({}, folder.settings, TODAY).whitespace
    assert all(p.share is None and p.fit == 0 for p in empty.values())


def test_open_value_counts_each_division_and_ignores_offerings_without_a_price(
    analysis: PortfolioAnalysis,
) -> None:
    open_value = {key: row.figures.open_value for key, row in analysis.rows.items()}
    # owner: support open, but it has no list price → 0.
    # shopper: cloud open → 1000.
    # group: cloud open in north and east (2 × 1000), analytics open in north and in east
    #   (unwritten) (2 × 300), support has no price → 2600.
    # nofit: nothing open with a price → 0.
    assert open_value == {"owner": 0, "shopper": 1000, "group": 2600, "nofit": 0}
    assert analysis.open_value == 3600


def test_without_offerings_there_is_no_grid(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(MINIMAL)
    folder = load_folder(tmp_path)
    analysis = analyse_portfolio(folder.accounts, folder.settings, TODAY)
    assert analysis.whitespace == {} and analysis.open_value == 0
    assert dict(analysis.rows["a"].figures.whitespace) == {}


def problems(text: str, settings: PortfolioSettings = SETTINGS) -> list[str]:
    account, found = load_account_bytes(text.encode(), "a.yaml", settings)
    assert (account is None) == bool(found)
    return [f"{p.line}:{p.column} {p.message}" for p in found]


def test_an_unknown_offering_is_an_error_at_its_key_with_the_near_id() -> None:
    assert problems(MINIMAL + "whitespace:\n  cloud: owned\n  analytic: open\n") == [
        "10:3 whitespace.analytic: 'analytic' is no offering of kam.yaml's offerings; did you "
        "mean 'analytics'? (it declares cloud, analytics, support)"
    ]


def test_an_unknown_offering_of_a_division_is_an_error_at_its_key() -> None:
    text = MINIMAL + (
        "divisions:\n"
        "  - id: north\n"
        "    whitespace: {cloud: owned}\n"
        "  - id: south\n"
        "    whitespace: {clod: open}\n"
    )
    assert problems(text) == [
        "12:18 divisions[south].whitespace.clod: 'clod' is no offering of kam.yaml's offerings; "
        "did you mean 'cloud'? (it declares cloud, analytics, support)"
    ]


def test_without_offerings_every_cell_is_an_error() -> None:
    assert problems(MINIMAL + "whitespace: {cloud: owned}\n", PortfolioSettings()) == [
        "8:14 whitespace.cloud: 'cloud' is no offering of kam.yaml's offerings (it declares none)"
    ]


def test_a_cell_must_be_one_of_the_five() -> None:
    [found] = problems(MINIMAL + "whitespace: {cloud: owns}\n")
    assert found.startswith("8:21 whitespace.cloud: 'owns' is not allowed; use one of: owned,")


def test_a_division_id_is_used_once() -> None:
    text = MINIMAL + "divisions:\n  - id: north\n  - id: north\n"
    assert problems(text) == [
        "10:9 divisions[north].id: duplicate division id 'north' (also item 1)"
    ]


def test_white_space_is_written_for_the_account_or_per_division_not_both() -> None:
    text = MINIMAL + "whitespace: {cloud: owned}\ndivisions:\n  - id: north\n"
    assert problems(text) == [
        "8:1 whitespace: an account with divisions records its white space per division: "
        "move these cells into a division (e.g. one for the group itself)"
    ]


def test_every_undeclared_offering_is_told_the_account_s_and_each_division_s() -> None:
    text = MINIMAL + (
        "kpis: {nope: 1}\n"
        "divisions:\n  - {id: north, whitespace: {clowd: owned}}\n"
        "  - {id: south, whitespace: {analytic: open}}\n"
    )
    found = problems(text)
    assert len(found) == 3
    assert [line.split(" ", 2)[1] for line in found] == [
        "kpis.nope:",
        "divisions[north].whitespace.clowd:",
        "divisions[south].whitespace.analytic:",
    ]


def test_the_validity_key_follows_each_kind_of_declared_id() -> None:
    """A file valid under one portfolio may not be under another: the key that says so
    moves with the custom KPIs, the matrix's extra factors and the offerings."""
    base = validity_key(SETTINGS)
    factor = PortfolioSettings.model_validate(
        {
            **SETTINGS.model_dump(mode="json", exclude_defaults=True),
            "matrix": {"factors": [{"id": "market"}]},
        }
    )
    assert validity_key(factor) != base
    assert validity_key(factor)[1] == frozenset({"market"})


def test_an_offering_is_defined_once() -> None:
    with pytest.raises(ValueError, match="the offering 'cloud' is defined twice"):
        PortfolioSettings.model_validate({"offerings": [{"id": "cloud"}, {"id": "cloud"}]})


def test_the_store_checks_every_file_again_when_kam_yaml_declares_other_offerings(
    tmp_path: Path,
) -> None:
    (tmp_path / "kam.yaml").write_text(KAM_YAML)
    (tmp_path / "a.yaml").write_text(MINIMAL + "whitespace: {support: owned}\n")
    store = AccountStore(tmp_path)
    store.load_all()
    assert store.problems() == []
    (tmp_path / "kam.yaml").write_text("offerings: [{id: cloud}]\n")
    store.reload([tmp_path.absolute() / "kam.yaml"])
    assert [p.message for p in store.problems()] == [
        "whitespace.support: 'support' is no offering of kam.yaml's offerings (it declares cloud)"
    ]
