"""Check a document's structure against the generated JSON Schema, for people.

jsonschema finds what is wrong; this module says it the way an author of YAML needs
to hear it: at the key or value concerned, with a stable code, the value found, what
was expected and, for near misses, what was probably meant.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]
from referencing import Registry, Resource

from engine.errors import Diagnostic
from engine.locate import Locator
from engine.schema import committed_schema
from engine.suggest import closest, did_you_mean, one_of

_TYPE_NAMES = {
    "object": "a mapping (key: value lines)",
    "array": "a list (lines starting with '- ')",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}

_PATTERN_HINTS = {
    r"^[a-z][a-z0-9_]{0,63}$": "ids use lower-case letters, digits and '_', start with a "
    "letter and have at most 64 characters, e.g. 'birth_district'",
    r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$": "language codes are ISO 639 codes in "
    "lower case, optionally with a script or region: 'en', 'hi', 'pa-Arab', 'pt-BR'",
    r"^[A-Z]{2}$": "country codes are ISO 3166-1 alpha-2, two capital letters: 'IN', 'HT'",
}


@cache
def _validator(name: str) -> Draft202012Validator:
    schema = committed_schema(name)
    registry: Registry[Any] = Registry().with_resource(
        schema["$id"], Resource.from_contents(schema)
    )
    return Draft202012Validator(schema, registry=registry)


def found(value: Any) -> str:
    """Describe a value the way an author would recognise it."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{shown}'"
    return f"the number {value}"


def check_structure(locator: Locator, schema: str = "questionnaire") -> list[Diagnostic]:
    """Every structural problem of ``locator.document`` against a schema, explained."""
    diagnostics: list[Diagnostic] = []
    for error in _validator(schema).iter_errors(locator.document):
        diagnostics.extend(_explain(error, locator))
    # A misspelt key ('promt') and the key it should be ('prompt' is missing) are one
    # mistake: keep the message that says "did you mean".
    meant = {(d.extra.get("mapping"), d.extra.get("meant")) for d in diagnostics
             if d.code == "NATID-E011"}
    diagnostics = [d for d in diagnostics if not (
        d.code == "NATID-E012" and isinstance(d.value, str)
        and (d.extra.get("mapping"), d.value) in meant)]
    # A value of the wrong type need not also be told it is not an allowed value.
    mistyped = {(d.line, d.column) for d in diagnostics if d.code == "NATID-E013"}
    diagnostics = [d for d in diagnostics
                   if not (d.code == "NATID-E014" and (d.line, d.column) in mistyped)]
    unique: dict[tuple[str, int, int, str], Diagnostic] = {}
    for diagnostic in diagnostics:
        unique.setdefault(
            (diagnostic.code, diagnostic.line, diagnostic.column, diagnostic.message), diagnostic
        )
    return list(unique.values())


def _explain(error: ValidationError, locator: Locator) -> list[Diagnostic]:
    path = tuple(error.absolute_path)
    kind = error.validator
    schema: Any = error.schema
    instance = error.instance
    if kind in ("anyOf", "oneOf"):
        return _explain_alternatives(error, locator)
    if kind == "additionalProperties" and isinstance(instance, dict):
        allowed = list(schema.get("properties", {}))
        return [_unknown_key(locator, path, key, allowed) for key in instance
                if key not in schema.get("properties", {})]
    if kind == "required":
        missing = [name for name in error.validator_value if name not in instance]
        return [
            dataclasses.replace(
                locator.diagnostic("NATID-E012", path, f"'{name}' is missing", value=name,
                                   at_key=bool(path), stage=1, hint=f"add '{name}:' here"),
                extra={"mapping": path})
            for name in missing
        ]
    if kind == "type":
        expected = error.validator_value
        names = [_TYPE_NAMES.get(str(t), str(t)) for t in (expected if isinstance(expected, list)
                                                            else [expected])]
        return [locator.diagnostic("NATID-E013", path,
                                   f"expected {' or '.join(names)}, found {found(instance)}",
                                   value=instance, stage=1)]
    if kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        return [locator.diagnostic(
            "NATID-E014", path,
            f"{found(instance)} is not allowed{did_you_mean(instance, allowed)}",
            value=instance, stage=1, hint=f"use {one_of(allowed)}")]
    if "propertyNames" in error.absolute_schema_path:
        return _explain_key_name(error, locator)
    if kind == "pattern":
        return [locator.diagnostic(
            "NATID-E014", path, f"{found(instance)} is not in the expected form",
            value=instance, stage=1,
            hint=_PATTERN_HINTS.get(str(error.validator_value), "see docs/authoring.md"))]
    return [locator.diagnostic("NATID-E014", path, _limit_message(error), value=instance,
                               stage=1)]


