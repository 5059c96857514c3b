"""The Needs tab: the anticipated-needs pipeline with values and horizons."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from kamtui.core.account.model import Need, NeedStatus
from kamtui.render.safe_text import one_line
from kamtui.tui.detail.items_tab import Changeable, ItemsTab
from kamtui.tui.drawing.format import MISSING, grouped
from kamtui.tui.drawing.text import literal
from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel

STATUS_LOOK: dict[NeedStatus, tuple[str, str]] = {
    NeedStatus.open: ("○ open", "cyan"),
    NeedStatus.won: ("✓ won", "green"),
    NeedStatus.lost: ("✗ lost", "dim"),
}


def kind(need: Need) -> str:
    return need.kind.value.replace("_", "-") if need.kind else MISSING


class NeedsTab(ItemsTab[Need]):
    section = "needs"
    columns = (("Status", 8), ("Kind", 10), ("Horizon", 10), ("Value", 11), ("What", None))
    empty = "No anticipated needs recorded."
    changeable = (
        Changeable(
            "status",
            "Status",
            tuple((status.value, look) for status, (look, _) in STATUS_LOOK.items()),
        ),
    )

    def item_title(self, item: Need) -> str:
        return item.what

    def row(self, item: Need, file: AccountFile, model: PortfolioModel) -> list[Text]:
        status, style = STATUS_LOOK[item.status]
        return [
            Text(status, style=style),
            Text(kind(item)),
            Text(item.horizon.isoformat() if item.horizon else MISSING),
            Text(grouped(item.value), justify="right"),
            literal(item.what),
        ]

    def describe(self, item: Need, file: AccountFile, model: PortfolioModel) -> RenderableType:
        status, style = STATUS_LOOK[item.status]
        currency = one_line(model.settings.currency)
        pipeline = file.row.figures.needs_value if file.row else 0.0
        return Group(
            Text.assemble(literal(item.what, "bold"), "  ", (status, style)),
            Text.assemble(
                ("Kind: ", "dim"),
                kind(item),
                ("   Horizon: ", "dim"),
                item.horizon.isoformat() if item.horizon else MISSING,
                ("   Value: ", "dim"),
                f"{grouped(item.value)} {currency} a year",
            ),
            Text.assemble(
                ("Open pipeline of the account: ", "dim"), f"{grouped(pipeline)} {currency}"
            ),
        )
