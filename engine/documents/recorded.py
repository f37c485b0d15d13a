"""A document the person carries, as an interview records it, and what it is worth.

The officer records a document seen (an original, or a copy or a photo of one): its
type, issuing country, number, dates, who saw it, optionally the two or three lines
of its machine-readable zone and the file of the copy. Its evidence tier follows
from the type and from original/copy (DESIGN §3): an original passport, national ID
card or citizenship certificate, not expired, **proves** nationality; a copy, an
expired document or any other type of document establishes a **presumption**.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from engine.i18n import N_, _
from engine.model import EvidenceTier

DOCUMENT_TYPES: dict[str, str] = {
    "passport": N_("passport"),
    "national_id": N_("national identity card"),
    "birth_certificate": N_("birth certificate"),
    "citizenship_certificate": N_("citizenship certificate"),
    "driving_licence": N_("driving licence"),
    "voter_card": N_("voter card"),
    "ration_card": N_("ration card"),
    "other": N_("other document"),
}
"""The types of document an officer records, and their names (translated when shown)."""

PROVING_TYPES = frozenset({"passport", "national_id", "citizenship_certificate"})
"""Documents whose original, not expired, proves nationality."""

MAX_TEXT = 200
"""The longest number, name or note a document field takes."""


class DocumentRecordError(ValueError):
    """A document's details that cannot be recorded (the message says which and why)."""


@dataclass(frozen=True)
class AttachedFile:
    """The file of a copy or a photo, kept in the store by its SHA-256."""

    sha256: str
    """Of the file as received (the store keeps these bytes)."""
    media_type: str
    size: int
    consulate_sha256: str
    """Of the copy that goes to a consulate: the same file without its metadata (EXIF
    GPS…), made again from the stored bytes whenever a request is written."""
    name: str = ""
    """The file's name as received (for the officer; its content decides its type)."""

    def to_dict(self) -> dict[str, Any]:
        """The form kept in the event."""
        return {"sha256": self.sha256, "media_type": self.media_type, "size": self.size,
                "consulate_sha256": self.consulate_sha256, "name": self.name}

    @property
    def extension(self) -> str:
        """'.jpg', '.png' or '.pdf'."""
        return {"image/jpeg": ".jpg", "image/png": ".png"}.get(self.media_type, ".pdf")


@dataclass(frozen=True)
class RecordedDocument:
    """One document recorded in an interview (from its 'document_recorded' event)."""

    document_id: str
    type: str
    original: bool
    issuing_country: str
    """ISO 3166 alpha-2 ('IN'); '' when not known."""
    number: str
    issued: str
    """'YYYY-MM-DD', or '' when not known."""
    expires: str
    seen_by: str
    at: str
    """When it was recorded (UTC)."""
    mrz: tuple[str, ...] = ()
    """The machine-readable zone's lines as typed, when given."""
    file: AttachedFile | None = None
    note: str = ""

    @property
    def day(self) -> datetime.date:
        """The day it was recorded."""
        return datetime.date.fromisoformat(self.at[:10])

    @property
    def expired(self) -> bool:
        """Whether its expiry date had passed on the day it was recorded."""
        return bool(self.expires) and datetime.date.fromisoformat(self.expires) < self.day

    @property
    def tier(self) -> EvidenceTier:
        """The evidence tier (DESIGN §3).

        Proof: an original passport, ID card or citizenship certificate, not expired;
        presumption: anything else.
        """
        if self.type in PROVING_TYPES and self.original and not self.expired:
            return EvidenceTier.PROOF
        return EvidenceTier.PRESUMPTION

    def type_name(self) -> str:
        """The type in the officer's language."""
        return _(DOCUMENT_TYPES[self.type])

    def describe(self) -> str:
        """E.g. 'passport (copy) of IN, no. K1234567', in the officer's language."""
        form = _("original") if self.original else _("copy")
        parts = [f"{self.type_name()} ({form})"]
        if self.issuing_country:
            parts.append(_("of {country}").format(country=self.issuing_country))
        if self.number:
            parts.append(_("no. {number}").format(number=self.number))
        return " ".join(parts)


def document_data(kind: Any, *, original: Any, issuing_country: Any = "", number: Any = "",
                  issued: Any = "", expires: Any = "", seen_by: Any = "", mrz: Any = None,
                  file: AttachedFile | None = None, note: Any = "",
                  today: datetime.date) -> dict[str, Any]:
    """The data of a 'document_recorded' event, every field checked.

    Raises:
        DocumentRecordError: a field that cannot be recorded, named with the reason.
    """
    if kind not in DOCUMENT_TYPES:
        raise DocumentRecordError(_("a document's type is one of {types}, not {kind!r}").format(
            types=", ".join(DOCUMENT_TYPES), kind=kind))
    if not isinstance(original, bool):
        raise DocumentRecordError(_("say whether the document seen is the original or a copy"))
    country = _country(issuing_country)
    dates = {"issued": _date(issued, "issued", today, past=True),
             "expires": _date(expires, "expires", today, past=False)}
    if dates["issued"] and dates["expires"] and dates["expires"] < dates["issued"]:
        raise DocumentRecordError(_("the document expires ({expires}) before it was issued "
                                    "({issued})").format(**dates))
    data: dict[str, Any] = {
        "document_id": uuid.uuid4().hex[:12], "type": kind, "original": original,
        "issuing_country": country, "number": _text(number, "number"), **dates,
        "seen_by": _text(seen_by, "seen_by"), "note": _text(note, "note"),
    }
    if mrz is not None:
        data["mrz"] = mrz_lines(mrz)
    if file is not None:
        data["file"] = file.to_dict()
    return data


