"""Real temporary git repositories holding small account folders, for the review tests.

The accounts are small enough to compute every figure by hand (default weights:
score = 100 × Σ(s − 1) / 20):

- harbor: criteria 4 5 4 4 5 → score 85.0, growth 83.3, harmony 4 3 5 4 → 75.0,
  priority 79.2, strategic; revenue 2026: 3,000,000; open pipeline 550,000. The EVP
  (high power, neutral) is to win; the path runs from the consultant (champion) who
  influences them, as the CEO above them is neutral.
- acme: criteria 3 3 3 3 3 → score 50.0; revenue 2026: 1,000,000; MRR 10,000.
- tiny: criteria 2 2 2 2 2 → score 25.0; revenue 2026: 200,000.

Tiers of 2026 (a = 0.80, b = 0.95, total 4,200,000): harbor A (0 before it), acme A
(0.714 before it), tiny C (0.952 before it). With harbor at 5,000,000 the total is
6,200,000 and acme starts at 0.806: tier B, out of the vital few.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HARBOR = """\
# The hospital system from the worked example.
name: Harbor Health System
industry: Healthcare
tags: [healthcare, cloud-migration]
revenue:
  2025: 2600000
  2026: 3000000
criteria:
  revenue_volume: 4
  revenue_potential: {score: 5, evidence: Two new hospitals in 2027}
  lifetime_value: 4
  product_fit: 4            # BAA signed
  strategic_value: 5
harmony: {strategic_fit: 4, culture: 3, vision: 5, strategy: 4}
objectives:
  - id: cloud-migration
    what: Move all clinical workloads to our cloud
    due: 2026-12-31
    status: at_risk
  - id: hipaa-audit
    what: Pass the HIPAA audit
    due: 2026-05-31
    status: done
stakeholders:
  - id: ceo
    name: Evelyn Carter
    title: CEO
    decision_power: medium
    attitude: neutral
    relationship: good
    touchpoint: true
  - id: evp
    name: Morgan Lee
    title: EVP
    reports_to: ceo
    decision_power: high
    attitude: neutral
    relationship: weak
  - id: consultant
    name: Jules Martin
    organization: Larch Advisory
    attitude: champion
    touchpoint: true
    influences: [evp]
needs:
  - id: pacs
    what: PACS image archive
    value: 400000
    status: open
  - id: voice
    what: Voice transcription
    value: 150000
    status: open
"""

ACME = """\
name: Acme Corp
revenue: {2026: 1000000}
mrr: {standard: 10000}
criteria: {revenue_volume: 3, revenue_potential: 3, lifetime_value: 3, product_fit: 3, strategic_value: 3}
health: {churn_risk: low}
objectives:
  - {id: renewal, what: Renew for three years, due: 2027-03-31, status: planned}
"""

TINY = """\
name: Tiny Ltd
revenue: {2026: 200000}
criteria: {revenue_volume: 2, revenue_potential: 2, lifetime_value: 2, product_fit: 2, strategic_value: 2}
"""

FOLDER = {"harbor.yaml": HARBOR, "acme.yaml": ACME, "sub/tiny.yaml": TINY}


def git_env() -> dict[str, str]:
    """Git isolated from the machine's own configuration."""
    return {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }


def isolate_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every git the test runs (kamtui's own included) ignores the machine's config,
    and finds this environment's `kamtui` as a textconv driver."""
    for key, value in git_env().items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")


class GitRepo:
    """A repository under `root`; account files live in `root / folder`."""

    def __init__(self, root: Path, folder: str = "accounts", *, init: bool = True) -> None:
        self.root = root
        self.folder = root / folder if folder else root
        self.commits = 0
        if init:
            root.mkdir(parents=True, exist_ok=True)
            self.git("init", "-q", "-b", "main")

    @classmethod
    def clone(cls, upstream: GitRepo, root: Path) -> GitRepo:
        """A clone of `upstream` (its `origin`), committing on from where it stands."""
        subprocess.run(
            ["git", "clone", "-q", str(upstream.root), str(root)], env=git_env(), check=True
        )
        repo = cls(root, upstream.folder.relative_to(upstream.root).as_posix(), init=False)
        repo.commits = upstream.commits
        return repo

    def git(self, *args: str) -> str:
        result = subprocess.run(
            ["git", *args],
            cwd=self.root,
            env=git_env(),
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    def write(self, name: str, text: str) -> Path:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def edit(self, name: str, old: str, new: str) -> Path:
        path = self.folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path

    def commit(self, message: str) -> str:
        """Commit everything, one day after the previous commit (from 2026-01-01)."""
        self.commits += 1
        date = f"2026-01-{self.commits:02d}T12:00:00+00:00"
        self.git("add", "-A")
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", message],
            cwd=self.root,
            env={**git_env(), "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date},
            check=True,
        )
        return self.git("rev-parse", "HEAD").strip()


def portfolio_repo(root: Path) -> GitRepo:
    """The three accounts of this module, committed once as "Start"."""
    repo = GitRepo(root)
    for name, text in FOLDER.items():
        repo.write(name, text)
    repo.commit("Start")
    return repo


def gated_repo(root: Path) -> GitRepo:
    """`portfolio_repo` with a second commit, a kam.yaml that switches the review gate
    `stale_key_player` off: harbor's key players were never met, so they would be stale
    in every test of another gate."""
    repo = portfolio_repo(root)
    repo.write("kam.yaml", "gates:\n  stale_key_player: off\n")
    repo.commit("Quiet gates")
    return repo
