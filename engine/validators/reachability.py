"""Parameters that can never be asked, and rules that can never be met.

A parameter is unreachable when no combination of earlier answers makes its ``when:``
condition true. natid tries the answers that matter — every choice, true and false,
each number or date the condition mentions and its neighbours, "not answered" — for
the parameters the condition reads. Conditions reading many open-ended parameters
are assumed reachable rather than searched for ever.
"""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from engine.conditions import evaluate
from engine.errors import Diagnostic
from engine.locate import Locator
from engine.model import Form, Kind, Parameter, Questionnaire
from engine.model.conditions import (
    AnswerEquals,
    AnswerGreaterThan,
    AnswerIn,
    AnswerLessThan,
    leaves,
    referenced_ids,
)
from engine.validators.paths import parameter_path

MAX_COMBINATIONS = 20_000
_ABSENT = object()


def check(questionnaire: Form, locator: Locator,
          reference_problems: list[Diagnostic]) -> list[Diagnostic]:
    """Unreachable parameters (E024) and a rule that cannot be met (E025)."""
    if reference_problems:
        return []  # a condition with broken references cannot be searched meaningfully
    reachable: set[str] = set()
    found: list[Diagnostic] = []
    for parameter in questionnaire.parameters:
        if _can_be_asked(questionnaire, parameter, reachable):
            reachable.add(parameter.id)
        else:
            found.append(locator.diagnostic(
                "NATID-E024", (*parameter_path(questionnaire, parameter), "when"),
                "no combination of earlier answers makes this condition true, so the "
                "parameter is never asked", value=parameter.id))
    if not isinstance(questionnaire, Questionnaire):
        return found
    confirmable = [p for p in questionnaire.confirmable() if p.id in reachable]
    needed = questionnaire.rule.confirmations_required
    if needed > len(confirmable):
        found.append(locator.diagnostic(
            "NATID-E025", ("rule", "confirmations_required"),
            f"the rule needs {needed} confirmation{'s' if needed != 1 else ''}, but only "
            f"{len(confirmable)} parameter{'s' if len(confirmable) != 1 else ''} can be "
            "confirmed during the interview (verify: auto or officer)",
            value=needed))
    return found


def _can_be_asked(questionnaire: Form, parameter: Parameter,
                  reachable: set[str]) -> bool:
    return can_be_asked(questionnaire, parameter, {}, reachable)


def can_be_asked(questionnaire: Form, parameter: Parameter, fixed: dict[str, Any],
                 reachable: set[str] | None = None) -> bool:
    """Whether some earlier answers, with those in ``fixed``, make ``parameter`` asked.

    ``reachable`` limits the parameters that can have been answered at all (None: any
    known parameter). Unknown ids count as never answered.
    """
    if parameter.when is None:
        return True
    ids = referenced_ids(parameter.when)
    known = questionnaire.parameters_by_id
    domains = [
        [fixed[ident]] if ident in fixed else
        _candidates(questionnaire, known[ident], parameter)
        if ident in known and (reachable is None or ident in reachable) else [_ABSENT]
        for ident in ids
    ]
    total = 1
    for domain in domains:
        total *= len(domain)
    if total > MAX_COMBINATIONS:
        return True
    for combination in itertools.product(*domains):
        answers = {ident: value for ident, value in zip(ids, combination, strict=True)
                   if value is not _ABSENT}
        if evaluate(parameter.when, answers):
            return True
    return False


def _candidates(questionnaire: Form, target: Parameter,
                asking: Parameter) -> list[Any]:
    """The answers of ``target`` worth trying for ``asking``'s condition."""
    mentioned = _mentioned(asking, target.id)
    if target.kind is Kind.YES_NO:
        return [_ABSENT, True, False]
    if target.kind is Kind.CHOICE:
        return [_ABSENT, *(choice.value for choice in questionnaire.choices_of(target))]
    if target.kind is Kind.MULTI_CHOICE:
        values = [choice.value for choice in questionnaire.choices_of(target)]
        return [_ABSENT, [], values, *([value] for value in values)]
    if target.kind is Kind.NUMBER:
        numbers = [m for m in mentioned if isinstance(m, int | float) and not isinstance(m, bool)]
        return [_ABSENT, 0, *_around(numbers, (-1, -0.5, 0, 0.5, 1))]
    if target.kind is Kind.DATE:
        dates = [d for d in (_as_date(m) for m in mentioned) if d is not None]
        days = [datetime.timedelta(days=d) for d in (-1, 0, 1)]
        return [_ABSENT, "2000-01-01", *(d.isoformat() for d in _around(dates, days))]
    return [_ABSENT, "\u0000another answer", *mentioned]


def _around(values: list[Any], steps: Any) -> set[Any]:
    """Each value plus each step, leaving out what overflows (huge numbers, year 9999)."""
    near: set[Any] = set()
    for value in values:
        for step in steps:
            try:
                near.add(value + step)
            except OverflowError:
                near.add(value)
    return near


def _mentioned(asking: Parameter, ident: str) -> list[Any]:
    values: list[Any] = []
    if asking.when is None:
        return values
    for leaf in leaves(asking.when):
        if leaf.answer != ident:
            continue
        if isinstance(leaf, AnswerEquals):
            values.append(leaf.equals)
        elif isinstance(leaf, AnswerIn):
            values.extend(leaf.in_)
        elif isinstance(leaf, AnswerLessThan):
            values.append(leaf.lt)
        elif isinstance(leaf, AnswerGreaterThan):
            values.append(leaf.gt)
    return values


def _as_date(value: Any) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None
