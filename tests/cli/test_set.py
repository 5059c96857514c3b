"""`kamtui set` changes one value's line, or nothing with a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamtui.core.account.yaml_source import parse
from kamtui.core.editing.field_path import PathError, resolve_path
from tests.conftest import kamtui
from tests.core.test_account_edit import COMMENTED, changes

ACTIONS = """\
  - id: grow
    what: Grow
    actions:
      - what: first
      - id: second
        what: second
        done: false
"""


@pytest.fixture
def acme(tmp_path: Path) -> Path:
    text = COMMENTED.replace(
        "objectives: []                    # none yet\n", "objectives:\n" + ACTIONS
    )
    path = tmp_path / "acme.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(acme: Path, *args: str) -> tuple[int, str, str, str]:
    before = acme.read_text(encoding="utf-8")
    code, out, err = kamtui("set", "acme", *args, str(acme.parent))
    return code, out, err, before


@pytest.mark.parametrize(
    ("path", "value", "old", "new"),
    [
        ("criteria.revenue_volume", "5", "  revenue_volume: 3               # what it pays",
         "  revenue_volume: 5               # what it pays"),
        ("criteria.revenue_potential", "2", "    score: 4", "    score: 2"),
        ("criteria.revenue_potential.score", "2", "    score: 4", "    score: 2"),
        ("stakeholders.cfo.attitude", "champion", "  attitude: neutral               # the one to win",
         "  attitude: champion              # the one to win"),
        ("health.churn_risk", "high", "  churn_risk: low                 # fine",
         "  churn_risk: high                # fine"),
        # A negative value needs no `--`: NPS runs from -100.
        ("health.nps", "-10", "  nps: 20", "  nps: -10"),
        ("objectives.grow.actions.second.done", "true", "        done: false", "        done: true"),
        ("name", "'Acme: East'", 'name: "Acme Corp"                 # the customer',
         'name: "Acme: East"                # the customer'),
    ],
)  # fmt: skip
def test_a_written_value_changes_on_its_line(
    acme: Path, path: str, value: str, old: str, new: str
) -> None:
    code, out, err, before = run(acme, path, value)
    assert (code, err) == (0, "")
    assert changes(before, acme.read_text(encoding="utf-8")) == ([old], [new])
    assert out.splitlines()[1:] == [f"-{old}", f"+{new}"]


@pytest.mark.parametrize(
    ("path", "value", "added"),
    [
        ("objectives.grow.actions.1.done", "true", ["        done: true"]),
        ("objectives.grow.status", "on_track", ["    status: on_track"]),
        ("health.csat", "4.5", ["  csat: 4.5"]),
        ("stakeholders.cio.title", "CIO", ["  title: CIO"]),
        # Quoted as the error for a bare 1E5 asks; plain, kamtui would read a number.
        ("stakeholders.cio.title", '"1E5"', ["  title: '1E5'"]),
    ],
)
def test_an_unwritten_field_is_added_in_model_order(
    acme: Path, path: str, value: str, added: list[str]
) -> None:
    code, _, err, before = run(acme, path, value)
    assert (code, err) == (0, "")
    assert changes(before, acme.read_text(encoding="utf-8")) == ([], added)


def test_evidence_for_a_bare_score_writes_the_criterion_out(acme: Path) -> None:
    code, _, _, before = run(acme, "criteria.lifetime_value.evidence", "Ten-year contract")
    assert code == 0
    assert changes(before, acme.read_text(encoding="utf-8")) == (
        ["  lifetime_value: 3"],
        ["  lifetime_value:", "    score: 3", "    evidence: Ten-year contract"],
    )


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("criteria.product_fit", "7", "product_fit: 7 is out of range: must be between 1 and 5"),
        ("criteria.product_fitt", "3", "did you mean 'product_fit'?"),
        ("stakeholders.cfoo.attitude", "champion", "has no item 'cfoo'; did you mean 'cfo'?"),
        ("stakeholders.cfo.atitude", "champion", "did you mean 'attitude'?"),
        ("stakeholders.cfo.attitude", "fan", "'fan' is not allowed; use one of: champion"),
        ("objectives.grow.actions.3.done", "true", "has no item '3'"),
        ("health.churn_risk.level", "high", "holds a single value"),
        # A reading for a measure written as one number: how to write it instead.
        (
            "health.nps.2026-11-30",
            "36",
            "health.nps is one number (20), not readings by date: write it whole as "
            "readings to add one, e.g. health.nps '{2026-11-30: 36}'",
        ),
        ("health..nps", "1", "is not a path like"),
        ("health.nps", "[1", "VALUE '[1' is not YAML"),
        ("health.nps", "", "VALUE is empty"),
    ],
)
def test_bad_paths_and_values_leave_the_file_untouched(
    acme: Path, path: str, value: str, message: str
) -> None:
    code, _, err, before = run(acme, path, value)
    assert code != 0
    assert message in err
    assert acme.read_text(encoding="utf-8") == before


def test_dry_run_prints_the_diff_and_writes_nothing(acme: Path) -> None:
    code, out, _, before = run(acme, "--dry-run", "health.nps", "40")
    assert code == 0
    assert "-  nps: 20\n+  nps: 40\n" in out
    assert acme.read_text(encoding="utf-8") == before


def test_setting_the_value_it_has_writes_nothing(acme: Path) -> None:
    code, out, _, before = run(acme, "health.nps", "20")
    assert code == 0
    assert "already so; nothing written" in out
    assert acme.read_text(encoding="utf-8") == before


def test_resolve_path_names_items_by_id_and_position() -> None:
    document = parse(
        COMMENTED.replace(
            "objectives: []                    # none yet\n", "objectives:\n" + ACTIONS
        )
    )
    assert document is not None
    data = document.data
    assert resolve_path("stakeholders.cio.reports_to", data) == ("stakeholders", 1, "reports_to")
    assert resolve_path("objectives.grow.actions.2.what", data) == (
        "objectives",
        0,
        "actions",
        1,
        "what",
    )
    assert resolve_path("criteria.product_fit", data) == ("criteria", "product_fit")
    assert resolve_path("criteria.revenue_potential", data) == (
        "criteria",
        "revenue_potential",
        "score",
    )
    with pytest.raises(PathError, match="it has: cfo, cio"):
        resolve_path("stakeholders.xyz.name", data)
