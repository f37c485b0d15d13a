"""Dates given in another calendar: kept as given, answered by their Gregorian date."""

from __future__ import annotations

from typing import Any

from engine.calendars import CalendarError, to_gregorian
from engine.i18n import _
from engine.interview.answers import AnswerError
from engine.model import Kind, Parameter


def given_in(parameter: Parameter, value: Any, calendar: Any) -> tuple[str, dict[str, str]]:
    """The Gregorian answer, and the date as given (``{"calendar": …, "date": …}``).

    Raises:
        AnswerError: the question takes no date in that calendar, or the date does not
            exist in it.
    """
    allowed = parameter.calendars or []
    if parameter.kind is not Kind.DATE or calendar not in allowed:
        raise AnswerError(_("'{id}' takes no date in the calendar '{calendar}'; it takes: "
                            "{allowed}").format(id=parameter.id, calendar=calendar,
                                                allowed=", ".join(["gregorian", *allowed])))
    if not isinstance(value, str):
        raise AnswerError(_("'{id}' needs a date: YYYY-MM-DD, YYYY-MM or YYYY").format(
            id=parameter.id))
    try:
        gregorian = to_gregorian(calendar, value)
    except CalendarError as error:
        raise AnswerError(f"'{parameter.id}': {error.message}") from None
    return gregorian, {"calendar": calendar, "date": value.strip()}


def check_original(parameter: Parameter, data: dict[str, Any]) -> None:
    """Refuse a recorded answer whose date as given does not give its Gregorian date.

    Raises:
        AnswerError: the two dates disagree, or the original is malformed.
    """
    original = data.get("original")
    if original is None:
        return
    if not isinstance(original, dict):
        raise AnswerError(_("the date as given is not recorded as a calendar and a date"))
    gregorian, _given = given_in(parameter, original.get("date"), original.get("calendar"))
    if gregorian != data.get("value"):
        raise AnswerError(_("the date as given ({date}, {calendar}) is not the Gregorian "
                            "{value} recorded with it").format(
            date=original.get("date"), calendar=original.get("calendar"),
            value=data.get("value")))
