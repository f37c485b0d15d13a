"""References between parts: conditions, consistency checks and answer keys.

Every id used must exist, conditions may only look back, never in a circle, and the
values compared must be values the parameter can take.
"""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from engine.errors import Diagnostic
from engine.locate import Locator
from engine.model import (
    AcceptedAnswer,
    AgeMatchesCheck,
    AnswerKey,
    Form,
    Kind,
    Parameter,
    PrefixCheck,
    Verification,
    WithinCheck,
)
from engine.model.conditions import (
    AnswerCondition,
    AnswerEquals,
    AnswerGreaterThan,
    AnswerIn,
    AnswerLessThan,
)
from engine.suggest import did_you_mean, one_of
from engine.validators.ids import CHOICE_KINDS
from engine.validators.paths import condition_leaves, parameter_path
from engine.validators.reachability import can_be_asked
from engine.yaml_source import Path


def check(questionnaire: Form, locator: Locator) -> list[Diagnostic]:
    """Every broken reference."""
    found: list[Diagnostic] = []
    found += _conditions(questionnaire, locator)
    for index, item in enumerate(questionnaire.checks):
        found += _check(questionnaire, locator, ("checks", index), item)
    for parameter in questionnaire.parameters:
        found += _answer_key(questionnaire, locator, parameter)
    return found


def unknown_parameter(questionnaire: Form, locator: Locator, path: Path,
                      ident: str) -> Diagnostic:
    """E021 for a reference to a parameter that does not exist."""
    return locator.diagnostic(
        "NATID-E021", path,
        f"unknown parameter '{ident}'{did_you_mean(ident, questionnaire.parameters_by_id)}",
        value=ident)


# Conditions -------------------------------------------------------------------------


def _conditions(questionnaire: Form, locator: Locator) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    ids = questionnaire.parameters_by_id
    order = questionnaire.positions
    forward: dict[str, list[tuple[Path, str]]] = {}
    for parameter in questionnaire.parameters:
        if parameter.when is None:
            continue
        base = (*parameter_path(questionnaire, parameter), "when")
        for path, leaf in condition_leaves(parameter.when, base):
            if leaf.answer not in ids:
                found.append(unknown_parameter(questionnaire, locator, (*path, "answer"),
                                               leaf.answer))
            elif order[leaf.answer] >= order[parameter.id]:
                forward.setdefault(parameter.id, []).append(((*path, "answer"), leaf.answer))
            else:
                found += leaf_values(questionnaire, locator, path, leaf, ids[leaf.answer])
    in_cycle = _cycles(questionnaire, locator, forward, found)
    for ident, references in forward.items():
        for path, target in references:
            if (ident, target) in in_cycle:
                continue
            what = "itself" if target == ident else f"'{target}', which is asked after it"
            found.append(locator.diagnostic(
                "NATID-E022", path, f"the condition of '{ident}' uses the answer to {what}",
                value=target,
                hint=f"move '{ident}' after '{target}', or base the condition on earlier "
                "answers"))
    return found


def _cycles(questionnaire: Form, locator: Locator,
            forward: dict[str, list[tuple[Path, str]]],
            found: list[Diagnostic]) -> set[tuple[str, str]]:
    """Report circles of conditions; return the edges that belong to one."""
    edges: dict[str, list[str]] = {}
    for parameter in questionnaire.parameters:
        if parameter.when is not None:
            base = (*parameter_path(questionnaire, parameter), "when")
            edges[parameter.id] = [leaf.answer for _, leaf in condition_leaves(parameter.when, base)
                                   if leaf.answer in questionnaire.parameters_by_id]
    in_cycle: set[tuple[str, str]] = set()
    reported: set[frozenset[str]] = set()
    for start, references in forward.items():
        for path, target in references:
            if target == start:
                continue  # a parameter reading itself is reported as such, not as a cycle
            route = _route(edges, target, start)
            if route is None:
                continue
            circle = [start, *route]
            in_cycle.update(itertools.pairwise(circle))
            key = frozenset(circle)
            if key in reported:
                continue
            reported.add(key)
            found.append(locator.diagnostic(
                "NATID-E023", path, "conditions form a cycle: " + " → ".join(circle),
                value=circle,
                hint="a parameter's condition may only use answers asked before it"))
    return in_cycle


def _route(edges: dict[str, list[str]], source: str, target: str) -> list[str] | None:
    """A path of condition references from source to target, ending with target."""
    stack: list[tuple[str, list[str]]] = [(source, [source])]
    seen: set[str] = set()
    while stack:
        node, route = stack.pop()
        if node == target:
            return route
        if node in seen:
            continue
        seen.add(node)
        stack.extend((nxt, [*route, nxt]) for nxt in edges.get(node, []))
    return None


