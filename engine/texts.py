"""Choosing the right language of a translated text."""

from __future__ import annotations

from engine.model import Form


def pick(texts: dict[str, str] | None, language: str, questionnaire: Form) -> str:
    """The text in ``language``, else English, else the source language ('' if none)."""
    if not texts:
        return ""
    for code in (language, language.split("-", maxsplit=1)[0], "en", questionnaire.source_language):
        if code in texts:
            return texts[code]
    return next(iter(texts.values()))
