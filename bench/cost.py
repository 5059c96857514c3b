"""Hostile shapes at the size limit: `python bench/cost.py [--runs R]`.

Issue 13 asks that any account file within the size limits validates in under a
second. Each shape below is a file just under the 512 KiB limit, built to make one
check as slow as it can be (a 10,000-deep reporting chain, one cycle through every
stakeholder, everyone influencing everyone, thousands of objectives, needs and
activities). For each shape, in a fresh process, this measures what every surface
does with a file: load and validate it (what `kamtui validate` and a save in the
TUI do), then the display facts (stakeholder analysis, org chart, relationships)
the detail and `show` compute. It prints median times, and the ratio of validating
to a plain `yaml` parse of the same file in the same process, so a slow machine
shows as slow in both. Exit status 1 when a shape takes over a second.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

LIMIT_BYTES = 512 * 1024
LIMIT_SECONDS = 1.0

HEAD = (
    "name: Cost Shape\nowner: Bench\n"
    "criteria: {revenue_volume: 3, revenue_potential: 3, lifetime_value: 3, product_fit: 3,"
    " strategic_value: 3}\n"
)

PROBE = """
import sys, time
from pathlib import Path
import yaml
from kamtui.core.account.account_file import load_account_file
from kamtui.core.people.org_chart import org_chart
from kamtui.core.analysis.relationships import relationships
from kamtui.core.people.stakeholders import analyse_stakeholders
from datetime import date
path = Path(sys.argv[1])
text = path.read_bytes()
started = time.perf_counter()
yaml.load(text, Loader=yaml.CSafeLoader)
parse = time.perf_counter() - started
started = time.perf_counter()
loaded = load_account_file(path, PortfolioSettings())
validate = time.perf_counter() - started
started = time.perf_counter()
account = loaded.account
if account is not None:
    analyse_stakeholders(account)
    org_chart(account)
    relationships(account, today=date(2026, 12, 3))
facts = time.perf_counter() - started
print(parse, validate, facts, len(loaded.problems))
"""


def person(index: int, extra: str = "") -> str:
    return f"  - id: p{index}\n    name: Person {index}\n{extra}"


def deep_chain() -> Iterator[str]:
    yield "stakeholders:\n"
    yield person(0)
    index = 1
    while True:
        yield person(index, f"    reports_to: p{index - 1}\n")
        index += 1


def one_cycle(size: int) -> Callable[[], Iterator[str]]:
    def shape() -> Iterator[str]:
        yield "stakeholders:\n"
        for index in range(size):
            yield person(index, f"    reports_to: p{(index + 1) % size}\n")

    return shape


def many_cycles() -> Iterator[str]:
    yield "stakeholders:\n"
    index = 0
    while True:
        yield person(index, f"    reports_to: p{index ^ 1}\n")
        index += 1


def dense_influence(size: int) -> Callable[[], Iterator[str]]:
    def shape() -> Iterator[str]:
        yield "stakeholders:\n"
        for index in range(size):
            targets = ", ".join(f"p{other}" for other in range(size) if other != index)
            yield person(index, f"    influences: [{targets}]\n")

    return shape


def many_objectives() -> Iterator[str]:
    yield "objectives:\n"
    index = 0
    while True:
        yield (
            f"  - id: o{index}\n    what: Objective {index}\n    due: 2026-01-01\n"
            f"    status: on_track\n    actions:\n"
            f"      - what: Action {index}\n        due: 2026-02-01\n"
        )
        index += 1


def many_needs() -> Iterator[str]:
    yield "needs:\n"
    index = 0
    while True:
        yield f"  - id: n{index}\n    what: Need {index}\n    kind: upsell\n    value: 1000\n"
        index += 1


def many_activities() -> Iterator[str]:
    yield "stakeholders:\n"
    for index in range(200):
        yield person(index)
    yield "activities:\n"
    index = 0
    while True:
        day = 1 + index % 28
        yield (
            f"  - date: 2026-11-{day:02d}\n    kind: call\n    with: [p{index % 200}, p{(index + 7) % 200}]\n"
            f"    summary: Call {index}\n"
        )
        index += 1


SHAPES: dict[str, Callable[[], Iterator[str]]] = {
    "reporting chain, as deep as fits": deep_chain,
    "one reporting cycle of 2,000": one_cycle(2000),
    "one reporting cycle, as long as fits": one_cycle(6000),
    "pairs reporting to each other": many_cycles,
    "everyone influences everyone (300)": dense_influence(300),
    "objectives with actions, as many as fit": many_objectives,
    "needs, as many as fit": many_needs,
    "activities with two people each": many_activities,
}


def write_shape(folder: Path, name: str, shape: Callable[[], Iterator[str]]) -> Path:
    """The shape's parts, as many as fit under the size limit."""
    parts = [HEAD]
    size = len(HEAD)
    for part in shape():
        if size + len(part) >= LIMIT_BYTES:
            break
        parts.append(part)
        size += len(part)
    path = folder / (name.split(",")[0].replace(" ", "-") + f"-{len(parts)}.yaml")
    path.write_text("".join(parts), encoding="utf-8")
    return path


def measure(path: Path, runs: int) -> tuple[float, float, float, int]:
    """Median seconds of a plain parse, of validating, and of the display facts."""
    samples: list[list[float]] = [[], [], []]
    problems = 0
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, check=True
        ).stdout.split()
        for sample, figure in zip(samples, out[:3], strict=True):
            sample.append(float(figure))
        problems = int(out[3])
    parse, validate, facts = (statistics.median(sample) for sample in samples)
    return parse, validate, facts, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    rows = []
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for name, shape in SHAPES.items():
            path = write_shape(Path(folder), name, shape)
            parse, validate, facts, problems = measure(path, args.runs)
            verdict = "PASS" if max(validate, facts) <= LIMIT_SECONDS else "FAIL"
            failed |= verdict == "FAIL"
            rows.append(
                {
                    "shape": name,
                    "kib": round(path.stat().st_size / 1024),
                    "validate": round(validate, 3),
                    "parse_ratio": round(validate / parse, 1),
                    "facts": round(facts, 3),
                    "problems": problems,
                    "verdict": verdict,
                }
            )
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(
            "| shape (≤ 512 KiB) | KiB | validate | × yaml parse | display facts | problems "
            f"| each ≤ {LIMIT_SECONDS:g} s |"
        )
        print("|---|---|---|---|---|---|---|")
        for row in rows:
            print(
                f"| {row['shape']} | {row['kib']} | {row['validate']:.3f} s | {row['parse_ratio']}× "
                f"| {row['facts']:.3f} s | {row['problems']} | {row['verdict']} |"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
