"""Generate a folder of realistic key accounts: `python bench/gen.py N DIR [--seed S]`.

Every account has all sections filled (about 6 KB of YAML): 3 years of revenue,
8-20 stakeholders with reporting lines and dotted-line influences, objectives,
needs, SWOT and notes, with names from many languages. The files validate cleanly,
and the same seed always writes the same bytes: account `i` depends only on the
seed and `i`, so a folder of 300 is the first 300 files of a folder of 10,000.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from pathlib import Path

# Run as a script (bench/gen.py) the repository root is not on the path yet.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.vocabulary import (
    ADVISERS,
    ATTITUDES,
    BUYING_ROLES,
    COMPANY_CORES,
    COMPANY_KINDS,
    EVIDENCE,
    FIRST_NAMES,
    HOWS,
    LAST_NAMES,
    LEVELS,
    METRICS,
    NEED_KINDS,
    NEED_STATUS,
    NEED_WHATS,
    NOTE_LINES,
    OBJECTIVE_STATUS,
    ONBOARDING,
    RELATIONSHIPS,
    ROLES,
    STAGES,
    SWOT_LINES,
    TAGS,
    WHATS,
    WHYS,
)

REGIONS = ("amer", "emea", "apac", "latam")
YEARS = (2024, 2025, 2026)


def account_id(index: int, seed: int) -> str:
    rng = random.Random(f"id:{seed}:{index}")
    core = rng.choice(COMPANY_CORES)
    kind = rng.choice(COMPANY_KINDS)
    return f"{_slug(core)}-{kind[2]}-{index:05d}"


def account_path(root: Path, index: int, seed: int) -> Path:
    return root / REGIONS[index % len(REGIONS)] / f"{account_id(index, seed)}.yaml"


def account_text(index: int, seed: int) -> str:
    """The YAML text of account `index`, written the way a person would lay it out."""
    rng = random.Random(f"account:{seed}:{index}")
    id_rng = random.Random(f"id:{seed}:{index}")
    core = id_rng.choice(COMPANY_CORES)
    suffix, industry, _ = id_rng.choice(COMPANY_KINDS)
    base = rng.randrange(200, 9000) * 1000
    revenue = [base]
    for _ in YEARS[1:]:
        revenue.append(int(revenue[-1] * rng.uniform(0.85, 1.35)) // 1000 * 1000)
    lines = [
        "# yaml-language-server: $schema=../../schemas/account.schema.json",
        f"name: {core} {suffix}",
        f"industry: {industry}",
        f"owner: {_person(rng)}                 # the key account manager",
        f"stage: {rng.choice(STAGES)}",
        f"since: {rng.randrange(2012, 2025)}-{rng.randrange(1, 13):02d}-01",
        "tags:",
        *(f"  - {tag}" for tag in rng.sample(TAGS, 3)),
        "revenue:                          # recognised revenue per year",
        *(f"  {year}: {amount}" for year, amount in zip(YEARS, revenue, strict=True)),
        f"revenue_potential: {revenue[-1] * rng.randrange(2, 4)}",
        f"mrr: {{basic: {rng.randrange(0, 20) * 1000}, standard: {rng.randrange(0, 90) * 1000}, "
        f"premium: {rng.randrange(0, 40) * 1000}}}",
        "criteria:",
        *_criteria(rng),
        "harmony: {"
        + ", ".join(
            f"{facet}: {rng.randrange(1, 6)}"
            for facet in ("strategic_fit", "culture", "vision", "strategy")
        )
        + "}",
        *_health(rng),
        "objectives:",
        *_items(rng, WHATS, range(3, 6), _objective),
        "stakeholders:",
        *_stakeholders(rng),
        "needs:",
        *_items(rng, NEED_WHATS, range(2, 5), _need),
        "swot:",
        *_swot(rng),
        "notes: |",
        *(f"  {line}" for line in rng.sample(NOTE_LINES, 4)),
        # Last, so that the lines above are the bytes they were before white space and
        # the programme's fields.
        *_whitespace(rng),
        *_programme(rng, revenue[-1]),
    ]
    return "\n".join(lines) + "\n"


SETTINGS_TEXT = """\
# Portfolio settings of the generated benchmark book.
currency: EUR
weights:
  revenue_volume: 1
  revenue_potential: 1
  lifetime_value: 1
  product_fit: 1.5
  strategic_value: 1.5