def leaf_values(questionnaire: Form, locator: Locator, path: Path,
                leaf: AnswerCondition, target: Parameter) -> list[Diagnostic]:
    """Problems with the values one ``{answer: ...}`` test compares with."""
    values: list[tuple[Path, Any]] = []
    if isinstance(leaf, AnswerEquals):
        values = [((*path, "equals"), leaf.equals)]
    elif isinstance(leaf, AnswerIn):
        values = [((*path, "in", i), value) for i, value in enumerate(leaf.in_)]
    elif isinstance(leaf, AnswerLessThan | AnswerGreaterThan):
        operator = "lt" if isinstance(leaf, AnswerLessThan) else "gt"
        if target.kind not in (Kind.NUMBER, Kind.DATE):
            return [locator.diagnostic(
                "NATID-E032", (*path, operator),
                f"'{operator}' compares numbers or dates, but '{target.id}' is {target.kind}",
                value=target.id, at_key=True, hint="use 'equals' or 'in' for this parameter")]
        limit = leaf.lt if isinstance(leaf, AnswerLessThan) else leaf.gt
        values = [((*path, operator), limit)]
    found: list[Diagnostic] = []
    for value_path, value in values:
        problem = _value_problem(questionnaire, target, value)
        if problem:
            found.append(locator.diagnostic(
                "NATID-E029" if target.kind in CHOICE_KINDS else "NATID-E014",
                value_path, problem, value=value))
    return found


def _value_problem(questionnaire: Form, target: Parameter, value: Any) -> str:
    """Why ``value`` can never be an answer to ``target`` ('' when it can)."""
    kind = target.kind
    if kind in CHOICE_KINDS:
        allowed = [choice.value for choice in questionnaire.choices_of(target)]
        if not allowed or value in allowed:
            return ""
        return (f"'{value}' is not a choice of '{target.id}'{did_you_mean(value, allowed)}; "
                f"its choices are {one_of(allowed)}")
    if kind is Kind.YES_NO and not isinstance(value, bool):
        return f"'{target.id}' is answered yes or no: compare it with true or false"
    if kind is Kind.NUMBER and (isinstance(value, bool) or not isinstance(value, int | float)):
        return f"'{target.id}' is a number: compare it with a number, not {value!r}"
    if kind is Kind.DATE and not _is_date(value):
        return f"'{target.id}' is a date: write the value as YYYY-MM-DD"
    return ""


