"""The portfolio report as Markdown, for a pull request or a wiki, with a Mermaid Pareto chart.

Account text is escaped so that a `|` cannot split a table cell, `<` cannot open a
tag and `*`, `_`, `[` or a backtick cannot restyle or link what follows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from kamtui.core.analysis.portfolio import AccountRow, PortfolioAnalysis
from kamtui.core.analysis.scoring import revenue_growth
from kamtui.render.mermaid import escape as mermaid_escape
from kamtui.render.report_columns import TABLE_COLUMNS, ReportColumn
from kamtui.render.report_format import (
    GOING_COLD_HEADERS,
    bands_phrase,
    cltv_phrase,
    compact,
    counted,
    figure,
    flags,
    going_cold_cells,
    headcount,
    money,
    movement_label,
    mrr_phrase,
    mrr_series_phrase,
    name_list,
    onboarding_phrase,
    owner_cells,
    owner_headers,
    pareto_sentence,
    percent,
    pipeline_phrase,
    programme_lines,
    renewals_due_phrase,
    retention_phrase,
    share_of,
    signed_percent,
    team_cells,
    team_headers,
)
from kamtui.render.report_whitespace import (
    cell_marks,
    legend,
    offering_title,
    penetration_cells,
)
from kamtui.render.safe_text import inline_markdown

# Beyond this many accounts the chart folds the rest into one "others" bar.
CHART_ACCOUNTS = 15


def md(text: str) -> str:
    """User text on one line, shown as written: nothing styles, links or notifies."""
    return inline_markdown(text)


def _table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    right: Sequence[int],
    center: Sequence[int] = (),
) -> str:
    """A pipe table; columns whose index is in `right` (`center`) are aligned so."""
    align = [
        "---:" if index in right else ":---:" if index in center else "---"
        for index in range(len(headers))
    ]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return "\n".join(lines)


def render_markdown(analysis: PortfolioAnalysis) -> str:
    return "\n\n".join(_sections(analysis)) + "\n"


def _sections(analysis: PortfolioAnalysis) -> Iterator[str]:
    currency = md(analysis.currency)
    year = analysis.year
    yield f"# Key-account portfolio {year or ''}".rstrip()
    summary = f"As of {analysis.today.isoformat()} · {headcount(analysis)}"
    if year is not None:
        summary += f" · {year} revenue {money(analysis.revenue_total, currency)}"
        change = revenue_growth(analysis.revenue_totals, year)
        if change is not None:
            summary += f" ({signed_percent(change)} on {year - 1})"
    yield summary + f" · MRR {money(analysis.mrr_total, currency)}"
    yield f"**{pareto_sentence(analysis.pareto)}.**"
    if analysis.rows:
        yield "## Accounts by selection score"
        yield _accounts(analysis)
    if analysis.pareto.ranking.total:
        yield f"## Pareto {year}"
        yield _pareto_chart(analysis)
        yield "Vital few: " + _names(analysis, analysis.pareto.vital_few) + "."
    if analysis.years:
        yield "## ABC tiers per year"
        yield _tiers(analysis)
    if analysis.movements:
        yield "### Tier movements"
        yield _movements(analysis)
    yield "## At-risk queue"
    yield from _at_risk(analysis)
    yield "## Going cold"
    yield from _going_cold(analysis)
    yield "## Books by owner"
    yield _table(owner_headers(year), owner_cells(analysis, md), right=range(1, 7))
    yield "## The programme"
    yield "\n".join(f"- {label}: {value}" for label, value in programme_lines(analysis, md))
    if analysis.team_load:
        yield "### Team load"
        yield _table(team_headers(year), team_cells(analysis, md), right=(1, 2))
    if analysis.offerings:
        yield "## White space"
        yield from _whitespace(analysis)
    yield "## MRR and onboarding"
    over_time = mrr_series_phrase(analysis)
    yield "\n".join(
        [
            f"- MRR by plan ({currency}): {mrr_phrase(analysis)}",
            *([f"- MRR over time ({currency}): {over_time}"] if over_time else []),
            f"- KPI bands (accounts): {bands_phrase(analysis, md)}",
            f"- Pipeline, weighted ({currency}): {pipeline_phrase(analysis)}",
            f"- Renewals due: {renewals_due_phrase(analysis, md)}",
            f"- Revenue retention: {retention_phrase(analysis)}",
            f"- CLTV ({currency}): {cltv_phrase(analysis)}",
            f"- Upsell (MRR, no premium plan): {_names(analysis, analysis.upsell) or 'none'}",
            f"- Onboarding: {onboarding_phrase(analysis.onboarding)}",
            f"- Endangered: {_names(analysis, analysis.endangered) or 'none'}",
        ]
    )


def _names(analysis: PortfolioAnalysis, account_ids: tuple[str, ...]) -> str:
    return name_list([md(analysis.rows[i].name) for i in account_ids])


def _accounts(analysis: PortfolioAnalysis) -> str:
    columns = TABLE_COLUMNS
    headers = ["#", *(_title(column, analysis.year) for column in columns)]
    rows = (
        [str(rank), *(md(_text(column, row)) for column in columns)]
        for rank, row in enumerate(analysis.rows.values(), start=1)
    )
    right = [0, *(i for i, column in enumerate(columns, start=1) if column.align == "right")]
    center = [i for i, column in enumerate(columns, start=1) if column.align == "center"]
    return _table(headers, rows, right=right, center=center)


def _title(column: ReportColumn, year: int | None) -> str:
    assert column.title is not None
    return column.title(year).replace("\n", " ")


def _text(column: ReportColumn, row: AccountRow) -> str:
    assert column.text is not None
    return column.text(row)


def _pareto_chart(analysis: PortfolioAnalysis) -> str:
    """Bars: each account's share of the year's revenue; line: the cumulative share.

    Horizontal, so that account names read as rows instead of overlapping under the bars.
    """
    ranking = analysis.pareto.ranking
    shown = min(len(ranking.accounts), CHART_ACCOUNTS)
    labels = [analysis.rows[i].name for i in ranking.accounts[:shown]]
    bars = [amount / ranking.total * 100 for amount in ranking.revenue[:shown]]
    line = [share * 100 for share in ranking.cumulative_share[:shown]]
    others = len(ranking.accounts) - shown
    if others:
        labels.append(f"{others} others")
        bars.append(100 - line[-1])
        line.append(100.0)
    height = max(300, 120 + 30 * len(labels))  # room for one readable row per account
    quoted = ", ".join(f'"{mermaid_escape(label)}"' for label in labels)
    return "\n".join(
        [
            "```mermaid",
            f'%%{{init: {{"xyChart": {{"width": 800, "height": {height}}}}}}}%%',
            "xychart-beta horizontal",
            f'    title "Pareto {analysis.year}: share of revenue by account"',
            f"    x-axis [{quoted}]",
            f'    y-axis "Share of {analysis.year} revenue (%)" 0 --> 100',
            f"    bar [{', '.join(f'{value:.1f}' for value in bars)}]",
            f"    line [{', '.join(f'{value:.1f}' for value in line)}]",
            "```",
        ]
    )


def _tiers(analysis: PortfolioAnalysis) -> str:
    headers = ["Year", "Tier A", "Tier B", "Tier C", f"Revenue ({md(analysis.currency)})", "Change"]
    rows = (
        [
            str(year),
            *(f"{s.accounts} · {percent(s.share)}" for s in analysis.abc_summary[year].values()),
            compact(analysis.revenue_totals[year]),
            signed_percent(revenue_growth(analysis.revenue_totals, year)),
        ]
        for year in analysis.years
    )
    return _table(headers, rows, right=(1, 2, 3, 4, 5)) + (
        "\n\nTier cells: accounts · share of the year's revenue."
    )


def _movements(analysis: PortfolioAnalysis) -> str:
    rows = (
        [
            f"{m.from_year} → {m.to_year}",
            md(analysis.rows[m.account].name),
            movement_label(m),
        ]
        for m in analysis.movements
    )
    return _table(["Years", "Account", "Tier"], rows, right=())


def _whitespace(analysis: PortfolioAnalysis) -> Iterator[str]:
    """The grid, accounts by selection score against the offerings, with each
    account's open value and each offering's penetration (owned / where it fits)."""
    yield (
        f"{legend()}. Penetration: the accounts that own an offering, of those it fits. "
        "Open value: the open cells at list price, each division counted."
    )
    offerings = analysis.offerings
    headers = [
        "Account",
        *(md(offering_title(offering)) for offering in offerings),
        f"Open value ({md(analysis.currency)})",
    ]
    rows = [
        [md(row.name), *cell_marks(row, analysis), compact(row.figures.open_value)]
        for row in map(analysis.rows.__getitem__, analysis.programme_ids)
    ]
    rows.append(
        ["**Penetration**", *penetration_cells(analysis), f"**{compact(analysis.open_value)}**"]
    )
    center = range(1, len(offerings) + 1)
    yield _table(headers, rows, right=(len(offerings) + 1,), center=center)


def _going_cold(analysis: PortfolioAnalysis) -> Iterator[str]:
    if not analysis.going_cold:
        yield "Every key player has been met within the cadence of their account's tier."
        return
    count = len(analysis.going_cold)
    yield (
        f"{counted(count)} with a key player not met within the "
        "cadence of its tier, by tier, then the longest unmet."
    )
    yield _table(GOING_COLD_HEADERS, going_cold_cells(analysis, md), right=(0,), center=(2,))


def _at_risk(analysis: PortfolioAnalysis) -> Iterator[str]:
    if not analysis.at_risk:
        yield "No account has a high churn risk."
        return
    count = len(analysis.at_risk)
    yield (
        f"{counted(count)} with a high churn risk, by importance "
        f"then time in the queue. MRR at risk: "
        f"**{money(analysis.mrr_at_risk, md(analysis.currency))}** of "
        f"{compact(analysis.mrr_total)} "
        f"({percent(share_of(analysis.mrr_at_risk, analysis.mrr_total))})."
    )
    rows = []
    for rank, account_id in enumerate(analysis.at_risk, start=1):
        row = analysis.rows[account_id]
        days = row.figures.days_at_risk
        rows.append(
            [
                str(rank),
                md(row.name),
                figure(row.figures.score),
                compact(row.figures.mrr),
                "–" if days is None else f"{days} days",
                ", ".join(f.label for f in flags(row.figures) if f.kind != "at_risk"),
            ]
        )
    yield _table(["#", "Account", "Score", "MRR", "In queue", "Flags"], rows, right=(0, 2, 3, 4))
