"""What happens to a request after natid prepared it: sent by the officer, answered.

natid never sends anything (DESIGN §4): the officer records the day the request went
to the consulate, then the consulate's answer and its day. These audit events may
follow the interview's closing; from them statistics count the days from request to
certificate and the requests still without an answer (docs/statistics.md).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, NoReturn

from engine.interview.audit import CONSULAR_ANSWERS
from engine.interview.events import Event, EventKind

if TYPE_CHECKING:
    from engine.interview import Interview

FINAL_ANSWERS = ("issued", "refused")
"""Answers after which the consulate answers nothing more to that request."""


def record_request_sent(interview: Interview, on: datetime.date, *, officer: str,
                        today: datetime.date | None = None) -> Event:
    """Record that the prepared request was sent to the consulate on the day ``on``.

    Raises:
        engine.interview.InterviewError: no request was prepared, it was already recorded
            as sent, or the day is before the request was prepared or in the future.
    """
    state = interview.state
    prepared = next((event for event in state.audit
                     if event.kind is EventKind.REQUEST_PREPARED), None)
    if prepared is None:
        _refuse(f"interview {interview.id} has no prepared request to send: prepare it "
                "first ('natid request')")
    sent = _first(interview, EventKind.REQUEST_SENT)
    if sent is not None:
        _refuse(f"the request of interview {interview.id} is already recorded as sent on "
                f"{sent.data['on']}")
    _day_fits(on, prepared.moment.date(), "the request was prepared", today)
    return interview.log(EventKind.REQUEST_SENT, officer=officer, on=on.isoformat())


def record_consular_answer(interview: Interview, answer: str, on: datetime.date, *,
                           officer: str, today: datetime.date | None = None) -> Event:
    """Record the consulate's answer to the request, and the day it was given.

    ``answer`` is 'issued' (the certificate or travel document), 'refused',
    'more_information' (the consulate asks for more) or 'no_answer' (the officer closes
    the wait without an answer).

    Raises:
        engine.interview.InterviewError: an unknown answer, no request recorded as sent,
            a final answer already recorded, or a day before the sending or in the future.
    """
    if answer not in CONSULAR_ANSWERS:
        _refuse(f"the consulate's answer is one of {', '.join(CONSULAR_ANSWERS)}, not "
                f"{answer!r}")
    sent = _first(interview, EventKind.REQUEST_SENT)
    if sent is None:
        _refuse(f"the request of interview {interview.id} is not recorded as sent: record "
                "that first ('natid request sent')")
    final = next((event for event in interview.state.audit
                  if event.kind is EventKind.CONSULATE_ANSWERED
                  and event.data.get("answer") in FINAL_ANSWERS), None)
    if final is not None:
        _refuse(f"the consulate already answered '{final.data['answer']}' on "
                f"{final.data['on']} for interview {interview.id}")
    _day_fits(on, datetime.date.fromisoformat(str(sent.data["on"])), "the request was sent",
              today)
    return interview.log(EventKind.CONSULATE_ANSWERED, officer=officer, answer=answer,
                         on=on.isoformat())


def _first(interview: Interview, kind: EventKind) -> Event | None:
    return next((event for event in interview.state.audit if event.kind is kind), None)


def _day_fits(on: datetime.date, earliest: datetime.date, what: str,
              today: datetime.date | None) -> None:
    now = today or datetime.datetime.now(datetime.UTC).date()
    if on > now:
        _refuse(f"{on.isoformat()} is in the future: give the day it happened")
    if on < earliest:
        _refuse(f"{on.isoformat()} is before {what} ({earliest.isoformat()})")


def _refuse(message: str) -> NoReturn:
    from engine.interview import InterviewError

    raise InterviewError(message)
