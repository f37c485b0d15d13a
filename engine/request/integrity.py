"""The integrity hash that ties a request to the questionnaire and the interview's events."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from pydantic import BaseModel

from engine.interview.events import Event


def events_hash(events: Sequence[Event]) -> str:
    """sha256 over the events' canonical JSON, one per line, in order."""
    digest = hashlib.sha256()
    for event in events:
        digest.update(json.dumps(event.to_dict(), sort_keys=True, ensure_ascii=False,
                                 separators=(",", ":")).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def document_hash(request: BaseModel) -> str:
    """sha256 over a request's content (its canonical JSON): any edit changes it."""
    text = json.dumps(request.model_dump(mode="json"), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def request_hash(*, country: str, version: str, questionnaire_hash: str, interview_id: str,
                 events: int, chain: str) -> str:
    """sha256 over the questionnaire's identity and the events the request was built from."""
    material = "|".join(("natid-request-1", country, version, questionnaire_hash, interview_id,
                         str(events), chain))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()
