"""How event payloads become stored bytes and back: the one place that sees them.

An event is written as its canonical JSON sealed with AES-256-GCM under its interview's
data key (:mod:`engine.store.crypto`), bound to the interview and the event's number.
Stores written before encryption hold the canonical JSON itself; those payloads are read
as they are and never rewritten (the chain hashes the stored bytes), while every new
event is sealed. The chain and the fold never see the difference.
"""

from __future__ import annotations

import json
from typing import Any

from engine.store.chain import event_bytes
from engine.store.crypto import Sealer, event_place, is_sealed


class PlainCodec:
    """Payloads stored as canonical JSON (stores written before encryption)."""

    name = "plain"

    def encode(self, event: dict[str, Any], interview_id: str, seq: int = 0,
               sealer: Sealer | None = None) -> bytes:
        """The bytes to store for an event of ``interview_id``."""
        return event_bytes(event)

    def decode(self, payload: bytes, interview_id: str, seq: int = 0,
               sealer: Sealer | None = None) -> dict[str, Any]:
        """The event back from its stored bytes."""
        decoded: dict[str, Any] = json.loads(payload.decode("utf-8"))
        return decoded


class SealedCodec(PlainCodec):
    """Payloads sealed under the interview's data key; plain ones are still read."""

    name = "aes-256-gcm"

    @staticmethod
    def sealed(payload: bytes) -> bool:
        """Whether a stored payload is sealed (else it is plain JSON, from before)."""
        return is_sealed(payload)

    def encode(self, event: dict[str, Any], interview_id: str, seq: int = 0,
               sealer: Sealer | None = None) -> bytes:
        """The event's canonical JSON sealed for its place (interview, number)."""
        if sealer is None:
            raise ValueError("a sealed payload needs the interview's data key")
        return sealer.seal(event_bytes(event), event_place(interview_id, seq))

    def decode(self, payload: bytes, interview_id: str, seq: int = 0,
               sealer: Sealer | None = None) -> dict[str, Any]:
        """The event back; :class:`~engine.store.crypto.SealBroken` if it was altered."""
        if not self.sealed(payload):
            return super().decode(payload, interview_id, seq)
        if sealer is None:
            raise ValueError("a sealed payload needs the interview's data key")
        decoded: dict[str, Any] = json.loads(
            sealer.open(payload, event_place(interview_id, seq)).decode("utf-8"))
        return decoded
