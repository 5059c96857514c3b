"""Account files written in many styles, with comments in every place, for the editor's tests.

Each file is plain data written by a small emitter whose choices hypothesis draws: indent
of 2 or 4, lists indented under their key or not, small mappings and word lists in flow
or block style, strings plain, single- or double-quoted, a comment at the end of any line,
comment lines and blank lines between entries. Every comment is `# cN`, numbered, so a
test can check that each one survives.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml
from hypothesis import strategies as st

from kamtui.core.account.model import Attitude, Level, ObjectiveStatus

# Words that YAML would read as something else unless quoted, beside plain ones.
WORDS = st.sampled_from(
    [
        "Acme",
        "Dana Reyes",
        "yes",
        "no",
        "on",
        "1:30",
        "0250000",
        "2026-01-01",
        "a: b",
        "x #y",
        "null",
        "~",
        "Zoë",
        "株式会社",
        "[x]",
        "{y}",
        "-dash",
        "'quoted'",
        'say "hi"',
        "12",
        "3.5",
    ]
)


@dataclass
class Emitter:
    """Writes data as YAML text, taking each choice of style from `draw`."""

    draw: Any
    indent: int
    indentless: bool
    lines: list[str] = field(default_factory=list)
    comments: int = 0

    def comment(self) -> str:
        if not self.draw(st.booleans()):
            return ""
        self.comments += 1
        return f"{' ' * self.draw(st.integers(1, 6))}# c{self.comments}"

    def between(self, column: int) -> None:
        """Blank lines and comment lines that may stand between two entries."""
        for _ in range(self.draw(st.integers(0, 2))):
            if self.draw(st.booleans()):
                self.lines.append("")
            else:
                self.comments += 1
                self.lines.append(f"{' ' * column}# c{self.comments}")

    def scalar(self, value: Any, *, flow: bool = False) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return repr(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        style = self.draw(st.sampled_from([None, "'", '"']))
        if flow:
            # Inside [...] and {...} the emitter quotes commas and brackets too.
            listed = yaml.safe_dump(
                [value],
                default_style=style,
                default_flow_style=True,
                allow_unicode=True,
                width=float("inf"),
            )
            return listed.rstrip("\n")[1:-1]
        return (
            yaml.safe_dump(value, default_style=style, allow_unicode=True, width=float("inf"))
            .removesuffix("...\n")
            .rstrip("\n")
        )

    def flow(self, value: Any) -> str:
        if isinstance(value, dict):
            return "{" + ", ".join(f"{k}: {self.flow(v)}" for k, v in value.items()) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.flow(v) for v in value) + "]"
        return self.scalar(value, flow=True)

    def mapping(self, data: dict[Any, Any], column: int, first_prefix: str = "") -> None:
        for position, (key, value) in enumerate(data.items()):
            pad = first_prefix if position == 0 and first_prefix else " " * column
            if position or not first_prefix:
                self.between(column)
            self.entry(f"{pad}{key}:", value, column)

    def entry(self, head: str, value: Any, column: int) -> None:
        small = isinstance(value, dict | list) and all(
            not isinstance(v, dict | list)
            for v in (value.values() if isinstance(value, dict) else value)
        )
        if not isinstance(value, dict | list):
            self.lines.append(f"{head} {self.scalar(value)}{self.comment()}")
        elif not value or (small and self.draw(st.booleans())):
            self.lines.append(f"{head} {self.flow(value)}{self.comment()}")
        elif isinstance(value, dict):
            self.lines.append(f"{head}{self.comment()}")
            self.mapping(value, column + self.indent)
        else:
            self.lines.append(f"{head}{self.comment()}")
            dash = column if self.indentless else column + self.indent
            for item in value:
                self.between(dash)
                if isinstance(item, dict):
                    self.mapping(item, dash + 2, first_prefix=" " * dash + "- ")
                else:
                    self.lines.append(f"{' ' * dash}- {self.scalar(item)}{self.comment()}")

    def text(self, data: dict[str, Any], newline: str) -> str:
        self.mapping(data, 0)
        return "".join(line + newline for line in self.lines)


@st.composite
def styled_accounts(draw: Any) -> tuple[dict[str, Any], str]:
    """(the data, the text of a valid account file holding it)."""
    data: dict[str, Any] = {"name": draw(WORDS)}
    if draw(st.booleans()):
        data["owner"] = draw(WORDS)
    data["tags"] = draw(st.lists(WORDS, max_size=3))
    if draw(st.booleans()):
        data["revenue"] = {2024: draw(st.integers(0, 10**6)), 2026: draw(st.integers(0, 10**6))}
    data["criteria"] = {
        name: draw(
            st.one_of(
                st.integers(1, 5),
                st.fixed_dictionaries({"score": st.integers(1, 5)}, optional={"evidence": WORDS}),
            )
        )
        for name in (
            "revenue_volume",
            "revenue_potential",
            "lifetime_value",
            "product_fit",
            "strategic_value",
        )
    }
    health: dict[str, Any] = {}
    if draw(st.booleans()):
        health["nps"] = draw(st.integers(-100, 100))
    if draw(st.booleans()):
        health["churn_risk"] = draw(st.sampled_from([level.value for level in Level]))
    if health or draw(st.booleans()):
        data["health"] = health
    objectives = [
        {
            "id": f"obj-{n}",
            "what": draw(WORDS),
            **(
                {"status": draw(st.sampled_from([s.value for s in ObjectiveStatus]))}
                if draw(st.booleans())
                else {}
            ),
        }
        for n in range(draw(st.integers(0, 3)))
    ]
    if objectives or draw(st.booleans()):
        data["objectives"] = objectives
    stakeholders: list[dict[str, Any]] = []
    for n in range(draw(st.integers(0, 4))):
        person: dict[str, Any] = {"id": f"p{n}", "name": draw(WORDS)}
        if n and draw(st.booleans()):
            person["reports_to"] = f"p{draw(st.integers(0, n - 1))}"
        if draw(st.booleans()):
            person["attitude"] = draw(st.sampled_from([a.value for a in Attitude]))
        stakeholders.append(person)
    if stakeholders or draw(st.booleans()):
        data["stakeholders"] = stakeholders
    if draw(st.booleans()):
        data["notes"] = draw(WORDS)
    emitter = Emitter(draw, draw(st.sampled_from([2, 4])), draw(st.booleans()))
    return data, emitter.text(data, draw(st.sampled_from(["\n", "\r\n"])))
