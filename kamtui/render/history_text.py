"""An account's history for the terminal and as JSON: one block per commit."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from kamtui.core.review.history import HistoryEntry
from kamtui.render.diff_json import plain
from kamtui.render.diff_lines import figure_line, log_lines
from kamtui.render.diff_text import line_text
from kamtui.render.json_text import json_text
from kamtui.render.report_format import counted
from kamtui.render.safe_text import one_line


def render_history_text(entries: list[HistoryEntry], title: str) -> RenderableType:
    parts: list[RenderableType] = [Text(one_line(title), style="bold")]
    if not entries:
        parts.append(Text("no commits: the file is not tracked by git yet", style="dim"))
    for entry in entries:
        commit = entry.commit
        parts.append(
            Text.assemble(
                "\n",
                (commit.date.date().isoformat(), "bold"),
                "  ",
                (commit.short, "yellow"),
                "  ",
                one_line(commit.subject),
            )
        )
        if entry.account is None:
            if entry.problems:
                # The first problem as the file said it then: what to look for in that commit.
                first = entry.problems[0]
                why = (
                    f"invalid at this commit ({counted(len(entry.problems), 'problem')}; "
                    f"the first at line {first.line}: {one_line(first.message)})"
                )
            else:
                why = "no such file"
            parts.append(Text(f"    {why}", style="red"))
        elif not entry.moves and entry.log.empty:
            parts.append(Text("    no tracked figure moved", style="dim"))
        parts.extend(line_text(figure_line(move), 2) for move in entry.moves)
        parts.extend(line_text(line, 2) for line in log_lines(entry.log))
    return Group(*parts)


def render_history_json(entries: list[HistoryEntry]) -> str:
    return json_text(
        [
            {
                "commit": entry.commit.hash,
                "short": entry.commit.short,
                "date": entry.commit.date.isoformat(),
                "subject": entry.commit.subject,
                "path": entry.commit.path,
                "valid": entry.account is not None,
                "figures": dict(entry.figures),
                "moves": [
                    {"name": move.name, "before": move.before, "after": move.after}
                    for move in entry.moves
                ],
                "log": plain(entry.log),
                "problems": [str(problem) for problem in entry.problems],
            }
            for entry in entries
        ]
    )
