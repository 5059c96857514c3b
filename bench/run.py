"""Measure kamtui against the targets of issue 7: `python bench/run.py [--accounts N] [--runs R]`.

Every figure comes from fresh processes (bench/probes.py), each target as a ratio
of two figures measured in the same run, so that a busy or slow machine cancels
out. Times are medians of several runs. The generated folders are kept in the work
folder (default: the system temp folder) and reused by later runs with the same
size and seed. `--results FILE` writes the table and the machine to FILE as Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Run as a script (bench/run.py) the repository root is not on the path yet.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gen import account_path, write_portfolio

PROBES = Path(__file__).resolve().parent / "probes.py"
KAMTUI = [sys.executable, "-c", "from kamtui.cli import main; main()"]
FRAME_MS = 1000 / 60


@dataclass
class Row:
    target: str
    measured: str
    value: float
    limit: float
    unit: str = "×"

    @property
    def passed(self) -> bool:
        return self.value <= self.limit


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument(
        "--small", type=int, default=10, help="the small portfolio of save → screen"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runs", type=int, default=3, help="runs of the slow measurements")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kamtui-bench")
    parser.add_argument("--results", type=Path, help="write the results as Markdown here")
    parser.add_argument(
        "--tui-only",
        action="store_true",
        help="only the TUI targets: first paint, save → screen, key response",
    )
    parser.add_argument(
        "--loading-only",
        action="store_true",
        help="only the `kamtui validate` targets: cold, warm, after a save",
    )
    args = parser.parse_args(argv)

    big = folder(args.work, args.accounts, args.seed)
    small = folder(args.work, args.small, args.seed)
    cache = args.work / "cache"
    os.environ["KAMTUI_CACHE_DIR"] = str(cache)
    load_before = os.getloadavg()
    rows: list[Row] = []
    say(f"{args.accounts} accounts in {big}; {args.runs} runs of the slow measurements")

    if not args.tui_only:
        rows += loading(args.work, args.accounts, args.seed, cache, args.runs)
    if args.loading_only:
        return finish(rows, args, load_before)

    empty_paint, kam_paint = [], []
    for _ in range(max(5, args.runs)):
        empty_paint.append(timed(probe("paint", "-")))
        kam_paint.append(timed(probe("paint", big)))
    rows.append(ratio("TUI first paint vs an empty Textual app", kam_paint, empty_paint, 1.5))

    rows += save_to_screen(big, small, args.accounts, args.small, args.seed)
    if not args.tui_only:
        rows += memory(big, args.accounts)
    rows += key_response(big, args.runs)
    rows += view_response(big, args.runs)

    return finish(rows, args, load_before)


def finish(
    rows: list[Row], args: argparse.Namespace, load_before: tuple[float, float, float]
) -> int:
    """Print the table (and write it to --results); 1 when a target failed."""
    report = table(rows, args.accounts)
    print(report)
    if args.results is not None:
        args.results.write_text(markdown(report, args, load_before), encoding="utf-8")
    return 0 if all(row.passed for row in rows) else 1


# Issue 15's goals for `kamtui validate`, whole process against a bare parse of the
# same files: a warm check (nothing changed since a clean one) by folder size, and cold.
WARM_LIMITS = {1_000: 0.10, 10_000: 0.03}
COLD_LIMIT = 0.5


def loading(work: Path, count: int, seed: int, cache: Path, runs: int) -> list[Row]:
    rows = []
    for size in sorted({1_000, count}):
        root = folder(work, size, seed)
        bare, cold = [], []
        for _ in range(runs):
            bare.append(timed(probe("bare", root)))
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(timed([*KAMTUI, "validate", str(root)]))
        say(f"{size}: bare parse {seconds(bare)}, cold validate {seconds(cold)}")
        # Untimed: records the check if the cold one could not (a file changed in the two
        # seconds before it is never trusted by its stat).
        timed([*KAMTUI, "validate", str(root)])
        warm = [timed([*KAMTUI, "validate", str(root)]) for _ in range(max(5, runs))]
        saved = []
        for _ in range(runs):
            os.utime(account_path(root, 1, seed))  # a save: every file read, one parsed
            saved.append(timed([*KAMTUI, "validate", str(root)]))
        rows += [
            ratio(
                f"Cold check of {size:,}: `kamtui validate`, nothing cached", cold, bare, COLD_LIMIT
            ),
            ratio(
                f"Warm check of {size:,}: `kamtui validate`, unchanged since a clean check",
                warm,
                bare,
                WARM_LIMITS.get(size, float("inf")),
            ),
            ratio(
                f"Check of {size:,} after one save: every file read, from the account cache",
                saved,
                bare,
                float("inf"),
            ),
        ]
    return rows


def folder(work: Path, count: int, seed: int) -> Path:
    """The generated portfolio of this size and seed, written once and then reused."""
    root = work / f"accounts-{count}-seed{seed}"
    done = root / ".complete"
    if not done.exists():
        shutil.rmtree(root, ignore_errors=True)
        say(f"generating {count} accounts in {root}")
        write_portfolio(count, root, seed)
        done.write_text("")
    return root


def probe(name: str, *arguments: object) -> list[str]:
    return [sys.executable, str(PROBES), name, *map(str, arguments)]


def timed(command: list[str]) -> float:
    """Seconds the whole process takes (or until it prints its line, for first paint)."""
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):  # validate exits 1 when a file is invalid
        raise RuntimeError(f"{command} failed:\n{result.stderr.decode()}")
    return elapsed


def measured(name: str, *arguments: object) -> dict[str, Any]:
    result = subprocess.run(probe(name, *arguments), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"probe {name} failed:\n{result.stderr}")
    answer: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return answer


def ratio(target: str, these: list[float], base: list[float], limit: float) -> Row:
    value = statistics.median(these) / statistics.median(base)
    return Row(target, f"{seconds(these)} vs {seconds(base)}", value, limit)


def save_to_screen(big: Path, small: Path, count: int, small_count: int, seed: int) -> list[Row]:
    """The same account (index 1 exists in both folders) saved in a small and a big portfolio:
    headless (store + analytics) and in the app, to the screen."""
    rows = []
    for probe_name, saves, what in (("save", 15, "store + analytics"), ("screen", 8, "the app")):
        results = {
            size: measured(probe_name, root, account_path(root, 1, seed), saves)
            for size, root in ((count, big), (small_count, small))
        }
        for kind in results[count]:
            big_ms = statistics.median(results[count][kind])
            small_ms = statistics.median(results[small_count][kind])
            label = f"Save → screen, {kind} edit ({what})"
            figures = f"{big_ms:.1f} ms vs {small_ms:.1f} ms at {small_count}"
            rows.append(Row(f"{label} vs {small_count} accounts", figures, big_ms / small_ms, 2))
            rows.append(Row(f"{label} at {count}", f"{big_ms:.1f} ms", big_ms, 200, " ms"))
    return rows


def memory(big: Path, count: int) -> list[Row]:
    """Resident memory per account: whole process, after a cold and after a warm load."""
    rows = []
    shutil.rmtree(Path(os.environ["KAMTUI_CACHE_DIR"]), ignore_errors=True)
    for label, what in (
        ("cold load_folder", "folder"),
        ("warm load_folder", "folder"),
        ("TUI model", "model"),
    ):
        answer = measured("memory", big, what)
        after, before = int(answer["after_kb"]), int(answer["before_kb"])
        per_account = after / count
        figures = f"{after / 1024:.0f} MB resident ({(after - before) / count:.1f} KB/account above start)"
        limit = 40 if what == "folder" else float("inf")
        rows.append(Row(f"Memory per account, {label}", figures, per_account, limit, " KB"))
    return rows


def key_response(big: Path, runs: int) -> list[Row]:
    """Each key press of the probe's sequence timed in `runs` processes, its median taken
    (as every other figure here): one run caught in a slow moment of a shared machine
    once made every key of it 8-12 ms slower."""
    floor = [measured("keys", "-") for _ in range(runs)]
    floor_ms = statistics.median(ms for answer in floor for ms in answer["down"])
    answers = [measured("keys", big) for _ in range(runs)]
    rows = []
    for keys, label in (
        (("down", "pagedown", "end", "home"), "moving"),
        (("s", "S"), "sorting"),
        (("slash", "c", "h", "i", "e", "f", "backspace", "escape"), "filtering"),
    ):
        # The n-th press of a key is the same press in every run: its median over runs.
        times = [
            statistics.median(presses)
            for key in keys
            for presses in zip(*(answer.get(key, []) for answer in answers), strict=True)
        ]
        worst = max(times)
        figures = (
            f"median {statistics.median(times):.1f} ms, worst {worst:.1f} ms "
            f"(method floor {floor_ms:.1f} ms; each press the median of {runs} runs)"
        )
        rows.append(Row(f"Table key response, {label}", figures, worst, FRAME_MS, " ms"))
    return rows


def view_response(big: Path, runs: int) -> list[Row]:
    """Per portfolio view: its first opening, and the worst of the keys in it (each press
    the median of `runs` processes, as for the table)."""
    answers = [measured("views", big) for _ in range(runs)]
    rows = []
    for view in dict.fromkeys(name.split(":")[0] for name in answers[0]):
        opened = statistics.median(answer[f"{view}:open"][0] for answer in answers)
        times = [
            statistics.median(presses)
            for name in answers[0]
            if name.startswith(f"{view}:") and name != f"{view}:open"
            for presses in zip(*(answer[name] for answer in answers), strict=True)
        ]
        worst = max(times)
        figures = f"median {statistics.median(times):.1f} ms, worst {worst:.1f} ms"
        rows.append(Row(f"{view.capitalize()} view key response", figures, worst, FRAME_MS, " ms"))
        # Its first opening mounts and draws it: reported, with no limit set yet.
        rows.append(
            Row(
                f"{view.capitalize()} view, first opening",
                f"{opened:.0f} ms",
                opened,
                float("inf"),
                " ms",
            )
        )
    return rows


def seconds(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s"


def table(rows: list[Row], count: int) -> str:
    lines = [
        f"| target ({count:,} accounts) | measured | value | limit | |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        limit = "—" if row.limit == float("inf") else f"≤ {row.limit:.3g}{row.unit}"
        verdict = "" if row.limit == float("inf") else ("PASS" if row.passed else "FAIL")
        lines.append(
            f"| {row.target} | {row.measured} | {row.value:.2f}{row.unit} | {limit} | {verdict} |"
        )
    return "\n".join(lines)


def markdown(report: str, args: argparse.Namespace, load_before: tuple[float, float, float]) -> str:
    return "\n".join(
        [
            "# Benchmark results (issue 7)",
            "",
            f"`python bench/run.py --accounts {args.accounts} --runs {args.runs}` on "
            f"{time.strftime('%Y-%m-%d')}.",
            "",
            f"- Machine: {os.cpu_count()} cores ({cpu_model()}), {platform.system()} "
            f"{platform.release()}",
            f"- Python {platform.python_version()}",
            f"- Load average before / after: {load_before[0]:.2f} / {os.getloadavg()[0]:.2f} "
            "(the machine was shared; ratios are measured in one run so that load cancels)",
            "",
            report,
            "",
        ]
    )


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
