"""A diff as JSON: the core's result tree as it is, plus the figures derived from it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from kamtui.core.review.changes import NeedChange, PortfolioDiff
from kamtui.render.json_text import json_text


def render_diff_json(diff: PortfolioDiff, old_label: str, new_label: str) -> str:
    data = _plain(diff)
    data["changed"] = diff.changed
    data["tier_moves"] = [_plain(move) for move in diff.tier_moves]
    return json_text({"old": old_label, "new": new_label, **data})


def _plain(value: Any) -> Any:
    """Dataclasses, mappings and tuples as JSON-ready dicts and lists, field by field."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        plain = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, NeedChange):
            plain["kind"] = value.kind
        return plain
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value