def _unknown_key(locator: Locator, path: tuple[Any, ...], key: str,
                 allowed: list[str]) -> Diagnostic:
    diagnostic = locator.diagnostic(
        "NATID-E011", (*path, key), f"unknown key '{key}'{did_you_mean(key, allowed)}",
        value=key, at_key=True, stage=1, hint=f"keys allowed here: {one_of(allowed, limit=20)}")
    return dataclasses.replace(diagnostic, extra={"mapping": path, "meant": closest(key, allowed)})


def _explain_key_name(error: ValidationError, locator: Locator) -> list[Diagnostic]:
    """A mapping key that breaks its pattern (a language code written 'Hindi')."""
    key = str(error.instance)
    return [locator.diagnostic(
        "NATID-E014", (*tuple(error.absolute_path), key),
        f"the key '{key}' is not in the expected form", value=key, at_key=True, stage=1,
        hint=_PATTERN_HINTS.get(str(error.validator_value), ""))]


def _limit_message(error: ValidationError) -> str:
    kind, limit, instance = error.validator, error.validator_value, error.instance
    messages = {
        "minLength": "this text is empty" if limit == 1 else f"needs at least {limit} characters",
        "maxLength": f"this text is longer than {limit} characters",
        "minItems": "this list is empty" if limit == 1 else f"needs at least {limit} items",
        "maxItems": f"this list has more than {limit} items",
        "minProperties": "this mapping is empty",
        "minimum": f"{found(instance)} is less than {limit}",
        "maximum": f"{found(instance)} is more than {limit}",
        "exclusiveMinimum": f"{found(instance)} must be greater than {limit}",
        "exclusiveMaximum": f"{found(instance)} must be less than {limit}",
    }
    return messages.get(str(kind), str(error.message))


def _explain_alternatives(error: ValidationError, locator: Locator) -> list[Diagnostic]:
    """anyOf/oneOf failed: find the alternative the author meant and explain it."""
    path = tuple(error.absolute_path)
    instance = error.instance
    schema: dict[str, Any] = error.schema
    branches = [_resolve(branch) for branch in schema.get(str(error.validator), [])]
    by_branch: dict[int, list[ValidationError]] = {}
    for sub in error.context or []:
        by_branch.setdefault(int(sub.relative_schema_path[0]), []).append(sub)

    discriminator = schema.get("discriminator", {}).get("propertyName")
    if discriminator and isinstance(instance, dict):
        return _explain_discriminated(discriminator, branches, by_branch, path, locator,
                                      instance=instance)

    matching = [i for i, branch in enumerate(branches) if _type_fits(branch, instance)]
    if not matching:
        expected = sorted({_TYPE_NAMES.get(t, t) for b in branches for t in _types_of(b)})
        return [locator.diagnostic("NATID-E013", path,
                                   f"expected {' or '.join(expected)}, found {found(instance)}",
                                   value=instance, stage=1)]
    if isinstance(instance, dict) and len(matching) > 1:
        matching = _best_object_branches(instance, [(i, branches[i]) for i in matching])
        if len(matching) > 1:
            return _explain_ambiguous_mapping(instance, [branches[i] for i in matching], path,
                                              locator)
    explained: list[Diagnostic] = []
    for sub in by_branch.get(matching[0], []):
        explained.extend(_explain(sub, locator))
    return explained