def _is_date(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


# Consistency checks -----------------------------------------------------------------


def _check(questionnaire: Form, locator: Locator, path: Path,
           item: WithinCheck | AgeMatchesCheck | PrefixCheck) -> list[Diagnostic]:
    wanted: dict[str, tuple[Kind, ...]]
    if isinstance(item, WithinCheck):
        wanted = {"parameter": CHOICE_KINDS, "within": CHOICE_KINDS}
    elif isinstance(item, AgeMatchesCheck):
        wanted = {"date_of_birth": (Kind.DATE,), "age": (Kind.NUMBER,)}
    else:
        wanted = {"parameter": (Kind.TEXT, Kind.NUMBER), "depends_on": CHOICE_KINDS}
    found: list[Diagnostic] = []
    targets: dict[str, Parameter] = {}
    for field, kinds in wanted.items():
        ident = getattr(item, field)
        target = questionnaire.parameters_by_id.get(ident)
        if target is None:
            found.append(unknown_parameter(questionnaire, locator, (*path, field), ident))
        elif target.kind not in kinds:
            found.append(locator.diagnostic(
                "NATID-E032", (*path, field),
                f"'{ident}' is {target.kind}; a check of type '{item.type}' needs "
                f"{' or '.join(str(kind) for kind in kinds)} here", value=ident))
        else:
            targets[field] = target
    if found:
        return found
    if isinstance(item, WithinCheck):
        return _within(questionnaire, locator, path, targets["parameter"], targets["within"])
    if isinstance(item, PrefixCheck):
        return _case_keys(questionnaire, locator, (*path, "prefixes"), targets["depends_on"],
                          list(item.prefixes), require_all=False)
    return []


def _within(questionnaire: Form, locator: Locator, path: Path, inner: Parameter,
            outer: Parameter) -> list[Diagnostic]:
    outer_values = [choice.value for choice in questionnaire.choices_of(outer)]
    if not outer_values:
        return []  # the outer parameter's choices are missing, and reported as such
    found: list[Diagnostic] = []
    inner_choices = questionnaire.choices_of(inner)
    base = (("choice_lists", inner.choices) if isinstance(inner.choices, str)
            else (*parameter_path(questionnaire, inner), "choices"))
    for index, choice in enumerate(inner_choices):
        if choice.within is None:
            found.append(locator.diagnostic(
                "NATID-E039", (*base, index),
                f"choice '{choice.value}' of '{inner.id}' does not say 'within:' which "
                f"'{outer.id}' holds it", value=choice.value,
                hint=f"add 'within:' with one of {one_of(outer_values)}"))
        elif choice.within not in outer_values:
            found.append(locator.diagnostic(
                "NATID-E029", (*base, index, "within"),
                f"'{choice.within}' is not a choice of '{outer.id}'"
                f"{did_you_mean(choice.within, outer_values)}", value=choice.within))
    return found


def _case_keys(questionnaire: Form, locator: Locator, path: Path, selector: Parameter,
               keys: list[str], *, require_all: bool,
               asked_for: Parameter | None = None) -> list[Diagnostic]:
    """Check that keys are values of ``selector``.

    With ``require_all``, every value that can occur when ``asked_for`` is asked needs
    its key.
    """
    allowed = [choice.value for choice in questionnaire.choices_of(selector)]
    if selector.kind is Kind.YES_NO:
        allowed = ["true", "false"]
    if not allowed:
        return []  # the selector's choice list is itself unknown, and reported as such
    found = [
        locator.diagnostic(
            "NATID-E029", (*path, key), f"'{key}' is not a choice of '{selector.id}'"
            f"{did_you_mean(key, allowed)}", value=key, at_key=True)
        for key in keys if key not in allowed
    ]
    missing = [value for value in allowed if value not in keys]
    if asked_for is not None:
        missing = [value for value in missing if can_be_asked(
            questionnaire, asked_for, {selector.id: _as_answer(selector, value)})]
    if require_all and missing:
        found.append(locator.diagnostic(
            "NATID-E040", path, f"no accepted answers for {one_of(missing)} of "
            f"'{selector.id}'", value=missing,
            hint="add a case for each value, so every answer can be checked"))
    return found


def _as_answer(selector: Parameter, key: str) -> Any:
    """The answer a case key stands for ('true' is the answer true to a yes_no)."""
    return key == "true" if selector.kind is Kind.YES_NO else key


# Answer keys ------------------------------------------------------------------------


def _answer_key(questionnaire: Form, locator: Locator,
                parameter: Parameter) -> list[Diagnostic]:
    path = parameter_path(questionnaire, parameter)
    key = parameter.answer_key
    if parameter.verify is Verification.AUTO and key is None:
        return [locator.diagnostic(
            "NATID-E031", (*path, "verify"),
            f"'{parameter.id}' is verified 'auto' but has no 'answer_key'",
            value=parameter.id, hint="add an 'answer_key:' or choose verify: officer")]
    if key is None:
        return []
    if parameter.verify is not Verification.AUTO:
        return [locator.diagnostic(
            "NATID-E031", (*path, "answer_key"),
            f"'{parameter.id}' is verified '{parameter.verify}', so its 'answer_key' is "
            "never used", at_key=True, hint="remove 'answer_key' or set verify: auto")]
    return _key_shape(questionnaire, locator, (*path, "answer_key"), parameter, key)


def _key_shape(questionnaire: Form, locator: Locator, path: Path,
               parameter: Parameter, key: AnswerKey) -> list[Diagnostic]:
    if key.accept is not None and (key.cases is not None or key.depends_on is not None):
        return [locator.diagnostic(
            "NATID-E040", path, "give either 'accept' or 'depends_on' with 'cases', not both",
            at_key=True)]
    if key.accept is None and (key.cases is None or key.depends_on is None):
        return [locator.diagnostic(
            "NATID-E040", path,
            "an answer key needs 'accept', or 'depends_on' together with 'cases'",
            at_key=True)]
    if key.accept is not None:
        return _accepted(questionnaire, locator, (*path, "accept"), parameter, key.accept)
    assert key.depends_on is not None and key.cases is not None  # noqa: S101 - checked above
    selector = questionnaire.parameters_by_id.get(key.depends_on)
    if selector is None:
        return [unknown_parameter(questionnaire, locator, (*path, "depends_on"), key.depends_on)]
    if questionnaire.positions[selector.id] >= questionnaire.positions[parameter.id]:
        return [locator.diagnostic(
            "NATID-E022", (*path, "depends_on"),
            f"the answer key of '{parameter.id}' depends on '{selector.id}', which is not "
            "asked before it", value=selector.id)]
    if selector.kind not in (Kind.CHOICE, Kind.YES_NO):
        return [locator.diagnostic(
            "NATID-E032", (*path, "depends_on"),
            f"'{selector.id}' is {selector.kind}; an answer key can depend on a choice or "
            "yes_no parameter", value=selector.id)]
    found = _case_keys(questionnaire, locator, (*path, "cases"), selector, list(key.cases),
                       require_all=True, asked_for=parameter)
    for case, accepted in key.cases.items():
        found += _accepted(questionnaire, locator, (*path, "cases", case), parameter, accepted)
    return found


def _accepted(questionnaire: Form, locator: Locator, path: Path,
              parameter: Parameter, accepted: list[Any]) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for index, item in enumerate(accepted):
        value = item.value if isinstance(item, AcceptedAnswer) else item
        problem = _value_problem(questionnaire, parameter, value)
        if problem:
            item_path = (*path, index, "value") if isinstance(item, AcceptedAnswer) else (
                *path, index)
            code = "NATID-E029" if parameter.kind in CHOICE_KINDS else "NATID-E014"
            found.append(locator.diagnostic(code, item_path, problem, value=value))
    return found
