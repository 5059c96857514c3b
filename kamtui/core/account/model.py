"""The account file format: pydantic models and enumerations.

These models are the single source of truth for what an account file and the
portfolio file (`kam.yaml`) may contain; `schemas/*.json` is generated from them.
Every field carries a description because editors show it as hover help.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Annotated, Any, Self, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    Tag,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from kamtui.core.account.gate_settings import Gates
from kamtui.core.account.invisible import invisible_in
from kamtui.core.account.strict import Strict, shorthand


class Stage(StrEnum):
    """Relational development stage of a key account (from courtship to integration)."""

    exploratory = "exploratory"
    basic = "basic"
    cooperative = "cooperative"
    interdependent = "interdependent"
    integrated = "integrated"


class Level(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"


class Onboarding(StrEnum):
    not_started = "not_started"
    in_progress = "in_progress"
    done = "done"


class ObjectiveStatus(StrEnum):
    planned = "planned"
    on_track = "on_track"
    at_risk = "at_risk"
    done = "done"
    dropped = "dropped"


class Attitude(StrEnum):
    """A stakeholder's stance towards us, from most to least favourable."""

    champion = "champion"
    supporter = "supporter"
    neutral = "neutral"
    skeptic = "skeptic"
    blocker = "blocker"


class Relationship(StrEnum):
    strong = "strong"
    good = "good"
    weak = "weak"
    none = "none"


class BuyingRole(StrEnum):
    """Buying-centre role, beside decision power and attitude."""

    decision_maker = "decision_maker"
    buyer = "buyer"
    influencer = "influencer"
    user = "user"
    gatekeeper = "gatekeeper"
    champion = "champion"


class ActivityKind(StrEnum):
    """How we were in touch with the account."""

    meeting = "meeting"
    call = "call"
    email = "email"
    visit = "visit"
    event = "event"
    qbr = "qbr"
    note = "note"


class NeedKind(StrEnum):
    upsell = "upsell"
    cross_sell = "cross_sell"
    renewal = "renewal"
    service = "service"


class NeedStatus(StrEnum):
    open = "open"
    won = "won"
    lost = "lost"


class NeedStage(StrEnum):
    """Where a need stands in the sales pipeline; the last two close it."""

    identified = "identified"
    qualified = "qualified"
    proposal = "proposal"
    negotiation = "negotiation"
    won = "won"
    lost = "lost"


class ProgrammeStatus(StrEnum):
    """Where an account stands in the key-account programme. Only `key` and
    `under_review` accounts count in the portfolio's figures."""

    candidate = "candidate"  # proposed, not yet promoted
    key = "key"
    under_review = "under_review"  # key, while its status is re-examined
    former = "former"  # no longer a key account


class TeamRole(StrEnum):
    """What one of our people does on an account besides its owner."""

    executive_sponsor = "executive_sponsor"
    service = "service"
    operations = "operations"
    product = "product"
    finance = "finance"
    legal = "legal"
    other = "other"


class OfferingState(StrEnum):
    """Where an account (or one of its divisions) stands with one offering: a cell of
    the white-space grid."""

    owned = "owned"  # it buys it from us
    pipeline = "pipeline"  # we are selling it to them
    open = "open"  # nobody sells it to them yet: the cross-sell map
    not_fit = "not_fit"  # it does not fit this customer
    competitor = "competitor"  # a competitor holds it


# The stages a need is still open in, whose probability kam.yaml's `pipeline` gives.
OPEN_STAGES: tuple[NeedStage, ...] = (
    NeedStage.identified,
    NeedStage.qualified,
    NeedStage.proposal,
    NeedStage.negotiation,
)


def _written_as_number(value: Any) -> Any:
    """A number must be written as one: pydantic's lax mode would read "32" as 32 and
    true as 1, and editors' YAML servers (and the JSON Schema) refuse both."""
    if isinstance(value, str | bool):
        raise PydanticCustomError("number_written_as_text", "expected a number")
    return value


