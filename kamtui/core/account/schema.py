"""JSON Schemas of the file format, generated from the pydantic models.

Draft-07 because that is the dialect yaml-language-server (VS Code, neovim)
fully supports; pydantic emits 2020-12 `$defs`, which we move to `definitions`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kamtui.core.account.model import Account, PortfolioSettings

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
SCHEMAS: dict[str, type[BaseModel]] = {
    "account.schema.json": Account,
    "kam.schema.json": PortfolioSettings,
}


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    schema = _refs_alone(model.model_json_schema(ref_template="#/definitions/{model}"))
    definitions = schema.pop("$defs", {})
    document: dict[str, Any] = {"$schema": DRAFT_07, **schema}
    if definitions:
        document["definitions"] = definitions
    return document


def schema_texts() -> dict[str, str]:
    """File name → the text of each schema file, exactly as committed."""
    return {
        name: json.dumps(json_schema(model), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
        for name, model in SCHEMAS.items()
    }


def stale_schemas(folder: Path) -> list[str]:
    """Names of the schema files in `folder` that are missing or differ from the models."""
    stale = []
    for name, text in schema_texts().items():
        path = folder / name
        # Bytes, not text: a damaged or foreign file is simply stale, never an error.
        try:
            current = path.read_bytes() if path.is_file() else None
        except OSError:
            current = None
        if current != text.encode("utf-8"):
            stale.append(name)
    return stale


def _refs_alone(node: Any) -> Any:
    """Draft-07 ignores every keyword beside `$ref`; wrap the ref so descriptions still show."""
    if isinstance(node, list):
        return [_refs_alone(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _refs_alone(value) for key, value in node.items()}
    if "$ref" in node and len(node) > 1:
        node["allOf"] = [{"$ref": node.pop("$ref")}]
    return node
