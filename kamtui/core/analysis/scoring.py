"""Per-account figures: everything that depends only on one account, the settings and today.

Keeping these apart from the portfolio pass lets a caller cache them per account
and recompute only the cheap portfolio-wide figures when one file changes.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from kamtui.core.account.model import (
    CRITERIA,
    HARMONY_FACETS,
    Account,
    Level,
    Matrix,
    Need,
    NeedKind,
    NeedStage,
    NeedStatus,
    ObjectiveStatus,
    OfferingState,
    Onboarding,
    Pipeline,
    PortfolioSettings,
    ProgrammeStatus,
    Stakeholder,
    YearEconomics,
)
from kamtui.core.analysis.kpis import (
    Band,
    Kpi,
    account_kpis,
    health_score,
    is_at_risk,
    kpi_bands,
    kpi_readings,
)
from kamtui.core.analysis.objective_tracking import ObjectiveTracking, behind_plan, track
from kamtui.core.analysis.relationships import Relationships, relationships
from kamtui.core.analysis.whitespace import DivisionCells, account_cells, division_cells, open_value
from kamtui.core.people.buying_centre import MapStatus, account_map_status
from kamtui.core.people.person_names import folded

MRR_PLANS: tuple[str, ...] = ("basic", "standard", "premium")
# Growth and harmony at or above this are "high" in the scoring matrix.
HIGH = 50.0
_CLOSED = frozenset({ObjectiveStatus.done, ObjectiveStatus.dropped})
# The statuses counted in the portfolio's figures; candidates and former key accounts
# are listed apart and never change a tier or a share.
IN_PROGRAMME = frozenset({ProgrammeStatus.key, ProgrammeStatus.under_review})


class Quadrant(StrEnum):
    """Where an account sits in the growth / harmony scoring matrix."""

    strategic = "strategic"  # high growth, high harmony
    develop = "develop"  # low growth, high harmony
    opportunistic = "opportunistic"  # high growth, low harmony
    maintain = "maintain"  # low growth, low harmony


@dataclass(frozen=True, slots=True)
class AccountFigures:
    """The figures of one account, as of one day, under one set of portfolio settings."""

    # None until every criterion is scored (see `Criteria`): then so are priority and quadrant.
    score: float | None
    # The key account manager responsible (`owner:`), for each manager's book.
    owner: str | None
    status: ProgrammeStatus
    # A candidate whose selection score reaches kam.yaml's `programme.promote_at`.
    proposed: bool
    review_on: dt.date | None
    # `review_on` is past.
    review_overdue: bool
    # Our people on the account besides the owner, by name, in the file's order.
    team: tuple[str, ...]
    # The customer goals not met that no objective serves, in the file's order.
    goals_unserved: tuple[str, ...]
    economics: Mapping[int, YearEconomics] = field(hash=False)
    industry: str | None
    growth: float | None
    harmony: float | None
    # The scores of the matrix's factors the account has scored, growth's then harmony's.
    factors: Mapping[str, int] = field(hash=False)
    priority: float | None
    quadrant: Quadrant | None
    mrr: float
    mrr_by_plan: Mapping[str, float] = field(hash=False)
    upsell: bool
    endangered: bool
    at_risk: bool
    days_at_risk: int | None
    objectives_overdue: tuple[str, ...]
    # Each objective's progress against its calendar, in the file's order.
    objectives_tracking: tuple[ObjectiveTracking, ...]
    # Objectives said to be on track that their measure shows behind.
    objectives_behind: tuple[str, ...]
    needs_value: float
    pipeline: PipelineValue
    contract_end: dt.date | None
    onboarding: Onboarding | None
    csat: float | None
    nps: float | None
    engagement: Level | None
    churn_risk: Level | None
    adoption: float | None
    cltv: float | None
    # Every numeric KPI with a value as of the day (kpis.py), by id; read-only.
    kpis: Mapping[str, Kpi] = field(hash=False)
    # The band of each KPI that has one (nps, csat, adoption, engagement, churn_risk).
    bands: Mapping[str, Band] = field(hash=False)
    health_score: float | None
    # The latest activity or health.last_contact (relationships.py has the rules).
    last_contact: dt.date | None
    relationships: Relationships
    # Fewer than two touchpoints among the stakeholders.
    single_threaded: bool
    # How complete the decision-making map is, with the roles it lacks (buying_centre.py).
    map_status: MapStatus
    # CSAT below LOW_CSAT.
    low_satisfaction: bool
    # Read-only view, left out of the hash so the figures stay hashable.
    revenue: Mapping[int, float] = field(hash=False)
    # The account's white-space cell for each of kam.yaml's offerings (whitespace.py).
    whitespace: Mapping[str, OfferingState] = field(hash=False)
    # Each division's cells, when the account records divisions.
    divisions: tuple[DivisionCells, ...]
    # Σ list price over its open cells, division by division.
    open_value: float

    @property
    def in_programme(self) -> bool:
        """Key or under review: counted in the portfolio's figures."""
        return self.status in IN_PROGRAMME

    @property
    def flags(self) -> tuple[AccountFlag, ...]:
        return raised_flags(self)


