"""Unique ids, choices that fit their parameter, ranges and knowledge domains."""

from __future__ import annotations

from collections.abc import Iterable

from engine.errors import Diagnostic
from engine.locate import Locator
from engine.model import Choice, EvidenceTier, Form, Kind
from engine.suggest import did_you_mean
from engine.validators.paths import consulates, parameter_path
from engine.yaml_source import Path

CHOICE_KINDS = (Kind.CHOICE, Kind.MULTI_CHOICE)


def check(questionnaire: Form, locator: Locator) -> list[Diagnostic]:
    """Duplicates, choices, ranges and domains."""
    found: list[Diagnostic] = []
    found += duplicates(locator, "parameter", [
        (("parameters", i, "id"), p.id) for i, p in enumerate(questionnaire.parameters)])
    found += duplicates(locator, "check", [
        (("checks", i, "id"), c.id) for i, c in enumerate(questionnaire.checks)])
    found += duplicates(locator, "consulate", [
        (("consulates", i, "id"), c.id) for i, c in enumerate(consulates(questionnaire))])
    for name, choices in questionnaire.choice_lists.items():
        found += _duplicate_values(locator, ("choice_lists", name), choices)
    for parameter in questionnaire.parameters:
        path = parameter_path(questionnaire, parameter)
        found += _choices(questionnaire, locator, path, parameter.kind, parameter.choices)
        if isinstance(parameter.choices, list):
            found += _duplicate_values(locator, (*path, "choices"), parameter.choices)
        if parameter.range is not None:
            if parameter.kind is not Kind.NUMBER:
                found.append(locator.diagnostic(
                    "NATID-E032", (*path, "range"),
                    f"'range' applies to number parameters, not to {parameter.kind}",
                    at_key=True, hint="remove 'range' or make the parameter kind: number"))
            low, high = parameter.range.min, parameter.range.max
            if low is not None and high is not None and low > high:
                found.append(locator.diagnostic(
                    "NATID-E041", (*path, "range"), f"min {low:g} is greater than max {high:g}",
                    value={"min": low, "max": high}))
        if parameter.calendars and parameter.kind is not Kind.DATE:
            found.append(locator.diagnostic(
                "NATID-E032", (*path, "calendars"),
                f"'calendars' applies to date parameters, not to {parameter.kind}",
                at_key=True, hint="remove 'calendars' or make the parameter kind: date"))
        if parameter.evidence is EvidenceTier.KNOWLEDGE and parameter.domain is None:
            found.append(locator.diagnostic(
                "NATID-E037", (*path, "evidence"),
                "knowledge parameters need a 'domain:' (geography, history, culture, ...)",
                value=parameter.id))
    return found


def duplicates(locator: Locator, noun: str,
               items: Iterable[tuple[Path, str]]) -> list[Diagnostic]:
    """E020 for each id already used by an earlier item of the same kind."""
    seen: dict[str, Path] = {}
    found: list[Diagnostic] = []
    for path, ident in items:
        if ident in seen:
            first_line = locator.positions.of_value(seen[ident])[0]
            found.append(locator.diagnostic(
                "NATID-E020", path, f"{noun} id '{ident}' is already used at line {first_line}",
                value=ident, hint=f"give this {noun} another id"))
        else:
            seen[ident] = path
    return found


def _duplicate_values(locator: Locator, base: Path, choices: list[Choice]) -> list[Diagnostic]:
    seen: dict[str, int] = {}
    found: list[Diagnostic] = []
    for index, choice in enumerate(choices):
        if choice.value in seen:
            first_line = locator.positions.of_value((*base, seen[choice.value], "value"))[0]
            found.append(locator.diagnostic(
                "NATID-E030", (*base, index, "value"),
                f"choice value '{choice.value}' already appears at line {first_line}",
                value=choice.value))
        else:
            seen[choice.value] = index
    return found


def _choices(questionnaire: Form, locator: Locator, path: Path, kind: Kind,
             choices: object) -> list[Diagnostic]:
    if kind in CHOICE_KINDS and choices is None:
        return [locator.diagnostic(
            "NATID-E038", (*path, "kind"), f"a {kind} parameter needs 'choices'",
            value=str(kind), hint="add 'choices:' with a list, or the name of a choice list")]
    if kind not in CHOICE_KINDS and choices is not None:
        return [locator.diagnostic(
            "NATID-E038", (*path, "choices"), f"a {kind} parameter takes no 'choices'",
            at_key=True, hint="remove 'choices', or make the kind 'choice' or 'multi_choice'")]
    if isinstance(choices, str) and choices not in questionnaire.choice_lists:
        return [locator.diagnostic(
            "NATID-E028", (*path, "choices"),
            f"unknown choice list '{choices}'{did_you_mean(choices, questionnaire.choice_lists)}",
            value=choices, hint="define it under 'choice_lists:' or correct the name")]
    return []
