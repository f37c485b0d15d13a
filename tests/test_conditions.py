"""Evaluating ``when:`` conditions against answers."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from engine.conditions import evaluate
from engine.model import Condition

adapter: TypeAdapter[Condition] = TypeAdapter(Condition)


def holds(condition: object, answers: dict[str, object]) -> bool:
    return evaluate(adapter.validate_python(condition), answers)


@pytest.mark.parametrize(("condition", "answers", "expected"), [
    ({"answer": "s", "equals": "PB"}, {"s": "PB"}, True),
    ({"answer": "s", "equals": "PB"}, {"s": "DL"}, False),
    ({"answer": "s", "equals": "PB"}, {}, False),
    ({"answer": "s", "in": ["PB", "HR"]}, {"s": "HR"}, True),
    ({"answer": "d", "equals": "passport"}, {"d": ["aadhaar", "passport"]}, True),
    ({"answer": "d", "in": ["epic", "ration"]}, {"d": ["aadhaar"]}, False),
    ({"answer": "y", "equals": True}, {"y": True}, True),
    ({"answer": "y", "equals": True}, {"y": 1}, False),
    ({"answer": "a", "lt": 18}, {"a": 17}, True),
    ({"answer": "a", "gt": 18}, {"a": 18}, False),
    ({"answer": "b", "lt": "2000-01-01"}, {"b": "1999-12-31"}, True),
    ({"answer": "b", "lt": "2000-01-01"}, {"b": "not a date"}, False),
    ({"answer": "a", "lt": 18}, {"a": "2001-01-01"}, False),
    ({"answer": "a", "answered": True}, {"a": ""}, True),
    ({"answer": "a", "answered": False}, {}, True),
    ({"not": {"answer": "s", "equals": "PB"}}, {}, True),
    ({"all": [{"answer": "s", "equals": "PB"}, {"answer": "a", "gt": 1}]},
     {"s": "PB", "a": 2}, True),
    ({"any": [{"answer": "s", "equals": "PB"}, {"answer": "a", "gt": 1}]}, {"a": 0}, False),
])
def test_evaluate(condition: object, answers: dict[str, object], expected: bool) -> None:
    assert holds(condition, answers) is expected


def test_no_condition_always_holds() -> None:
    assert evaluate(None, {}) is True
