"""Where things live in a questionnaire document, for pointing at them."""

from __future__ import annotations

from collections.abc import Iterator

from engine.model import Consulate, Form, Parameter, Questionnaire
from engine.model.conditions import AllOf, AnswerCondition, AnyOf, Condition, Not
from engine.yaml_source import Path


def consulates(form: Form) -> list[Consulate]:
    """The consulates a questionnaire lists (none for the screening)."""
    return form.consulates if isinstance(form, Questionnaire) else []


def parameter_path(questionnaire: Form, parameter: Parameter) -> Path:
    """The path of a parameter's mapping."""
    return ("parameters", questionnaire.parameter_places[id(parameter)])


def choice_paths(questionnaire: Form, parameter: Parameter) -> list[Path]:
    """The path of each of a parameter's choices (inline or in a named list)."""
    if isinstance(parameter.choices, str):
        choices = questionnaire.choice_lists.get(parameter.choices, [])
        return [("choice_lists", parameter.choices, i) for i in range(len(choices))]
    base = (*parameter_path(questionnaire, parameter), "choices")
    return [(*base, i) for i in range(len(parameter.choices or []))]


def condition_leaves(condition: Condition, base: Path) -> Iterator[tuple[Path, AnswerCondition]]:
    """Every ``{answer: ...}`` test with its path, depth first."""
    stack: list[tuple[Path, Condition]] = [(base, condition)]
    while stack:
        path, current = stack.pop()
        if isinstance(current, AllOf):
            stack.extend(((*path, "all", i), part) for i, part in
                         reversed(list(enumerate(current.all_))))
        elif isinstance(current, AnyOf):
            stack.extend(((*path, "any", i), part) for i, part in
                         reversed(list(enumerate(current.any_))))
        elif isinstance(current, Not):
            stack.append(((*path, "not"), current.not_))
        else:
            yield path, current
