"""An interview as a JSON document: what ``natid score`` reads and exports write.

::

    {"natid_interview": 1,
     "interview_id": "…",
     "questionnaire": {"country": "IN", "version": "…", "content_hash": "…"},
     "events": [{"kind": "started", "at": "…Z", "officer": "…", "data": {…}}, …]}

The events are the record; the other keys repeat what the first event says, for
people and tools that read the file without natid.
"""

from __future__ import annotations

import json
import re
from typing import Any

from engine.interview.events import Event, InterviewRecordError
from engine.interview.interview import Interview
from engine.model import Questionnaire

RECORD_FORMAT = 1
MAX_RECORD_BYTES = 64 * 1024 * 1024


def to_record(interview: Interview) -> dict[str, Any]:
    """The JSON-ready record of an interview."""
    return record_of(interview.events)


def record_of(events: list[Event]) -> dict[str, Any]:
    """The JSON-ready record of an interview's events (the first is 'started')."""
    started = events[0].data
    return {
        "natid_interview": RECORD_FORMAT,
        "interview_id": started.get("interview_id"),
        "questionnaire": dict(started.get("questionnaire", {})),
        "events": [event.to_dict() for event in events],
    }


def to_json(interview: Interview) -> str:
    """The record as JSON text (UTF-8, scripts as written)."""
    return json.dumps(to_record(interview), ensure_ascii=False, indent=1)


def events_to_json(events: list[Event]) -> str:
    """The record of stored events as JSON text, as :func:`to_json` writes it."""
    return json.dumps(record_of(events), ensure_ascii=False, indent=1)


def read_record(text: str | bytes) -> tuple[dict[str, Any], list[Event]]:
    """The questionnaire reference and the events of a record.

    Raises:
        InterviewRecordError: not JSON, not a natid interview, or events that are not events.
    """
    if len(text) > MAX_RECORD_BYTES:
        raise InterviewRecordError("the interview file is larger than 64 MB")
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise InterviewRecordError(f"the interview file is not valid JSON: {error}") from None
    marker = raw.get("natid_interview") if isinstance(raw, dict) else None
    if type(marker) is not int or marker != RECORD_FORMAT:
        raise InterviewRecordError("this is not a natid interview record "
                                   "(it lacks \"natid_interview\": 1)")
    events = raw.get("events")
    if not isinstance(events, list) or not events:
        raise InterviewRecordError("the interview record has no events")
    questionnaire = raw.get("questionnaire")
    country = questionnaire.get("country") if isinstance(questionnaire, dict) else None
    if not isinstance(country, str) or not re.fullmatch(r"[A-Z]{2}", country):
        raise InterviewRecordError("the interview record does not say which country's "
                                   "questionnaire it used ('questionnaire': {'country': 'IN'})")
    return questionnaire, [Event.from_dict(item, index) for index, item in enumerate(events)]


def from_json(text: str | bytes, questionnaire: Questionnaire) -> Interview:
    """Rebuild an interview from its record, with the questionnaire it was recorded with."""
    _reference, events = read_record(text)
    return Interview.resume(questionnaire, events)
