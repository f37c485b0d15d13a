"""Answers as a scenario writes them ("Punjab", "yes", "passport, aadhaar"), made into values.

Each kind of question reads its answer in its own way:

- text: as written;
- choice: a choice value ("PB") or a label in any language of the questionnaire
  ("Punjab", "पंजाब");
- multi_choice: several of those, separated by commas;
- yes_no: yes, no, true or false;
- number: digits, with a decimal point if needed ("23", "1.5");
- date: ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY`` when only part is known).
"""

from __future__ import annotations

from typing import Any

from engine.model import Choice, Form, Kind, Parameter
from engine.scenarios.failures import StepFailure
from engine.suggest import did_you_mean, one_of

_YES = frozenset({"yes", "true"})
_NO = frozenset({"no", "false"})


def answer_value(questionnaire: Form, parameter: Parameter, written: str) -> Any:
    """The value natid records for ``written``, the answer as the scenario gives it.

    Raises:
        StepFailure: the words do not fit the kind of the question.
    """
    kind = parameter.kind
    if kind is Kind.CHOICE:
        return _one_choice(questionnaire, parameter, written)
    if kind is Kind.MULTI_CHOICE:
        return _several_choices(questionnaire, parameter, written)
    if kind is Kind.YES_NO:
        word = written.strip().casefold()
        if word in _YES | _NO:
            return word in _YES
        raise StepFailure(f"'{parameter.id}' is answered yes or no, not '{written}'")
    if kind is Kind.NUMBER:
        return _number(parameter, written)
    if kind is Kind.DATE:
        return written.strip()
    return written


def _labels(choice: Choice) -> set[str]:
    return {label.casefold() for label in choice.label.values()}


def _find_choice(choices: list[Choice], written: str) -> str | None:
    text = written.strip()
    folded = text.casefold()
    for choice in choices:
        if choice.value == text:
            return choice.value
    found = [choice.value for choice in choices
             if choice.value.casefold() == folded or folded in _labels(choice)]
    return found[0] if len(set(found)) == 1 else None


def _one_choice(questionnaire: Form, parameter: Parameter, written: str) -> str:
    choices = questionnaire.choices_of(parameter)
    value = _find_choice(choices, written)
    if value is None:
        raise _not_a_choice(parameter, choices, written.strip())
    return value


def _several_choices(questionnaire: Form, parameter: Parameter,
                     written: str) -> list[str]:
    """Comma-separated choices; a label that itself holds a comma is recognised whole."""
    choices = questionnaire.choices_of(parameter)
    parts = written.split(",")
    values: list[str] = []
    start = 0
    while start < len(parts):
        for end in range(len(parts), start, -1):
            value = _find_choice(choices, ",".join(parts[start:end]))
            if value is not None:
                values.append(value)
                start = end
                break
        else:
            piece = parts[start].strip()
            if piece:
                raise _not_a_choice(parameter, choices, piece)
            start += 1
    if not values:
        raise StepFailure(f"'{parameter.id}' needs one or more of its choices, separated by "
                          f"commas; its choices are {one_of([c.value for c in choices], 8)}")
    return values


def _not_a_choice(parameter: Parameter, choices: list[Choice], written: str) -> StepFailure:
    names = [choice.value for choice in choices]
    names += [label for choice in choices for label in choice.label.values()]
    return StepFailure(f"'{written}' is not one of the choices of '{parameter.id}'"
                       f"{did_you_mean(written, names)}; its choices are "
                       f"{one_of([c.value for c in choices], 8)} (or their labels)")


def _number(parameter: Parameter, written: str) -> int | float:
    text = written.strip()
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        raise StepFailure(f"'{parameter.id}' takes a number, like 23 or 1.5, "
                          f"not '{written}'") from None
