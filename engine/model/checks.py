"""Consistency checks between the answers to two parameters."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from engine.model.common import Identifier, LocalizedText, StrictModel


class WithinCheck(StrictModel):
    """The choice given for one parameter must lie within the choice given for another.

    The inner parameter's choices say which outer choice holds them (``within:``).
    """

    type: Literal["within"]
    """'within'."""
    id: Identifier
    """A unique id for the check."""
    parameter: Identifier
    """The inner parameter, e.g. 'district'."""
    within: Identifier
    """The outer parameter, e.g. 'state'."""
    message: LocalizedText | None = None
    """What the officer is told when the answers do not fit."""


class AgeMatchesCheck(StrictModel):
    """A date of birth must fit the age stated, within a tolerance."""

    type: Literal["age_matches"]
    """'age_matches'."""
    id: Identifier
    """A unique id for the check."""
    date_of_birth: Identifier
    """A date parameter."""
    age: Identifier
    """A number parameter: the age in years."""
    tolerance_years: int = Field(default=1, ge=0, le=10)
    """How many years apart the two may be."""
    message: LocalizedText | None = None
    """What the officer is told when the answers do not fit."""


class PrefixCheck(StrictModel):
    """A text answer must start with one of the prefixes set for another answer.

    For instance a PIN code must start with the digits of the state given.
    """

    type: Literal["prefix"]
    """'prefix'."""
    id: Identifier
    """A unique id for the check."""
    parameter: Identifier
    """The text or number parameter checked, e.g. 'pin_code'."""
    depends_on: Identifier
    """The choice parameter whose answer selects the prefixes, e.g. 'state'."""
    prefixes: dict[str, list[str]] = Field(min_length=1)
    """Allowed prefixes per value of the 'depends_on' parameter."""
    message: LocalizedText | None = None
    """What the officer is told when the answers do not fit."""


Check = Annotated[WithinCheck | AgeMatchesCheck | PrefixCheck, Field(discriminator="type")]
