"""The certificate request for a consulate: the model, the source of its JSON Schema.

A request is built from an interview by :func:`engine.request.build_request`, only when
the protection gate allows it. It carries the person's particulars, the evidence, the
items for the consulate to verify and a block for the consulate's decision, and never
anything about asylum, the protection screening or criminal matters.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class RequestPart(BaseModel):
    """Base of the request's models: unknown keys refused when a request is read back."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Addressee(RequestPart):
    """The representation the request is addressed to (from the consulate directory)."""

    consulate_id: str
    name: str
    kind: str
    """embassy, high_commission, consulate_general, consulate or honorary_consulate."""
    city: str
    country: str
    """Where the representation is (ISO 3166-1 alpha-2)."""
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    preferred_language: str
    """The language the consulate asked requests to be written in."""
    last_verified: str
    """When the directory's details were last checked (YYYY-MM-DD)."""


class Nationality(RequestPart):
    """Declared and presumed nationality, kept apart, and where the request is routed."""

    declared: str | None
    """What the person declared (ISO code), or None when they declared none."""
    presumed: str
    """The nationality the interview's questionnaire tests (ISO code)."""
    routed_to: str
    """The country whose consulate receives the request."""
    routing: Literal["declared", "presumed", "officer"]
    """declared: the person's own declaration; presumed: nothing was declared; officer: an
    officer routed it to the presumed nationality, with a recorded reason."""
    routing_reason: str | None = None
    """The officer's reason, when routing is 'officer'."""


class Particular(RequestPart):
    """One of the person's particulars, as answered in the interview."""

    section: str
    """name, sex, birth, family, address, document or language."""
    parameter: str
    """The questionnaire parameter it answers."""
    label: str
    """The question, in the request's language."""
    value: str
    """The answer as written for the consulate (choice labels, names in their own script)."""
    answer: Any
    """The answer as recorded."""
    estimated: bool = False
    """For dates: only the year, or the year and month, are known."""
    calendar: str | None = None
    """For a date the person gave in another calendar: that calendar (ethiopian,
    bikram_sambat, solar_hijri); ``answer`` is then its Gregorian date."""
    given: str | None = None
    """That date as the person gave it, in its calendar's numbering."""


class EvidenceItem(RequestPart):
    """One parameter behind the evidence basis."""

    parameter: str
    label: str
    outcome: str
    """confirmed, contradicted, unconfirmed, declined, dont_know or not asked."""
    tier: str
    """proof, presumption, knowledge or language."""
    contribution: float
    """What it adds to log10 of the likelihood ratio."""


class Evidence(RequestPart):
    """The evidence basis: the country's rule and the strength of support, side by side."""

    conclusion: str
    """presumption supported, insufficient or consular interview needed."""
    confirmations_required: int
    confirmed: list[str]
    """The parameters confirmed."""
    rule_met: bool
    log10_lr: float
    strength: str
    """The strength of support in words (ENFSI verbal scale)."""
    items: list[EvidenceItem]
    contradictions: list[str]


class DocumentFile(RequestPart):
    """The copy or photo of a document, sent with the request."""

    name: str
    """Its file name: in the PDF's attachments, and beside the request's JSON."""
    media_type: str
    """image/jpeg, image/png or application/pdf."""
    sha256: str
    """Of the file sent: the copy as received, its metadata (EXIF GPS…) removed."""
    original_sha256: str
    """Of the file as received; the interview's log keeps it."""


class DocumentSeen(RequestPart):
    """A document the person carries, seen by an officer."""

    document_id: str
    type: str
    """passport, national_id, birth_certificate, citizenship_certificate,
    driving_licence, voter_card, ration_card or other."""
    label: str
    """The type in the request's language."""
    original: bool
    """The original was seen (false: a copy or a photo of one)."""
    issuing_country: str | None
    number: str | None
    issued: str | None
    expires: str | None
    tier: str
    """proof or presumption (an original passport proves; a copy presumes)."""
    seen_by: str
    mrz_checked: bool | None
    """Its machine-readable zone was typed and every check digit holds (false: one fails;
    null: no zone was typed)."""
    file: DocumentFile | None = None


class ItemToVerify(RequestPart):
    """An answer only the consulate can check against its own records."""

    parameter: str
    label: str
    value: str


class BestInterests(RequestPart):
    """The best-interests step recorded for a child."""

    officer: str
    at: str
    authority: str
    """Who determined the child's best interests (the child protection authority)."""
    reference: str
    """The reference of that determination."""


class ChildProtection(RequestPart):
    """For a child: the child protection route and the best-interests step."""

    route: Literal["child_protection"] = "child_protection"
    best_interests: BestInterests


class ConsulateDecision(RequestPart):
    """Left blank by natid: the consulate writes its decision here."""

    decision: Literal["nationality_confirmed", "nationality_not_confirmed",
                      "more_information_needed"] | None = None
    reference: str | None = None
    date: str | None = None
    officer: str | None = None


class Integrity(RequestPart):
    """What lets ``natid verify --request`` tie the request to the stored interview."""

    interview_id: str
    questionnaire_country: str
    questionnaire_version: str
    questionnaire_hash: str
    """sha256 of the questionnaire file the interview was run with."""
    events: int
    """How many events of the interview the request was built from."""
    events_hash: str
    """sha256 over those events (their canonical JSON, in order)."""
    sha256: str
    """sha256 over the questionnaire's identity and ``events_hash``."""


class CertificateRequest(RequestPart):
    """A request to a consulate to certify a person's nationality."""

    format_version: Literal[1] = 1
    request_id: str
    """The interview id and the number of events it was built from."""
    prepared_at: str
    """When natid prepared it (UTC); an officer sends it, natid never does."""
    prepared_by: str
    """The officer who prepared it."""
    office: str
    interviewing_country: str
    """The RCM country where the person is (ISO code)."""
    language: str
    """The language of the labels."""
    addressee: Addressee
    nationality: Nationality
    particulars: list[Particular]
    evidence: Evidence
    to_verify: list[ItemToVerify]
    documents: list[DocumentSeen] = Field(default_factory=list)
    """The documents recorded in the interview, with the copies sent."""
    care_needs: list[str]
    """Care the person needs, without narrative."""
    child_protection: ChildProtection | None = None
    consulate_decision: ConsulateDecision = Field(default_factory=ConsulateDecision)
    integrity: Integrity