# A plain function, not the property's body: mutmut leaves decorated functions alone.
def raised_flags(figures: AccountFigures) -> tuple[AccountFlag, ...]:
    """The flags an account raises, most urgent first (see `AccountFlag`)."""
    raised = {
        AccountFlag.endangered: figures.endangered,
        AccountFlag.at_risk: figures.at_risk,
        AccountFlag.overdue: bool(figures.objectives_overdue),
        AccountFlag.behind_plan: bool(figures.objectives_behind),
        AccountFlag.review_overdue: figures.review_overdue,
        AccountFlag.single_threaded: figures.single_threaded,
        AccountFlag.low_satisfaction: figures.low_satisfaction,
        AccountFlag.upsell: figures.upsell,
        AccountFlag.proposed: figures.proposed,
        AccountFlag.not_assessed: figures.score is None,
    }
    return tuple(flag for flag, on in raised.items() if on)


def criterion_scores(account: Account) -> dict[str, int] | None:
    """Each criterion's score by name; None while any is left empty (not assessed)."""
    criteria = account.criteria
    if criteria.unscored:
        return None
    return {name: getattr(criteria, name).score for name in CRITERIA}


def selection_score(account: Account, settings: PortfolioSettings) -> float | None:
    """100 × Σ wᵢ·(sᵢ − 1)/4 / Σ wᵢ over the five criteria; None when not assessed."""
    scores = criterion_scores(account)
    if scores is None:
        return None
    weights = settings.weights
    weighted: float = sum(getattr(weights, name) * (scores[name] - 1) for name in CRITERIA)
    total_weight: float = sum(getattr(weights, name) for name in CRITERIA)
    return 100 * weighted / (4 * total_weight)


def factor_scores(account: Account, factors: Iterable[str]) -> dict[str, int]:
    """The account's score of each named factor of the matrix (a criterion, a harmony
    facet or an extra factor), those it has not scored left out."""
    scores: dict[str, int] = {}
    for name in factors:
        if name in CRITERIA:
            criterion = getattr(account.criteria, name)
            score = criterion.score if criterion is not None else None
        elif name in HARMONY_FACETS:
            score = getattr(account.harmony, name) if account.harmony is not None else None
        else:
            score = account.factors.get(name)
        if score is not None:
            scores[name] = score
    return scores


def axis_value(scores: Mapping[str, int], weights: Mapping[str, float]) -> float | None:
    """100 × Σ wᵢ(sᵢ − 1)/4 / Σ wᵢ over the factors of the axis the account has scored
    (`scores`); None when it has scored none (or only factors weighing 0)."""
    total = sum(weights[name] for name in scores)
    if total == 0:
        return None
    # With weights of 1, whole points over a whole denominator: 50 comes out exactly 50.
    return 100 * sum(weights[name] * (score - 1) for name, score in scores.items()) / (4 * total)


def growth(account: Account, matrix: Matrix) -> float | None:
    """The growth axis over `matrix.growth`; None when not assessed."""
    if account.criteria.unscored:
        return None
    return axis_value(factor_scores(account, matrix.growth), matrix.growth)


