"""Checks across the parts of one account that a field-by-field schema cannot make:
within the file (`reference_problems`), and against the portfolio's `kam.yaml`
(`settings_problems`), which a file is valid only with."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence

from kamtui.core.account.model import BANDED_KPIS, Account, PortfolioSettings, Stakeholder
from kamtui.core.account.yaml_source import Loc


def reference_problems(account: Account) -> list[tuple[Loc, str]]:
    """Duplicate ids, dangling `reports_to` / `influences`, and reporting cycles."""
    problems: list[tuple[Loc, str]] = []
    for section, noun in (
        ("stakeholders", "stakeholder"),
        ("objectives", "objective"),
        ("needs", "need"),
        ("customer_goals", "customer goal"),
    ):
        items: Sequence[object] = getattr(account, section)
        first_index: dict[str, int] = {}
        for index, item in enumerate(items):
            item_id: str = item.id  # type: ignore[attr-defined]
            if item_id in first_index:
                problems.append(
                    (
                        (section, index, "id"),
                        f"duplicate {noun} id {item_id!r} (also item {first_index[item_id] + 1})",
                    )
                )
            else:
                first_index[item_id] = index
    problems.extend(_stakeholder_references(account.stakeholders))
    problems.extend(_activity_references(account))
    problems.extend(_goal_references(account))
    problems.extend(_division_problems(account))
    return problems


def _division_problems(account: Account) -> list[tuple[Loc, str]]:
    """Division ids once each; and white space written either for the whole account or
    per division, never both (which cell would count is then the user's to say)."""
    problems: list[tuple[Loc, str]] = []
    first_index: dict[str, int] = {}
    for index, division in enumerate(account.divisions):
        if division.id in first_index:
            problems.append(
                (
                    ("divisions", index, "id"),
                    f"duplicate division id {division.id!r} (also item "
                    f"{first_index[division.id] + 1})",
                )
            )
        else:
            first_index[division.id] = index
    if account.divisions and account.whitespace:
        problems.append(
            (
                ("whitespace", "[key]"),
                "an account with divisions records its white space per division: move "
                "these cells into a division (e.g. one for the group itself)",
            )
        )
    return problems


# The custom KPIs, the extra matrix factors and the offerings a portfolio declares.
ValidityKey = tuple[frozenset[str], frozenset[str], frozenset[str]]


def validity_key(settings: PortfolioSettings) -> ValidityKey:
    """What of the settings a file's validity depends on (the custom KPIs, the extra
    matrix factors and the offerings declared): under settings with one key, the same
    files are valid."""
    factors = frozenset(factor.id for factor in settings.matrix.factors)
    return frozenset(settings.custom_kpis()), factors, frozenset(settings.offering_ids())


def settings_problems(account: Account, settings: PortfolioSettings) -> list[tuple[Loc, str]]:
    """Each custom KPI the account records is declared in `kam.yaml`'s `kpis`, and each
    extra factor it scores in `matrix.factors`, and each offering its white space names
    (its own, its divisions') in `offerings` (found at the key that names it)."""
    if not (account.kpis or account.factors or account.whitespace or account.divisions):
        return []
    built_in = {kpi: f"health.{kpi}" for kpi in BANDED_KPIS}
    kpis = list(settings.custom_kpis())
    factors = [factor.id for factor in settings.matrix.factors]
    offerings = list(settings.offering_ids())
    offering = "offering of kam.yaml's offerings"
    problems = _undeclared(("kpis",), account.kpis, kpis, "KPI of kam.yaml's kpis", built_in)
    problems += _undeclared(
        ("factors",), account.factors, factors, "factor of kam.yaml's matrix.factors"
    )
    problems += _undeclared(("whitespace",), account.whitespace, offerings, offering)
    for index, division in enumerate(account.divisions):
        at: Loc = ("divisions", index, "whitespace")
        problems += _undeclared(at, division.whitespace, offerings, offering)
    return problems


def _undeclared(
    section: Loc,
    written: Iterable[str],
    declared: list[str],
    what: str,
    recorded_elsewhere: Mapping[str, str] | None = None,
) -> list[tuple[Loc, str]]:
    problems: list[tuple[Loc, str]] = []
    for key in written:
        if key in declared:
            continue
        elsewhere = (recorded_elsewhere or {}).get(key)
        if elsewhere is not None:
            message = f"{key!r} is built in: it is recorded as {elsewhere}"
        else:
            close = difflib.get_close_matches(key, declared, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            listed = f"it declares {', '.join(declared)}" if declared else "it declares none"
            message = f"{key!r} is no {what}{hint} ({listed})"
        # Located as pydantic locates a key's fault: at the key, not its value.
        problems.append(((*section, key, "[key]"), message))
    return problems


def _activity_references(account: Account) -> list[tuple[Loc, str]]:
    """Each id in an activity's `with` names a stakeholder of this file, once."""
    known = {person.id for person in account.stakeholders}
    named = [activity.with_ for activity in account.activities]
    return _references(("activities", "with"), named, known, "stakeholder")


def _goal_references(account: Account) -> list[tuple[Loc, str]]:
    """Each id in an objective's `serves` names a customer goal of this file, once."""
    known = {goal.id for goal in account.customer_goals}
    named = [objective.serves for objective in account.objectives]
    return _references(("objectives", "serves"), named, known, "customer goal")


def _references(
    where: tuple[str, str], named: Sequence[Sequence[str]], known: set[str], noun: str
) -> list[tuple[Loc, str]]:
    """Each item's list of ids (`named[index]`, at `section[index].field`) checked."""
    section, field = where
    return [
        problem
        for index, ids in enumerate(named)
        for problem in _named_once((section, index, field), ids, known, noun)
    ]


def _named_once(
    loc: Loc, named: Sequence[str], known: set[str], noun: str
) -> list[tuple[Loc, str]]:
    problems: list[tuple[Loc, str]] = []
    for position, found in enumerate(named):
        if found in named[:position]:
            problems.append(((*loc, position), f"{found!r} is named twice"))
        elif found not in known:
            close = difflib.get_close_matches(found, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            choices = ", ".join(sorted(known)) or "none"
            problems.append(
                ((*loc, position), f"{found!r} names no {noun} in this file{hint} (ids: {choices})")
            )
    return problems


def _stakeholder_references(people: Sequence[Stakeholder]) -> list[tuple[Loc, str]]:
    known = {person.id for person in people}
    problems: list[tuple[Loc, str]] = []

    def unknown(loc: Loc, target: str) -> None:
        choices = ", ".join(sorted(known)) or "none"
        problems.append((loc, f"{target!r} names no stakeholder in this file (ids: {choices})"))

    for index, person in enumerate(people):
        if person.reports_to is not None:
            if person.reports_to == person.id:
                problems.append(((("stakeholders", index, "reports_to")), "reports to themselves"))
            elif person.reports_to not in known:
                unknown(("stakeholders", index, "reports_to"), person.reports_to)
        for position, target in enumerate(person.influences):
            if target == person.id:
                problems.append(
                    (("stakeholders", index, "influences", position), "influences themselves")
                )
            elif target not in known:
                unknown(("stakeholders", index, "influences", position), target)
    problems.extend(_reporting_cycles(people))
    return problems


def _reporting_cycles(people: Sequence[Stakeholder]) -> list[tuple[Loc, str]]:
    """Each person has at most one manager, so one walk per person finds every cycle.

    A person whose chain has been walked is never walked again: linear in the number
    of people however deep the chains are (a 10,000-deep chain used to take minutes).
    """
    manager = {p.id: p.reports_to for p in people if p.reports_to and p.reports_to != p.id}
    index_of = {p.id: i for i, p in enumerate(people)}
    walked: set[str] = set()
    problems: list[tuple[Loc, str]] = []
    for start in manager:
        position: dict[str, int] = {}
        chain: list[str] = []
        current: str | None = start
        while current is not None and current in manager and current not in walked:
            walked.add(current)
            position[current] = len(chain)
            chain.append(current)
            current = manager[current]
            if current in position:
                cycle = chain[position[current] :]
                first = min(cycle, key=index_of.__getitem__)
                at = cycle.index(first)
                problems.append(
                    (
                        ("stakeholders", index_of[first], "reports_to"),
                        "reporting lines form a cycle: " + _loop_text(cycle[at:] + cycle[:at]),
                    )
                )
                break
    return problems


def _loop_text(cycle: list[str], shown: int = 6) -> str:
    """`a → b → c → a`, with the middle of a long loop left out so a message stays readable."""
    names = [*cycle, cycle[0]]
    if len(names) > shown * 2:
        left = len(names) - shown * 2
        names = [*names[:shown], f"… {left} more …", *names[-shown:]]
    return " → ".join(names)
