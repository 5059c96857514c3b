"""The Overview tab: criteria with their evidence, the matrix figures, KPIs, revenue, MRR,
and the score history from git."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from kamtui.core.history import ScorePoint, score_history
from kamtui.core.model import CRITERIA, HARMONY_FACETS, Account, Health
from kamtui.core.portfolio import AccountRow
from kamtui.core.scoring import MRR_PLANS, revenue_growth
from kamtui.core.yaml_source import Loc
from kamtui.tui.account_flags import account_flags
from kamtui.tui.format import MISSING, grouped, number, signed_percent
from kamtui.tui.portfolio_model import AccountFile, PortfolioModel
from kamtui.tui.score_history import history_line, in_git_repository
from kamtui.tui.text import literal, paragraph
from kamtui.tui.views.chart import fraction_of, hbar

BAR_WIDTH = 15
LABEL_WIDTH = 17
# Below this width the two columns stack.
TWO_COLUMNS_FROM = 110


def label(name: str) -> str:
    """`revenue_potential` → "Revenue potential"."""
    return name.replace("_", " ").capitalize()


def heading(title: str) -> Text:
    return Text(title, style="bold underline")


def score_bar(score: int) -> Text:
    """ "████████████░░░  4/5": the number says what the bar shows."""
    return Text.assemble((hbar(fraction_of(score, 5), BAR_WIDTH), "cyan"), f" {score}/5")


def identity(account: Account) -> Group:
    facts = [account.industry, f"owner {account.owner}" if account.owner else None]
    if account.stage is not None:
        facts.append(f"stage {account.stage.value}")
    if account.since is not None:
        facts.append(f"key account since {account.since.isoformat()}")
    line = paragraph(" · ".join(fact for fact in facts if fact), "dim")
    parts: list[RenderableType] = [literal(account.name, "bold"), line]
    if account.tags:
        parts.append(paragraph(" ".join(f"#{tag}" for tag in account.tags), "dim italic"))
    return Group(*parts)


def figures_line(row: AccountRow) -> Text:
    figures = row.figures
    pairs = (
        ("Score", number(figures.score)),
        ("Priority", number(figures.priority)),
        ("Growth", number(figures.growth)),
        ("Harmony", number(figures.harmony)),
        ("\nQuadrant", figures.quadrant.value if figures.quadrant else MISSING),
        ("Tier", row.tier.value if row.tier else MISSING),
    )
    return Text("  ").join(
        Text.assemble((f"{name} ", "dim"), (value, "bold")) for name, value in pairs
    )


def _scores_grid() -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(width=LABEL_WIDTH, no_wrap=True, overflow="ellipsis")
    table.add_column()
    return table


def criteria_table(account: Account, model: PortfolioModel) -> Table:
    """Each criterion's bar and weight, its evidence wrapped beneath the bar."""
    table = _scores_grid()
    for name in CRITERIA:
        criterion = getattr(account.criteria, name)
        weight = getattr(model.settings.weights, name)
        line = Text.assemble(score_bar(criterion.score), (f"  weight ×{weight:g}", "dim"))
        if criterion.evidence:
            table.add_row(label(name), Group(line, paragraph(criterion.evidence, "italic dim")))
        else:
            table.add_row(label(name), line)
    return table


def harmony_table(account: Account) -> RenderableType:
    if account.harmony is None:
        return Text("No harmony scores recorded.", style="italic dim")
    table = _scores_grid()
    for name in HARMONY_FACETS:
        table.add_row(label(name), score_bar(getattr(account.harmony, name)))
    return table


def kpi_table(health: Health, row: AccountRow, today: dt.date) -> Table:
    def days_ago(day: dt.date | None) -> str:
        if day is None:
            return MISSING
        return f"{day.isoformat()} ({(today - day).days} days ago)"

    pairs = [
        ("NPS", number(health.nps)),
        ("CSAT", f"{health.csat:g}/5" if health.csat is not None else MISSING),
        ("Engagement", health.engagement.value if health.engagement else MISSING),
        ("Churn risk", health.churn_risk.value if health.churn_risk else MISSING),
        ("Onboarding", health.onboarding.value.replace("_", " ") if health.onboarding else MISSING),
        ("Adoption", f"{health.adoption:.0%}" if health.adoption is not None else MISSING),
        ("CLTV", grouped(health.cltv)),
        ("Last contact", days_ago(health.last_contact)),
    ]
    if row.figures.days_at_risk is not None and health.at_risk_since is not None:
        pairs.append(
            (
                "In at-risk queue",
                f"since {health.at_risk_since.isoformat()} ({row.figures.days_at_risk} days)",
            )
        )
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(style="dim", no_wrap=True)
    table.add_column(no_wrap=True)
    for index in range(0, len(pairs), 2):
        left, right = pairs[index], pairs[index + 1] if index + 1 < len(pairs) else ("", "")
        table.add_row(left[0], left[1], right[0], right[1])
    return table


