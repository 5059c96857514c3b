"""The mutation score per module, from the results mutmut keeps in mutants/.

    python .ci/mutation_score.py [MODULE ...]   the table (docs/testing.md holds it)
    python .ci/mutation_score.py --modules      the modules in scope, one per line
    python .ci/mutation_score.py --docs         the table, also written into docs/testing.md

mutants/ is not kept in git, and a whole run takes hours: each module's finished result
is also recorded in .ci/mutation_results.json with a digest of the module's source.
A module without results in mutants/ is scored from that record while its source is
unchanged, and shown as "changed since run" once it is not.

Score = killed / (mutants - equivalent). Killed counts what mutmut calls killed or
timeout (a mutant that hangs the tests is caught). An equivalent mutant, one no
behaviour can tell apart from the code, is listed in .ci/equivalent_mutants.txt with
its reason. Exits 1 when a module that ran scores under the floor, or when an
equivalent listed there no longer exists or is killed by a test after all.
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import io
import json
import sys
import tomllib
from pathlib import Path
from typing import TypedDict

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "mutants"
EQUIVALENTS = ROOT / ".ci" / "equivalent_mutants.txt"
RECORD = ROOT / ".ci" / "mutation_results.json"
FLOOR = 95.0
KILLED = {1, 3, 36, 24, -24, 152, 255}


def modules_in_scope() -> list[str]:
    """`core.diff` for kamtui/core/review/diff.py, for every file pyproject's mutmut globs take."""
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mutmut"][
        "only_mutate"
    ]
    files = sorted((ROOT / "kamtui").rglob("*.py"))
    names = [path.relative_to(ROOT).as_posix() for path in files]
    wanted = [
        name
        for name in names
        if any(fnmatch.fnmatch(name, pattern) for pattern in globs)
        and not name.endswith("__init__.py")
    ]
    return [name.removeprefix("kamtui/").removesuffix(".py").replace("/", ".") for name in wanted]


def equivalents() -> dict[str, str]:
    """Mutant name -> why no behaviour tells it apart."""
    found: dict[str, str] = {}
    for line in EQUIVALENTS.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.partition(" ")
            found[name] = reason.strip()
    return found


def results(module: str) -> dict[str, int | None] | None:
    meta = RESULTS / "kamtui" / (module.replace(".", "/") + ".py.meta")
    if not meta.exists():
        return None
    codes: dict[str, int | None] = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
    return codes


def source_digest(module: str) -> str:
    source = ROOT / "kamtui" / (module.replace(".", "/") + ".py")
    return hashlib.sha256(source.read_bytes()).hexdigest()[:16]


class Recorded(TypedDict):
    """A module's finished result, kept in git: enough to score it while its source stays."""

    source: str
    mutants: int
    not_killed: list[str]
    killed_equivalents: list[str]


def recorded() -> dict[str, Recorded]:
    return json.loads(RECORD.read_text("utf-8")) if RECORD.exists() else {}


def record_of(module: str, codes: dict[str, int | None], equivalent: set[str]) -> Recorded:
    return Recorded(
        source=source_digest(module),
        mutants=len(codes),
        not_killed=sorted(n for n, c in codes.items() if c not in KILLED),
        killed_equivalents=sorted(n for n, c in codes.items() if n in equivalent and c in KILLED),
    )


def from_record(entry: Recorded) -> dict[str, int | None]:
    """Exit codes as mutmut gave them: the mutants not killed and the killed equivalents
    by name, the other killed ones under stand-in names."""
    named = len(entry["not_killed"]) + len(entry["killed_equivalents"])
    codes: dict[str, int | None] = {f"killed {n}": 1 for n in range(entry["mutants"] - named)}
    codes.update(dict.fromkeys(entry["killed_equivalents"], 1))
    codes.update(dict.fromkeys(entry["not_killed"], 0))
    return codes


def main(argv: list[str]) -> int:
    if argv == ["--modules"]:
        print("\n".join(modules_in_scope()))
        return 0
    modules = argv or modules_in_scope()
    equivalent = equivalents()
    seen: set[str] = set()
    failing = False
    survivors: list[str] = []
    stale_listing: list[str] = []
    print("| module | mutants | killed | equivalent | survived | score |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    record = recorded()
    scored: list[str] = []
    for module in modules:
        codes = results(module)
        if codes is not None and all(code is not None for code in codes.values()):
            record[module] = record_of(module, codes, set(equivalent))
        elif module in record and not any(code is not None for code in (codes or {}).values()):
            if record[module]["source"] != source_digest(module):
                print(f"| `{module}` | {record[module]['mutants']} | | | | changed since run |")
                continue
            codes = from_record(record[module])
        seen.update(name for name in codes or () if name in equivalent)
        if codes == {}:  # declarations alone: mutmut finds nothing in it to change
            print(f"| `{module}` | 0 | | | | nothing to mutate |")
            continue
        if codes is None or all(code is None for code in codes.values()):
            print(f"| `{module}` | {len(codes) if codes else ''} | | | | not run |")
            continue
        if any(code is None for code in codes.values()):
            print(f"| `{module}` | {len(codes)} | | | | not finished |")
            continue
        killed = sum(code in KILLED for code in codes.values())
        # Listed as equivalent but killed: a test told it apart, so the listing is wrong.
        stale_listing += [n for n, c in codes.items() if n in equivalent and c in KILLED]
        same = sum(name in equivalent and code not in KILLED for name, code in codes.items())
        alive = [n for n, c in codes.items() if c not in KILLED and n not in equivalent]
        survivors += alive
        judged = len(codes) - same
        score = 100.0 * killed / judged if judged else 100.0
        failing |= score < FLOOR
        scored.append(module)
        print(f"| `{module}` | {len(codes)} | {killed} | {same} | {len(alive)} | {score:.1f} % |")
    RECORD.write_text(json.dumps(dict(sorted(record.items())), indent=1) + "\n", "utf-8")
    shown = {name: why for name, why in equivalent.items() if _module_ran(name, scored)}
    if shown:
        print("\nEquivalent mutants (`.ci/equivalent_mutants.txt`):")
        print("\n".join(f"- `{name}`: {why}" for name, why in shown.items()))
    if survivors:
        print("\nSurvivors (`.venv/bin/mutmut show NAME` shows the change):")
        print("\n".join(f"- `{name}`" for name in sorted(survivors)))
    stale = [name for name in equivalent if name not in seen and _module_ran(name, scored)]
    if stale:
        print("\nListed as equivalent but no such mutant:", *stale, sep="\n- ")
    if stale_listing:
        print("\nListed as equivalent but killed by a test:", *stale_listing, sep="\n- ")
    return 1 if failing or stale or stale_listing else 0


def _module_ran(name: str, modules: list[str]) -> bool:
    return any(name.startswith(f"kamtui.{module}.") for module in modules)


def write_docs(table: str) -> None:
    """Put `table` between the markers of docs/testing.md's Scores section."""
    docs = ROOT / "docs" / "testing.md"
    text = docs.read_text("utf-8")
    start = text.index("\n", text.index("<!-- scores: generated")) + 1
    end = text.index("<!-- /scores -->")
    docs.write_text(f"{text[:start]}\n{table.strip()}\n\n{text[end:]}", "utf-8")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if "--docs" not in arguments:
        sys.exit(main(arguments))
    arguments.remove("--docs")
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        status = main(arguments)
    print(printed.getvalue(), end="")
    write_docs(printed.getvalue())
    sys.exit(status)
