"""The JSON Schemas' text: draft-07 definitions, written as the models say, strict JSON
(the committed files are checked against it by tests/cli/test_schema_and_new.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import BaseModel, Field

from kamtui.core.account import schema
from kamtui.core.account.schema import DRAFT_07, json_schema, schema_texts, stale_schemas


class Flat(BaseModel):
    nom: str = Field(description="Nom de l'équipe, à écrire en entier")


class Nested(BaseModel):
    inner: Flat


def test_a_model_without_nested_models_has_no_definitions() -> None:
    document = json_schema(Flat)
    assert document["$schema"] == DRAFT_07
    assert "definitions" not in document and "$defs" not in document


def test_nested_models_are_draft_07_definitions() -> None:
    document = json_schema(Nested)
    assert set(document["definitions"]) == {"Flat"}
    assert document["properties"]["inner"] == {"$ref": "#/definitions/Flat"}


def test_text_is_written_as_is_not_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "SCHEMAS", {"flat.schema.json": Flat})
    text = schema_texts()["flat.schema.json"]
    assert "Nom de l'équipe, à écrire en entier" in text and "\\u00e9" not in text
    assert json.loads(text) == json_schema(Flat)


def test_a_figure_json_cannot_hold_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    class Odd(BaseModel):
        weight: float = float("nan")

    monkeypatch.setattr(schema, "SCHEMAS", {"odd.schema.json": Odd})
    with pytest.raises(ValueError, match="not JSON compliant"):
        schema_texts()


def test_missing_and_damaged_files_are_stale(tmp_path: Path) -> None:
    assert stale_schemas(tmp_path) == ["account.schema.json", "kam.schema.json"]
    for name, text in schema_texts().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert stale_schemas(tmp_path) == []
    (tmp_path / "kam.schema.json").write_bytes(b"\xff\xfe not json")
    assert stale_schemas(tmp_path) == ["kam.schema.json"]