def _date_only(value: Any) -> Any:
    """A date is YYYY-MM-DD, plain or quoted; pydantic would take 1700000000 (a 2023 date)
    and "2026-01-01T10:00" too."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "date_not_on_calendar", "not a date on the calendar"
            ) from None
    raise PydanticCustomError("date_written_wrong", "expected a date written YYYY-MM-DD")


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Bounds come before the validator, so that the JSON Schema has them as minimum/maximum.
_NUMBER = BeforeValidator(_written_as_number)
Score = Annotated[int, Field(ge=1, le=5), _NUMBER]
# An upper bound keeps sums finite; no account's yearly figure comes near a quadrillion.
Amount = Annotated[float, Field(ge=0, le=1e15), _NUMBER]
Figure = Annotated[float, Field(ge=-1e15, le=1e15), _NUMBER]
Share = Annotated[float, Field(ge=0, le=1), _NUMBER]
Date = Annotated[dt.date, BeforeValidator(_date_only)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Tags of the two ways to write a measure; messages leave them out of a field's path.
MEASURE_TAGS = frozenset({"number", "readings"})
_Number = TypeVar("_Number")


def _measure_kind(value: Any) -> str:
    return "readings" if isinstance(value, dict) else "number"


# A measure written as one number, or as readings by date (`{2026-03-31: 20, 2026-06-30: 26}`);
# `core/analysis/readings.py` says which reading counts on a given day. Told apart by
# what is written, so a wrong value gets the one message of the form it was written in.
def _dates_once(value: Any) -> Any:
    """A reading's date written twice, once plain and once in quotes, is an error (YAML
    sees two keys; the model would keep the later one)."""
    if not isinstance(value, dict):
        return value
    seen: set[str] = set()
    for key in value:
        day = key.isoformat() if isinstance(key, dt.date) else str(key)
        if day in seen:
            raise _written_twice("date", day, key)
        seen.add(day)
    return value


Measure = Annotated[
    Annotated[_Number, Tag("number")]
    | Annotated[dict[Date, _Number], BeforeValidator(_dates_once), Tag("readings")],
    Discriminator(_measure_kind),
]
Measured = Measure[Figure]


def _visible(value: Any) -> Any:
    """An invisible character in an id is named, not merely refused by the pattern:
    `evp` and `ev\u200bp` look the same, and the reader must learn which one it is."""
    hidden = invisible_in(value) if isinstance(value, str) else None
    if hidden is not None:
        raise ValueError(f"the id holds {hidden}: ids are letters, digits, '-', '_' or '.'")
    return value


Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=64),
    BeforeValidator(_visible),
    Field(description="Short identifier: letters, digits, '-', '_' or '.'"),
]
# Strict: a key "02025" or " 2025" is not the year 2025 (lax mode made them one).
Year = Annotated[StrictInt, Field(ge=1900, le=2200)]
YEAR_PATTERN = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)$"


def _written_twice(what: str, value: Any, key: Any) -> PydanticCustomError:
    """The error of a key written twice (YAML sees two keys, plain and quoted), located at
    the second: its `key` in the context is what the file locates."""
    return PydanticCustomError(
        "written_twice",
        "the {what} {value} is written twice",
        {"what": what, "value": value, "key": key},
    )


def _years(value: Any) -> Any:
    """Year keys written in quotes ("2025") are the year; written twice, an error."""
    if not isinstance(value, dict):
        return value
    years: dict[Any, Any] = {}
    for key, amount in value.items():
        year = int(key) if isinstance(key, str) and re.fullmatch(YEAR_PATTERN, key) else key
        if year in years:
            raise _written_twice("year", year, key)
        years[year] = amount
    return years


def file_keys(model: type[BaseModel]) -> tuple[str, ...]:
    """The keys a file writes for `model`'s fields, in field order (`with`, not `with_`)."""
    return tuple(field.alias or name for name, field in model.model_fields.items())


def held_model(model: type[BaseModel], key: str) -> tuple[type[BaseModel] | None, str | None]:
    """The model held by the field written `key` (None for plain values), and the kind of
    collection around it: `stakeholders` → (Stakeholder, "list"), `health` → (Health,
    None), `revenue` → (None, "dict"), `tags` → (None, "list")."""
    for name, field in model.model_fields.items():
        if (field.alias or name) == key:
            return _model_in(field.annotation)
    raise KeyError(key)


def free_keys(model: type[BaseModel], key: str) -> int:
    """How many keys of its own a path may name inside the field written `key`: a year
    of `revenue`, a date of `health.nps`, a KPI and then a date of `kpis`; 0 for others."""
    for name, field in model.model_fields.items():
        if (field.alias or name) == key:
            return _dict_depth(field.annotation)
    raise KeyError(key)


def _dict_depth(annotation: Any) -> int:
    origin = typing.get_origin(annotation)
    if origin is dict:
        return 1 + _dict_depth(typing.get_args(annotation)[1])
    if origin is typing.Annotated:
        return _dict_depth(typing.get_args(annotation)[0])
    return max((_dict_depth(arg) for arg in typing.get_args(annotation)), default=0)


def _model_in(annotation: Any) -> tuple[type[BaseModel] | None, str | None]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, None
    origin = typing.get_origin(annotation)
    container = {list: "list", dict: "dict"}.get(origin)
    if container is not None:
        return _model_in(typing.get_args(annotation)[-1])[0], container
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found != (None, None):
            return found
    return None, None


class Criterion(Strict):
    score: Score = Field(description="Score from 1 (poor) to 5 (excellent)")
    evidence: str | None = Field(None, description="What the score rests on")


