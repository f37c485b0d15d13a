"""The questionnaire format: pydantic models, the single source of truth.

The JSON Schema in ``engine/schemas/questionnaire.schema.json`` is generated from
these models (``natid schema``) and kept in sync by a test.
"""

from __future__ import annotations

from engine.model.checks import AgeMatchesCheck, Check, PrefixCheck, WithinCheck
from engine.model.conditions import (
    AllOf,
    AnswerEquals,
    AnswerGiven,
    AnswerGreaterThan,
    AnswerIn,
    AnswerLessThan,
    AnyOf,
    Condition,
    Not,
)
from engine.model.consulates import RCM_COUNTRIES, Consulate, Contact, Procedure
from engine.model.form import Form, LanguageInfo, TranslationStatus
from engine.model.parameters import (
    AcceptedAnswer,
    AnswerKey,
    Choice,
    EvidenceTier,
    Kind,
    LikelihoodRatios,
    NumberRange,
    Parameter,
    RequestSection,
    Verification,
)
from engine.model.questionnaire import Questionnaire, Rule
from engine.model.screening import Effect, ProtectionFlag, Route, Screening

__all__ = [
    "RCM_COUNTRIES",
    "AcceptedAnswer",
    "AgeMatchesCheck",
    "AllOf",
    "AnswerEquals",
    "AnswerGiven",
    "AnswerGreaterThan",
    "AnswerIn",
    "AnswerKey",
    "AnswerLessThan",
    "AnyOf",
    "Check",
    "Choice",
    "Condition",
    "Consulate",
    "Contact",
    "Effect",
    "EvidenceTier",
    "Form",
    "Kind",
    "LanguageInfo",
    "LikelihoodRatios",
    "Not",
    "NumberRange",
    "Parameter",
    "PrefixCheck",
    "Procedure",
    "ProtectionFlag",
    "Questionnaire",
    "RequestSection",
    "Route",
    "Rule",
    "Screening",
    "TranslationStatus",
    "Verification",
    "WithinCheck",
]
