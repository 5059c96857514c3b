"""The Overview tab's text, line by line: criteria with their evidence, the matrix
figures, KPIs, revenue, MRR.

Laid out here as plain lines (columns padded by hand, evidence wrapped once) rather
than as Rich tables: a Rich table is measured and rendered again at every layout,
10 ms an account, and the Overview is drawn each time the selection rests. The lines
that show a score say which field it is, so the tab can re-score it in place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from rich.console import Console
from rich.text import Text

from kamtui.core.account.model import CRITERIA, HARMONY_FACETS, Account, KpiDefinition, Level
from kamtui.core.analysis.kpis import CHURN_RISK_BANDS, ENGAGEMENT_BANDS, Band, Kpi
from kamtui.core.analysis.portfolio import AccountRow
from kamtui.core.analysis.scoring import revenue_growth
from kamtui.render.report_format import kpi_name, kpi_value
from kamtui.render.safe_text import one_line
from kamtui.tui.drawing.account_flags import account_flags
from kamtui.tui.drawing.chart import fraction_of, hbar, sparkline
from kamtui.tui.drawing.format import MISSING, arrow_percent, days_ago, grouped, number
from kamtui.tui.drawing.text import literal, paragraph
from kamtui.tui.live.portfolio_model import AccountFile, PortfolioModel

BAR_WIDTH = 15
LABEL_WIDTH = 17
# Below this width the two columns stack.
TWO_COLUMNS_FROM = 110
COLUMN_GAP = 2


@dataclass
class OverviewLines:
    lines: list[Text] = field(default_factory=list)
    # The lines showing a score 1-5, by their number: the field as `kamtui set` names it.
    scores: dict[int, str] = field(default_factory=dict)

    def extend(self, lines: Iterable[Text], score: str | None = None) -> None:
        """Add `lines`, the first of them the one showing the score of `score`."""
        if score is not None:
            self.scores[len(self.lines)] = score
        self.lines.extend(lines)


def label(name: str) -> str:
    """`revenue_potential` → "Revenue potential"."""
    return name.replace("_", " ").capitalize()


def heading(title: str) -> Text:
    return Text(title, style="bold underline")


def score_bar(score: int) -> Text:
    """ "████████████░░░  4/5": the number says what the bar shows."""
    return Text.assemble((hbar(fraction_of(score, 5), BAR_WIDTH), "cyan"), f" {score}/5")


def figures_line(row: AccountRow) -> Text:
    figures = row.figures
    pairs = (
        ("Score", number(figures.score)),
        ("Priority", number(figures.priority)),
        ("Growth", number(figures.growth)),
        ("Harmony", number(figures.harmony)),
        ("\nQuadrant", figures.quadrant.value if figures.quadrant else MISSING),
        ("Tier", row.tier.value if row.tier else MISSING),
        ("Health", number(figures.health_score)),
    )
    return Text("  ").join(
        Text.assemble((f"{name} ", "dim"), (value, "bold")) for name, value in pairs
    )


def grid(rows: Sequence[Sequence[Text]], gap: int, right: Collection[int] = ()) -> list[Text]:
    """One-line cells in columns as wide as their widest cell, `gap` cells apart;
    the columns numbered in `right` aligned right."""
    widths = [max(row[column].cell_len for row in rows) for column in range(len(rows[0]))]
    lines = []
    for row in rows:
        line = Text()
        for column, (cell, width) in enumerate(zip(row, widths, strict=True)):
            padding = " " * (width - cell.cell_len)
            if column:
                line.append(" " * gap)
            line.append_text(Text.assemble(padding, cell) if column in right else cell)
            if column not in right and column < len(row) - 1:
                line.append(padding)
        lines.append(line)
    return lines


def labelled(name: str) -> Text:
    """A score's label in its column, cut with an ellipsis where it does not fit."""
    text = Text(label(name))
    text.truncate(LABEL_WIDTH, overflow="ellipsis", pad=True)
    return text


def wrapped(text: Text, width: int, console: Console) -> list[Text]:
    return list(text.wrap(console, max(1, width)))


def criteria_lines(
    account: Account, model: PortfolioModel, width: int, console: Console
) -> list[tuple[str, list[Text]]]:
    """Each criterion (its field) with its bar and weight, its evidence wrapped beneath."""
    criteria = []
    indent = " " * (LABEL_WIDTH + 1)
    for name in CRITERIA:
        criterion = getattr(account.criteria, name)
        weight = getattr(model.settings.weights, name)
        if criterion is None:
            not_scored = ("not scored yet (1 to 5)", "bold yellow")
            criteria.append((f"criteria.{name}", [Text.assemble(labelled(name), " ", not_scored)]))
            continue
        lines = [
            Text.assemble(
                labelled(name), " ", score_bar(criterion.score), (f"  weight ×{weight:g}", "dim")
            )
        ]
        if criterion.evidence:
            evidence = paragraph(criterion.evidence, "italic dim")
            for line in wrapped(evidence, width - len(indent), console):
                lines.append(Text.assemble(indent, line))
        criteria.append((f"criteria.{name}", lines))
    return criteria