CriterionField = Annotated[
    Criterion,
    BeforeValidator(shorthand(Criterion, "score"), json_schema_input_type=Score | Criterion),
]


class Criteria(Strict):
    """The five selection criteria, each scored 1..5 (a number, or {score, evidence}).

    Each must be written; one left empty means the account is not assessed yet: it has
    no score, growth, priority nor quadrant until every criterion is scored (a template
    full of 3s made every new account "strategic").
    """

    revenue_volume: CriterionField | None = Field(description="What the account pays today")
    revenue_potential: CriterionField | None = Field(
        description="What it could pay (expansion plans)"
    )
    lifetime_value: CriterionField | None = Field(
        description="Sustainability: will it still be buying in ten years?"
    )
    product_fit: CriterionField | None = Field(description="Match with our ideal customer profile")
    strategic_value: CriterionField | None = Field(
        description="Reputation, shared vision, market access, references"
    )

    @property
    def unscored(self) -> tuple[str, ...]:
        """The criteria left empty, in the format's order."""
        return tuple(name for name in CRITERIA if getattr(self, name) is None)


CRITERIA: tuple[str, ...] = tuple(Criteria.model_fields)
GROWTH_CRITERIA: tuple[str, ...] = ("revenue_volume", "revenue_potential", "lifetime_value")


class Harmony(Strict):
    """Qualitative fit between the account and us, each 1..5."""

    strategic_fit: Score = Field(description="How well our strategies fit together")
    culture: Score = Field(description="How well our cultures work together")
    vision: Score = Field(description="How aligned our long-term visions are")
    strategy: Score = Field(description="How well their overall strategy suits a partnership")


HARMONY_FACETS: tuple[str, ...] = tuple(Harmony.model_fields)


class Contract(Strict):
    """The account's current contract with us."""

    start: Date | None = Field(None, description="When it began")
    end: Date | None = Field(None, description="When it ends, unless renewed")
    notice_days: Annotated[int, Field(ge=0, le=3650), _NUMBER] | None = Field(
        None, description="Days of notice either side must give before the end, 0 to 3650"
    )

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Mrr(Strict):
    """Monthly recurring revenue per plan; premium is the upsell line. Each plan is one
    amount or amounts by date (`{2026-06-30: 9000, 2026-09-30: 10500}`)."""

    basic: Measure[Amount] = Field(0, description="MRR on the basic plan")
    standard: Measure[Amount] = Field(0, description="MRR on the standard plan")
    premium: Measure[Amount] = Field(
        0, description="MRR on the premium plan (the upsell opportunity)"
    )


Nps = Annotated[int, Field(ge=-100, le=100), _NUMBER]
Csat = Annotated[float, Field(ge=1, le=5), _NUMBER]
_READINGS = " (one number, or readings by date: {2026-03-31: 20, 2026-06-30: 26})"


class Health(Strict):
    """Relationship KPIs and risk signals. The numbers may be written as readings by
    date; the latest on or before today is the KPI's value (`core/analysis/readings.py`)."""

    nps: Measure[Nps] | None = Field(None, description="Net Promoter Score, -100..100" + _READINGS)
    csat: Measure[Csat] | None = Field(None, description="Customer satisfaction, 1..5" + _READINGS)
    engagement: Level | None = Field(None, description="Engagement level: low | medium | high")
    churn_risk: Level | None = Field(None, description="Cancellation risk: low | medium | high")
    onboarding: Onboarding | None = Field(
        None, description="Onboarding status: not_started | in_progress | done"
    )
    at_risk_since: Date | None = Field(None, description="When it entered the at-risk queue")
    adoption: Measure[Share] | None = Field(
        None, description="Adoption rate of what they bought, 0..1" + _READINGS
    )
    cltv: Measure[Amount] | None = Field(
        None, description="Estimated customer lifetime value" + _READINGS
    )
    last_contact: Date | None = Field(None, description="Last meeting with the account")


class Action(Strict):
    """A step towards an objective, with who does it and by when."""

    id: Id | None = Field(None, description="Optional id, to name the action from elsewhere")
    what: Text = Field(description="What is to be done")
    owner: str | None = Field(None, description="Who does it")
    due: Date | None = Field(None, description="When it is due")
    done: StrictBool = Field(False, description="Whether it is done")


