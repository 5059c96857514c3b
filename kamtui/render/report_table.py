"""The portfolio report as Rich tables, for the terminal (`kamtui report`).

Every piece of account text goes in as a `Text` made by `one_line`, never into a
markup string, so a name like "[bold red]ACME" or one carrying an ANSI escape
shows literally and cannot restyle the terminal.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from kamtui.core.analysis.abc_analysis import Tier
from kamtui.core.analysis.portfolio import AccountRow, PortfolioAnalysis
from kamtui.core.analysis.scoring import revenue_growth
from kamtui.render.report_columns import TABLE_COLUMNS, WIDE, ReportColumn
from kamtui.render.report_format import (
    FLAG_STYLES,
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
from kamtui.render.report_whitespace import open_value_phrase, penetration_phrase
from kamtui.render.safe_text import one_line

_TIER_STYLE = {Tier.A: "bold green", Tier.B: "yellow", Tier.C: "dim"}
# The at-risk flags and the going-cold key players get a column of their own from this
# width; below it the name and they would share 20 columns, "Nord…" beside "single-thr".
# The tiers table puts each tier's count above its share below it.
AT_RISK_FLAGS_FROM = 60
# The owners' table shows revenue and MRR (columns 2 and 3) from this width on.
OWNERS_MONEY_FROM = 60
_OWNERS_MONEY = (2, 3)
# At 40 columns the counts leave the owner eight cells (rich keeps two spare).
_OWNER_AT_LEAST = 8


def render_report(analysis: PortfolioAnalysis, width: int) -> RenderableType:
    """The whole report for a terminal `width` columns wide."""
    parts: list[RenderableType] = [_headline(analysis)]
    if analysis.rows:
        parts += ["", _accounts_table(analysis, width)]
    parts += ["", _pareto_line(analysis)]
    if analysis.years:
        parts += ["", _tiers_table(analysis, width < AT_RISK_FLAGS_FROM)]
    if analysis.movements:
        parts += ["", _movements_table(analysis)]
    parts += ["", _at_risk(analysis, width >= AT_RISK_FLAGS_FROM)]
    narrow = width < AT_RISK_FLAGS_FROM
    parts += ["", _going_cold(analysis, not narrow), "", _owners(analysis, width)]
    if analysis.team_load:
        parts += ["", _team(analysis)]
    parts += ["", _dashboard(analysis)]
    return Group(*map(_titled, parts))


def _titled(part: RenderableType) -> RenderableType:
    """A table with its title above it: a table's own title wraps at the table's width,
    which a short table makes a few words ("Going cold: 1 account with a key player not
    met within the" and the rest on the next line at 120 columns)."""
    if isinstance(part, Table) and part.title is not None:
        title, part.title = part.title, None
        return Group(title, part)
    return part


def _table(title: str | Text) -> Table:
    return Table(
        title=title,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=(0, 1, 0, 0),
    )


def _name(row: AccountRow) -> Text:
    """One line, cut with an ellipsis (a column's own overflow). Its column is left
    wrapable (no no_wrap) so that it gives way, with the flags, when a table is too wide:
    a no_wrap name column kept the whole name and squeezed the years, the figures and
    the tier change out of sight. The short columns of the other tables (ranks, years,
    scores, days) need no no_wrap: from NARROWEST columns on, their names' column alone
    takes the squeeze and stays the widest."""
    return Text(one_line(row.name), no_wrap=True)


def _name_and(row: AccountRow, warnings: Text, flags_apart: bool) -> RenderableType:
    """The name, with the warnings under it when the table has no column for them."""
    return Group(_name(row), warnings) if not flags_apart and warnings else _name(row)


def _tier(tier: Tier | None) -> Text:
    return Text("–") if tier is None else Text(tier.value, style=_TIER_STYLE[tier])


def _flags(row: AccountRow, leave_out: tuple[str, ...] = ()) -> Text:
    text = Text()
    for flag in flags(row.figures):
        if flag.kind not in leave_out:
            if text:
                text.append(", ")
            text.append(flag.label, style=FLAG_STYLES[flag.kind])
    return text


def _names(analysis: PortfolioAnalysis, account_ids: tuple[str, ...]) -> str:
    return name_list([one_line(analysis.rows[i].name) for i in account_ids])


def _headline(analysis: PortfolioAnalysis) -> Text:
    currency = one_line(analysis.currency)
    title = "Key-account portfolio"
    if analysis.year is not None:
        title += f" {analysis.year}"
    # Styled spans, not a style for the whole Text: that would make every part after
    # the title bold too.
    text = Text.assemble((title, "bold"), (f"  as of {analysis.today.isoformat()}\n", "dim"))
    text.append(headcount(analysis))
    if analysis.year is not None:
        change = revenue_growth(analysis.revenue_totals, analysis.year)
        text.append(f" · revenue {money(analysis.revenue_total, currency)}")
        if change is not None:
            text.append(f" ({signed_percent(change)} on {analysis.year - 1})")
    text.append(f" · MRR {money(analysis.mrr_total, currency)}")
    return text


def _accounts_table(analysis: PortfolioAnalysis, width: int) -> Table:
    """Narrow terminals get the flags under the name and fewer figures; wide ones a
    column for the flags and the matrix's figures."""
    wide = width >= WIDE
    columns = [column for column in TABLE_COLUMNS if width >= column.shown_from]
    table = _table(Text("Accounts by selection score", style="bold"))
    table.add_column("#", justify="right", style="dim")
    for column in columns:
        assert column.title is not None
        title = column.title(analysis.year)
        if column.key == "name":
            table.add_column(title, max_width=36 if wide else None)
        elif column.key == "flags":
            table.add_column(title)
        else:
            table.add_column(title, justify=column.align, no_wrap=True)
    for rank, row in enumerate(analysis.rows.values(), start=1):
        table.add_row(str(rank), *(_cell(column, row, wide) for column in columns))
    return table


def _cell(column: ReportColumn, row: AccountRow, wide: bool) -> RenderableType:
    """The column's text, styled where the terminal can say more: a coloured tier, the
    flags in their colours, and (narrow) the warnings under the name."""
    if column.key == "name":
        # Upsell is listed under the tables; here it would double most rows.
        return _name_and(row, _flags(row, leave_out=("upsell",)), wide)
    if column.key == "tier":
        return _tier(row.tier)
    if column.key == "flags":
        return _flags(row)
    assert column.text is not None
    return column.text(row)


def _pareto_line(analysis: PortfolioAnalysis) -> Text:
    pareto = analysis.pareto
    text = Text.assemble((f"Pareto: {pareto_sentence(pareto)}", "bold"))
    if pareto.vital_few:
        text.append("\nVital few: ", style="dim")
        text.append(_names(analysis, pareto.vital_few))
    return text


def _tiers_table(analysis: PortfolioAnalysis, narrow: bool) -> Table:
    """Narrow, each tier's count goes above its share, and the headers take two lines:
    on one line the three tiers left "8…" of "84%"."""
    currency = one_line(analysis.currency)
    table = _table(Text("ABC tiers per year", style="bold"))
    table.add_column("Year")
    between = "\n" if narrow else " · "
    for tier in Tier:
        title = Text(f"Tier{between[0]}{tier.value}", style=_TIER_STYLE[tier])
        table.add_column(title, justify="right")
    table.add_column(f"Revenue{between[0]}({currency})", justify="right")
    table.add_column("Change", justify="right")
    for year in analysis.years:
        summary = analysis.abc_summary[year]
        table.add_row(
            str(year),
            *(f"{s.accounts}{between}{percent(s.share)}" for s in summary.values()),
            compact(analysis.revenue_totals[year]),
            signed_percent(revenue_growth(analysis.revenue_totals, year)),
        )
    table.caption = "accounts · share of the year's revenue"
    return table


def _movements_table(analysis: PortfolioAnalysis) -> Table:
    table = _table(Text("Tier movements", style="bold"))
    table.add_column("Years")
    table.add_column("Account")
    table.add_column("Tier")
    for movement in analysis.movements:
        table.add_row(
            f"{movement.from_year} → {movement.to_year}",
            _name(analysis.rows[movement.account]),
            movement_label(movement),
        )
    return table


def _at_risk(analysis: PortfolioAnalysis, flags_apart: bool) -> RenderableType:
    currency = one_line(analysis.currency)
    summary = Text("At-risk queue: ", style="bold")
    if not analysis.at_risk:
        summary.append("no account has a high churn risk")
        return summary
    at_risk_share = percent(share_of(analysis.mrr_at_risk, analysis.mrr_total))
    summary.append(
        f"{counted(len(analysis.at_risk))}, "
        f"MRR at risk {money(analysis.mrr_at_risk, currency)} "
        f"of {compact(analysis.mrr_total)} ({at_risk_share})"
    )
    table = _table(summary)
    table.add_column("#", justify="right", style="dim")
    table.add_column("Account")
    table.add_column("Score", justify="right")
    table.add_column("MRR", justify="right")
    table.add_column("In queue", justify="right")
    if flags_apart:
        table.add_column("Flags")
    for rank, account_id in enumerate(analysis.at_risk, start=1):
        row = analysis.rows[account_id]
        days = row.figures.days_at_risk
        warnings = _flags(row, leave_out=("at_risk",))
        table.add_row(
            str(rank),
            _name_and(row, warnings, flags_apart),
            figure(row.figures.score),
            compact(row.figures.mrr),
            "–" if days is None else f"{days} days",
            *([warnings] if flags_apart else []),
        )
    return table


def _going_cold(analysis: PortfolioAnalysis, players_apart: bool) -> RenderableType:
    """Below AT_RISK_FLAGS_FROM columns the key players go under the name, as the
    at-risk flags do: five columns in 40 left each a few letters."""
    summary = Text("Going cold: ", style="bold")
    if not analysis.going_cold:
        summary.append("every key player met within the cadence of their account's tier")
        return summary
    count = len(analysis.going_cold)
    summary.append(f"{counted(count)} with a key player not met within the cadence of its tier")
    table = _table(summary)
    rank, account, tier, contact, players = GOING_COLD_HEADERS
    table.add_column(rank, justify="right", style="dim")
    table.add_column(account)
    table.add_column(tier, justify="center")
    table.add_column(contact)
    if players_apart:
        table.add_column(players)
    for number, name, tier_cell, contacted, stale in going_cold_cells(analysis, one_line):
        shown = Text(name, no_wrap=True)
        if players_apart:
            table.add_row(number, shown, tier_cell, contacted, stale)
        else:
            table.add_row(number, Group(shown, Text(stale, style="dim")), tier_cell, contacted)
    return table


def _owners(analysis: PortfolioAnalysis, width: int) -> Table:
    """The figures' headers a word a line ("Going / cold") and their columns never
    wrapped, so the owner's column is the one that gives way; below OWNERS_MONEY_FROM
    columns the revenue and MRR go, so that the owner and the counts stay whole."""
    table = _table(Text("Books by owner", style="bold"))
    headers = owner_headers(analysis.year)
    kept = [
        index
        for index in range(len(headers))
        if width >= OWNERS_MONEY_FROM or index not in _OWNERS_MONEY
    ]
    table.add_column(headers[0], min_width=_OWNER_AT_LEAST)
    for index in kept[1:]:
        table.add_column(headers[index].replace(" ", "\n"), justify="right", no_wrap=True)
    for cells in owner_cells(analysis, one_line):
        shown = [cells[index] for index in kept]
        table.add_row(Text(shown[0], no_wrap=True), *shown[1:])
    return table


_PERSON_AT_MOST = 24


def _team(analysis: PortfolioAnalysis) -> Table:
    """Who of our people carries which of the programme's accounts; the accounts' names
    are the column that gives way."""
    table = _table(Text("Team load", style="bold"))
    person, count, revenue, on = team_headers(analysis.year)
    rows = team_cells(analysis, one_line)
    # The accounts' names take what the people (a name up to _PERSON_AT_MOST) and their
    # figures leave: at 80 columns they give way, not the people and their figures.
    table.add_column(person, no_wrap=True, max_width=_PERSON_AT_MOST)
    table.add_column(count, justify="right", no_wrap=True)
    table.add_column(revenue.replace(" ", "\n"), justify="right", no_wrap=True)
    # Wrapable (each cell is cut, one line): a no_wrap column would hold its widest cell
    # and squeeze the others out of sight.
    table.add_column(on)
    for name, *figures, accounts in rows:
        table.add_row(
            Text(name),
            *figures,
            Text(accounts, no_wrap=True),
        )
    return table


def _dashboard(analysis: PortfolioAnalysis) -> Text:
    text = Text()
    for label, value in _dashboard_lines(analysis):
        if text:
            text.append("\n")
        text.append(f"{label}: ", style="bold")
        text.append(value)
    return text


def _dashboard_lines(analysis: PortfolioAnalysis) -> Iterator[tuple[str, str]]:
    yield "MRR by plan", mrr_phrase(analysis)
    over_time = mrr_series_phrase(analysis)
    if over_time is not None:
        yield "MRR over time", over_time
    yield "KPI bands (accounts)", bands_phrase(analysis, one_line)
    yield f"Pipeline, weighted ({one_line(analysis.currency)})", pipeline_phrase(analysis)
    yield "Renewals due", renewals_due_phrase(analysis, one_line)
    yield "Revenue retention", retention_phrase(analysis)
    if analysis.offerings:
        yield "White space, penetration", penetration_phrase(analysis, one_line)
        yield f"Open value ({one_line(analysis.currency)})", open_value_phrase(analysis, one_line)
    yield f"CLTV ({one_line(analysis.currency)})", cltv_phrase(analysis)
    yield "Upsell (MRR, no premium plan)", _names(analysis, analysis.upsell) or "none"
    yield "Onboarding", onboarding_phrase(analysis.onboarding)
    yield "Endangered", _names(analysis, analysis.endangered) or "none"
    yield from programme_lines(analysis, one_line)
