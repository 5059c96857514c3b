"""The Team tab: where the account stands in the programme, our people on it, and the
customer's own goals with the objectives that serve each (a goal no objective serves
is marked: seed 000's plan starts from the customer's objectives, not ours)."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from kamtui.core.account.model import Account, CustomerGoal, ProgrammeStatus
from kamtui.core.account.yaml_source import Loc
from kamtui.tui.drawing.text import paragraph
from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel

STATUS_WORDS = {
    ProgrammeStatus.candidate: "candidate for key-account status",
    ProgrammeStatus.key: "key account",
    ProgrammeStatus.under_review: "key account, status under review",
    ProgrammeStatus.former: "former key account",
}
UNSERVED = "⚠ served by no objective"


def status_line(account: Account, file: AccountFile, model: PortfolioModel) -> Text:
    """ "Status: key account · promoted 2022-04-01 · review on 2027-04-01"; a review
    date past is marked, a candidate that reaches promote_at said to be proposed."""
    text = Text.assemble(("Status: ", "dim"), (STATUS_WORDS[account.status], "bold"))
    if account.promoted_on is not None:
        text.append(f" · promoted {account.promoted_on.isoformat()}")
    figures = file.row.figures if file.row is not None else None
    if account.review_on is not None:
        overdue = figures is not None and figures.review_overdue
        text.append(
            f" · review {'was due' if overdue else 'on'} {account.review_on.isoformat()}",
            "bold yellow" if overdue else "",
        )
    if figures is not None and figures.proposed:
        text.append(
            f" · proposed for promotion (score ≥ {model.settings.programme.promote_at:g})",
            "bold green",
        )
    return text


def team_lines(account: Account) -> list[Text]:
    lines = [Text("Our team", style="bold underline")]
    owner = account.owner
    lines.append(
        Text.assemble("• ", paragraph(owner or "no owner"), (" · key account manager", "dim"))
    )
    for member in account.team:
        line = Text.assemble(
            "• ", paragraph(member.name), (f" · {member.role.value.replace('_', ' ')}", "dim")
        )
        if member.responsibility:
            line.append(" — ")
            line.append_text(paragraph(member.responsibility))
        lines.append(line)
    if not account.team:
        lines.append(Text("No one else on the team yet (`team:` in the file).", "italic dim"))
    return lines


def goal_lines(account: Account) -> list[Text]:
    lines = [Text("The customer's goals", style="bold underline")]
    if not account.customer_goals:
        lines.append(
            Text(
                "None recorded: what does the customer want to achieve? (`customer_goals:`)",
                "italic dim",
            )
        )
        return lines
    for goal in account.customer_goals:
        lines.extend(_goal(goal, account))
    return lines


def _goal(goal: CustomerGoal, account: Account) -> list[Text]:
    head = Text.assemble(
        ("✓ " if goal.met else "○ ", "green" if goal.met else ""), paragraph(goal.what, "bold")
    )
    head.append(f"  {goal.id}", "dim")
    if goal.horizon is not None:
        head.append(f" · by {goal.horizon.isoformat()}", "dim")
    if goal.met:
        head.append(" · met", "green")
    lines = [head]
    if goal.why:
        lines.append(Text.assemble("    ", paragraph(goal.why, "italic")))
    serving = [o for o in account.objectives if goal.id in o.serves]
    if serving:
        for objective in serving:
            lines.append(
                Text.assemble(
                    ("    served by ", "dim"),
                    (objective.id, "bold"),
                    (f" ({objective.status.value.replace('_', ' ')}): ", "dim"),
                    paragraph(objective.what),
                )
            )
    elif not goal.met:
        lines.append(Text(f"    {UNSERVED}", "bold yellow"))
    return lines


class TeamTab(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Static()

    def show(self, file: AccountFile, model: PortfolioModel) -> None:
        account = file.account
        if account is None:
            self.query_one(Static).update(Text("Nothing to show.", style="italic dim"))
            return
        parts = [
            status_line(account, file, model),
            Text(),
            *team_lines(account),
            Text(),
            *goal_lines(account),
        ]
        self.query_one(Static).update(Group(*parts))

    def location(self) -> Loc:
        return ("team",)
