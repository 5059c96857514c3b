"""A panel of problems mounted the first time there are any.

Hidden, a panel would still add to the cost of every key press (every widget on
the screen does); most portfolios and accounts have no problems to show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Static

from kamtui.render.gate_findings import findings_count
from kamtui.render.safe_text import one_line

if TYPE_CHECKING:
    from kamtui.core.review.gates import GateReport


# The panel lists this many findings: a big portfolio may break a rule 40,000 times
# (10,000 generated accounts), and laying out every line took the app seconds.
GATE_LINES_SHOWN = 200


def show_problems(parent: Widget, panel_id: str, text: Text | None, *, before: Widget) -> None:
    """Show `text` in `parent`'s panel `panel_id`, mounted before `before` when first
    needed; None hides the panel."""
    found = parent.query_children(f"#{panel_id}")
    if text is None:
        if found:
            found.first().display = False
    elif found:
        panel = found.first(Static)
        panel.update(text)
        panel.display = True
    else:
        parent.mount(Static(text, id=panel_id), before=before)


def gate_lines(report: GateReport | None, error: str | None = None) -> list[Text]:
    """The review gates' findings, each marked `gate`, under a line saying what they
    were judged against; none when nothing broke a rule."""
    if report is None:
        return [Text(one_line(f"Review gates could not be judged: {error}"), style="yellow")]
    if not report.findings:
        return []
    against = (
        "the working tree against HEAD"
        if report.compared
        else "the working tree (no commit to compare with: champion_lost and score_drop "
        "not checked)"
    )
    heading = Text(
        f"Review gates ({findings_count(report)}), {against}, as `kamtui check --base HEAD`:",
        style="bold",
    )
    # Errors first: they are what fails the check.
    ordered = sorted(report.findings, key=lambda finding: finding.severity != "error")
    lines = [
        heading,
        *(
            Text(
                one_line(f"gate {finding}"),
                style="red" if finding.severity == "error" else "yellow",
            )
            for finding in ordered[:GATE_LINES_SHOWN]
        ),
    ]
    if len(ordered) > GATE_LINES_SHOWN:
        more = len(ordered) - GATE_LINES_SHOWN
        lines.append(Text(f"… and {more} more: `kamtui check` lists every one", style="dim"))
    return lines