class Objective(Strict):
    """An objective framed as what / why / how, each measurable."""

    id: Id
    what: Text = Field(description="What we want to achieve")
    why: str | None = Field(None, description="Why it matters, to them and to us")
    how: str | None = Field(None, description="How we will get there")
    metric: str | None = Field(None, description="The measure, e.g. revenue_growth, csat, nps")
    baseline: Figure | None = Field(None, description="The metric's value when work began")
    current: Measured | None = Field(
        None,
        description="Where the metric stands: a number, or dated readings "
        "{2026-06-30: 110000, 2026-09-30: 118000} (the latest on or before today counts)",
    )
    target: Figure | None = Field(None, description="The value of the metric we aim for")
    start: Date | None = Field(None, description="When work towards it began")
    due: Date | None = Field(None, description="When it is due")
    status: ObjectiveStatus = Field(
        ObjectiveStatus.planned,
        description="planned | on_track | at_risk | done | dropped",
    )
    serves: list[Id] = Field(
        default_factory=list, description="Ids of the customer goals this objective serves"
    )
    actions: list[Action] = Field(
        default_factory=list, description="The steps towards it, with owner and due date"
    )

    @field_validator("due")
    @classmethod
    def _due_after_start(cls, due: dt.date | None, info: ValidationInfo) -> dt.date | None:
        start = info.data.get("start")
        if due is not None and start is not None and due < start:
            raise ValueError(f"due ({due.isoformat()}) is before start ({start.isoformat()})")
        return due


class TeamMember(Strict):
    """One of our people on the account: the team the key account manager coordinates."""

    name: Text = Field(description="Full name")
    role: TeamRole = Field(
        TeamRole.other,
        description="executive_sponsor | service | operations | product | finance | legal | other",
    )
    responsibility: str | None = Field(None, description="What they answer for on this account")


class CustomerGoal(Strict):
    """One of the customer's own objectives or challenges, which our objectives serve."""

    id: Id
    what: Text = Field(description="What the customer wants to achieve")
    why: str | None = Field(None, description="What drives it: the pressure or ambition behind it")
    horizon: Date | None = Field(None, description="By when the customer wants it")
    met: StrictBool = Field(False, description="Whether the customer has achieved it")


class YearEconomics(Strict):
    """What the account earned us and cost us to serve in one year."""

    gross_profit: Amount = Field(description="Gross profit from the account")
    cost_to_serve: Amount = Field(
        description="The cost of serving it: the team's time, travel, special terms"
    )


class Stakeholder(Strict):
    """A person in (or advising) the customer's decision-making process."""

    id: Id
    name: Text = Field(description="Full name")
    title: str | None = Field(None, description="Job title")
    organization: str | None = Field(
        None, description="Set for people outside the customer's hierarchy (advisers, partners)"
    )
    reports_to: Id | None = Field(None, description="Id of the stakeholder this person reports to")
    decision_power: Level | None = Field(
        None, description="Weight in the buying decision: high | medium | low"
    )
    attitude: Attitude = Field(
        Attitude.neutral,
        description="Stance towards us: champion | supporter | neutral | skeptic | blocker",
    )
    relationship: Relationship = Field(
        Relationship.none, description="Our relationship quality: strong | good | weak | none"
    )
    touchpoint: StrictBool = Field(False, description="One of our main points of contact")
    role: BuyingRole | None = Field(
        None,
        description="Buying-centre role: decision_maker | buyer | influencer | user | "
        "gatekeeper | champion",
    )
    influences: list[Id] = Field(
        default_factory=list,
        description="Ids of stakeholders this person influences informally (the dotted line)",
    )
    notes: str | None = Field(None, description="Anything worth remembering about this person")

    @property
    def is_external(self) -> bool:
        return self.organization is not None


class Need(Strict):
    """An anticipated future need: an entry in the upsell / cross-sell pipeline."""

    id: Id
    what: Text = Field(description="What the account will need")
    kind: NeedKind | None = Field(None, description="upsell | cross_sell | renewal | service")
    horizon: Date | None = Field(None, description="When the need will arise")
    value: Amount | None = Field(None, description="Expected yearly revenue if won")
    stage: NeedStage | None = Field(
        None,
        description="identified | qualified | proposal | negotiation | won | lost; "
        "gives the status when that is not written",
    )
    probability: Share | None = Field(
        None,
        description="Chance of winning it, 0 to 1 (default: kam.yaml's pipeline, by stage)",
    )
    status: NeedStatus = Field(
        NeedStatus.open, description="open | won | lost (kept for files without a stage)"
    )

    @model_validator(mode="before")
    @classmethod
    def _status_from_stage(cls, data: Any) -> Any:
        if isinstance(data, dict) and "status" not in data and data.get("stage") in ("won", "lost"):
            return {**data, "status": data["stage"]}
        return data

    @model_validator(mode="after")
    def _stage_agrees_with_status(self) -> Self:
        _check_stage_and_status(self.stage, self.status)
        return self


# The validators' checks are plain functions: mutmut leaves decorated functions alone.
def _check_stage_and_status(stage: NeedStage | None, status: NeedStatus) -> None:
    if stage is None:
        return
    closed = {NeedStage.won: NeedStatus.won, NeedStage.lost: NeedStatus.lost}
    expected = closed.get(stage, NeedStatus.open)
    if status is not expected:
        raise ValueError(
            f"status {status.value} contradicts stage {stage.value}: "
            f"write status {expected.value}, or leave status out"
        )


