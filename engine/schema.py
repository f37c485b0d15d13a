"""The JSON Schemas of natid's formats, generated from the pydantic models.

Each generated schema is committed in ``engine/schemas/`` (questionnaire, protection
screening, certificate request) so editors (through the ``# yaml-language-server:
$schema=...`` line) and tools that do not run natid can use them; a test keeps the
committed files equal to what this module generates. ``natid schema`` prints them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel

SCHEMA_ID = "https://natid.example.org/schemas/questionnaire-1.schema.json"
SCHEMA_FILE = "questionnaire.schema.json"


@dataclass(frozen=True)
class SchemaInfo:
    """One committed schema: its file, its id, and the model it is generated from."""

    file: str
    id: str
    title: str
    description: str
    model: str
    """The model's name in engine.model or engine.request."""


SCHEMAS = {
    "questionnaire": SchemaInfo(
        SCHEMA_FILE, SCHEMA_ID, "natid questionnaire",
        "A nationality-identification questionnaire contributed by a country of origin, "
        "run by natid (see docs/authoring.md).", "Questionnaire"),
    "screening": SchemaInfo(
        "screening.schema.json", "https://natid.example.org/schemas/screening-1.schema.json",
        "natid protection screening",
        "The protection screening natid runs before any country questionnaire "
        "(see docs/protection.md).", "Screening"),
    "request": SchemaInfo(
        "request.schema.json", "https://natid.example.org/schemas/request-1.schema.json",
        "natid certificate request",
        "A request to a consulate to certify a person's nationality, prepared by natid "
        "(see docs/protection.md).", "CertificateRequest"),
}
"""Every schema natid commits, by name."""


def _model(name: str) -> type[BaseModel]:
    if name == "request":
        import engine.request.model as request_model

        found: type[BaseModel] = getattr(request_model, SCHEMAS[name].model)
        return found
    from engine import model

    found = getattr(model, SCHEMAS[name].model)
    return found


def generate_schema(name: str = "questionnaire") -> dict[str, Any]:
    """Build a JSON Schema (draft 2020-12) from its models: questionnaire, screening, request."""
    info = SCHEMAS[name]
    schema = _model(name).model_json_schema(
        by_alias=True, mode="serialization" if name == "request" else "validation")
    _tighten_key_patterns(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": info.id,
        **schema,
        "title": info.title,
        "description": info.description,
    }


def _tighten_key_patterns(node: Any) -> None:
    """Make keys that must match a pattern (language codes) an error when they do not.

    pydantic writes constrained dict keys as ``patternProperties`` alone, which lets
    other keys through; ``propertyNames`` makes editors flag a misspelt code.
    """
    if isinstance(node, dict):
        patterns = node.get("patternProperties")
        if isinstance(patterns, dict) and len(patterns) == 1:
            (pattern,) = patterns
            names = node.setdefault("propertyNames", {})
            names["pattern"] = pattern
        for child in node.values():
            _tighten_key_patterns(child)
    elif isinstance(node, list):
        for child in node:
            _tighten_key_patterns(child)


def schema_text(name: str = "questionnaire") -> str:
    """The schema as it is committed: indented JSON ending in a newline."""
    return json.dumps(generate_schema(name), indent=2, ensure_ascii=False) + "\n"


@cache
def committed_schema(name: str = "questionnaire") -> dict[str, Any]:
    """A schema file shipped inside the package."""
    text = resources.files("engine").joinpath("schemas", SCHEMAS[name].file).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
