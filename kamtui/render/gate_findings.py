"""Review-gate findings as text lines, JSON, or GitHub workflow commands.

GitHub reads `::error file=…,line=…,col=…,title=…::message` lines of a job's output
and shows each as an annotation on that line of the pull request's diff. Its escapes
(`%25`, `%0A`, `%3A`, `%2C`) keep a name holding a comma, a colon or a line break
from ending a property or the command early.
"""

from __future__ import annotations

from collections.abc import Iterable

from kamtui.core.review.gates import GateFinding, GateReport
from kamtui.render.json_text import json_text
from kamtui.render.report_format import counted
from kamtui.render.safe_text import escaped


def render_findings_text(findings: Iterable[GateFinding]) -> str:
    """`PATH:LINE:COL: error|warning: [rule] message`, one line each."""
    return "".join(f"{escaped(str(finding))}\n" for finding in findings)


def findings_count(report: GateReport) -> str:
    """ "1 error, 2 warnings": how the check, the hook and the app sum the findings up."""
    errors = sum(1 for finding in report.findings if finding.severity == "error")
    return f"{counted(errors, 'error')}, {counted(len(report.findings) - errors, 'warning')}"


def render_findings_json(findings: Iterable[GateFinding]) -> str:
    return json_text(
        [
            {
                "path": finding.path,
                "line": finding.line,
                "column": finding.column,
                "severity": finding.severity,
                "rule": finding.rule.value,
                "message": finding.message,
            }
            for finding in findings
        ]
    )


def render_findings_github(findings: Iterable[GateFinding]) -> str:
    """One workflow command a finding; `path` must be from the repository's top."""
    lines = []
    for finding in findings:
        properties = ",".join(
            [
                f"file={_property(escaped(finding.path))}",
                f"line={finding.line}",
                f"col={finding.column}",
                f"title={_property(f'kamtui check [{finding.rule}]')}",
            ]
        )
        lines.append(f"::{finding.severity} {properties}::{_data(escaped(finding.message))}\n")
    return "".join(lines)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