def _explain_discriminated(key: str, branches: list[dict[str, Any]],
                           by_branch: dict[int, list[ValidationError]], path: tuple[Any, ...],
                           locator: Locator, *, instance: dict[str, Any]) -> list[Diagnostic]:
    kinds = {_const_of(branch, key): index for index, branch in enumerate(branches)}
    allowed = [kind for kind in kinds if kind is not None]
    if key not in instance:
        return [locator.diagnostic("NATID-E012", path, f"'{key}' is missing", value=key,
                                   stage=1, hint=f"add '{key}:' with {one_of(allowed)}")]
    value = instance[key]
    if not isinstance(value, str | int | float | bool) or value not in kinds:
        return [locator.diagnostic(
            "NATID-E014", (*path, key),
            f"{found(value)} is not a known {key}{did_you_mean(value, allowed)}",
            value=value, stage=1, hint=f"use {one_of(allowed)}")]
    explained: list[Diagnostic] = []
    for sub in by_branch.get(kinds[value], []):
        explained.extend(_explain(sub, locator))
    return explained


def _explain_ambiguous_mapping(instance: dict[str, Any], branches: list[dict[str, Any]],
                               path: tuple[Any, ...], locator: Locator) -> list[Diagnostic]:
    known = [name for branch in branches for name in branch.get("properties", {})]
    known = list(dict.fromkeys(known))
    unknown = [key for key in instance if key not in known]
    if unknown:
        return [_unknown_key(locator, path, key, known) for key in unknown]
    needed = [name for branch in branches for name in branch.get("required", [])
              if name not in instance]
    return [locator.diagnostic("NATID-E012", path,
                               f"this needs one of {one_of(dict.fromkeys(needed))}",
                               value=sorted(instance), stage=1)]


def _best_object_branches(instance: dict[str, Any],
                          branches: list[tuple[int, dict[str, Any]]]) -> list[int]:
    def score(branch: dict[str, Any]) -> tuple[int, int]:
        properties = branch.get("properties", {})
        overlap = sum(1 for key in instance if key in properties)
        extra = sum(1 for key in instance if key not in properties)
        missing = sum(1 for key in branch.get("required", []) if key not in instance)
        return overlap, -(extra + missing)

    scores = {index: score(branch) for index, branch in branches}
    best = max(scores.values())
    return [index for index, value in scores.items() if value == best]


def _resolve(branch: dict[str, Any]) -> dict[str, Any]:
    reference = branch.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/$defs/"):
        resolved: dict[str, Any] = _definitions()[reference.split("/")[-1]]
        return resolved
    return branch


@cache
def _definitions() -> dict[str, Any]:
    """The definitions of the file formats' schemas (shared models have one definition)."""
    return {**committed_schema("screening")["$defs"], **committed_schema()["$defs"]}


def _types_of(branch: dict[str, Any]) -> Iterable[str]:
    kind = branch.get("type")
    if isinstance(kind, list):
        return kind
    if isinstance(kind, str):
        return [kind]
    if "properties" in branch:
        return ["object"]
    return []


def _type_fits(branch: dict[str, Any], instance: Any) -> bool:
    kinds = list(_types_of(branch))
    if not kinds:
        return True
    checks = {
        "object": isinstance(instance, dict),
        "array": isinstance(instance, list),
        "string": isinstance(instance, str),
        "boolean": isinstance(instance, bool),
        "null": instance is None,
        "integer": isinstance(instance, int) and not isinstance(instance, bool),
        "number": isinstance(instance, int | float) and not isinstance(instance, bool),
    }
    return any(checks.get(kind, False) for kind in kinds)


def _const_of(branch: dict[str, Any], key: str) -> Any:
    prop = branch.get("properties", {}).get(key, {})
    if "const" in prop:
        return prop["const"]
    enum = prop.get("enum")
    return enum[0] if isinstance(enum, list) and len(enum) == 1 else None
