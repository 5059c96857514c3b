"""The Activity tab: the account's log, newest first, with whom, how, and the next step
(an overdue one marked by the rule of relationships.py)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from kamtui.core.account.model import Activity
from kamtui.core.analysis.relationships import next_step_overdue
from kamtui.tui.detail.items_tab import Changeable, ItemsTab
from kamtui.tui.drawing.format import MISSING
from kamtui.tui.drawing.text import literal
from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel


def next_step(entry: Activity, model: PortfolioModel) -> Text:
    """The next step and its due date, after a mark that survives a narrow column: ⚠
    overdue, ✓ done."""
    if entry.next is None:
        return Text(MISSING)
    if entry.next_done:
        text = Text("✓ ", style="dim green")
    elif next_step_overdue(entry, model.today):
        text = Text("⚠ ", style="bold red")
    else:
        text = Text()
    text.append_text(literal(entry.next))
    if entry.next_due is not None:
        text.append(f" by {entry.next_due.isoformat()}", style="dim")
    return text


class ActivityTab(ItemsTab[tuple[int, Activity]]):
    section = "activities"
    columns = (("Date", 10), ("Kind", 7), ("With", 18), ("Summary", None), ("Next step", 30))
    empty = "No activity logged. `l` (or `kamtui log ACCOUNT SUMMARY`) adds one."
    changeable = (Changeable("next_done", "Next step", ((False, "☐ to do"), (True, "✓ done"))),)

    def item_title(self, item: tuple[int, Activity]) -> str:
        return item[1].summary

    def change_title(self, item: tuple[int, Activity], what: Changeable) -> str:
        return f"Next step: {item[1].next}"

    def value_of(self, item: tuple[int, Activity], field: str) -> bool:
        return item[1].next_done

    def cannot_change(self, item: tuple[int, Activity]) -> str | None:
        return "This entry has no next step." if item[1].next is None else None

    def items(self, file: AccountFile) -> Sequence[tuple[int, Activity]]:
        entries = list(enumerate(file.account.activities)) if file.account else []
        # Newest first; of one day's entries, the one written later first.
        return sorted(entries, key=lambda entry: (entry[1].date, entry[0]), reverse=True)

    def position(self, index: int) -> int:
        return self._items[index][0]

    def row(
        self, item: tuple[int, Activity], file: AccountFile, model: PortfolioModel
    ) -> list[Text]:
        entry = item[1]
        return [
            Text(entry.date.isoformat()),
            Text(entry.kind.value if entry.kind else MISSING),
            literal(", ".join(entry.with_) or MISSING),
            literal(entry.summary),
            next_step(entry, model),
        ]

    def describe(
        self, item: tuple[int, Activity], file: AccountFile, model: PortfolioModel
    ) -> RenderableType:
        entry = item[1]
        kind = entry.kind.value if entry.kind else "entry"
        return Group(
            Text.assemble(
                (f"{entry.date.isoformat()} · {kind}  ", "dim"), literal(entry.summary, "bold")
            ),
            Text.assemble(("With: ", "dim"), literal(", ".join(entry.with_) or MISSING)),
            Text.assemble(("Next step: ", "dim"), next_step(entry, model)),
        )
