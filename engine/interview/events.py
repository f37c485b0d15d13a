"""Interview events: the only thing stored; every state is derived from them.

An event is what happened (its kind), when (UTC), who did it (the officer) and
the details (``data``, plain JSON values). Events are never changed or removed:
changing an answer is a new event.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from engine.errors import UserError


class EventKind(StrEnum):
    """What an event records."""

    STARTED = "started"
    ANSWERED = "answered"
    DECLINED = "declined"
    SKIPPED = "skipped"
    VERIFIED = "verified"
    NOTED = "noted"
    MOVED = "moved"
    CLOSED = "closed"
    LANGUAGE_SAMPLE = "language_sample"
    """A sentence the person typed in their own language, and what it was found to be."""
    DOCUMENT_RECORDED = "document_recorded"
    """A document the person carries, seen by the officer (with its MRZ and file)."""
    DOCUMENT_WITHDRAWN = "document_withdrawn"
    """A document recorded by mistake, taken back with the reason (it stays in the log)."""
    BEST_INTERESTS = "best_interests"
    """A child's best-interests step, recorded from the child protection authority."""
    ROUTED = "routed"
    """An officer routes the request to the presumed nationality, not the declared one."""
    REQUEST_PREPARED = "request_prepared"
    """A certificate request was produced (its integrity hash is kept)."""
    REQUEST_REFUSED = "request_refused"
    """A certificate request was asked for and held back: the reasons are kept."""
    REFERRAL_PREPARED = "referral_prepared"
    """A referral to the protection authorities was produced."""
    REQUEST_SENT = "request_sent"
    """The officer sent the prepared request to the consulate, on the day given."""
    CONSULATE_ANSWERED = "consulate_answered"
    """The consulate's answer to the request (issued, refused, more_information, no_answer)."""
    CONSULAR_FINDING = "consular_finding"
    """The consulate's finding on an item only it can verify, made during a share."""
    SHARE_OPENED = "share_opened"
    """The officer opened a live view of the interview for a consulate."""
    SHARE_REFUSED = "share_refused"
    """A share was asked for and refused by the protection gate: the reasons are kept."""
    SHARE_STOPPED = "share_stopped"
    """A share ended: every consular session was cut and its link expired."""
    CONSULAR_SESSION = "consular_session"
    """A consular browser session connected to a share, or disconnected from it."""


AUDIT_KINDS = frozenset({EventKind.BEST_INTERESTS, EventKind.ROUTED, EventKind.REQUEST_PREPARED,
                         EventKind.REQUEST_REFUSED, EventKind.REFERRAL_PREPARED,
                         EventKind.SHARE_OPENED, EventKind.SHARE_REFUSED,
                         EventKind.SHARE_STOPPED, EventKind.CONSULAR_SESSION,
                         EventKind.REQUEST_SENT, EventKind.CONSULATE_ANSWERED})
"""Events about what is done with an interview; they may follow its closing."""


class InterviewRecordError(UserError):
    """A recorded interview (events from a file or a store) that cannot be read."""

    code = "NATID-E050"


@dataclass(frozen=True)
class Event:
    """One thing that happened in an interview."""

    kind: EventKind
    at: str
    """When, in UTC: ``YYYY-MM-DDTHH:MM:SS.ffffffZ``."""
    officer: str
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def moment(self) -> datetime.datetime:
        """``at`` as an aware datetime."""
        return datetime.datetime.fromisoformat(self.at.replace("Z", "+00:00"))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the event."""
        return {"kind": str(self.kind), "at": self.at, "officer": self.officer,
                "data": self.data}

    @classmethod
    def from_dict(cls, raw: Any, index: int) -> Event:
        """Read an event from its JSON form; ``index`` is used in error messages.

        Raises:
            InterviewRecordError: the value is not an event.
        """
        if not isinstance(raw, dict):
            raise InterviewRecordError(f"event #{index + 1} is not a JSON object")
        try:
            kind = EventKind(str(raw.get("kind")))
        except ValueError:
            known = ", ".join(kind.value for kind in EventKind)
            raise InterviewRecordError(
                f"event #{index + 1} has an unknown kind {raw.get('kind')!r} (known: {known})"
            ) from None
        at, officer, data = raw.get("at"), raw.get("officer"), raw.get("data", {})
        if not isinstance(at, str) or parse_time(at) is None:
            raise InterviewRecordError(f"event #{index + 1} has no valid time 'at': {at!r}")
        if not isinstance(officer, str) or not officer.strip():
            raise InterviewRecordError(f"event #{index + 1} names no officer")
        if not isinstance(data, dict):
            raise InterviewRecordError(f"event #{index + 1}: 'data' is not a JSON object")
        return cls(kind, at, officer, data)


def format_time(moment: datetime.datetime) -> str:
    """A UTC timestamp as events store it."""
    utc = moment.astimezone(datetime.UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> datetime.datetime | None:
    """The moment of a stored timestamp, or None if it is not one."""
    try:
        moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
