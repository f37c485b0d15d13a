"""The consular representations of a country of origin that serve the RCM region."""

from __future__ import annotations

import datetime
from enum import StrEnum
from typing import Literal, get_args

from pydantic import Field

from engine.model.common import CountryCode, Identifier, LanguageCode, StrictModel

RcmCountry = Literal["BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US"]
"""The member states of the Regional Conference on Migration."""
RCM_COUNTRIES: tuple[str, ...] = get_args(RcmCountry)


class Procedure(StrEnum):
    """What a representation does for people found in the region."""

    NATIONALITY_VERIFICATION = "nationality_verification"
    EMERGENCY_TRAVEL_DOCUMENT = "emergency_travel_document"
    REMOTE_INTERVIEW = "remote_interview"
    PASSPORT = "passport"


class Contact(StrictModel):
    """How to reach a representation."""

    address: str | None = None
    """Street address."""
    phone: str | None = None
    """Telephone, with the international prefix."""
    email: str | None = None
    """E-mail address of the consular section."""
    website: str | None = None
    """Official website."""


class Consulate(StrictModel):
    """An embassy, high commission or consulate that serves RCM countries."""

    id: Identifier
    """A unique id, used when choosing where a request goes."""
    name: str = Field(min_length=1)
    """The representation's official name."""
    kind: Literal["embassy", "high_commission", "consulate_general", "consulate",
                  "honorary_consulate"]
    """What kind of representation it is."""
    city: str = Field(min_length=1)
    """Where it is."""
    country: CountryCode
    """The country it is in."""
    serves: list[RcmCountry] = Field(min_length=1)
    """The RCM countries it is accredited to or covers."""
    procedures: list[Procedure] = Field(min_length=1)
    """What it does: nationality_verification, emergency_travel_document,
    remote_interview, passport."""
    contact: Contact = Field(default_factory=Contact)
    """How to reach it (leave out what is not confirmed)."""
    preferred_language: LanguageCode
    """The language requests should be written in."""
    last_verified: datetime.date
    """When these details were last checked (YYYY-MM-DD)."""
    note: str | None = None
    """Anything an officer should know before writing."""
