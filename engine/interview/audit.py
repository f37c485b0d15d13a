"""What each audit event must hold: best-interests steps, routings, requests, referrals.

These events say what was done with an interview, and who did it; they are checked
the same way when an officer records them and when they are read back from a store.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from engine.interview.events import EventKind

_NEEDS: dict[EventKind, dict[str, type]] = {
    EventKind.BEST_INTERESTS: {"authority": str, "reference": str},
    EventKind.ROUTED: {"country": str, "reason": str},
    EventKind.REQUEST_PREPARED: {"sha256": str, "consulate": str, "events": int,
                                 "document": str},
    EventKind.REQUEST_REFUSED: {"reasons": list},
    EventKind.REFERRAL_PREPARED: {"routes": list, "flags": list},
    EventKind.SHARE_OPENED: {"share": str, "consulate": str, "address": str},
    EventKind.SHARE_REFUSED: {"consulate": str, "reasons": list},
    EventKind.SHARE_STOPPED: {"share": str, "reason": str},
    EventKind.CONSULAR_SESSION: {"share": str, "session": str, "state": str},
    EventKind.REQUEST_SENT: {"on": str},
    EventKind.CONSULATE_ANSWERED: {"answer": str, "on": str},
}
CONSULAR_ANSWERS = ("issued", "refused", "more_information", "no_answer")
"""What a 'consulate_answered' event may record."""


def check_audit_event(kind: EventKind, data: dict[str, Any]) -> str:
    """What is missing from an audit event's data ('' when nothing is)."""
    for key, wanted in _NEEDS.get(kind, {}).items():
        value = data.get(key)
        if not isinstance(value, wanted) or isinstance(value, bool):
            return f"a '{kind}' event needs '{key}'"
        if isinstance(value, str) and not value.strip():
            return f"a '{kind}' event needs '{key}': it is empty"
    return _check_consular(kind, data)


def _check_consular(kind: EventKind, data: dict[str, Any]) -> str:
    """The day of a sent request or a consular answer, and the answer itself."""
    if kind not in (EventKind.REQUEST_SENT, EventKind.CONSULATE_ANSWERED):
        return ""
    if not _is_day(data["on"]):
        return f"a '{kind}' event needs 'on' as a day YYYY-MM-DD, not {data['on']!r}"
    if kind is EventKind.CONSULATE_ANSWERED and data["answer"] not in CONSULAR_ANSWERS:
        return (f"a '{kind}' event's answer is one of {', '.join(CONSULAR_ANSWERS)}, not "
                f"{data['answer']!r}")
    return ""


def _is_day(text: str) -> bool:
    """Whether ``text`` is a calendar day written YYYY-MM-DD."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True
