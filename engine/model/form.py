"""What questionnaires and the protection screening share: texts, languages, questions."""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field

from engine.model.checks import Check
from engine.model.common import Identifier, LanguageCode, LocalizedText, StrictModel
from engine.model.parameters import Choice, Parameter


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


class Form(StrictModel):
    """A set of questions written in several languages: the base of both file formats."""

    format_version: Literal[1]
    """The version of natid's questionnaire format this file follows: 1."""
    title: LocalizedText
    """The file's name, in its languages."""
    version: str = Field(min_length=1, max_length=40)
    """The issuer's version of this file, e.g. '2026.1'."""
    issued_by: str = Field(min_length=1)
    """The authority that issued it."""
    example: bool = False
    """true for examples modelled on public practice, not issued by the country."""
    source_language: LanguageCode
    """The language the file was written in; every text must have it."""
    languages: dict[LanguageCode, LanguageInfo] = Field(min_length=1)
    """Every language the texts are written in, with their status."""
    choice_lists: dict[Identifier, Annotated[list[Choice], Field(min_length=1)]] = Field(
        default_factory=dict
    )
    """Named lists of choices that several parameters or checks share."""
    parameters: list[Parameter] = Field(min_length=1)
    """The questions, in the order they are asked."""
    checks: list[Check] = Field(default_factory=list)
    """Consistency checks between answers."""

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
