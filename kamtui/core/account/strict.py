"""The base of every model of the file format, in a module of its own so that the parts
of the format kept apart from `model.py` (the review gates' settings, which `model`
imports) share it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Base for every part of the format: unknown keys are errors, never ignored."""

    # .inf and .nan are valid YAML floats but meaningless as scores or money.
    model_config = ConfigDict(
        extra="forbid", frozen=True, use_enum_values=False, allow_inf_nan=False, defer_build=True
    )