def mrz_lines(text: Any) -> list[str]:
    """The machine-readable zone as its lines, read and checked by engine.documents.mrz.

    Raises:
        DocumentRecordError: not text; engine.documents.mrz.MrzError: not a readable MRZ
            (wrong length, lower-case letters, unknown format).
    """
    from engine.documents.mrz import read_mrz

    if not isinstance(text, str):
        raise DocumentRecordError(_("the machine-readable zone is text: its two or three "
                                    "lines"))
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    read_mrz("\n".join(lines))
    return lines


def from_zone(mrz: Any, issuing_country: Any, number: Any,
              expires: Any) -> tuple[Any, Any, Any]:
    """The issuing country, number and expiry date, those not given taken from the MRZ.

    Raises:
        DocumentRecordError: the MRZ is not text; engine.documents.mrz.MrzError: it
            cannot be read.
    """
    from engine.documents.mrz import read_mrz

    zone = read_mrz("\n".join(mrz_lines(mrz)))
    expiry = zone.expiry_date if zone.expiry_date and len(zone.expiry_date) == 10 else ""
    return (issuing_country or zone.issuing_state_alpha2 or "",
            number or zone.document_number, expires or expiry)


def from_event(data: dict[str, Any], at: str) -> RecordedDocument:
    """The document an event recorded.

    Raises:
        DocumentRecordError: the event's data is not that of a document.
    """
    try:
        file = data.get("file")
        attached = None if file is None else AttachedFile(
            _hash(file["sha256"]), _media_type(file["media_type"]), int(file["size"]),
            _hash(file["consulate_sha256"]), str(file.get("name", "")))
        mrz = data.get("mrz") or []
        if not isinstance(mrz, list) or not all(isinstance(line, str) for line in mrz):
            raise DocumentRecordError(_("the machine-readable zone is recorded as lines"))
        found = RecordedDocument(
            document_id=_required(data, "document_id"), type=_required(data, "type"),
            original=data["original"], issuing_country=str(data.get("issuing_country", "")),
            number=str(data.get("number", "")), issued=str(data.get("issued", "")),
            expires=str(data.get("expires", "")), seen_by=str(data.get("seen_by", "")),
            at=at, mrz=tuple(mrz), file=attached, note=str(data.get("note", "")))
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, DocumentRecordError):
            raise
        raise DocumentRecordError(_("a recorded document lacks {what}").format(
            what=error)) from None
    if found.type not in DOCUMENT_TYPES or not isinstance(found.original, bool):
        raise DocumentRecordError(_("a recorded document has an unknown type or no "
                                    "original/copy"))
    for value in (found.issued, found.expires):
        if value:
            datetime.date.fromisoformat(value)
    return found


def _required(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value:
        raise DocumentRecordError(_("a recorded document lacks '{key}'").format(key=key))
    return value


def _hash(value: Any) -> str:
    if not isinstance(value, str) or len(value) != 64 or any(
            char not in "0123456789abcdef" for char in value):
        raise DocumentRecordError(_("a document's file is named by its SHA-256 (64 hex "
                                    "digits)"))
    return value


MEDIA_TYPES = ("image/jpeg", "image/png", "application/pdf")


def _media_type(value: Any) -> str:
    if value not in MEDIA_TYPES:
        raise DocumentRecordError(_("a document's file is a JPEG, PNG or PDF, not {value!r}")
                                  .format(value=value))
    return str(value)


def _country(value: Any) -> str:
    from engine.i18n import country_name

    if value in ("", None):
        return ""
    code = value.strip().upper() if isinstance(value, str) else ""
    if len(code) != 2 or not code.isalpha() or country_name(code, "en") == code:
        raise DocumentRecordError(_("the issuing country is an ISO code such as IN or NP, "
                                    "not {value!r}").format(value=value))
    return code


def _date(value: Any, what: str, today: datetime.date, *, past: bool) -> str:
    if value in ("", None):
        return ""
    try:
        day = datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        day = None
    if day is None or len(value) != 10:
        raise DocumentRecordError(_("'{what}' is a date written YYYY-MM-DD, not {value!r}")
                                  .format(what=what, value=value))
    if past and day > today:
        raise DocumentRecordError(_("the document cannot have been issued after today "
                                    "({day})").format(day=value))
    return day.isoformat()


def _text(value: Any, what: str) -> str:
    if value in ("", None):
        return ""
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise DocumentRecordError(_("'{what}' is text of at most {limit} characters")
                                  .format(what=what, limit=MAX_TEXT))
    return value.strip()


def mrz_checked(document: RecordedDocument) -> bool | None:
    """Whether every check digit of the document's MRZ holds (None: no MRZ typed)."""
    if not document.mrz:
        return None
    from engine.documents.mrz import read_mrz

    return read_mrz("\n".join(document.mrz), today=document.day).valid


def copy_name(document: RecordedDocument) -> str:
    """The file name of the document's copy sent with a request ('' without a file)."""
    if document.file is None:
        return ""
    return f"document-{document.document_id}{document.file.extension}"
