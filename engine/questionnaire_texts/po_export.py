"""A questionnaire's texts as a gettext .po file, for translators' usual tools.

One file per target language: each entry's ``msgid`` is the text in the source
language, its ``msgstr`` the translation the questionnaire holds ('' when missing),
its ``msgctxt`` the text's dotted path (``parameters.state.prompt``), so that the same
words in two places stay two entries, and its reference the questionnaire's file and
line. Texts of a language whose status is ``machine`` are marked ``fuzzy``: tools show
them as awaiting review.
"""

from __future__ import annotations

import io

from engine.errors import UsageError
from engine.questionnaire_texts.report import MACHINE
from engine.questionnaire_texts.texts import QuestionnaireTexts

PROJECT = "natid questionnaire"
"""The start of the Project-Id-Version header; the questionnaire's identity follows."""


def project_of(texts: QuestionnaireTexts) -> str:
    """The Project-Id-Version of the questionnaire's .po files (without the version)."""
    return f"{PROJECT} {texts.identity}"


def check_target(texts: QuestionnaireTexts, language: str) -> None:
    """Refuse a language the questionnaire does not declare, or its source language.

    Raises:
        UsageError: ``language`` is not a target language of the questionnaire.
    """
    targets = texts.targets()
    if language == texts.source_language:
        raise UsageError(f"{texts.file}: '{language}' is the source language; the texts "
                         f"to translate are in it (target languages: {', '.join(targets)})")
    if language not in texts.languages:
        raise UsageError(f"{texts.file}: '{language}' is not one of its languages (target "
                         f"languages: {', '.join(targets) or 'none'}); declare it under "
                         "'languages' first, with status 'draft'")


def build_catalog(texts: QuestionnaireTexts, language: str) -> object:
    """A Babel catalog of the questionnaire's texts and their ``language`` translations.

    Raises:
        UsageError: ``language`` is not a target language of the questionnaire.
    """
    from babel.messages.catalog import Catalog

    check_target(texts, language)
    state = texts.languages[language]
    catalog = Catalog(locale=language.replace("-", "_"), project=project_of(texts),
                      version=texts.version.replace(" ", "_") or "-", charset="utf-8",
                      fuzzy=False, header_comment=_header(texts, language),
                      language_team=f"{language} translators of {texts.file}")
    machine = state.status == MACHINE
    for entry in texts.entries:
        source = entry.texts.get(texts.source_language)
        if source is None:
            continue  # reported by lint (NATID-E035): nothing to translate from
        translation = entry.texts.get(language, "")
        catalog.add(source, translation, locations=[(texts.file, entry.line)],
                    flags=["fuzzy"] if machine and translation else [],
                    context=entry.context)
    return catalog


def export_po(texts: QuestionnaireTexts, language: str) -> bytes:
    """The .po file of ``language`` for the questionnaire, as UTF-8 bytes.

    Raises:
        UsageError: ``language`` is not a target language of the questionnaire.
    """
    from babel.messages.pofile import write_po

    catalog = build_catalog(texts, language)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76)  # type: ignore[arg-type]
    return buffer.getvalue()


def _header(texts: QuestionnaireTexts, language: str) -> str:
    state = texts.languages[language]
    lines = [
        f"Texts of {texts.file} ({texts.identity}, version {texts.version}) in '{language}'.",
        f"Source language: '{texts.source_language}'. Status of '{language}' in the "
        f"questionnaire: {state.status}.",
    ]
    if state.note:
        lines.append(f"Note: {state.note}")
    if state.status == MACHINE:
        lines.append("Entries marked fuzzy are machine-made: review each one, correct it if "
                     "needed, and remove the fuzzy mark.")
    lines += [
        "msgctxt is the place of the text in the questionnaire: leave it as it is, and keep "
        "every {placeholder}.",
        f"Bring the translations back with: natid translations import {texts.file} FILE.po",
    ]
    return "\n".join(f"# {line}" for line in lines) + "\n#"
