"""`kamtui diff` speaks of measures over time: a reading added (a fact), the band it
crosses and the health score it moves (figures), an objective's tracking changed."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kamtui.cli import main

BEFORE = """\
name: Acme
criteria: {revenue_volume: 3, revenue_potential: 3, lifetime_value: 3, product_fit: 3, strategic_value: 3}
health:
  nps: {2026-06-30: 26, 2026-09-30: 32}
  engagement: high
objectives:
  - id: grow
    what: Grow MRR
    baseline: 100
    current: {2026-09-30: 120}
    target: 200
    start: 2026-08-16
    due: 2027-03-04
    status: on_track
"""
AFTER = BEFORE.replace("2026-09-30: 32}", "2026-09-30: 32, 2026-11-20: 28}").replace(
    "current: {2026-09-30: 120}", "current: {2026-09-30: 120, 2026-11-10: 150}"
)


def test_a_reading_added_shows_with_the_band_it_crossed_and_the_tracking_it_changed(
    tmp_path: Path,
) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(BEFORE, encoding="utf-8")
    new.write_text(AFTER, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--today", "2026-11-24"])
    lines = [line.strip() for line in result.output.splitlines()]
    # nps 32 green → 28 amber: health (nps and engagement) 100 → 75.
    assert "health: 100.0 → 75.0 ▼" in lines
    assert "band.nps: green → amber ▼" in lines
    # Progress 0.2 against half the time gone: behind; 0.5: on track.
    assert "tracking.grow: behind → on_track ▲" in lines
    assert "flags: behind plan, single threaded → single threaded ▲" in lines
    assert "health.nps.2026-11-20: — → 28" in lines
    assert "objectives[grow].current.2026-11-10: — → 150" in lines
