"""The SWOT tab: strengths, weaknesses, opportunities and threats in four quadrants."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Static

from kamtui.core.account.model import Swot
from kamtui.core.account.yaml_source import Loc
from kamtui.tui.drawing.text import paragraph
from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel

QUADRANTS = ("strengths", "weaknesses", "opportunities", "threats")


def bullets(items: list[str]) -> Text:
    if not items:
        return Text("none recorded", style="italic dim")
    return Text("\n").join(Text.assemble("• ", paragraph(item)) for item in items)


class SwotTab(Grid):
    def compose(self) -> ComposeResult:
        for quadrant in QUADRANTS:
            with VerticalScroll(id=f"swot-{quadrant}", classes="swot-quadrant") as box:
                box.border_title = quadrant.capitalize()
                yield Static()

    def show(self, file: AccountFile, model: PortfolioModel) -> None:
        swot = file.account.swot if file.account else None
        for quadrant in QUADRANTS:
            items: list[str] = getattr(swot or Swot(), quadrant)
            self.query_one(f"#swot-{quadrant} Static", Static).update(bullets(items))

    def location(self) -> Loc:
        return ("swot",)