def harmony(account: Account, matrix: Matrix) -> float | None:
    """The harmony axis over `matrix.harmony` (by default the four facets: none without
    a harmony block)."""
    return axis_value(factor_scores(account, matrix.harmony), matrix.harmony)


def priority(
    growth_value: float | None, harmony_value: float | None, growth_weight: float
) -> float | None:
    if growth_value is None or harmony_value is None:
        return None
    return growth_weight * growth_value + (1 - growth_weight) * harmony_value


def quadrant(growth_value: float | None, harmony_value: float | None) -> Quadrant | None:
    if growth_value is None or harmony_value is None:
        return None
    if harmony_value >= HIGH:
        return Quadrant.strategic if growth_value >= HIGH else Quadrant.develop
    return Quadrant.opportunistic if growth_value >= HIGH else Quadrant.maintain


def revenue_growth(revenue: Mapping[int, float], year: int) -> float | None:
    """(rev[y] − rev[y−1]) / rev[y−1]; None when either year is missing or the previous is 0,
    or so small beside the current that the ratio overflows (1e15 after 1e-300)."""
    current = revenue.get(year)
    previous = revenue.get(year - 1)
    if current is None or not previous:
        return None
    growth = (current - previous) / previous
    return growth if math.isfinite(growth) else None


def objectives_overdue(account: Account, today: dt.date) -> tuple[str, ...]:
    return tuple(
        objective.id
        for objective in account.objectives
        if objective.due is not None and objective.due < today and objective.status not in _CLOSED
    )


@dataclass(frozen=True, slots=True)
class PipelineValue:
    """The open needs' value weighted by their chance: all of it, the growth (upsell and
    cross-sell) and the renewals, which are kept apart (a renewal is no growth)."""

    weighted: float = 0.0
    growth: float = 0.0
    renewals: float = 0.0


def need_probability(need: Need, pipeline: Pipeline) -> float:
    """The need's own probability, else its stage's in kam.yaml (identified when it
    has no stage)."""
    if need.probability is not None:
        return need.probability
    stage = need.stage or NeedStage.identified
    probability: float = getattr(pipeline, stage.value)
    return probability


def pipeline_value(account: Account, pipeline: Pipeline) -> PipelineValue:
    """Σ value × probability over the open needs (not won, not lost)."""
    weighted = growth_value = renewals = 0.0
    for need in account.needs:
        if need.status is not NeedStatus.open:
            continue
        amount = (need.value or 0.0) * need_probability(need, pipeline)
        weighted += amount
        if need.kind in (NeedKind.upsell, NeedKind.cross_sell):
            growth_value += amount
        elif need.kind is NeedKind.renewal:
            renewals += amount
    return PipelineValue(weighted, growth_value, renewals)


def needs_value(account: Account) -> float:
    """The open pipeline: won needs are already revenue and lost ones never will be."""
    return sum(need.value or 0.0 for need in account.needs if need.status is NeedStatus.open)


def owner_name(owner: str | None) -> str | None:
    """The owner as a book is kept under: spaces folded, none when blank ("Dana  Reyes "
    is Dana Reyes, and `owner: ""` is no owner)."""
    return folded(owner) or None if owner is not None else None


