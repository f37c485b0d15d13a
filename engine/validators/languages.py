"""Languages, translations and country codes, checked against CLDR through Babel."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from functools import cache
from typing import Any

from engine.errors import Diagnostic
from engine.locate import Locator
from engine.model import Form, Questionnaire, Screening, TranslationStatus
from engine.suggest import did_you_mean
from engine.validators.paths import consulates
from engine.yaml_source import Path

STALE_AFTER = datetime.timedelta(days=550)
"""Consulate details older than this (about 18 months) are flagged for checking."""
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


@cache
def known_language(code: str) -> bool:
    """Whether CLDR (through Babel) knows the language of ``code``."""
    from babel import localedata

    normalized = code.replace("-", "_")
    return bool(localedata.exists(normalized) or localedata.exists(normalized.split("_")[0]))


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes known to CLDR."""
    from babel import Locale

    codes = [str(code) for code in Locale("en").territories]
    return frozenset(code for code in codes
                     if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES)


def check(questionnaire: Form, locator: Locator,
          today: datetime.date | None = None) -> list[Diagnostic]:
    """Language codes, texts in each language, country codes and stale consulates."""
    found: list[Diagnostic] = []
    declared = questionnaire.languages
    found.extend(
        locator.diagnostic(
            "NATID-E027", ("languages", code), f"'{code}' is not a known language code",
            value=code, at_key=True)
        for code in declared if not known_language(code)
    )
    source = questionnaire.source_language
    if source not in declared:
        found.append(locator.diagnostic(
            "NATID-E034", ("source_language",),
            f"the source language '{source}' is not declared under 'languages'"
            f"{did_you_mean(source, declared)}", value=source))
    elif declared[source].status is not TranslationStatus.SOURCE:
        found.append(locator.diagnostic(
            "NATID-E014", ("languages", source, "status"),
            f"'{source}' is the source language, so its status is 'source', not "
            f"'{declared[source].status}'", value=str(declared[source].status)))
    for code, language in declared.items():
        if source in declared and code != source and language.status is TranslationStatus.SOURCE:
            found.append(locator.diagnostic(
                "NATID-E014", ("languages", code, "status"),
                f"only the source language '{source}' has status 'source'", value=code,
                hint="use 'reviewed', 'machine' (awaiting native review) or 'draft'"))
    found += _texts(questionnaire, locator)
    found += _countries(questionnaire, locator, today or datetime.date.today())
    return found


def localized_texts(questionnaire: Form) -> Iterator[tuple[Path, dict[str, str], bool]]:
    """Every translated text: its path, its languages, and whether it is a choice label."""
    yield ("title",), questionnaire.title, False
    if isinstance(questionnaire, Questionnaire) and questionnaire.rule.description:
        yield ("rule", "description"), questionnaire.rule.description, False
    for name, choices in questionnaire.choice_lists.items():
        for index, choice in enumerate(choices):
            yield ("choice_lists", name, index, "label"), choice.label, True
    for p_index, parameter in enumerate(questionnaire.parameters):
        base = ("parameters", p_index)
        for key in ("prompt", "label", "help"):
            text = getattr(parameter, key)
            if text:
                yield (*base, key), text, False
        if isinstance(parameter.choices, list):
            for index, choice in enumerate(parameter.choices):
                yield (*base, "choices", index, "label"), choice.label, True
    for index, item in enumerate(questionnaire.checks):
        if item.message:
            yield ("checks", index, "message"), item.message, False
    if isinstance(questionnaire, Screening):
        yield from _flag_texts(questionnaire)


def _flag_texts(screening: Screening) -> Iterator[tuple[Path, dict[str, str], bool]]:
    for index, flag in enumerate(screening.flags):
        for key in ("label", "guidance", "care_need"):
            text = getattr(flag, key)
            if text:
                yield ("flags", index, key), text, False


def _texts(questionnaire: Form, locator: Locator) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    declared = questionnaire.languages
    used: set[str] = set()
    for path, text, is_label in localized_texts(questionnaire):
        used.update(text)
        found += _one_text(questionnaire, locator, path, text, is_label=is_label)
    found.extend(
        locator.diagnostic("NATID-W103", ("languages", code), f"no text is written in '{code}'",
                           value=code, at_key=True)
        for code in declared if code not in used
    )
    codes: list[tuple[Path, str]] = []
    for p_index, parameter in enumerate(questionnaire.parameters):
        if parameter.answer_key is not None:
            codes += _variant_languages(parameter.answer_key, ("parameters", p_index, "answer_key"))
    codes += [(("consulates", i, "preferred_language"), c.preferred_language)
              for i, c in enumerate(consulates(questionnaire))]
    found.extend(
        locator.diagnostic("NATID-E027", path, f"'{code}' is not a known language code",
                           value=code, at_key=path[-1] == code)
        for path, code in codes if not known_language(code)
    )
    return found


def _one_text(questionnaire: Form, locator: Locator, path: Path, text: dict[str, str],
              *, is_label: bool) -> list[Diagnostic]:
    """Languages a text is written in that are undeclared, and declared ones it lacks."""
    declared = questionnaire.languages
    source = questionnaire.source_language
    found = [
        locator.diagnostic(
            "NATID-E034", (*path, code), f"text in '{code}', which is not declared under "
            f"'languages'{did_you_mean(code, declared)}", value=code, at_key=True)
        for code in text if code not in declared
    ]
    if source in declared and source not in text:
        found.append(locator.diagnostic(
            "NATID-E035", path, f"no text in the source language '{source}'",
            value=sorted(text), hint=f"add '{source}:' with the text"))
    missing = [code for code, info in declared.items()
               if info.status is not TranslationStatus.DRAFT and code != source
               and code not in text]
    for code in missing:
        if is_label:
            found.append(locator.diagnostic(
                "NATID-E026", path, f"no label in '{code}'", value=code,
                hint=f"add '{code}:' to the label, or set the status of '{code}' to "
                "'draft' while its translation is under way"))
        else:
            found.append(locator.diagnostic(
                "NATID-W101", path, f"no text in '{code}'", value=code,
                hint=f"add '{code}:' with the translation"))
    return found


def _variant_languages(key: Any, base: Path) -> Iterator[tuple[Path, str]]:
    groups: list[tuple[Path, list[Any]]] = []
    if key.accept:
        groups.append(((*base, "accept"), key.accept))
    for case, accepted in (key.cases or {}).items():
        groups.append(((*base, "cases", case), accepted))
    for path, accepted in groups:
        for index, item in enumerate(accepted):
            for code in getattr(item, "variants", {}) or {}:
                yield (*path, index, "variants", code), code


def _countries(questionnaire: Form, locator: Locator,
               today: datetime.date) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    known = country_codes()
    places: list[tuple[Path, str]] = (
        [(("country",), questionnaire.country)] if isinstance(questionnaire, Questionnaire)
        else [])
    places += [(("consulates", i, "country"), c.country)
               for i, c in enumerate(consulates(questionnaire))]
    for path, code in places:
        if code not in known:
            found.append(locator.diagnostic(
                "NATID-E033", path, f"'{code}' is not an ISO 3166-1 country code"
                f"{did_you_mean(code, known)}", value=code))
    for index, consulate in enumerate(consulates(questionnaire)):
        if today - consulate.last_verified > STALE_AFTER:
            found.append(locator.diagnostic(
                "NATID-W102", ("consulates", index, "last_verified"),
                f"details last verified on {consulate.last_verified.isoformat()}",
                value=consulate.last_verified.isoformat()))
    return found
