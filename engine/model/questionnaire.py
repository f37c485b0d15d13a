"""The questionnaire a country of origin contributes: the root of the YAML format."""

from __future__ import annotations

from pydantic import Field

from engine.model.common import CountryCode, LocalizedText, StrictModel
from engine.model.consulates import Consulate
from engine.model.form import Form, LanguageInfo, TranslationStatus
from engine.model.parameters import Kind, Parameter, Verification


class Rule(StrictModel):
    """The country's rule for issuing a travel document."""

    confirmations_required: int = Field(ge=1, le=1000)
    """How many confirmed parameters let the authority issue a travel document."""
    description: LocalizedText | None = None
    """The rule in the country's own words."""


class Questionnaire(Form):
    """A nationality-identification questionnaire for one country of origin."""

    country: CountryCode
    """The country of presumed nationality (ISO 3166-1 alpha-2)."""
    rule: Rule
    """How many confirmations suffice."""
    consulates: list[Consulate] = Field(default_factory=list)
    """The representations serving the RCM region."""

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
