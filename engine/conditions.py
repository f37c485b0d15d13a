"""Evaluate ``when:`` conditions against the answers given so far.

``answers`` maps parameter ids to answer values: text, a choice value, a list of
choice values (multi-choice), true/false, a number, or a date as ``YYYY-MM-DD``.
A parameter that was not answered, or was declined, is simply absent.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from engine.model.conditions import (
    AllOf,
    AnswerEquals,
    AnswerGiven,
    AnswerGreaterThan,
    AnswerIn,
    AnswerLessThan,
    AnyOf,
    Condition,
    Not,
)


def evaluate(condition: Condition | None, answers: Mapping[str, Any]) -> bool:
    """Whether ``condition`` holds for ``answers`` (no condition always holds)."""
    if condition is None:
        return True
    if isinstance(condition, AllOf):
        return all(evaluate(part, answers) for part in condition.all_)
    if isinstance(condition, AnyOf):
        return any(evaluate(part, answers) for part in condition.any_)
    if isinstance(condition, Not):
        return not evaluate(condition.not_, answers)
    if isinstance(condition, AnswerGiven):
        return (condition.answer in answers) is condition.answered
    if condition.answer not in answers:
        return False
    answer = answers[condition.answer]
    if isinstance(condition, AnswerEquals):
        return _matches(answer, [condition.equals])
    if isinstance(condition, AnswerIn):
        return _matches(answer, condition.in_)
    if isinstance(condition, AnswerLessThan):
        return _compare(answer, condition.lt) < 0
    if isinstance(condition, AnswerGreaterThan):
        return _compare(answer, condition.gt) > 0
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover


def _matches(answer: Any, values: list[Any]) -> bool:
    if isinstance(answer, list | tuple | set | frozenset):
        return any(_same(item, value) for item in answer for value in values)
    return any(_same(answer, value) for value in values)


def _same(answer: Any, value: Any) -> bool:
    if isinstance(answer, bool) or isinstance(value, bool):
        return answer is value
    return bool(answer == value)


def _compare(answer: Any, limit: Any) -> int:
    """-1, 0 or 1; 0 as well when the two cannot be compared (so lt/gt are false)."""
    left, right = _comparable(answer), _comparable(limit)
    if isinstance(left, float) and isinstance(right, float):
        return (left > right) - (left < right)
    if isinstance(left, datetime.date) and isinstance(right, datetime.date):
        return (left > right) - (left < right)
    return 0


def _comparable(value: Any) -> float | datetime.date | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return float(value)
        except OverflowError:
            return None
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            try:
                return float(value)
            except (ValueError, OverflowError):
                return None
    return None
