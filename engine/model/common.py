"""Building blocks shared by the questionnaire models."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$"),
    Field(description="An id: lower-case letters, digits and '_', starting with a letter."),
]
LanguageCode = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$"),
    Field(description="A language code: ISO 639 ('hi', 'pa', 'ht'), optionally with a "
          "script and region ('pa-Arab', 'pt-BR')."),
]
CountryCode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{2}$"),
    Field(description="An ISO 3166-1 alpha-2 country code in capitals ('IN', 'HT')."),
]
LocalizedText = Annotated[
    dict[LanguageCode, Annotated[str, StringConstraints(min_length=1)]],
    Field(min_length=1, description="The same text in several languages, keyed by "
          "language code; the source language is required."),
]
ScalarValue = str | int | float | bool


class StrictModel(BaseModel):
    """Base of every questionnaire model: unknown keys refused, values immutable."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        populate_by_name=True,
        allow_inf_nan=False,
    )
