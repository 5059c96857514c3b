"""The Objectives tab: what / why / how, due date and status, overdue ones marked."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from kamtui.core.account.model import Action, Objective, ObjectiveStatus
from kamtui.core.analysis.objective_tracking import ObjectiveTracking, Tracking
from kamtui.core.analysis.relationships import action_overdue
from kamtui.render.safe_text import one_line
from kamtui.tui.detail.items_tab import Changeable, ItemsTab
from kamtui.tui.drawing.chart import hbar
from kamtui.tui.drawing.format import MISSING
from kamtui.tui.drawing.text import literal, paragraph
from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel

STATUS_LOOK: dict[ObjectiveStatus, tuple[str, str]] = {
    ObjectiveStatus.planned: ("○ planned", ""),
    ObjectiveStatus.on_track: ("● on track", "green"),
    ObjectiveStatus.at_risk: ("! at risk", "dark_orange"),
    ObjectiveStatus.done: ("✓ done", "dim green"),
    ObjectiveStatus.dropped: ("✗ dropped", "dim"),
}
OVERDUE = "⚠ overdue"
PROGRESS_WIDTH = 20
TRACKING_LOOK: dict[Tracking, tuple[str, str]] = {
    Tracking.behind: ("behind", "bold red"),
    Tracking.on_track: ("on track", "green"),
    Tracking.ahead: ("ahead", "bold green"),
}


def progress_line(tracked: ObjectiveTracking) -> Text | None:
    """ "Progress ███████▊░░░░│░░░░░░  39% done, 50% of the time gone: behind", the bar
    marked where progress should be by now; None for an objective that is not tracked."""
    if tracked.tracking not in TRACKING_LOOK:
        return None
    assert tracked.progress is not None and tracked.expected is not None
    bar = hbar(tracked.progress, PROGRESS_WIDTH).replace(" ", "░")
    mark = min(PROGRESS_WIDTH - 1, int(tracked.expected * PROGRESS_WIDTH))
    word, style = TRACKING_LOOK[tracked.tracking]
    return Text.assemble(
        ("Progress: ", "dim"),
        (bar[:mark], "cyan"),
        ("│", "bold"),
        (bar[mark + 1 :], "cyan"),
        f"  {tracked.progress:.0%} done, {tracked.expected:.0%} of the time gone: ",
        (word, style),
    )


def is_overdue(objective: Objective, file: AccountFile) -> bool:
    return file.row is not None and objective.id in file.row.figures.objectives_overdue


def tracking_of(objective: Objective, file: AccountFile) -> ObjectiveTracking | None:
    if file.row is None:
        return None
    tracked = file.row.figures.objectives_tracking
    return next((t for t in tracked if t.id == objective.id), None)


def now_and_baseline(
    objective: Objective, tracked: ObjectiveTracking | None
) -> list[tuple[str, str] | str]:
    """ "   Now: 170,000 (from 120,000 on 2026-03-01)", as far as the file says."""
    value = tracked.value if tracked is not None else None
    parts: list[tuple[str, str] | str] = []
    if value is not None:
        parts += [("   Now: ", "dim"), f"{value:,g}"]
    if objective.baseline is not None:
        since = f" on {objective.start.isoformat()}" if objective.start else ""
        parts.append(f" (from {objective.baseline:,g}{since})")
    return parts


def measure(objective: Objective) -> str:
    if objective.metric is None:
        return MISSING
    if objective.target is None:
        return objective.metric
    return f"{objective.metric} → {objective.target:g}"


class ObjectivesTab(ItemsTab[Objective]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "action_done", "Action done", id="detail.action_done")
    ]
    section = "objectives"
    # Due: a date and ⚠ when overdue (said in full below), so What keeps its room at 80 columns.
    columns = (("Status", 11), ("Due", 12), ("What", None), ("Measure", 24))
    empty = "No objectives recorded."
    changeable = (
        Changeable(
            "status",
            "Status",
            tuple((status.value, look) for status, (look, _) in STATUS_LOOK.items()),
        ),
    )

    def action_action_done(self) -> None:
        """Pick one of the highlighted objective's actions: it is marked done, or to do
        again when it was done."""
        index = self.query_one(DataTable).cursor_row
        if self._shown is None or not 0 <= index < len(self._items):
            return
        objective = self._items[index]
        if not objective.actions:
            self.app.notify("This objective has no actions.", severity="warning")
            return
        actions = f"{self.section}.{self.item_name(index)}.actions"
        self.post_message(
            self.ChangeRequested(
                self._shown[0].path,
                one_line(f"Mark done, or to do again: {objective.what}"),
                tuple(
                    (
                        f"{'☑' if action.done else '☐'} {action.what}",
                        f"{actions}.{action.id or n}.done",
                        not action.done,
                    )
                    for n, action in enumerate(objective.actions, start=1)
                ),
                None,
            )
        )

    def item_title(self, item: Objective) -> str:
        return item.what

    def row(self, item: Objective, file: AccountFile, model: PortfolioModel) -> list[Text]:
        status, style = STATUS_LOOK[item.status]
        due = Text(item.due.isoformat() if item.due else MISSING, no_wrap=True)
        if is_overdue(item, file):
            due.append(" ⚠", style="bold red")
        return [Text(status, style=style), due, literal(item.what), literal(measure(item))]

    def describe(self, item: Objective, file: AccountFile, model: PortfolioModel) -> RenderableType:
        status, style = STATUS_LOOK[item.status]
        header = Text.assemble(literal(item.what, "bold"), "  ", (status, style))
        if is_overdue(item, file):
            header.append(f"  {OVERDUE}", style="bold red")
        parts: list[RenderableType] = [header]
        for title, value in (("Why", item.why), ("How", item.how)):
            if value:
                parts.append(Text.assemble((f"{title}: ", "dim"), paragraph(value)))
        tracked = tracking_of(item, file)
        parts.append(
            Text.assemble(
                ("Measure: ", "dim"),
                literal(measure(item)),
                ("   Due: ", "dim"),
                item.due.isoformat() if item.due else MISSING,
                *now_and_baseline(item, tracked),
            )
        )
        shown = progress_line(tracked) if tracked is not None else None
        if shown is not None:
            parts.append(shown)
            if file.row is not None and item.id in file.row.figures.objectives_behind:
                parts.append(Text("⚠ said to be on track, but behind its plan", style="bold red"))
        if item.actions:
            parts.append(Text("Actions:", style="dim"))
            parts.extend(action_line(action, model.today) for action in item.actions)
        return Group(*parts)


def action_line(action: Action, today: dt.date) -> Text:
    """`☐ Book the EVP workshop · Dana Reyes · due 2026-12-15`, done ones ticked."""
    text = Text("  ☑ " if action.done else "  ☐ ", style="dim green" if action.done else "")
    text.append_text(literal(action.what))
    if action.owner:
        text.append(" · ", style="dim")
        text.append_text(literal(action.owner))
    if action.due is not None:
        text.append(f" · due {action.due.isoformat()}", style="dim")
    if action_overdue(action, today):
        text.append(f" {OVERDUE}", style="bold red")
    return text
