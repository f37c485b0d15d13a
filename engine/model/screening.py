"""The shared protection screening: questions asked before any country questionnaire.

Its flags say, from the answers, who may need protection; the engine's gate reads
them (engine/protection) so that nothing reaches a consulate for such a person.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from engine.model.common import Identifier, LocalizedText, StrictModel
from engine.model.conditions import Condition
from engine.model.form import Form
from engine.model.parameters import EvidenceTier, Parameter, Verification


class Effect(StrEnum):
    """What a raised flag does to the certificate request."""

    BLOCK = "block"
    """No request can be produced; a referral to the flag's route is produced instead."""
    BEST_INTERESTS = "best_interests"
    """The request waits until a best-interests step is recorded; a referral is produced."""
    HOLD = "hold"
    """The request waits until the answer changes (consent not given); no referral."""
    CARE = "care"
    """The request says what care is needed (no narrative); a referral is produced."""


class Route(StrEnum):
    """The national authority a referral goes to."""

    ASYLUM_AUTHORITY = "asylum_authority"
    CHILD_PROTECTION = "child_protection"
    ANTI_TRAFFICKING = "anti_trafficking"
    HEALTH_SERVICES = "health_services"


class ProtectionFlag(StrictModel):
    """A sign, read from the screening's answers, that the person may need protection."""

    id: Identifier
    """A unique id, recorded with every block and in the referral."""
    when: Condition
    """The answers that raise the flag."""
    effect: Effect
    """block, best_interests, hold or care."""
    route: Route | None = None
    """Where the referral goes: asylum_authority, child_protection, anti_trafficking or
    health_services (every effect but 'hold' needs one)."""
    label: LocalizedText
    """What the officer sees, e.g. 'Fear of return'."""
    guidance: LocalizedText | None = None
    """What the officer does now."""
    care_need: LocalizedText | None = None
    """For 'care': the words the request carries, without narrative."""


class ScreeningQuestion(Parameter):
    """A question of the screening: a parameter that is never scored or verified."""

    evidence: EvidenceTier = EvidenceTier.PRESUMPTION
    """Not used by the screening: its answers are never scored."""
    verify: Verification = Verification.OFFICER
    """Not used by the screening: its answers are never verified."""


class Screening(Form):
    """The protection screening every interview begins with (questionnaires/screening.yaml)."""

    parameters: list[ScreeningQuestion] = Field(min_length=1)  # type: ignore[assignment]
    """The questions, in the order they are asked."""
    declared_nationality: Identifier
    """The choice parameter whose answer is the nationality the person declares (country
    codes; other values such as 'unknown' or 'stateless' declare none)."""
    flags: list[ProtectionFlag] = Field(min_length=1)
    """The protection flags and what each does."""

    def summary(self) -> str:
        """One line for listings: version, size and languages."""
        title = self.title.get("en") or self.title[self.source_language]
        return (f"{title} v{self.version}: {len(self.parameters)} questions, "
                f"{len(self.flags)} flags, languages {', '.join(self.languages)}"
                + (" [example]" if self.example else ""))
