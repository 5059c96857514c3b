"""Numbers and phrases of the portfolio report, shared by its terminal and Markdown forms."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

from kamtui.core.account.model import KpiDefinition, Onboarding
from kamtui.core.analysis.abc_analysis import Pareto, Tier, TierMovement
from kamtui.core.analysis.portfolio import PortfolioAnalysis
from kamtui.core.analysis.programme import ProfitQuadrant
from kamtui.core.analysis.scoring import LOW_CSAT, AccountFigures, AccountFlag

MISSING = "–"
_TIER_ORDER = {Tier.A: 0, Tier.B: 1, Tier.C: 2}
_ONBOARDING_LABELS: Mapping[Onboarding | None, str] = {
    Onboarding.done: "done",
    Onboarding.in_progress: "in progress",
    Onboarding.not_started: "not started",
    None: "not recorded",
}


def compact(amount: float | None) -> str:
    """3200000 → "3.2M", 995500 → "996k", 999600 → "1M", 950 → "950"."""
    if amount is None:
        return MISSING
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        # From 0.9995 of a unit on, the unit below would round to 1000 of itself ("1000k").
        if abs(amount) >= limit * 0.9995:
            scaled = amount / limit
            digits = 1 if abs(scaled) < 100 else 0
            return f"{scaled:.{digits}f}".removesuffix(".0") + suffix
    return f"{amount:.0f}"


def money(amount: float | None, currency: str) -> str:
    return MISSING if amount is None else f"{currency} {compact(amount)}"


def percent(share: float | None) -> str:
    return MISSING if share is None else f"{share:.0%}"


def margin(share: float | None) -> str:
    """A profit margin to a tenth of a percent (0.3175 → "31.8%"): whole percents would
    show accounts on both sides of the median alike."""
    return MISSING if share is None else f"{share:.1%}"


def change_size(change: float) -> str:
    """How big a change is, without its direction: 0.231 → "23%", -0.05 → "5%"; from
    +1000% on, the multiple of the year before: 10.5 → "×12", 98765432 → "×98.8M" (a
    first year of almost nothing made "+9876543200%", which a 40-column table could not
    hold). Every surface that shows a growth says it this way."""
    # 9.995 and on would round to "1000%".
    if change >= 9.995:
        return f"×{compact(1 + change)}"
    return f"{abs(change):.0%}"


def signed_percent(change: float | None) -> str:
    """0.231 → "+23%", -0.05 → "−5%", 10.5 → "×12": the sign reads without colour."""
    if change is None:
        return MISSING
    size = change_size(change)
    if size == "0%" or size.startswith("×"):
        return size
    return ("+" if change > 0 else "−") + size


def signed_number(value: float) -> str:
    """23 → "+23", -40.4 → "−40", 0 → "0": an NPS whose sign reads without colour."""
    rounded = round(value)
    return f"{'+' if rounded > 0 else '−' if rounded < 0 else ''}{abs(rounded)}"


def counted(count: int, noun: str = "account") -> str:
    """ "1 account", "2 accounts": every surface counts in the same words."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def figure(value: float | None) -> str:
    """A 0..100 figure (score, growth, harmony, priority) as a whole number."""
    return MISSING if value is None else f"{value:.0f}"


class Flag(NamedTuple):
    kind: str  # an AccountFlag id
    label: str


# What each flag means, in a sentence: the TUI's tooltips and the README say the same.
FLAG_MEANINGS: Mapping[AccountFlag, str] = {
    AccountFlag.endangered: "Low engagement and high cancellation risk.",
    AccountFlag.at_risk: "High cancellation risk.",
    AccountFlag.overdue: "Objectives past due and not done or dropped.",
    AccountFlag.behind_plan: (
        "Objectives said to be on track whose measure trails the time gone by more than the "
        "tolerance."
    ),
    AccountFlag.review_overdue: "The review of its key-account status (review_on) is past.",
    AccountFlag.single_threaded: (
        "Fewer than two touchpoints: one contact leaves and the account goes dark."
    ),
    AccountFlag.low_satisfaction: f"CSAT below {LOW_CSAT:g} of 5.",
    AccountFlag.upsell: "Pays MRR and has no premium plan yet: an upsell candidate.",
    AccountFlag.proposed: (
        "A candidate whose selection score reaches the programme's promote_at: "
        "proposed for promotion."
    ),
    AccountFlag.not_assessed: (
        "A selection criterion is left empty: no score, growth nor quadrant until all five are."
    ),
}


