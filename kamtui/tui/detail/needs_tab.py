"""The Needs tab: the anticipated-needs pipeline with stages, chances, values and horizons."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from kamtui.core.account.model import Need, NeedStage, NeedStatus
from kamtui.core.analysis.scoring import need_probability
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


STAGE_LOOK: dict[NeedStage, tuple[str, str]] = {
    NeedStage.identified: ("○ identified", "cyan"),
    NeedStage.qualified: ("◔ qualified", "cyan"),
    NeedStage.proposal: ("◑ proposal", "cyan"),
    NeedStage.negotiation: ("◕ negotiation", "cyan"),
    NeedStage.won: ("✓ won", "green"),
    NeedStage.lost: ("✗ lost", "dim"),
}


def look(need: Need) -> tuple[str, str]:
    """Its stage as shown, else (no stage written) its status."""
    return STAGE_LOOK[need.stage] if need.stage is not None else STATUS_LOOK[need.status]


def chance(need: Need, model: PortfolioModel) -> float | None:
    """The probability its weighted value counts (None: closed, it counts no more)."""
    if need.status is not NeedStatus.open:
        return None
    return need_probability(need, model.settings.pipeline)


def kind(need: Need) -> str:
    return need.kind.value.replace("_", "-") if need.kind else MISSING


class NeedsTab(ItemsTab[Need]):
    section = "needs"
    columns = (
        ("Stage", 13),
        ("Kind", 10),
        ("Horizon", 10),
        ("Value", 11),
        ("Chance", 6),
        ("What", None),
    )
    empty = "No anticipated needs recorded."
    changeable = (
        Changeable(
            "stage",
            "Stage",
            tuple((stage.value, shown) for stage, (shown, _) in STAGE_LOOK.items()),
        ),
        Changeable(
            "status",
            "Status",
            tuple((status.value, look) for status, (look, _) in STATUS_LOOK.items()),
        ),
    )

    def item_title(self, item: Need) -> str:
        return item.what

    def row(self, item: Need, file: AccountFile, model: PortfolioModel) -> list[Text]:
        shown, style = look(item)
        probability = chance(item, model)
        return [
            Text(shown, style=style),
            Text(kind(item)),
            Text(item.horizon.isoformat() if item.horizon else MISSING),
            Text(grouped(item.value), justify="right"),
            Text(MISSING if probability is None else f"{probability:.0%}", justify="right"),
            literal(item.what),
        ]

    def describe(self, item: Need, file: AccountFile, model: PortfolioModel) -> RenderableType:
        shown, style = look(item)
        currency = one_line(model.settings.currency)
        probability = chance(item, model)
        weighted = Text()
        if probability is not None and item.value is not None:
            weighted.append("   Weighted: ", "dim")
            weighted.append(f"{grouped(item.value * probability)} ({probability:.0%})")
        pipeline = file.row.figures.pipeline if file.row else None
        lines = [
            Text.assemble(literal(item.what, "bold"), "  ", (shown, style)),
            Text.assemble(
                ("Kind: ", "dim"),
                kind(item),
                ("   Horizon: ", "dim"),
                item.horizon.isoformat() if item.horizon else MISSING,
                ("   Value: ", "dim"),
                f"{grouped(item.value)} {currency} a year",
                weighted,
            ),
        ]
        if file.row is not None and pipeline is not None:
            lines.append(
                Text.assemble(
                    ("Open pipeline of the account: ", "dim"),
                    f"{grouped(file.row.figures.needs_value)} {currency}, weighted ",
                    f"{grouped(pipeline.weighted)}: growth {grouped(pipeline.growth)} · "
                    f"renewals {grouped(pipeline.renewals)}",
                )
            )
        return Group(*lines)
