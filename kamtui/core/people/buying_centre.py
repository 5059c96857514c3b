"""How complete an account's decision-making map is: the roles it lacks and its map status.

Map status, 0 to 3 (README, "The buying centre"):
0. no stakeholders are recorded;
1. stakeholders are, but a role `kam.yaml` requires (`buying_centre.required_roles`)
   is held by nobody (a role is held by a stakeholder whose `role:` is it);
2. every required role is held, but the map is not yet 3;
3. also every key player (high decision power, or a touchpoint) has their attitude and
   their relationship written in the file, and at least one champion (`role: champion`
   or `attitude: champion`) has a strong or good relationship with us.

An attitude or relationship the file leaves out reads as neutral and none everywhere
else; here it counts as not yet assessed, because nobody has said it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from kamtui.core.account.model import (
    Account,
    Attitude,
    BuyingRole,
    PortfolioSettings,
    Relationship,
    Stakeholder,
)
from kamtui.core.analysis.relationships import is_key_player

CLOSE_RELATIONSHIPS = frozenset({Relationship.strong, Relationship.good})
COMPLETE = 3


@dataclass(frozen=True, slots=True)
class MapStatus:
    level: int
    # Required roles nobody holds, by name.
    missing_roles: tuple[BuyingRole, ...]
    # Key players whose attitude or relationship the file does not give, by id.
    unassessed: tuple[str, ...]

    @property
    def next_step(self) -> str:
        return next_step(self)


# A plain function, not the property's body: mutmut leaves decorated functions alone.
def next_step(status: MapStatus) -> str:
    """One sentence: what would raise the status (or that nothing can)."""
    if status.level == 0:
        return "Record the stakeholders, and who holds each required role."
    if status.missing_roles:
        missing = ", ".join(role_name(role) for role in status.missing_roles)
        return f"Name who holds the missing roles: {missing}."
    if status.unassessed:
        return (
            "Write the attitude and relationship of the key players: "
            f"{', '.join(status.unassessed)}."
        )
    if status.level < COMPLETE:
        return "Win a champion with a strong or good relationship to us."
    return "Complete: every required role held, every key player assessed, a close champion."


def role_name(role: BuyingRole) -> str:
    """ "decision maker": a buying-centre role as words."""
    return role.value.replace("_", " ")


def missing_roles(
    people: Sequence[Stakeholder], required: Collection[BuyingRole]
) -> tuple[BuyingRole, ...]:
    held = {person.role for person in people}
    return tuple(sorted(role for role in required if role not in held))


def _assessed(person: Stakeholder) -> bool:
    written = person.model_fields_set
    return "attitude" in written and "relationship" in written


def _close_champion(person: Stakeholder) -> bool:
    champion = person.role is BuyingRole.champion or person.attitude is Attitude.champion
    return champion and person.relationship in CLOSE_RELATIONSHIPS


def map_status(people: Sequence[Stakeholder], required: Collection[BuyingRole]) -> MapStatus:
    missing = missing_roles(people, required)
    unassessed = tuple(sorted({p.id for p in people if is_key_player(p) and not _assessed(p)}))
    if not people:
        level = 0
    elif missing:
        level = 1
    elif unassessed or not any(_close_champion(person) for person in people):
        level = 2
    else:
        level = COMPLETE
    return MapStatus(level, missing, unassessed)


def account_map_status(account: Account, settings: PortfolioSettings) -> MapStatus:
    """The map status of `account` under its portfolio's required roles."""
    return map_status(account.stakeholders, settings.buying_centre.required_roles)