WHITESPACE_DESCRIPTION = (
    "White space: each offering of kam.yaml's offerings by id: owned | pipeline | open | "
    "not_fit | competitor (an offering not written is open)"
)


class Division(Strict):
    """A division of the customer (the division map): white space is recorded per division."""

    id: Id
    name: str | None = Field(None, description="How it is shown")
    whitespace: dict[Id, OfferingState] = Field(
        default_factory=dict, description=WHITESPACE_DESCRIPTION
    )


def _one_line(text: str) -> str:
    if "\n" in text or "\r" in text:
        raise ValueError("must be one line: a summary, not the minutes")
    return text


class Activity(Strict):
    """One entry of the account's log: a meeting, a call, a note, with whom and what next."""

    # Editors learn the rule of `_step_dated` from the schema (draft-07 `dependencies`).
    model_config = ConfigDict(json_schema_extra={"dependencies": {"next_due": ["next"]}})

    date: Date = Field(description="When it happened")
    kind: ActivityKind | None = Field(
        None, description="meeting | call | email | visit | event | qbr | note"
    )
    with_: list[Id] = Field(
        default_factory=list,
        alias="with",
        description="Ids of the stakeholders of this file who took part",
    )
    summary: Annotated[Text, AfterValidator(_one_line)] = Field(
        description="What happened, on one line"
    )
    next: str | None = Field(None, description="The next step agreed")
    next_due: Date | None = Field(None, description="When the next step is due")
    next_done: StrictBool = Field(False, description="Whether the next step is done")

    @model_validator(mode="after")
    def _step_dated(self) -> Activity:
        if self.next_due is not None and self.next is None:
            raise ValueError("next_due dates a next step: write it under next")
        return self


class Swot(Strict):
    strengths: list[str] = Field(default_factory=list, description="Our strengths in this account")
    weaknesses: list[str] = Field(default_factory=list, description="Our weaknesses here")
    opportunities: list[str] = Field(default_factory=list, description="Openings to pursue")
    threats: list[str] = Field(default_factory=list, description="What could cost us the account")


class Account(Strict):
    """One key account: a plain-text account plan."""

    name: Text = Field(description="The customer's name")
    industry: str | None = Field(None, description="Industry or sector")
    owner: str | None = Field(None, description="The key account manager responsible")
    status: ProgrammeStatus = Field(
        ProgrammeStatus.key, description="candidate | key | under_review | former"
    )
    promoted_on: Date | None = Field(None, description="When it was promoted to key account")
    review_on: Date | None = Field(None, description="When its key-account status is next reviewed")
    team: list[TeamMember] = Field(
        default_factory=list, description="Our people on the account besides the owner"
    )
    stage: Stage | None = Field(
        None,
        description="Relational stage: exploratory | basic | cooperative | interdependent | "
        "integrated",
    )
    since: Date | None = Field(None, description="When it became a key account")
    tags: list[str] = Field(default_factory=list, description="Free labels for filtering")
    revenue: Annotated[dict[Year, Amount], BeforeValidator(_years)] = Field(
        default_factory=dict,
        description="Recognised revenue per year (year: amount)",
        json_schema_extra={"propertyNames": {"pattern": YEAR_PATTERN}},
    )
    revenue_potential: Amount | None = Field(None, description="Yearly revenue at full potential")
    mrr: Mrr | None = Field(None, description="Monthly recurring revenue per plan")
    contract: Contract | None = Field(None, description="The current contract: start, end, notice")
    economics: Annotated[dict[Year, YearEconomics], BeforeValidator(_years)] = Field(
        default_factory=dict,
        description="Per year: {gross_profit, cost_to_serve} in the portfolio currency",
        json_schema_extra={"propertyNames": {"pattern": YEAR_PATTERN}},
    )
    criteria: Criteria = Field(description="The five selection criteria, 1..5")
    harmony: Harmony | None = Field(None, description="Qualitative fit, 1..5 per facet")
    factors: dict[Id, Score] = Field(
        default_factory=dict,
        description="Extra factors of the scoring matrix declared in kam.yaml, 1..5 by id",
    )
    health: Health = Field(default_factory=Health, description="KPIs and risk signals")
    kpis: dict[Id, Measured] = Field(
        default_factory=dict,
        description="Custom KPIs, by the id kam.yaml's kpis gives them: a number, or readings "
        "by date",
    )
    customer_goals: list[CustomerGoal] = Field(
        default_factory=list, description="The customer's own objectives and challenges"
    )
    objectives: list[Objective] = Field(
        default_factory=list, description="Objectives as what / why / how"
    )
    stakeholders: list[Stakeholder] = Field(
        default_factory=list, description="The customer's decision-making map"
    )
    needs: list[Need] = Field(
        default_factory=list, description="Anticipated needs: the upsell / cross-sell pipeline"
    )
    whitespace: dict[Id, OfferingState] = Field(
        default_factory=dict,
        description=WHITESPACE_DESCRIPTION + "; with divisions, written per division instead",
    )
    divisions: list[Division] = Field(
        default_factory=list,
        description="The customer's divisions, each with its white space; the account's "
        "cell for an offering is the best of its divisions'",
    )
    activities: list[Activity] = Field(
        default_factory=list, description="The account's log of meetings, calls and notes"
    )
    swot: Swot | None = Field(None, description="SWOT analysis of our position in the account")
    notes: str | None = Field(None, description="Free text")


