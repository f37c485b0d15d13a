"""Check an answer against the kind of its parameter, in words an officer understands."""

from __future__ import annotations

import datetime
import math
import re
from typing import Any

from engine.errors import UserError
from engine.i18n import _
from engine.model import Form, Kind, Parameter
from engine.suggest import did_you_mean, one_of

_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
"""Dates in ASCII digits only: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'."""

MAX_TEXT = 2000
"""Longest text answer accepted, in characters."""


class AnswerError(UserError):
    """An answer that does not fit its question; nothing was recorded."""

    code = "NATID-E051"


def check_answer(questionnaire: Form, parameter: Parameter, value: Any,
                 today: datetime.date) -> Any:
    """The answer as it will be stored, or :class:`AnswerError` saying what is wrong.

    text: non-empty text; choice: one of the choice values; multi_choice: a list of
    them; yes_no: true or false; date: ``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when
    only part is known, not after today; number: a number within the range.
    """
    kind = parameter.kind
    name = f"'{parameter.id}'"
    if kind is Kind.TEXT:
        if not isinstance(value, str) or not value.strip():
            raise AnswerError(_("{name} needs a text answer").format(name=name))
        if not value.isprintable() and any(
                ord(char) < 32 and char not in "\t\n" for char in value):
            raise AnswerError(_("{name}: the answer holds control characters").format(name=name))
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise AnswerError(_("{name}: the answer holds broken characters").format(
                name=name)) from None
        if not any(char.isalnum() for char in value):
            raise AnswerError(_("{name} needs an answer with letters or digits").format(name=name))
        if len(value) > MAX_TEXT:
            raise AnswerError(_("{name}: the answer is longer than {limit} characters").format(
                name=name, limit=MAX_TEXT))
        return value.strip()
    if kind is Kind.CHOICE:
        return _choice(questionnaire, parameter, value)
    if kind is Kind.MULTI_CHOICE:
        if not isinstance(value, list | tuple) or not value:
            raise AnswerError(_("{name} needs a list of one or more choices").format(name=name))
        chosen = [_choice(questionnaire, parameter, item) for item in value]
        return list(dict.fromkeys(chosen))
    if kind is Kind.YES_NO:
        if not isinstance(value, bool):
            raise AnswerError(_("{name} is answered yes (true) or no (false)").format(name=name))
        return value
    if kind is Kind.DATE:
        return _date(name, value, today)
    return _number(parameter, value)


def _choice(questionnaire: Form, parameter: Parameter, value: Any) -> str:
    choices = questionnaire.choices_of(parameter)
    allowed = [choice.value for choice in choices]
    if isinstance(value, str) and value in allowed:
        return value
    by_label = [choice.value for choice in choices
                if isinstance(value, str)
                and value.casefold() in {label.casefold() for label in choice.label.values()}]
    hint = (_(" — '{label}' is the label of the choice '{value}'").format(label=value,
                                                                          value=by_label[0])
            if by_label
            else did_you_mean(value, allowed))
    raise AnswerError(_("'{id}': {value!r} is not one of its choice values{hint}; the values are "
                        "{values}").format(id=parameter.id, value=value, hint=hint,
                                           values=one_of(allowed, limit=8)))


def _date(name: str, value: Any, today: datetime.date) -> str:
    if not isinstance(value, str):
        raise AnswerError(_("{name} needs a date written YYYY-MM-DD").format(name=name))
    text = value.strip()
    day = _first_day(text)
    if day is None:
        raise AnswerError(_("{name}: {value!r} is not a date; write YYYY-MM-DD, or YYYY-MM or "
                            "YYYY when only part of it is known").format(name=name, value=value))
    if day > today:
        raise AnswerError(_("{name}: {date} is in the future").format(name=name, date=text))
    return text


def _first_day(text: str) -> datetime.date | None:
    """The first day a full or partial date (YYYY-MM-DD, YYYY-MM, YYYY) can mean."""
    if not _DATE.fullmatch(text):
        return None
    parts = text.split("-")
    try:
        if len(parts) == 3 and len(text) == 10:
            return datetime.date.fromisoformat(text)
        if len(parts) == 2 and len(text) == 7:
            return datetime.date(int(parts[0]), int(parts[1]), 1)
        if len(parts) == 1 and len(text) == 4:
            return datetime.date(int(text), 1, 1)
    except ValueError:
        return None
    return None


def _number(parameter: Parameter, value: Any) -> int | float:
    name = f"'{parameter.id}'"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise AnswerError(_("{name} needs a number").format(name=name))
    try:
        finite = math.isfinite(value)
    except OverflowError:
        finite = False
    if not finite:
        raise AnswerError(_("{name} needs a number of a usual size").format(name=name))
    bounds = parameter.range
    if bounds is not None and bounds.min is not None and value < bounds.min:
        raise AnswerError(_("{name}: {value} is below the smallest answer accepted, {limit:g}")
                          .format(name=name, value=value, limit=bounds.min))
    if bounds is not None and bounds.max is not None and value > bounds.max:
        raise AnswerError(_("{name}: {value} is above the largest answer accepted, {limit:g}")
                          .format(name=name, value=value, limit=bounds.max))
    return value


def check_written(data: dict[str, Any]) -> None:
    """Refuse a recorded answer whose 'written_in' is not {"script": …, "language": …}.

    Raises:
        AnswerError: it is malformed.
    """
    written = data.get("written_in")
    if written is None:
        return
    if not isinstance(written, dict) or not isinstance(written.get("script"), str) \
            or not isinstance(written.get("language"), str | None):
        raise AnswerError(_("what the answer is written in is not recorded as a script and "
                            "a language"))