def harmony_lines(account: Account) -> list[tuple[str, list[Text]]]:
    """Each facet (its field) with its bar; none when no harmony is recorded."""
    if account.harmony is None:
        return []
    return [
        (
            f"harmony.{name}",
            [Text.assemble(labelled(name), " ", score_bar(getattr(account.harmony, name)))],
        )
        for name in HARMONY_FACETS
    ]


BAND_STYLE: dict[Band, str] = {Band.green: "green", Band.amber: "yellow", Band.red: "bold red"}


def kpi_text(
    kpi: Kpi | None, shown: Callable[[float], str], change: Callable[[float], str] | None = None
) -> Text:
    """ "32 amber +6 ▁▅█": the value in its band's colour with the band's word (colour
    only repeats it), the change on the previous reading (as `change` writes a number,
    else as `shown` does), the readings as a sparkline."""
    if kpi is None:
        return Text(MISSING)
    text = Text(shown(kpi.value), BAND_STYLE[kpi.band] if kpi.band else "")
    if kpi.band is not None:
        text.append(f" {kpi.band.value}", BAND_STYLE[kpi.band])
    if kpi.trend is not None:
        sign = "+" if kpi.trend > 0 else "−" if kpi.trend < 0 else "±"
        text.append(f" {sign}{(change or shown)(abs(kpi.trend))}", "dim")
    if len(kpi.series) > 1:
        text.append(" " + sparkline([value for _, value in kpi.series]), "cyan")
    return text


def level_text(level: Level | None, bands: Mapping[Level, Band]) -> Text:
    return Text(MISSING) if level is None else Text(level.value, BAND_STYLE[bands[level]])


def kpi_lines(
    account: Account, row: AccountRow, custom: Mapping[str, KpiDefinition], today: dt.date
) -> list[Text]:
    """The built-in KPIs two to a line, then the custom ones the account records
    (`custom`: kam.yaml's definitions, in its order)."""

    def when(day: dt.date | None) -> str:
        return MISSING if day is None else days_ago(day, today)

    health = account.health
    kpis = row.figures.kpis
    pairs: list[tuple[str, Text]] = [
        ("NPS", kpi_text(kpis.get("nps"), lambda value: f"{value:g}")),
        (
            "CSAT",
            kpi_text(kpis.get("csat"), lambda value: f"{value:g}/5", lambda step: f"{step:g}"),
        ),
        ("Engagement", level_text(health.engagement, ENGAGEMENT_BANDS)),
        ("Churn risk", level_text(health.churn_risk, CHURN_RISK_BANDS)),
        (
            "Onboarding",
            Text(health.onboarding.value.replace("_", " ") if health.onboarding else MISSING),
        ),
        ("Adoption", kpi_text(kpis.get("adoption"), lambda value: f"{value:.0%}")),
        ("CLTV", kpi_text(kpis.get("cltv"), grouped)),
        ("Last contact", Text(when(row.figures.last_contact))),
    ]
    if row.figures.days_at_risk is not None and health.at_risk_since is not None:
        pairs.append(
            (
                "In at-risk queue",
                Text(f"since {health.at_risk_since.isoformat()} ({row.figures.days_at_risk} days)"),
            )
        )
    rows = []
    for index in range(0, len(pairs), 2):
        left = pairs[index]
        right = pairs[index + 1] if index + 1 < len(pairs) else ("", Text())
        rows.append([Text(left[0], "dim"), left[1], Text(right[0], "dim"), right[1]])
    # One to a line: their names are the user's, of any length.
    own = [
        [
            Text(one_line(kpi_name(kpi, custom)), "dim"),
            kpi_text(kpis.get(kpi), partial(kpi_value, definition=definition)),
        ]
        for kpi, definition in custom.items()
        if kpi in account.kpis
    ]
    return grid(rows, gap=2) + (grid(own, gap=2) if own else [])