# Colour only repeats the words; the same in the report and the TUI.
FLAG_STYLES: Mapping[str, str] = {
    AccountFlag.endangered: "bold red",
    AccountFlag.at_risk: "dark_orange",
    AccountFlag.overdue: "yellow",
    AccountFlag.behind_plan: "yellow",
    AccountFlag.review_overdue: "yellow",
    AccountFlag.single_threaded: "magenta",
    AccountFlag.low_satisfaction: "red",
    AccountFlag.upsell: "cyan",
    AccountFlag.proposed: "green",
    AccountFlag.not_assessed: "bold yellow",
}


def flags(figures: AccountFigures) -> list[Flag]:
    """The record's flags, most urgent first, as words (colour only repeats them)."""
    return [Flag(flag.value, flag_label(flag, figures)) for flag in figures.flags]


def flag_label(flag: AccountFlag, figures: AccountFigures) -> str:
    match flag:
        case AccountFlag.at_risk:
            days = figures.days_at_risk
            return "at risk" if days is None else f"at risk {days}d"
        case AccountFlag.overdue:
            return f"{len(figures.objectives_overdue)} overdue"
        case AccountFlag.behind_plan:
            return f"{len(figures.objectives_behind)} behind plan"
        case AccountFlag.single_threaded:
            return "single-threaded"
        case AccountFlag.low_satisfaction:
            return "low CSAT"
        case AccountFlag.review_overdue:
            return "review overdue"
        case AccountFlag.proposed:
            return "to promote"
        case AccountFlag.not_assessed:
            return "not assessed"
        case _:
            return flag.value


def name_list(names: list[str], most: int = 8) -> str:
    """ "A, B and C"; past `most` names, "A, B … and 12 more"."""
    if len(names) > most:
        return ", ".join(names[:most]) + f" and {len(names) - most} more"
    if len(names) > 1:
        return ", ".join(names[:-1]) + f" and {names[-1]}"
    return names[0] if names else ""


def pareto_sentence(pareto: Pareto) -> str:
    """ "4 of 8 accounts (50%) make 83% of 2025 revenue"."""
    if pareto.year is None:
        return "No revenue recorded yet"
    if not pareto.ranking.total:
        return f"No revenue recorded for {pareto.year}"
    count = len(pareto.ranking.accounts)
    noun = "account" if count == 1 else "accounts"
    verb = "makes" if len(pareto.vital_few) == 1 else "make"
    return (
        f"{len(pareto.vital_few)} of {count} {noun} ({percent(pareto.accounts_share)}) "
        f"{verb} {percent(pareto.revenue_share)} of {pareto.year} revenue"
    )


def movement_label(movement: TierMovement) -> str:
    """ "B → A ▲", "new → C", "A → none ▼"."""
    before, after = movement.before, movement.after
    if before is None:
        return f"new → {after}"
    if after is None:
        return f"{before} → none ▼"
    arrow = "▲" if _TIER_ORDER[after] < _TIER_ORDER[before] else "▼"
    return f"{before} → {after} {arrow}"


def onboarding_phrase(counts: Mapping[Onboarding | None, int]) -> str:
    """ "13 done · 3 in progress · 1 not started", statuses with no account left out."""
    parts = [f"{count} {_ONBOARDING_LABELS[status]}" for status, count in counts.items() if count]
    return " · ".join(parts) or "no accounts"


def mrr_phrase(analysis: PortfolioAnalysis) -> str:
    """ "basic 100k · standard 700k · premium 196k"."""
    return " · ".join(f"{plan} {compact(amount)}" for plan, amount in analysis.mrr_by_plan.items())


KPI_NAMES = {
    "nps": "NPS",
    "csat": "CSAT",
    "adoption": "adoption",
    "engagement": "engagement",
    "churn_risk": "churn risk",
}