matrix:
  growth_weight: 0.5
abc:
  a: 0.80
  b: 0.95
offerings:
  - {id: cloud-platform, name: Cloud platform, list_price: 500000}
  - {id: data-analytics, name: Data & analytics, list_price: 180000}
  - {id: security, name: Security & compliance, list_price: 120000}
  - {id: voice-ai, name: Voice & AI, list_price: 90000}
  - {id: managed-services, name: Managed services}
"""
OFFERINGS = ("cloud-platform", "data-analytics", "security", "voice-ai", "managed-services")
CELLS = ("owned", "owned", "pipeline", "open", "open", "not_fit", "competitor")


def write_portfolio(count: int, root: Path, seed: int = 0) -> list[Path]:
    """Write `count` accounts and a kam.yaml under `root`; the account paths, in index order."""
    for region in REGIONS:
        (root / region).mkdir(parents=True, exist_ok=True)
    (root / "kam.yaml").write_text(SETTINGS_TEXT, encoding="utf-8")
    paths = []
    for index in range(count):
        path = account_path(root, index, seed)
        path.write_text(account_text(index, seed), encoding="utf-8")
        paths.append(path)
    return paths


def _slug(text: str) -> str:
    ascii_text = text.translate(_ASCII).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_text).split())


_ASCII = str.maketrans(
    {"ü": "u", "ö": "o", "ä": "a", "è": "e", "é": "e", "ã": "a", "Ł": "l", "ł": "l", "ó": "o"}
    | {"Ż": "z", "ż": "z", "İ": "i", "ı": "i", "Ō": "o", "ō": "o", "å": "a", "ø": "o", "ç": "c"}
    | {"à": "a"}
)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _criteria(rng: random.Random) -> list[str]:
    lines = []
    names = ("revenue_volume", "revenue_potential", "lifetime_value", "product_fit")
    for name in (*names, "strategic_value"):
        score = rng.randrange(1, 6)
        if rng.random() < 0.6:
            lines += [f"  {name}:", f"    score: {score}", f"    evidence: {rng.choice(EVIDENCE)}"]
        else:
            lines.append(f"  {name}: {score}")
    return lines


def _health(rng: random.Random) -> list[str]:
    churn = rng.choice(LEVELS)
    lines = [
        "health:",
        f"  nps: {rng.randrange(-40, 80)}",
        f"  csat: {rng.randrange(20, 50) / 10}",
        f"  engagement: {rng.choice(LEVELS)}",
        f"  churn_risk: {churn}",
        f"  onboarding: {rng.choice(ONBOARDING)}",
    ]
    if churn == "high":
        lines.append(f"  at_risk_since: 2026-{rng.randrange(1, 11):02d}-01")
    return [
        *lines,
        f"  adoption: {rng.randrange(5, 100) / 100}",
        f"  cltv: {rng.randrange(1, 40) * 1000000}",
        f"  last_contact: 2026-{rng.randrange(1, 12):02d}-{rng.randrange(1, 29):02d}",
    ]


def _items(
    rng: random.Random,
    choices: tuple[tuple[str, str], ...],
    count: range,
    details: Callable[[random.Random], list[str]],
) -> list[str]:
    """A YAML list of objectives or needs: id and what from `choices`, then `details`."""
    lines = []
    for item_id, what in rng.sample(choices, rng.choice(count)):
        lines += [f"  - id: {item_id}", f"    what: {what}"]
        lines += [f"    {detail}" for detail in details(rng)]
    return lines


def _objective(rng: random.Random) -> list[str]:
    return [
        f"why: {rng.choice(WHYS)}",
        f"how: {rng.choice(HOWS)}",
        f"metric: {rng.choice(METRICS)}",
        f"target: {rng.randrange(1, 50)}",
        f"due: {rng.randrange(2026, 2028)}-{rng.randrange(1, 13):02d}-28",
        f"status: {rng.choice(OBJECTIVE_STATUS)}",
    ]


def _stakeholders(rng: random.Random) -> list[str]:
    """A reporting tree (each person reports to someone listed earlier) plus advisers."""
    count = rng.randrange(8, 21)
    advisers = rng.sample(ADVISERS, rng.randrange(1, 3))
    internal = rng.sample(ROLES[1:], count - len(advisers) - 1)
    people: list[str] = [ROLES[0][0]]
    lines: list[str] = []
    for position, (person_id, title) in enumerate([ROLES[0], *internal]):
        lines += [f"  - id: {person_id}", f"    name: {_person(rng)}", f"    title: {title}"]
        if position:
            lines.append(f"    reports_to: {rng.choice(people)}")
            people.append(person_id)
        lines += _stance(rng)
        if position and rng.random() < 0.2:
            target = rng.choice([p for p in people if p != person_id])
            lines += ["    influences:", f"      - {target}"]
    for person_id, title, organization in advisers:
        lines += [
            f"  - id: {person_id}",
            f"    name: {_person(rng)}",
            f"    title: {title}",
            f"    organization: {organization}",
            *_stance(rng),
            "    influences:                   # the dotted line to the decision",
            *(f"      - {target}" for target in rng.sample(people, min(3, len(people)))),
            "    notes: Built the savings case with us and has the board's ear",
        ]
    return lines


def _stance(rng: random.Random) -> list[str]:
    lines = [
        f"    decision_power: {rng.choice(LEVELS)}",
        f"    attitude: {rng.choice(ATTITUDES)}",
        f"    relationship: {rng.choice(RELATIONSHIPS)}",
    ]
    if rng.random() < 0.3:
        lines.append("    touchpoint: true")
    return [*lines, f"    role: {rng.choice(BUYING_ROLES)}"]


def _need(rng: random.Random) -> list[str]:
    return [
        f"kind: {rng.choice(NEED_KINDS)}",
        f"horizon: {rng.randrange(2026, 2029)}-{rng.randrange(1, 13):02d}-28",
        f"value: {rng.randrange(5, 100) * 10000}",
        f"status: {rng.choice(NEED_STATUS)}",
    ]


def _cells(rng: random.Random) -> str:
    """Some offerings written, the others open by being left out."""
    written = rng.sample(OFFERINGS, rng.randrange(2, len(OFFERINGS) + 1))
    return "{" + ", ".join(f"{key}: {rng.choice(CELLS)}" for key in written) + "}"


def _whitespace(rng: random.Random) -> list[str]:
    """One account in ten records its white space division by division."""
    if rng.random() >= 0.1:
        return [f"whitespace: {_cells(rng)}"]
    return [
        "divisions:",
        *(
            f"  - {{id: division-{number}, name: Division {number}, whitespace: {_cells(rng)}}}"
            for number in range(1, rng.randrange(2, 5))
        ),
    ]


TEAM_ROLES = ("executive_sponsor", "service", "operations", "product", "finance", "legal", "other")


def _programme(rng: random.Random, revenue: int) -> list[str]:
    """Mostly key accounts, some under review, candidates and former ones; a team of up
    to three; economics of the last year for seven accounts in ten."""
    lines: list[str] = []
    draw = rng.random()
    if draw < 0.04:
        lines += ["status: under_review", f"review_on: 2026-{rng.randrange(1, 13):02d}-01"]
    elif draw < 0.08:
        lines.append("status: candidate")
    elif draw < 0.10:
        lines.append("status: former")
    team = [
        f"  - {{name: {_person(rng)}, role: {rng.choice(TEAM_ROLES)}}}"
        for _ in range(rng.randrange(0, 4))
    ]
    if team:
        lines += ["team:", *team]
    if rng.random() < 0.7:
        profit = int(revenue * rng.uniform(0.15, 0.5))
        cost = int(revenue * rng.uniform(0.02, 0.2))
        lines += ["economics:", f"  {YEARS[-1]}: {{gross_profit: {profit}, cost_to_serve: {cost}}}"]
    return lines


def _swot(rng: random.Random) -> list[str]:
    lines = []
    for section, choices in SWOT_LINES.items():
        lines.append(f"  {section}:")
        lines += [f"    - {line}" for line in rng.sample(choices, 2)]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("count", type=int, help="number of accounts")
    parser.add_argument("folder", type=Path, help="where to write them (created)")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same files")
    args = parser.parse_args(argv)
    write_portfolio(args.count, args.folder, args.seed)
    print(f"{args.count} accounts written to {args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
