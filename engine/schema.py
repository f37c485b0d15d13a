"""The JSON Schema of the questionnaire format, generated from the pydantic models.

The generated schema is committed as ``engine/schemas/questionnaire.schema.json`` so
editors (through the ``# yaml-language-server: $schema=...`` line) and tools that do
not run natid can use it; a test keeps the committed file equal to what this module
generates. ``natid schema`` prints it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_ID = "https://natid.example.org/schemas/questionnaire-1.schema.json"
SCHEMA_FILE = "questionnaire.schema.json"


def generate_schema() -> dict[str, Any]:
    """Build the questionnaire JSON Schema (draft 2020-12) from the models."""
    from engine.model import Questionnaire

    schema = Questionnaire.model_json_schema(by_alias=True, mode="validation")
    _tighten_key_patterns(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "natid questionnaire",
        "description": "A nationality-identification questionnaire contributed by a "
        "country of origin, run by natid (see docs/authoring.md).",
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


def schema_text() -> str:
    """The schema as it is committed: indented JSON ending in a newline."""
    return json.dumps(generate_schema(), indent=2, ensure_ascii=False) + "\n"


@cache
def committed_schema() -> dict[str, Any]:
    """The schema file shipped inside the package."""
    text = resources.files("engine").joinpath("schemas", SCHEMA_FILE).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