def revenue_lines(row: AccountRow, account: Account) -> list[Text]:
    revenue = row.figures.revenue
    if not revenue:
        return [Text("No revenue recorded.", style="italic dim")]
    top = max([*revenue.values(), account.revenue_potential or 0])
    rows = []
    for year, amount in revenue.items():
        tier = row.tiers.get(year)
        rows.append(
            [
                Text(str(year)),
                Text(hbar(fraction_of(amount, top), BAR_WIDTH), "green"),
                Text(grouped(amount)),
                Text(arrow_percent(revenue_growth(revenue, year))),
                Text(f"tier {tier.value}" if tier else ""),
            ]
        )
    if account.revenue_potential is not None:
        rows.append(
            [
                Text("potential"),
                Text(hbar(fraction_of(account.revenue_potential, top), BAR_WIDTH), "green dim"),
                Text(grouped(account.revenue_potential)),
                Text(),
                Text(),
            ]
        )
    return grid(rows, gap=1, right={2, 3})


def mrr_lines(account: Account, row: AccountRow) -> list[Text]:
    if account.mrr is None:
        return [Text("No MRR recorded.", style="italic dim")]
    amounts = row.figures.mrr_by_plan
    top = max(amounts.values())
    rows = []
    for plan, amount in amounts.items():
        note = Text()
        readings = row.figures.kpis.get(f"mrr_{plan}")
        if readings is not None and len(readings.series) > 1:
            note.append(sparkline([value for _, value in readings.series]), "cyan")
        if plan == "premium" and row.figures.upsell:
            note.append(" " if note else "")
            note.append("◆ upsell: no premium plan yet", style="bold magenta")
        rows.append(
            [
                Text(plan),
                Text(hbar(fraction_of(amount, top), BAR_WIDTH), "blue"),
                Text(grouped(amount)),
                note,
            ]
        )
    rows.append([Text("total", "bold"), Text(), Text(grouped(row.figures.mrr), "bold"), Text()])
    return grid(rows, gap=1, right={2})


def left_column(
    file: AccountFile, model: PortfolioModel, width: int, console: Console
) -> OverviewLines:
    account, row = file.account, file.row
    assert account is not None and row is not None
    facts = [account.industry, f"owner {account.owner}" if account.owner else None]
    if account.stage is not None:
        facts.append(f"stage {account.stage.value}")
    if account.since is not None:
        facts.append(f"key account since {account.since.isoformat()}")
    name = literal(account.name, "bold")
    name.truncate(width, overflow="ellipsis")
    column = OverviewLines()
    column.extend(
        [name, *wrapped(paragraph(" · ".join(f for f in facts if f), "dim"), width, console)]
    )
    if account.tags:
        tags = paragraph(" ".join(f"#{tag}" for tag in account.tags), "dim italic")
        column.extend(wrapped(tags, width, console))
    column.extend([Text(), *figures_line(row).split("\n")])
    for flag in account_flags(file):
        explained = Text.assemble((flag.label, flag.style), " ", (flag.explanation, "dim"))
        column.extend(wrapped(explained, width, console))
    column.extend([Text(), heading("Selection criteria")])
    for score, lines in criteria_lines(account, model, width, console):
        column.extend(lines, score)
    column.extend([Text(), heading("Harmony")])
    harmony = harmony_lines(account)
    if not harmony:
        column.extend([Text("No harmony scores recorded.", style="italic dim")])
    for score, lines in harmony:
        column.extend(lines, score)
    return column


def right_column(file: AccountFile, model: PortfolioModel) -> list[Text]:
    account, row = file.account, file.row
    assert account is not None and row is not None
    currency = one_line(model.settings.currency)
    return [
        heading("KPIs"),
        *kpi_lines(account, row, model.analysis.custom_kpis, model.today),
        Text(),
        heading(f"Revenue ({currency})"),
        *revenue_lines(row, account),
        Text(),
        heading(f"MRR by plan ({currency} per month)"),
        *mrr_lines(account, row),
        Text(),
        Text.assemble(("Open pipeline ", "dim"), grouped(row.figures.needs_value), f" {currency}"),
    ]


def overview_lines(
    file: AccountFile, model: PortfolioModel, width: int, console: Console
) -> OverviewLines:
    """The two columns side by side, or one above the other below TWO_COLUMNS_FROM."""
    if file.account is None or file.row is None:
        return OverviewLines([Text("Nothing to show until the file is valid.", style="italic")])
    if width < TWO_COLUMNS_FROM:
        column = left_column(file, model, width - COLUMN_GAP, console)
        column.extend([Text(), *right_column(file, model)])
        return column
    half = width // 2
    left = left_column(file, model, half - COLUMN_GAP, console)
    right = right_column(file, model)
    lines = []
    for index in range(max(len(left.lines), len(right))):
        # A fresh line: a left line's own style (a heading's underline) stays on its part.
        line = Text()
        if index < len(left.lines):
            line.append_text(left.lines[index])
        line.truncate(half, pad=True)
        if index < len(right):
            line.append_text(right[index])
        lines.append(line)
    return OverviewLines(lines, left.scores)
