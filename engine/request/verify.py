"""``natid verify --request``: does a request file match the stored interview?

A request matches when its integrity block hashes to the interview's first events, when
natid recorded producing it, and when building it again from those events gives the
same content. A request changed by hand, or belonging to another interview, does not.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from pydantic import ValidationError

from engine.errors import UserError
from engine.interview import Interview
from engine.interview.events import Event, EventKind
from engine.model import Questionnaire, Screening
from engine.request.build import assemble
from engine.request.integrity import document_hash, events_hash, request_hash
from engine.request.model import CertificateRequest

MAX_REQUEST_BYTES = 64_000_000
"""A request's PDF carries the copies of the documents: a few images of at most 10 MB."""


class RequestMismatchError(UserError):
    """A request file that does not match the stored interview."""

    code = "NATID-E072"


def read_request(data: bytes) -> CertificateRequest:
    """A request from its JSON or its PDF (which carries the JSON).

    Raises:
        RequestMismatchError: the file is not a natid request.
    """
    if len(data) > MAX_REQUEST_BYTES:
        raise RequestMismatchError("the file is too large to be a natid request")
    if data.startswith(b"%PDF"):
        data = _attached_json(data)
    try:
        return CertificateRequest.model_validate_json(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "the file"
        raise RequestMismatchError(f"not a natid certificate request ({where}: "
                                   f"{first['msg']})") from None


def check_request(request: CertificateRequest, questionnaire: Questionnaire,
                  events: Sequence[Event], *, screening: Screening | None = None) -> list[str]:
    """What does not match between ``request`` and the interview's ``events`` ([] if all)."""
    integrity = request.integrity
    if not events or events[0].data.get("interview_id") != integrity.interview_id:
        return [f"the request belongs to interview {integrity.interview_id}, not this one"]
    count = integrity.events
    if not 0 < count <= len(events):
        return [f"the request was built from {count} events; the interview has {len(events)}"]
    problems: list[str] = []
    if events_hash(events[:count]) != integrity.events_hash:
        problems.append("the interview's events differ from those the request was built from")
    expected = request_hash(country=integrity.questionnaire_country,
                            version=integrity.questionnaire_version,
                            questionnaire_hash=integrity.questionnaire_hash,
                            interview_id=integrity.interview_id, events=count,
                            chain=integrity.events_hash)
    if expected != integrity.sha256:
        problems.append("the integrity hash does not match the request's integrity block")
    produced = [event for event in events[count:] if event.kind is EventKind.REQUEST_PREPARED
                and event.data.get("sha256") == integrity.sha256]
    if not produced:
        problems.append("the interview has no record of natid producing this request")
    elif all(event.data.get("document") != document_hash(request) for event in produced):
        problems.append("the request was changed after natid produced it")
    if problems:
        return problems
    interview = Interview(questionnaire, events[:count], screening=screening)
    rebuilt = assemble(interview, officer=request.prepared_by,
                       interviewing_country=request.interviewing_country,
                       consulate=request.addressee.consulate_id, language=request.language,
                       prepared_at=request.prepared_at)
    given, again = request.model_dump(mode="json"), rebuilt.model_dump(mode="json")
    return [f"'{key}' differs from what the interview gives" for key in given
            if given[key] != again.get(key)]


def read_copies(data: bytes) -> dict[str, bytes]:
    """The files a request's PDF carries beside its JSON (the documents' copies), by name.

    Raises:
        RequestMismatchError: the PDF cannot be read.
    """
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    from engine.request.layouts import REQUEST_FILE

    try:
        attached = PdfReader(io.BytesIO(data)).attachments
        return {name: contents[0] for name, contents in attached.items()
                if name != REQUEST_FILE and contents}
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        raise RequestMismatchError("the PDF cannot be read") from None


def check_copies(request: CertificateRequest, copies: dict[str, bytes]) -> list[str]:
    """What is wrong with the documents' copies sent with ``request`` ([] if nothing)."""
    problems = []
    for document in request.documents:
        if document.file is None:
            continue
        data = copies.get(document.file.name)
        if data is None:
            problems.append(f"the copy of document {document.document_id} "
                            f"({document.file.name}) is missing")
        elif hashlib.sha256(data).hexdigest() != document.file.sha256:
            problems.append(f"the copy {document.file.name} was changed: its sha256 is not "
                            "the one the request gives")
    return problems


def _attached_json(data: bytes) -> bytes:
    """The request's JSON, attached to a PDF natid wrote."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    from engine.request.layouts import REQUEST_FILE

    try:
        attached = PdfReader(io.BytesIO(data)).attachments.get(REQUEST_FILE)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        raise RequestMismatchError("the PDF cannot be read") from None
    if not attached:
        raise RequestMismatchError(f"the PDF carries no {REQUEST_FILE}: it was not written by "
                                   "natid, or was saved again by another program")
    return attached[0]
