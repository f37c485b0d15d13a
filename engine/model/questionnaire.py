"""The questionnaire a country of origin contributes: the root of the YAML format."""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field

from engine.model.checks import Check
from engine.model.common import CountryCode, Identifier, LanguageCode, LocalizedText, StrictModel
from engine.model.consulates import Consulate
from engine.model.parameters import Choice, Kind, Parameter, Verification


class TranslationStatus(StrEnum):
    """How far a language's texts can be trusted."""

    SOURCE = "source"
    """The language the questionnaire was written in."""
    REVIEWED = "reviewed"
    """Translated and checked by a native speaker."""
    MACHINE = "machine"
    """Machine-made: awaiting native review."""
    DRAFT = "draft"
    """Incomplete: missing texts are not reported."""


class LanguageInfo(StrictModel):
    """One language the questionnaire is written in, and the state of its texts."""

    status: TranslationStatus
    """source, reviewed, machine (awaiting native review) or draft."""
    reviewed_by: str | None = None
    """Who reviewed the translation, for 'reviewed'."""
    note: str | None = None
    """Anything translators should know."""


class Rule(StrictModel):
    """The country's rule for issuing a travel document."""

    confirmations_required: int = Field(ge=1, le=1000)
    """How many confirmed parameters let the authority issue a travel document."""
    description: LocalizedText | None = None
    """The rule in the country's own words."""


class Questionnaire(StrictModel):
    """A nationality-identification questionnaire for one country of origin."""

    format_version: Literal[1]
    """The version of natid's questionnaire format this file follows: 1."""
    country: CountryCode
    """The country of presumed nationality (ISO 3166-1 alpha-2)."""
    title: LocalizedText
    """The questionnaire's name, in its languages."""
    version: str = Field(min_length=1, max_length=40)
    """The issuer's version of this questionnaire, e.g. '2026.1'."""
    issued_by: str = Field(min_length=1)
    """The authority that issued it."""
    example: bool = False
    """true for examples modelled on public practice, not issued by the country."""
    source_language: LanguageCode
    """The language the questionnaire was written in; every text must have it."""
    languages: dict[LanguageCode, LanguageInfo] = Field(min_length=1)
    """Every language the questionnaire's texts are written in, with their status."""
    rule: Rule
    """How many confirmations suffice."""
    choice_lists: dict[Identifier, Annotated[list[Choice], Field(min_length=1)]] = Field(
        default_factory=dict
    )
    """Named lists of choices that several parameters or checks share."""
    parameters: list[Parameter] = Field(min_length=1)
    """The questions, in the order they are asked."""
    checks: list[Check] = Field(default_factory=list)
    """Consistency checks between answers."""
    consulates: list[Consulate] = Field(default_factory=list)
    """The representations serving the RCM region."""

    @cached_property
    def parameters_by_id(self) -> dict[str, Parameter]:
        """Every parameter, by id."""
        return {parameter.id: parameter for parameter in self.parameters}

    @cached_property
    def positions(self) -> dict[str, int]:
        """The place of each parameter id in the order of asking (0-based)."""
        return {parameter.id: index for index, parameter in enumerate(self.parameters)}

    @cached_property
    def parameter_places(self) -> dict[int, int]:
        """The place of each parameter object in the list (duplicated ids included)."""
        return {id(parameter): index for index, parameter in enumerate(self.parameters)}

    def parameter(self, parameter_id: str) -> Parameter:
        """The parameter with that id.

        Raises:
            KeyError: no parameter has that id.
        """
        return self.parameters_by_id[parameter_id]

    def choices_of(self, parameter: Parameter) -> list[Choice]:
        """The choices of a choice parameter, resolving a named list ([] if none)."""
        if isinstance(parameter.choices, str):
            return list(self.choice_lists.get(parameter.choices, []))
        return list(parameter.choices or [])

    def confirmable(self) -> list[Parameter]:
        """The parameters natid can confirm during the interview (auto or officer)."""
        return [p for p in self.parameters if p.verify is not Verification.CONSULATE]

    def summary(self) -> str:
        """One line for listings: country, version, size, rule and languages."""
        title = self.title.get("en") or self.title[self.source_language]
        return (
            f"{title} ({self.country}) v{self.version}: {len(self.parameters)} parameters, "
            f"rule {self.rule.confirmations_required} confirmations, "
            f"languages {', '.join(self.languages)}"
            + (" [example]" if self.example else "")
        )


__all__ = ["Kind", "LanguageInfo", "Questionnaire", "Rule", "TranslationStatus"]
