"""The base of every model of the file format, and its one shorthand, in a module of
their own so that the parts of the format kept apart from `model.py` (the review gates'
settings, which `model` imports) share them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Base for every part of the format: unknown keys are errors, never ignored."""

    # .inf and .nan are valid YAML floats but meaningless as scores or money.
    model_config = ConfigDict(
        extra="forbid", frozen=True, use_enum_values=False, allow_inf_nan=False, defer_build=True
    )


@dataclass(frozen=True, slots=True)
class Shorthand:
    """A before-validator for a field of type `model` that may be written as its `key`
    alone: `product_fit: 4` for `{score: 4}`, `score_drop: error` for `{level: error}`."""

    model: type[BaseModel]
    key: str

    def __call__(self, value: Any) -> Any:
        if isinstance(value, dict | self.model):
            return value
        return {self.key: value}
