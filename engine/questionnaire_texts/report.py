"""How far each language of a questionnaire is translated (``natid translations report``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.questionnaire_texts.texts import QuestionnaireTexts

MACHINE = "machine"
"""The status of a machine-made translation awaiting review by a native speaker."""


@dataclass(frozen=True)
class Untranslated:
    """A text with no translation in one language."""

    context: str
    """Its dotted path, e.g. 'parameters.state.help'."""
    line: int
    """The line of the text in the source language."""


@dataclass(frozen=True)
class LanguageCoverage:
    """The texts of one language compared with those of the source language."""

    language: str
    status: str
    note: str
    total: int
    """Texts the questionnaire holds (every per-language text map)."""
    translated: int
    """Texts written in this language."""
    untranslated: list[Untranslated]

    @property
    def awaiting_review(self) -> int:
        """Texts that are machine-made and wait for a native speaker's review."""
        return self.translated if self.status == MACHINE else 0

    @property
    def percent(self) -> float:
        """Translated texts as a percentage of all texts (100 for an empty file)."""
        return 100.0 if not self.total else 100.0 * self.translated / self.total

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {
            "language": self.language,
            "status": self.status,
            "note": self.note,
            "texts": self.total,
            "translated": self.translated,
            "missing": len(self.untranslated),
            "percent": round(self.percent, 1),
            "awaiting_review": self.awaiting_review,
            "untranslated": [{"path": item.context, "line": item.line}
                             for item in self.untranslated],
        }


@dataclass(frozen=True)
class CoverageReport:
    """Translation coverage of one questionnaire, language by language."""

    file: str
    identity: str
    version: str
    source_language: str
    total: int
    languages: list[LanguageCoverage]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {
            "path": self.file,
            "questionnaire": self.identity,
            "version": self.version,
            "source_language": self.source_language,
            "texts": self.total,
            "languages": [language.to_dict() for language in self.languages],
        }


def coverage(texts: QuestionnaireTexts) -> CoverageReport:
    """The coverage of every declared language, the source language first."""
    order = [texts.source_language, *texts.targets()]
    if texts.source_language not in texts.languages:
        order = list(texts.languages)
    languages = []
    for code in order:
        state = texts.languages[code]
        missing = [Untranslated(entry.context, entry.line)
                   for entry in texts.entries if code not in entry.texts]
        languages.append(LanguageCoverage(code, state.status, state.note, len(texts.entries),
                                          len(texts.entries) - len(missing), missing))
    return CoverageReport(texts.file, texts.identity, texts.version, texts.source_language,
                          len(texts.entries), languages)
