"""What changed in an account's place in the programme: our people on it (joined, left,
another role) and the customer's goals (added, removed, met, reopened). The status
itself is a figure of the record, told with the others."""

from __future__ import annotations

from kamtui.core.account.model import Account
from kamtui.core.review.changes import Change, GoalChange, ProgrammeDiff, TeamChange
from kamtui.core.review.facts import item_keys


def programme_diff(old: Account, new: Account) -> ProgrammeDiff:
    team_before = dict(item_keys(old.team))
    team_after = dict(item_keys(new.team))
    team = []
    for key in sorted(team_before.keys() | team_after.keys()):
        was, now = team_before.get(key), team_after.get(key)
        role = Change(
            None if was is None else was.role.value, None if now is None else now.role.value
        )
        if role.before != role.after:
            shown = now or team_before[key]
            team.append(TeamChange(key, shown.name, role, shown.responsibility))
    goals_before = {goal.id: goal for goal in old.customer_goals}
    goals_after = {goal.id: goal for goal in new.customer_goals}
    goals = []
    for goal_id in sorted(goals_before.keys() | goals_after.keys()):
        was_goal, now_goal = goals_before.get(goal_id), goals_after.get(goal_id)
        met = Change(
            None if was_goal is None else was_goal.met, None if now_goal is None else now_goal.met
        )
        if met.before != met.after:
            goals.append(GoalChange(goal_id, (now_goal or goals_before[goal_id]).what, met))
    return ProgrammeDiff(tuple(team), tuple(goals))
