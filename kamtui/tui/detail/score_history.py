"""The score history line of the Overview tab: the selection score at each commit of
the account file, as a sparkline with where it started and where it stands."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.text import Text

from kamtui.core.review.history import ScorePoint
from kamtui.tui.drawing.chart import sparkline

# The sparkline keeps to the latest commits so it fits the column; the words count all.
MOST_POINTS = 40


def history_line(points: Sequence[ScorePoint] | str) -> Text | None:
    """ "Score history  ▁▄█ 62 → 85 (3 commits since 2025-03-02)"; None without history;
    the reason when git could not give it (`points` is then that reason)."""
    if isinstance(points, str):
        return Text.assemble(("Score history  ", "dim"), (f"unavailable: {points}", "yellow"))
    if not points:
        return None
    first, last = points[0], points[-1]
    noun = "commit" if len(points) == 1 else "commits"
    return Text.assemble(
        ("Score history  ", "dim"),
        (sparkline([point.score for point in points[-MOST_POINTS:]]), "cyan"),
        f" {first.score:.0f} → {last.score:.0f}",
        (f" ({len(points)} {noun} since {first.date.date().isoformat()})", "dim"),
    )


def in_git_repository(folder: Path) -> bool:
    """Whether `folder` sits in a git work tree, without running git: outside one the
    Overview tab never spawns it."""
    here = folder.resolve()
    return any((parent / ".git").exists() for parent in (here, *here.parents))
