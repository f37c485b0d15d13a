"""What each audit event must hold: best-interests steps, routings, requests, referrals.

These events say what was done with an interview, and who did it; they are checked
the same way when an officer records them and when they are read back from a store.
"""

from __future__ import annotations

from typing import Any

from engine.interview.events import EventKind

_NEEDS: dict[EventKind, dict[str, type]] = {
    EventKind.BEST_INTERESTS: {"authority": str, "reference": str},
    EventKind.ROUTED: {"country": str, "reason": str},
    EventKind.REQUEST_PREPARED: {"sha256": str, "consulate": str, "events": int,
                                 "document": str},
    EventKind.REQUEST_REFUSED: {"reasons": list},
    EventKind.REFERRAL_PREPARED: {"routes": list, "flags": list},
}


def check_audit_event(kind: EventKind, data: dict[str, Any]) -> str:
    """What is missing from an audit event's data ('' when nothing is)."""
    for key, wanted in _NEEDS.get(kind, {}).items():
        value = data.get(key)
        if not isinstance(value, wanted) or isinstance(value, bool):
            return f"a '{kind}' event needs '{key}'"
        if isinstance(value, str) and not value.strip():
            return f"a '{kind}' event needs '{key}': it is empty"
    return ""