def revenue_table(row: AccountRow, account: Account) -> RenderableType:
    revenue = row.figures.revenue
    if not revenue:
        return Text("No revenue recorded.", style="italic dim")
    top = max([*revenue.values(), account.revenue_potential or 0])
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True, style="green")
    table.add_column(justify="right", no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for year, amount in revenue.items():
        tier = row.tiers.get(year)
        table.add_row(
            str(year),
            hbar(fraction_of(amount, top), BAR_WIDTH),
            grouped(amount),
            signed_percent(revenue_growth(revenue, year)),
            f"tier {tier.value}" if tier else "",
        )
    if account.revenue_potential is not None:
        table.add_row(
            "potential",
            Text(hbar(fraction_of(account.revenue_potential, top), BAR_WIDTH), "dim"),
            grouped(account.revenue_potential),
            "",
            "",
        )
    return table


def mrr_table(account: Account, row: AccountRow) -> RenderableType:
    if account.mrr is None:
        return Text("No MRR recorded.", style="italic dim")
    amounts = {plan: getattr(account.mrr, plan) for plan in MRR_PLANS}
    top = max(amounts.values())
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True, style="blue")
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    for plan, amount in amounts.items():
        note = Text()
        if plan == "premium" and row.figures.upsell:
            note = Text("◆ upsell: no premium plan yet", style="bold magenta")
        table.add_row(plan, hbar(fraction_of(amount, top), BAR_WIDTH), grouped(amount), note)
    table.add_row(Text("total", style="bold"), "", Text(grouped(row.figures.mrr), "bold"), "")
    return table


# A file's history as of one version of it on disk: (path, modification time in ns).
HistoryKey = tuple[Path, int]


class OverviewTab(VerticalScroll):
    DEFAULT_CSS = """
    OverviewTab #overview-history { height: auto; margin-bottom: 1; }
    """

    def __init__(self, *children: Widget, **options: Any) -> None:
        super().__init__(*children, **options)
        self._histories: dict[HistoryKey, list[ScorePoint]] = {}
        # Asked of git and not answered yet: a second show() of the same file waits for it.
        self._asked: set[HistoryKey] = set()
        self._history_shown: Path | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="overview-history")
        with Horizontal(id="overview-columns"):
            yield Static(id="overview-left", classes="overview-column")
            yield Static(id="overview-right", classes="overview-column")

    def on_resize(self) -> None:
        self.set_class(self.size.width < TWO_COLUMNS_FROM, "-narrow")

    def show(self, file: AccountFile, model: PortfolioModel) -> None:
        left, right = (
            self.query_one("#overview-left", Static),
            self.query_one("#overview-right", Static),
        )
        account, row = file.account, file.row
        self._show_history(file.path, model.root)
        if account is None or row is None:
            left.update(Text("Nothing to show until the file is valid.", style="italic"))
            right.update("")
            return
        currency = model.settings.currency
        flags = [
            Text.assemble((flag.label, flag.style), " ", (flag.explanation, "dim"))
            for flag in account_flags(file)
        ]
        left.update(
            Group(
                identity(account),
                Text(),
                figures_line(row),
                *flags,
                Text(),
                heading("Selection criteria"),
                criteria_table(account, model),
                Text(),
                heading("Harmony"),
                harmony_table(account),
            )
        )
        right.update(
            Group(
                heading("KPIs"),
                kpi_table(account.health, row, model.today),
                Text(),
                heading(f"Revenue ({currency})"),
                revenue_table(row, account),
                Text(),
                heading(f"MRR by plan ({currency} per month)"),
                mrr_table(account, row),
                Text(),
                Text.assemble(
                    ("Open pipeline ", "dim"), grouped(row.figures.needs_value), f" {currency}"
                ),
            )
        )

    def location(self) -> Loc:
        return ("name",)

    def _show_history(self, path: Path, root: Path) -> None:
        """From the cache, else from git in a thread; nothing until it is known."""
        self._history_shown = path
        self._render_history(None)
        if not in_git_repository(root):
            return
        try:
            key = (path, path.stat().st_mtime_ns)
        except OSError:
            return
        cached = self._histories.get(key)
        if cached is not None:
            self._render_history(cached)
        elif key not in self._asked:
            self._asked.add(key)
            self._load_history(key, root)

    # Not exclusive: a history asked for stays asked, so its answer always reaches the cache.
    @work(thread=True, group="score-history")
    def _load_history(self, key: HistoryKey, root: Path) -> None:
        points = score_history(root, key[0])
        self.app.call_from_thread(self._history_loaded, key, points)

    def _history_loaded(self, key: HistoryKey, points: list[ScorePoint]) -> None:
        self._histories[key] = points
        self._asked.discard(key)
        if self._history_shown == key[0]:
            self._render_history(points)

    def _render_history(self, points: list[ScorePoint] | None) -> None:
        line = history_line(points or [])
        target = self.query_one("#overview-history", Static)
        target.update(line or "")
        target.display = line is not None