def kpi_name(kpi: str, custom: Mapping[str, KpiDefinition]) -> str:
    """A built-in KPI's name, or the name kam.yaml gives a custom one (else its id)."""
    return KPI_NAMES.get(kpi) or custom[kpi].name or kpi


def kpi_value(value: float, definition: KpiDefinition) -> str:
    """A custom KPI's value with its unit; with unit `%` the value is a share (0.93 is 93%)."""
    if definition.unit == "%":
        return f"{value * 100:.4g}%"
    return f"{value:g} {definition.unit}" if definition.unit else f"{value:g}"


def bands_phrase(analysis: PortfolioAnalysis, text: Callable[[str], str]) -> str:
    """ "NPS 9 green, 4 amber, 2 red · CSAT …": accounts per band, KPIs none records left
    out; a custom KPI's name (kam.yaml's text) written by `text`."""
    parts = [
        f"{text(kpi_name(kpi, analysis.custom_kpis))} "
        + ", ".join(f"{count} {band.value}" for band, count in counts.items())
        for kpi, counts in analysis.band_counts.items()
        if any(counts.values())
    ]
    return " · ".join(parts) or "no KPI recorded"


def mrr_series_phrase(analysis: PortfolioAnalysis) -> str | None:
    """ "993.5k on 2026-03-31 → 995.5k on 2026-09-30": the portfolio's MRR at each date
    of the accounts' MRR readings; None without any."""
    points = analysis.mrr_series["total"]
    if not points:
        return None
    return " → ".join(f"{compact(total)} on {day.isoformat()}" for day, total in points)


def pipeline_phrase(analysis: PortfolioAnalysis) -> str:
    """ "1.2M: growth 800k · renewals 400k": open needs weighted by their chance."""
    value = analysis.pipeline
    return (
        f"{compact(value.weighted)}: growth {compact(value.growth)} · "
        f"renewals {compact(value.renewals)}"
    )


def renewals_due_phrase(analysis: PortfolioAnalysis, text: Callable[[str], str]) -> str:
    """ "Meridian Telecom 2026-12-31 · Halvorsen & Co. 2027-01-31": contracts ending within
    the renewal window, soonest first (names written by `text`)."""
    due = [analysis.rows[key] for key in analysis.renewals_due]
    return (
        " · ".join(
            f"{text(row.name)} {row.figures.contract_end.isoformat()}"
            for row in due
            if row.figures.contract_end is not None
        )
        or "none"
    )


def retention_phrase(analysis: PortfolioAnalysis) -> str:
    """ "2026 against 2025, over 14 accounts: NRR 95.7% · GRR 86.4%" (`retention.py`)."""
    kept = analysis.retention
    if kept is None:
        return "no account had revenue the year before"
    return (
        f"{kept.year} against {kept.year - 1}, over {counted(kept.accounts)}: "
        f"NRR {kept.nrr:.1%} · GRR {kept.grr:.1%}"
    )


def cltv_phrase(analysis: PortfolioAnalysis) -> str:
    """ "100M (A 70.3M · B 19.2M · C 10.5M)": lifetime values, overall and by tier."""
    totals = analysis.cltv
    if not totals.accounts:
        return "none recorded"
    tiers = " · ".join(f"{tier.value} {compact(amount)}" for tier, amount in totals.by_tier.items())
    return f"{compact(totals.total)} ({tiers})"


def headcount(analysis: PortfolioAnalysis) -> str:
    """ "17 accounts", or with accounts outside the programme "14 key accounts · 2
    candidates · 1 former": the portfolio's figures count the key accounts alone."""
    outside = [
        *([counted(len(analysis.candidates), "candidate")] if analysis.candidates else []),
        # An adjective: "2 former", not "2 formers".
        *([f"{len(analysis.former)} former"] if analysis.former else []),
    ]
    if not outside:
        return counted(len(analysis.rows))
    return " · ".join([counted(len(analysis.programme_ids), "key account"), *outside])


