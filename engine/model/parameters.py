"""Parameters: the questions of a questionnaire, their choices and answer keys."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from engine.model.common import Identifier, LanguageCode, LocalizedText, StrictModel
from engine.model.conditions import Condition


class Kind(StrEnum):
    """What kind of answer a parameter takes."""

    TEXT = "text"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    YES_NO = "yes_no"
    DATE = "date"
    NUMBER = "number"


class EvidenceTier(StrEnum):
    """How much a confirmed answer says about nationality (DESIGN §3)."""

    PROOF = "proof"
    """Documents that prove nationality: passport, national ID card, citizenship certificate."""
    PRESUMPTION = "presumption"
    """Copies, expired documents, birth certificates, driving licences, statements."""
    KNOWLEDGE = "knowledge"
    """Knowledge of the country: weak alone, reported per domain."""
    LANGUAGE = "language"
    """Languages spoken: shows where someone grew up, not nationality; capped."""


class Verification(StrEnum):
    """Who or what checks an answer."""

    AUTO = "auto"
    """natid compares the answer with the parameter's answer key."""
    OFFICER = "officer"
    """The officer records that a document was seen, or the interpreter confirms."""
    CONSULATE = "consulate"
    """Only the consulate can check it: it becomes an item of the request."""


class RequestSection(StrEnum):
    """Where an answer appears among the person's particulars in the certificate request."""

    NAME = "name"
    """A name or part of one (given name, family name, father's name, other names)."""
    SEX = "sex"
    BIRTH = "birth"
    """Date, age or place of birth."""
    FAMILY = "family"
    """Parents and other relatives."""
    ADDRESS = "address"
    """Where the person lived: state, district, village, postal code."""
    DOCUMENT = "document"
    """Identity documents held or seen, and their numbers."""
    LANGUAGE = "language"
    """Languages spoken."""


class Choice(StrictModel):
    """One possible answer of a choice or multi-choice parameter."""

    value: str = Field(min_length=1, max_length=80)
    """The value stored and used in conditions and checks, e.g. 'PB'."""
    label: LocalizedText
    """What is shown, in each language of the questionnaire."""
    within: str | None = Field(default=None, min_length=1, max_length=80)
    """For lists checked by a 'within' check: the value of the choice that contains
    this one (a district's state, for example)."""


class AcceptedAnswer(StrictModel):
    """One correct answer, with the other ways people write it."""

    value: bool | str | int | float
    """The answer as the key holder writes it (true/false for a yes_no parameter)."""
    variants: dict[LanguageCode, list[str]] = Field(default_factory=dict)
    """Other spellings and transliterations, per language ('hi': ['दिल्ली'])."""


Accepted = AcceptedAnswer | bool | str | int | float


class AnswerKey(StrictModel):
    """What counts as a correct answer for an 'auto' parameter.

    Either one list for everyone (``accept``), or a list per answer of an earlier
    parameter (``depends_on`` and ``cases``): the capital of the state given, say.
    """

    accept: list[Accepted] | None = Field(default=None, min_length=1)
    """Correct answers, whatever else was answered."""
    depends_on: Identifier | None = None
    """An earlier choice parameter whose answer selects the case."""
    cases: dict[str, list[Accepted]] | None = Field(default=None, min_length=1)
    """Correct answers per value of the 'depends_on' parameter."""
    max_typos: int = Field(default=1, ge=0, le=3)
    """Spelling mistakes tolerated in text answers of six letters or more."""
    tolerance: float = Field(default=0, ge=0)
    """For numbers: how far off an answer may be and still count (0: exact)."""


class LikelihoodRatios(StrictModel):
    """How strongly this parameter's outcome moves the strength of support.

    Leave out to use the defaults of the parameter's evidence tier (docs/scoring.md).
    """

    confirmed: float | None = Field(default=None, gt=1, le=1_000_000)
    """Likelihood ratio when the answer is confirmed (greater than 1)."""
    contradicted: float | None = Field(default=None, gt=0, lt=1)
    """Likelihood ratio when the answer is contradicted (between 0 and 1)."""


class NumberRange(StrictModel):
    """The answers a number parameter accepts."""

    min: float | None = None
    """The smallest answer accepted."""
    max: float | None = None
    """The largest answer accepted."""


class Parameter(StrictModel):
    """One question of the interview and how its answer is verified."""

    id: Identifier
    """A unique id, used in conditions, checks, scenarios and the request."""
    kind: Kind
    """text, choice, multi_choice, yes_no, date or number."""
    prompt: LocalizedText
    """The question, in each language of the questionnaire."""
    label: LocalizedText | None = None
    """A short name for the answer ('Full name'), used in the certificate request and in
    reports; left out, the prompt is used."""
    help: LocalizedText | None = None
    """Guidance for the officer: how to ask, what to look for."""
    required: bool = False
    """The officer cannot finish the interview without an answer (declining counts)."""
    when: Condition | None = None
    """Ask only when this condition on earlier answers holds."""
    evidence: EvidenceTier
    """proof, presumption, knowledge or language."""
    domain: Identifier | None = None
    """For knowledge parameters: the domain (geography, culture, civics, ...)."""
    verify: Verification
    """auto, officer or consulate."""
    choices: Annotated[list[Choice], Field(min_length=1)] | Identifier | None = None
    """For choice and multi_choice: the choices, or the name of a list in 'choice_lists'."""
    answer_key: AnswerKey | None = None
    """For verify: auto only: the correct answers."""
    likelihood_ratio: LikelihoodRatios | None = None
    """Overrides the tier's default likelihood ratios."""
    range: NumberRange | None = None
    """For number parameters: the answers accepted."""
    calendars: list[Literal["ethiopian", "bikram_sambat", "solar_hijri"]] | None = Field(
        default=None, min_length=1)
    """For date parameters: the calendars, besides the Gregorian, the person may give the
    date in (ethiopian, bikram_sambat, solar_hijri); natid keeps the date as given and
    its Gregorian date."""
    request: RequestSection | None = None
    """Where the answer appears among the person's particulars in the certificate request
    (name, sex, birth, family, address, document, language); left out, the answer is only
    part of the evidence."""
