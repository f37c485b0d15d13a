"""Declarative ``when:`` conditions: data, never code.

A condition is one of:

- ``{all: [C, ...]}``, ``{any: [C, ...]}``, ``{not: C}``;
- ``{answer: ID, equals: V}``, ``{answer: ID, in: [V, ...]}``,
  ``{answer: ID, lt: V}``, ``{answer: ID, gt: V}``, ``{answer: ID, answered: true}``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from pydantic import Field

from engine.model.common import Identifier, ScalarValue, StrictModel

Comparable = int | float | str


class AllOf(StrictModel):
    """True when every condition in the list is true."""

    all_: list[Condition] = Field(alias="all", min_length=1)
    """Conditions that must all hold."""


class AnyOf(StrictModel):
    """True when at least one condition in the list is true."""

    any_: list[Condition] = Field(alias="any", min_length=1)
    """Conditions of which at least one must hold."""


class Not(StrictModel):
    """True when the inner condition is false."""

    not_: Condition = Field(alias="not")
    """The condition that must not hold."""


class AnswerEquals(StrictModel):
    """True when the answer equals the value (for multi-choice: the value was chosen)."""

    answer: Identifier
    """The id of an earlier parameter."""
    equals: ScalarValue
    """The value the answer must have (a choice value, true/false, a number or text)."""


class AnswerIn(StrictModel):
    """True when the answer is one of the values (multi-choice: any of them was chosen)."""

    answer: Identifier
    """The id of an earlier parameter."""
    in_: list[ScalarValue] = Field(alias="in", min_length=1)
    """The values of which the answer must be one."""


class AnswerLessThan(StrictModel):
    """True when the answer (a number or a date) is less than the value."""

    answer: Identifier
    """The id of an earlier number or date parameter."""
    lt: Comparable
    """A number, or a date written YYYY-MM-DD."""


class AnswerGreaterThan(StrictModel):
    """True when the answer (a number or a date) is greater than the value."""

    answer: Identifier
    """The id of an earlier number or date parameter."""
    gt: Comparable
    """A number, or a date written YYYY-MM-DD."""


class AnswerGiven(StrictModel):
    """True when the parameter was answered (``answered: true``) or not (``false``)."""

    answer: Identifier
    """The id of an earlier parameter."""
    answered: bool
    """true: the question was answered; false: it was not (yet), or was declined."""


AnswerCondition = AnswerEquals | AnswerIn | AnswerLessThan | AnswerGreaterThan | AnswerGiven
Condition = Annotated[
    AllOf | AnyOf | Not | AnswerCondition,
    Field(description="A condition on earlier answers."),
]

for _model in (AllOf, AnyOf, Not):
    _model.model_rebuild()


def children(condition: Condition) -> list[Condition]:
    """The conditions directly inside ``condition``."""
    if isinstance(condition, AllOf):
        return list(condition.all_)
    if isinstance(condition, AnyOf):
        return list(condition.any_)
    if isinstance(condition, Not):
        return [condition.not_]
    return []


def leaves(condition: Condition) -> Iterator[AnswerCondition]:
    """Every ``{answer: ...}`` test inside ``condition``, depth first."""
    stack: list[Condition] = [condition]
    while stack:
        current = stack.pop()
        if isinstance(current, AllOf | AnyOf | Not):
            stack.extend(reversed(children(current)))
        else:
            yield current


def referenced_ids(condition: Condition) -> list[str]:
    """The parameter ids that ``condition`` reads, in order of appearance, once each."""
    return list(dict.fromkeys(leaf.answer for leaf in leaves(condition)))