# Weights are relative, so a bound costs nothing; without one, five weights of 1e308
# overflow their sum and every score becomes NaN.
Weight = Annotated[float, Field(ge=0, le=100), _NUMBER]


class _WeightsRule(Strict):
    """Relative weight of each selection criterion in the selection score, 0 to 100."""

    @model_validator(mode="after")
    def _some_weight(self) -> Self:
        if sum(self.model_dump().values()) <= 0:
            raise ValueError("at least one criterion needs a weight above 0")
        return self


if typing.TYPE_CHECKING:
    Weights = _WeightsRule
else:
    # One field per criterion, named after `Criteria`'s: the names are declared once.
    Weights = create_model(
        "Weights",
        __base__=_WeightsRule,
        __doc__=_WeightsRule.__doc__,
        **{
            name: (
                Weight,
                Field(1, description=f"Weight of {name.replace('_', ' ')}, 0 to 100"),
            )
            for name in CRITERIA
        },
    )


def _new_factor(factor: str) -> str:
    if factor in CRITERIA or factor in HARMONY_FACETS:
        raise ValueError(
            f"{factor!r} is a criterion or a harmony facet already: weigh it in growth or "
            "harmony; an extra factor needs an id of its own"
        )
    return factor


class FactorDefinition(Strict):
    """An extra factor of the scoring matrix, which accounts score 1..5 under `factors`."""

    id: Annotated[Id, AfterValidator(_new_factor)]
    name: str | None = Field(None, description="How it is shown")


class Axes(Strict):
    """How the matrix's axes are called (e.g. Attractiveness / Relative strength)."""

    growth: str = Field("Growth", description="The label of the growth axis")
    harmony: str = Field("Harmony", description="The label of the harmony axis")


def _default_growth() -> dict[str, float]:
    return dict.fromkeys(GROWTH_CRITERIA, 1)


def _default_harmony() -> dict[str, float]:
    return dict.fromkeys(HARMONY_FACETS, 1)


class Matrix(Strict):
    growth_weight: Share = Field(
        0.5, description="Share of growth (vs harmony) in an account's priority, 0 to 1"
    )
    growth: dict[str, Weight] = Field(
        default_factory=_default_growth,
        description="The growth axis's factors by weight: criteria, harmony facets or "
        "extra factors",
    )
    harmony: dict[str, Weight] = Field(
        default_factory=_default_harmony,
        description="The harmony axis's factors by weight: criteria, harmony facets or "
        "extra factors",
    )
    factors: list[FactorDefinition] = Field(
        default_factory=list,
        description="Extra factors, which accounts score 1..5 under `factors`",
    )
    axes: Axes = Field(default_factory=Axes, description="The axes' labels")

    @model_validator(mode="after")
    def _known_factors(self) -> Self:
        _check_factors([factor.id for factor in self.factors], self.growth, self.harmony)
        return self


def _check_factors(
    extra: list[str], growth: Mapping[str, float], harmony: Mapping[str, float]
) -> None:
    """Each extra factor declared once; each axis weighs known factors, one above 0."""
    if len(set(extra)) < len(extra):
        twice = next(factor for factor in extra if extra.count(factor) > 1)
        raise ValueError(f"the factor {twice!r} is defined twice")
    for axis, weights in (("growth", growth), ("harmony", harmony)):
        for factor in weights:
            _one_of(factor, (*CRITERIA, *HARMONY_FACETS, *extra), f"factor in {axis}")
        if sum(weights.values()) <= 0:
            raise ValueError(f"{axis} needs a factor with a weight above 0")


class Abc(Strict):
    """Cumulative revenue shares that close tiers A and B."""

    a: Annotated[float, Field(gt=0, le=1), _NUMBER] = Field(
        0.80, description="Cumulative share that closes tier A, above 0 and at most 1"
    )
    b: Annotated[float, Field(gt=0, le=1), _NUMBER] = Field(
        0.95, description="Cumulative share that closes tier B, from a to 1"
    )

    @model_validator(mode="after")
    def _ordered(self) -> Abc:
        if self.b < self.a:
            raise ValueError(f"b ({self.b}) must not be below a ({self.a})")
        return self


