"""The hash chain over each interview's stored events.

Each event's hash covers the previous event's hash, the interview id, the event's
place, its kind and time, the questionnaire's content hash and the event's stored
bytes (the payload as the codec wrote it). So anyone can verify a chain from the
stored bytes alone, without being able to read them once they are encrypted; an
edited, deleted, inserted or reordered event breaks the chain at that event.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64
"""The 'previous hash' of an interview's first event."""


def event_bytes(event: dict[str, Any]) -> bytes:
    """The canonical bytes of an event (sorted keys, no spaces, UTF-8)."""
    return json.dumps(event, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def link(previous: str, interview_id: str, seq: int, *, kind: str, at: str, content_hash: str,
         payload: bytes) -> str:
    """The hash of one stored event."""
    digest = hashlib.sha256()
    for part in (previous, interview_id, str(seq), kind, at, content_hash):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    digest.update(payload)
    return digest.hexdigest()


@dataclass(frozen=True)
class StoredEvent:
    """An event as the store holds it: its place, clear metadata and stored bytes."""

    seq: int
    kind: str
    at: str
    payload: bytes
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainReport:
    """The result of verifying one interview's chain."""

    interview_id: str
    events: int
    ok: bool
    broken_at: int | None = None
    """The place (1-based) of the first event that breaks the chain."""
    problem: str = ""


def verify_chain(interview_id: str, content_hash: str, events: list[StoredEvent],
                 head_hash: str, event_count: int) -> ChainReport:
    """Check every link, then that the chain ends where the interview's head says."""
    previous = GENESIS
    for expected_seq, stored in enumerate(events, start=1):
        if stored.seq != expected_seq:
            return ChainReport(interview_id, len(events), False, expected_seq,
                               f"event {expected_seq} is missing or out of order "
                               f"(found event {stored.seq} in its place)")
        if stored.prev_hash != previous:
            return ChainReport(interview_id, len(events), False, stored.seq,
                               f"event {stored.seq} does not follow the event before it")
        computed = link(previous, interview_id, stored.seq, kind=stored.kind, at=stored.at,
                        content_hash=content_hash, payload=stored.payload)
        if computed != stored.hash:
            return ChainReport(interview_id, len(events), False, stored.seq,
                               f"event {stored.seq} was changed after it was written")
        previous = stored.hash
    if len(events) != event_count or previous != head_hash:
        return ChainReport(interview_id, len(events), False, len(events) + 1,
                           f"the interview should have {event_count} events ending in its "
                           f"recorded head; {len(events)} were found: events were removed "
                           "or added at the end")
    return ChainReport(interview_id, len(events), True)
