"""How event payloads become stored bytes and back: the one place that sees them.

Today the codec writes the event's canonical JSON. Encryption at rest replaces this
codec without touching the chain (which hashes the stored bytes) or the fold.
"""

from __future__ import annotations

import json
from typing import Any

from engine.store.chain import event_bytes


class PlainCodec:
    """Payloads stored as canonical JSON."""

    name = "plain"

    def encode(self, event: dict[str, Any], interview_id: str) -> bytes:
        """The bytes to store for an event of ``interview_id``."""
        return event_bytes(event)

    def decode(self, payload: bytes, interview_id: str) -> dict[str, Any]:
        """The event back from its stored bytes."""
        decoded: dict[str, Any] = json.loads(payload.decode("utf-8"))
        return decoded