CadenceDays = Annotated[int, Field(ge=1, le=3650), _NUMBER]


class Cadence(Strict):
    """Days between contacts with the key players of an account, by its ABC tier."""

    A: CadenceDays = Field(30, description="Days for tier A accounts, 1 to 3650")
    B: CadenceDays = Field(60, description="Days for tier B accounts, 1 to 3650")
    C: CadenceDays = Field(90, description="Days for tier C accounts and untiered ones, 1 to 3650")


# Which way a KPI is good.
Better = typing.Literal["higher", "lower"]


class KpiBands(Strict):
    """Where a KPI's value turns amber and red."""

    red: Figure = Field(description="Red below this (above it when lower is better)")
    amber: Figure = Field(description="Amber below this (above it when lower is better)")


# The KPIs every account may record: the numbers of `health`, and MRR plan by plan.
NUMERIC_KPIS: tuple[str, ...] = (
    "nps",
    "csat",
    "adoption",
    "cltv",
    "mrr_basic",
    "mrr_standard",
    "mrr_premium",
)
# The levels of `health` that count in the health score too.
LEVEL_KPIS: tuple[str, ...] = ("engagement", "churn_risk")


# The built-in KPIs with bands, which `kam.yaml` may band otherwise and the health score counts.
BANDED_KPIS: tuple[str, ...] = ("nps", "csat", "adoption")
# Ids a custom KPI may not take: the built-in KPIs without bands.
BUILT_IN_KPIS: tuple[str, ...] = (*NUMERIC_KPIS, *LEVEL_KPIS)