def programme_phrase(analysis: PortfolioAnalysis) -> str:
    """ "ROI 2.727 in 2026 over 4 accounts: gross profit 410 · cost to serve 110"
    (`programme.py` has the rule)."""
    found = analysis.programme_return
    if not found.accounts:
        year = "" if found.year is None else f" for {found.year}"
        return f"no key account has economics{year}"
    roi = MISSING if found.roi is None else f"{found.roi:.3f}"
    return (
        f"ROI {roi} in {found.year} over {counted(found.accounts)}: gross profit "
        f"{compact(found.gross_profit)} · cost to serve {compact(found.cost_to_serve)}"
    )


def programme_lines(
    analysis: PortfolioAnalysis, text: Callable[[str], str]
) -> list[tuple[str, str]]:
    """The programme's lists apart from the portfolio's figures, named by `text`."""

    def names(account_ids: tuple[str, ...]) -> str:
        return name_list([text(analysis.rows[i].name) for i in account_ids]) or "none"

    places = analysis.profit_matrix.places
    by_quadrant = {
        quadrant: tuple(
            i for i in analysis.programme_ids if i in places and places[i].quadrant is quadrant
        )
        for quadrant in ProfitQuadrant
    }
    quadrants = " · ".join(f"{q.value} {names(ids)}" for q, ids in by_quadrant.items())
    return [
        (f"Programme return ({text(analysis.currency)})", programme_phrase(analysis)),
        (f"Profit matrix {analysis.year}", quadrants if places else "no account has economics"),
        (
            f"Proposed for promotion (score ≥ {analysis.promote_at:g})",
            names(analysis.proposed_for_promotion),
        ),
        ("Review overdue", names(analysis.review_overdue)),
        ("Candidates", names(analysis.candidates)),
        ("Former key accounts", names(analysis.former)),
    ]


def share_of(part: float, whole: float) -> float | None:
    return part / whole if whole else None


# The living plan's two tables, the same in the terminal and in Markdown: the accounts
# going cold (relationships.py has the rules) and each key account manager's book.
# "Unmet for" is the stalest key player's time, which orders the accounts within a tier.
GOING_COLD_HEADERS = ("#", "Account", "Tier", "Unmet for", "Key players not met in time")
NEVER_MET = "never met"
NO_OWNER = "(no owner)"


def team_headers(year: int | None) -> tuple[str, ...]:
    revenue = f"Revenue {year}" if year is not None else "Revenue"
    return ("Person", "Accounts", revenue, "On")


def team_cells(analysis: PortfolioAnalysis, text: Callable[[str], str]) -> list[list[str]]:
    """A row per person on the programme's accounts (`TeamLoad`), heaviest first."""
    return [
        [
            text(load.name),
            str(len(load.accounts)),
            compact(load.revenue),
            name_list([text(analysis.rows[i].name) for i in load.accounts], most=3),
        ]
        for load in analysis.team_load
    ]


def owner_headers(year: int | None) -> tuple[str, ...]:
    revenue = f"Revenue {year}" if year is not None else "Revenue"
    return ("Owner", "Accounts", revenue, "MRR", "At risk", "Going cold", "Actions overdue")


def going_cold_cells(analysis: PortfolioAnalysis, text: Callable[[str], str]) -> list[list[str]]:
    """A row per account going cold; `text` makes the user's words safe for the format."""
    cells = []
    for rank, account_id in enumerate(analysis.going_cold, start=1):
        row = analysis.rows[account_id]
        days = row.unmet_days
        cells.append(
            [
                str(rank),
                text(row.name),
                MISSING if row.tier is None else row.tier.value,
                NEVER_MET if days is None else f"{days} d",
                ", ".join(text(player) for player in row.stale),
            ]
        )
    return cells


def owner_cells(analysis: PortfolioAnalysis, text: Callable[[str], str]) -> list[list[str]]:
    return [
        [
            NO_OWNER if book.owner is None else text(book.owner),
            str(book.accounts),
            compact(book.revenue),
            compact(book.mrr),
            str(book.at_risk),
            str(book.going_cold),
            str(book.actions_overdue),
        ]
        for book in analysis.owners
    ]