def account_figures(
    account: Account, settings: PortfolioSettings, today: dt.date
) -> AccountFigures:
    matrix = settings.matrix
    growth_value = growth(account, matrix)
    harmony_value = harmony(account, matrix)
    health = account.health
    readings = kpi_readings(account, today)
    kpis = account_kpis(readings, settings)
    bands = kpi_bands(kpis, account)
    score = health_score(bands, settings.health_score)
    at_risk = is_at_risk(account, score, settings)
    plans = {plan: readings[f"mrr_{plan}"].value or 0.0 for plan in MRR_PLANS}
    mrr = sum(plans.values())
    csat = readings["csat"].value
    contacts = relationships(account, today)
    tolerance = settings.objectives.tolerance
    tracked = tuple(track(objective, tolerance, today) for objective in account.objectives)
    offerings = settings.offering_ids()
    score_value = selection_score(account, settings)
    return AccountFigures(
        score=score_value,
        owner=owner_name(account.owner),
        status=account.status,
        proposed=account.status is ProgrammeStatus.candidate
        and score_value is not None
        and score_value >= settings.programme.promote_at,
        review_on=account.review_on,
        review_overdue=account.review_on is not None and account.review_on < today,
        team=tuple(folded(member.name) for member in account.team),
        goals_unserved=goals_unserved(account),
        economics=MappingProxyType(dict(sorted(account.economics.items()))),
        industry=account.industry,
        growth=growth_value,
        harmony=harmony_value,
        factors=MappingProxyType(factor_scores(account, {**matrix.growth, **matrix.harmony})),
        priority=priority(growth_value, harmony_value, settings.matrix.growth_weight),
        quadrant=quadrant(growth_value, harmony_value),
        mrr=mrr,
        mrr_by_plan=MappingProxyType(plans),
        upsell=mrr > 0 and plans["premium"] == 0,
        endangered=health.engagement is Level.low and at_risk,
        at_risk=at_risk,
        days_at_risk=(
            (today - health.at_risk_since).days
            if at_risk and health.at_risk_since is not None
            else None
        ),
        objectives_overdue=objectives_overdue(account, today),
        objectives_tracking=tracked,
        objectives_behind=behind_plan(account.objectives, tracked),
        needs_value=needs_value(account),
        pipeline=pipeline_value(account, settings.pipeline),
        contract_end=account.contract.end if account.contract else None,
        onboarding=health.onboarding,
        csat=csat,
        nps=readings["nps"].value,
        engagement=health.engagement,
        churn_risk=health.churn_risk,
        adoption=readings["adoption"].value,
        cltv=readings["cltv"].value,
        kpis=MappingProxyType(kpis),
        bands=MappingProxyType(bands),
        health_score=score,
        last_contact=contacts.last_contact,
        relationships=contacts,
        single_threaded=is_single_threaded(account.stakeholders),
        map_status=account_map_status(account, settings),
        low_satisfaction=csat is not None and csat < LOW_CSAT,
        revenue=MappingProxyType(dict(sorted(account.revenue.items()))),
        whitespace=MappingProxyType(account_cells(account, offerings)),
        divisions=division_cells(account, offerings),
        open_value=open_value(account, settings.offerings),
    )


def goals_unserved(account: Account) -> tuple[str, ...]:
    """The ids of the customer goals not yet met that no objective names in its `serves`."""
    served = {goal for objective in account.objectives for goal in objective.serves}
    return tuple(
        goal.id for goal in account.customer_goals if not goal.met and goal.id not in served
    )


def is_single_threaded(people: Iterable[Stakeholder]) -> bool:
    """Fewer than two touchpoints: one contact leaves and the account goes dark."""
    return sum(person.touchpoint for person in people) < 2


# CSAT below this (on its 1 to 5 scale) is low satisfaction: under "satisfied" (4) by
# more than half a point, where surveys' "neutral" answers sit.
LOW_CSAT = 3.5


class AccountFlag(StrEnum):
    """What an account's record flags, most urgent first; the values are stable ids
    (`report --format json` prints them, and scripts may match them)."""

    endangered = "endangered"  # low engagement and high cancellation risk
    at_risk = "at_risk"  # high cancellation risk (an endangered account is at risk too)
    overdue = "overdue"  # objectives past due and not done or dropped
    behind_plan = "behind_plan"  # objectives said on track that their measure shows behind
    review_overdue = "review_overdue"  # the key-account status's review date is past
    single_threaded = "single_threaded"  # fewer than two touchpoints
    low_satisfaction = "low_satisfaction"  # CSAT below LOW_CSAT
    upsell = "upsell"  # pays MRR and has no premium plan: an opportunity, not a warning
    proposed = "proposed"  # a candidate whose score reaches promote_at: up for promotion
    not_assessed = "not_assessed"  # a criterion is left empty: no score nor quadrant yet