def _one_of(kpi: str, known: Iterable[str], what: str) -> str:
    known = tuple(known)
    if kpi not in known:
        close = difflib.get_close_matches(kpi, known, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise ValueError(f"no {what} {kpi!r}; {hint}they are: {', '.join(known)}")
    return kpi


def _definable_kpi(kpi: str) -> str:
    if kpi in BUILT_IN_KPIS and kpi not in BANDED_KPIS:
        raise ValueError(
            f"{kpi!r} is a built-in KPI without bands; a custom KPI needs an id of its own "
            f"(built in: {', '.join(BUILT_IN_KPIS)})"
        )
    return kpi


class KpiDefinition(Strict):
    """A custom KPI, which accounts record under `kpis`: its name, unit, direction and
    bands; or, for nps, csat and adoption, their bands instead of the defaults."""

    id: Annotated[Id, AfterValidator(_definable_kpi)]
    name: str | None = Field(None, description="How it is shown")
    unit: str | None = Field(None, description="Its unit, e.g. %")
    better: Better = Field("higher", description="higher | lower: which way is good")
    bands: KpiBands | None = Field(None, description="{red, amber}: where it turns amber and red")

    @model_validator(mode="after")
    def _bands_in_order(self) -> Self:
        if self.bands is not None:
            _check_bands(self.bands, self.better)
        return self


def _check_bands(bands: KpiBands, better: str) -> None:
    if better == "higher" and bands.red > bands.amber:
        raise ValueError(
            f"red ({bands.red:g}) must not be above amber ({bands.amber:g}) when higher is better"
        )
    if better == "lower" and bands.red < bands.amber:
        raise ValueError(
            f"red ({bands.red:g}) must not be below amber ({bands.amber:g}) when lower is better"
        )


class Offering(Strict):
    """Something we sell: a column of the white-space grid."""

    id: Id
    name: str | None = Field(None, description="How it is shown")
    list_price: Amount | None = Field(
        None, description="Yearly value of a full sale, in the portfolio's currency"
    )


class AtRisk(Strict):
    """When an account is at risk: its churn risk is `churn_risk`, or its health score is
    below `health_below` (when set)."""

    churn_risk: Level = Field(Level.high, description="The churn risk that puts an account at risk")
    health_below: Annotated[float, Field(ge=0, le=100), _NUMBER] | None = Field(
        None, description="A health score (0..100) below which an account is at risk too"
    )


def _default_health_weights() -> dict[str, float]:
    return {"nps": 1, "csat": 1, "adoption": 1, "engagement": 1, "churn_risk": 1}


class Pipeline(Strict):
    """The chance of winning an open need at each stage, when the need gives none."""

    identified: Share = Field(0.1, description="Probability at stage identified, 0 to 1")
    qualified: Share = Field(0.25, description="Probability at stage qualified, 0 to 1")
    proposal: Share = Field(0.5, description="Probability at stage proposal, 0 to 1")
    negotiation: Share = Field(0.75, description="Probability at stage negotiation, 0 to 1")


REQUIRED_ROLES = (BuyingRole.decision_maker, BuyingRole.buyer, BuyingRole.champion)


class BuyingCentre(Strict):
    """Who a complete decision-making map names."""

    required_roles: list[BuyingRole] = Field(
        default_factory=lambda: list(REQUIRED_ROLES),
        description="Buying-centre roles some stakeholder of every account should hold: "
        "decision_maker | buyer | influencer | user | gatekeeper | champion",
    )

    @field_validator("required_roles")
    @classmethod
    def _each_role_once(cls, roles: list[BuyingRole]) -> list[BuyingRole]:
        repeated = sorted({role.value for role in roles if roles.count(role) > 1})
        if repeated:
            raise ValueError(f"a role is listed twice: {', '.join(repeated)}")
        return roles


class ObjectiveSettings(Strict):
    tolerance: Share = Field(
        0.10,
        description="How far progress may trail or lead the share of the time gone, 0 to 1, "
        "before an objective counts as behind or ahead",
    )


class Programme(Strict):
    """The key-account programme's rules."""

    promote_at: Annotated[float, Field(ge=0, le=100), _NUMBER] = Field(
        70,
        description="The selection score (0..100) from which a candidate is proposed for "
        "promotion to key account",
    )


def _defined_once(ids: Iterable[str], noun: str) -> None:
    seen: set[str] = set()
    for found in ids:
        if found in seen:
            raise ValueError(f"the {noun} {found!r} is defined twice")
        seen.add(found)


class PortfolioSettings(Strict):
    """Portfolio settings (`kam.yaml` at the root of the account folder)."""

    currency: str = Field("USD", description="Currency of every amount")
    weights: Weights = Field(default_factory=Weights, description="Selection-criteria weights")
    matrix: Matrix = Field(default_factory=Matrix, description="Scoring-matrix settings")
    abc: Abc = Field(default_factory=Abc, description="ABC tier cut-offs")
    cadence: Cadence = Field(
        default_factory=Cadence, description="How often key players should be contacted, by tier"
    )
    objectives: ObjectiveSettings = Field(
        default_factory=ObjectiveSettings, description="How objectives are tracked"
    )
    pipeline: Pipeline = Field(
        default_factory=Pipeline, description="Default probabilities of open needs, by stage"
    )
    renewal_window: Annotated[int, Field(ge=1, le=3650), _NUMBER] = Field(
        120, description="Days ahead in which a contract's end makes its renewal due, 1 to 3650"
    )
    kpis: list[KpiDefinition] = Field(
        default_factory=list,
        description="Custom KPIs, which accounts record under `kpis`, and bands for nps, csat "
        "and adoption instead of the defaults",
    )
    health_score: dict[str, Weight] = Field(
        default_factory=_default_health_weights,
        description="The KPIs the health score (0..100) averages, by weight: any of "
        "nps, csat, adoption, engagement, churn_risk and the custom KPIs with bands",
    )
    at_risk: AtRisk = Field(default_factory=AtRisk, description="When an account is at risk")
    gates: Gates = Field(default_factory=Gates, description="The rules `kamtui check` applies")
    buying_centre: BuyingCentre = Field(
        default_factory=BuyingCentre, description="The roles a complete decision-making map names"
    )
    programme: Programme = Field(
        default_factory=Programme, description="The key-account programme's rules"
    )
    offerings: list[Offering] = Field(
        default_factory=list,
        description="What we sell: the columns of the white-space grid, which accounts "
        "record under `whitespace`",
    )

    @field_validator("kpis")
    @classmethod
    def _each_kpi_once(cls, kpis: list[KpiDefinition]) -> list[KpiDefinition]:
        _defined_once((kpi.id for kpi in kpis), "KPI")
        return kpis

    @field_validator("offerings")
    @classmethod
    def _each_offering_once(cls, offerings: list[Offering]) -> list[Offering]:
        _defined_once((offering.id for offering in offerings), "offering")
        return offerings

    @field_validator("health_score")
    @classmethod
    def _known_kpis(cls, weights: dict[str, float], info: ValidationInfo) -> dict[str, float]:
        defined: list[KpiDefinition] = info.data.get("kpis", [])
        custom = [kpi.id for kpi in defined if kpi.id not in BANDED_KPIS and kpi.bands]
        for kpi in weights:
            _one_of(kpi, (*BANDED_KPIS, *LEVEL_KPIS, *custom), "KPI with bands")
        return weights

    def offering_ids(self) -> tuple[str, ...]:
        """The offerings' ids, in the order kam.yaml lists them."""
        return tuple(offering.id for offering in self.offerings)

    def custom_kpis(self) -> dict[str, KpiDefinition]:
        """The KPIs accounts record under `kpis`, by id, in the order kam.yaml lists them."""
        return {kpi.id: kpi for kpi in self.kpis if kpi.id not in BANDED_KPIS}
