"""The buying centre: required roles, the roles a map lacks, and its map status 0 to 3,
on maps built for each rule and on real files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kamtui.core.account.model import Account, BuyingRole, PortfolioSettings
from kamtui.core.analysis.scoring import account_figures
from kamtui.core.loading.loader import load_folder, load_settings
from kamtui.core.people.buying_centre import MapStatus, account_map_status, map_status
from tests.conftest import TODAY
from tests.core.stakeholder_builders import map_of, person

DEFAULT = PortfolioSettings().buying_centre.required_roles
CRITERIA = "{revenue_volume: 3, revenue_potential: 3, lifetime_value: 3, product_fit: 3, strategic_value: 3}"


def status(*people: dict[str, Any], required: list[BuyingRole] = DEFAULT) -> MapStatus:
    return map_status(map_of(*people).stakeholders, required)


def assessed(person_id: str, **fields: Any) -> dict[str, Any]:
    """Someone whose attitude and relationship are written (neutral and none unless given)."""
    return person(
        person_id,
        attitude=fields.pop("attitude", "neutral"),
        relationship=fields.pop("relationship", "none"),
        **fields,
    )


COMPLETE = (
    assessed("dm", role="decision_maker", decision_power="high"),
    assessed("buyer", role="buyer"),
    assessed("champ", role="champion", attitude="supporter", relationship="good"),
)


def test_the_default_required_roles_are_decision_maker_buyer_and_champion() -> None:
    assert [BuyingRole.decision_maker, BuyingRole.buyer, BuyingRole.champion] == DEFAULT


def test_no_stakeholders_is_status_0_with_every_role_missing() -> None:
    found = status()
    assert found == MapStatus(
        0, (BuyingRole.buyer, BuyingRole.champion, BuyingRole.decision_maker), ()
    )
    assert found.next_step == "Record the stakeholders, and who holds each required role."


def test_a_required_role_nobody_holds_is_status_1() -> None:
    found = status(*COMPLETE[:2])
    assert (found.level, found.missing_roles) == (1, (BuyingRole.champion,))
    assert found.next_step == "Name who holds the missing roles: champion."
    # A champion by attitude alone does not hold the role.
    by_attitude = assessed("fan", attitude="champion", relationship="strong")
    assert status(*COMPLETE[:2], by_attitude).missing_roles == (BuyingRole.champion,)


def test_missing_roles_are_listed_by_name_whatever_the_order_required() -> None:
    required = [BuyingRole.user, BuyingRole.gatekeeper, BuyingRole.buyer]
    found = status(assessed("a", role="buyer"), required=required)
    assert found.missing_roles == (BuyingRole.gatekeeper, BuyingRole.user)
    assert found.next_step == "Name who holds the missing roles: gatekeeper, user."
    decider = status(assessed("a", role="buyer"), required=[BuyingRole.decision_maker])
    assert decider.next_step == "Name who holds the missing roles: decision maker."


def test_every_role_held_and_everything_assessed_with_a_close_champion_is_status_3() -> None:
    found = status(*COMPLETE)
    assert found == MapStatus(3, (), ())
    assert found.next_step.startswith("Complete:")


def test_a_key_player_without_a_written_attitude_or_relationship_keeps_it_at_2() -> None:
    no_attitude = person("vp", decision_power="high", relationship="good")
    no_relationship = person("contact", touchpoint=True, attitude="supporter")
    both = assessed("cfo", decision_power="high")
    found = status(*COMPLETE, no_attitude, no_relationship, both)
    assert (found.level, found.unassessed) == (2, ("contact", "vp"))
    assert found.next_step == (
        "Write the attitude and relationship of the key players: contact, vp."
    )


def test_only_key_players_need_assessing() -> None:
    # Medium power, no touchpoint: not a key player, so nothing written is fine.
    assert status(*COMPLETE, person("analyst", decision_power="medium")).level == 3
    # Written as neutral and none counts as written.
    assert status(*COMPLETE, assessed("ceo", decision_power="high")).level == 3


@pytest.mark.parametrize(
    ("champion", "level"),
    [
        ({"role": "champion", "relationship": "strong"}, 3),
        ({"role": "champion", "relationship": "good"}, 3),
        ({"role": "champion", "relationship": "weak"}, 2),
        ({"role": "champion", "relationship": "none"}, 2),
        ({"attitude": "champion", "relationship": "good"}, 3),
        ({"attitude": "champion", "relationship": "weak"}, 2),
        ({"attitude": "supporter", "relationship": "strong"}, 2),
    ],
)
def test_status_3_needs_a_champion_by_role_or_attitude_with_a_strong_or_good_relationship(
    champion: dict[str, Any], level: int
) -> None:
    """The role itself is held by `holder` (weak); `champion` is the one that may be close."""
    holder = assessed("holder", role="champion", relationship="weak")
    candidate = assessed("candidate", **champion)
    found = status(*COMPLETE[:2], holder, candidate)
    assert found.level == level
    if level == 2:
        assert found.next_step == "Win a champion with a strong or good relationship to us."


def pat_at_acme(tmp_path: Path, roles: str, pat: str) -> tuple[Account, PortfolioSettings]:
    """Acme, whose one stakeholder Pat has the fields `pat`, under `required_roles: roles`."""
    (tmp_path / "kam.yaml").write_text(f"buying_centre: {{required_roles: {roles}}}\n")
    (tmp_path / "acme.yaml").write_text(
        f"name: Acme\ncriteria: {CRITERIA}\nstakeholders:\n  - {{id: pat, name: Pat, {pat}}}\n"
    )
    folder = load_folder(tmp_path, use_cache=False)
    return folder.accounts["acme"], folder.settings


def test_kam_yaml_sets_the_required_roles(tmp_path: Path) -> None:
    account, settings = pat_at_acme(
        tmp_path, "[buyer, user]", "role: buyer, attitude: champion, relationship: good"
    )
    found = account_map_status(account, settings)
    assert (found.level, found.missing_roles) == (1, (BuyingRole.user,))
    # The figures every surface reads carry the same status.
    assert account_figures(account, settings, TODAY).map_status == found


def test_no_required_roles_needs_only_the_rest(tmp_path: Path) -> None:
    account, settings = pat_at_acme(tmp_path, "[]", "attitude: champion, relationship: good")
    assert account_map_status(account, settings).level == 3


@pytest.mark.parametrize(
    ("roles", "column", "message"),
    [
        ("[buyer, buyer]", 19, "a role is listed twice: buyer"),
        ("[buyer, boss]", 27, "'boss'"),
    ],
)
def test_a_bad_required_role_is_an_error_at_its_place(
    tmp_path: Path, roles: str, column: int, message: str
) -> None:
    (tmp_path / "kam.yaml").write_text(
        f"currency: USD\nbuying_centre:\n  required_roles: {roles}\n"
    )
    settings, problems = load_settings(tmp_path)
    (problem,) = problems
    assert settings == PortfolioSettings()
    assert (problem.line, problem.column) == (3, column)
    assert message in problem.message
