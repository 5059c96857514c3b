"""The base of every model of the file format, and its one shorthand, in a module of
their own so that the parts of the format kept apart from `model.py` (the review gates'
settings, which `model` imports) share them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Base for every part of the format: unknown keys are errors, never ignored."""

    # .inf and .nan are valid YAML floats but meaningless as scores or money.
    model_config = ConfigDict(
        extra="forbid", frozen=True, use_enum_values=False, allow_inf_nan=False, defer_build=True
    )


def shorthand(model: type[BaseModel], key: str) -> Callable[[Any], Any]:
    """A before-validator for a field of type `model` that may be written as its `key`
    alone: `product_fit: 4` for `{score: 4}`, `score_drop: error` for `{level: error}`."""

    def expand(value: Any) -> Any:
        if isinstance(value, dict | model):
            return value
        return {key: value}

    return expand
