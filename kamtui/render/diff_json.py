"""A diff as JSON: the core's result tree as it is, plus the figures derived from it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from kamtui.core.review.changes import NeedChange, PortfolioDiff
from kamtui.render.json_text import json_text


def render_diff_json(diff: PortfolioDiff, old_label: str, new_label: str) -> str:
    data = plain(diff)
    data["changed"] = diff.changed
    data["tier_moves"] = [plain(move) for move in diff.tier_moves]
    return json_text({"old": old_label, "new": new_label, **data})


def plain(value: Any) -> Any:
    """Dataclasses, mappings and tuples as JSON-ready dicts and lists, field by field."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, NeedChange):
            fields["kind"] = value.kind
        return fields
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    return value
