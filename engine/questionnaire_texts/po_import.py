"""Read a translator's .po file back and check it fits the questionnaire.

Every problem is collected before giving up, each with the .po file's name and line:
a file that is not a readable .po (NATID-E080), one made for another questionnaire or
in a language the questionnaire does not have (NATID-E081), entries whose place or
source text is not the questionnaire's (NATID-E082), translations that lost or added a
``{placeholder}`` (NATID-E083). Nothing is written unless the whole file fits.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from engine.errors import Diagnostic, QuestionnaireError
from engine.questionnaire_texts.po_export import PROJECT
from engine.questionnaire_texts.texts import QuestionnaireTexts, read_texts
from engine.questionnaire_texts.yaml_edit import write_translations
from engine.suggest import did_you_mean

_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
_KEYWORD_LINE = re.compile(r'(msgctxt|msgid|msgid_plural|msgstr(\[[0-9]+\])?)\s+"')
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"\Z')


@dataclass(frozen=True)
class ImportPlan:
    """What a .po file brings to the questionnaire, once checked."""

    language: str
    status: str = ""
    """The language's status in the questionnaire (source, reviewed, machine, draft)."""
    changed: dict[str, str] = field(default_factory=dict)
    """New translations of texts the language already had, by dotted path."""
    added: dict[str, str] = field(default_factory=dict)
    """Translations of texts the language did not have yet."""
    unchanged: int = 0
    """Entries whose translation is the one the questionnaire holds."""
    untranslated: int = 0
    """Entries with an empty msgstr: the questionnaire keeps what it has."""
    fuzzy: int = 0
    """Translated entries still marked fuzzy (awaiting review)."""

    @property
    def texts(self) -> dict[str, str]:
        """Every translation to write, changed and added."""
        return {**self.changed, **self.added}


def import_po(questionnaire: bytes, questionnaire_name: str, po: bytes,
              po_name: str) -> tuple[bytes, ImportPlan]:
    """The questionnaire's new bytes with the .po file's translations, and what changed.

    Raises:
        QuestionnaireError: the questionnaire cannot be read, the .po file does not fit it
            (every problem is attached), or a text cannot be written safely.
    """
    texts = read_texts(questionnaire, questionnaire_name)
    plan = read_translations(po, po_name, texts)
    return write_translations(questionnaire, texts, plan.language, plan.texts), plan


def read_translations(data: bytes, name: str, texts: QuestionnaireTexts) -> ImportPlan:
    """Check the .po file ``data`` (named ``name``) against ``texts``.

    Raises:
        QuestionnaireError: the file does not fit the questionnaire; every diagnostic
            found (codes NATID-E080 to NATID-E083) is attached.
    """
    catalog = _read_po(data, name)
    language = _language(catalog, data, name, texts)
    problems: list[Diagnostic] = []
    plan = ImportPlan(language, texts.languages[language].status)
    counts = Counter[str]()
    source = texts.source_language
    for message in catalog:
        if not message.id:
            continue
        line = int(message.lineno or 0)
        entry = texts.by_context.get(message.context) if message.context else None
        if isinstance(message.id, tuple) or entry is None:
            problems.append(_unknown(message, line, name, texts))
            continue
        if message.id != entry.texts.get(source):
            problems.append(_diagnostic(
                "NATID-E082", f"{message.context}: the '{source}' text is no longer the "
                f"one this translation was made for; it now reads "
                f"'{_short(entry.texts.get(source, ''))}'", name, line,
                hint="export the file again and merge the translations (msgmerge, or "
                "your tool's 'update from template'), then review the entry"))
            continue
        string = message.string if isinstance(message.string, str) else ""
        if not string:
            counts["untranslated"] += 1
            continue
        lost = _placeholders(message.id) - _placeholders(string)
        extra = _placeholders(string) - _placeholders(message.id)
        if lost or extra:
            problems.append(_placeholder_problem(message.context, name, line, lost, extra))
            continue
        counts["fuzzy"] += "fuzzy" in message.flags
        current = entry.texts.get(language)
        if string == current:
            counts["unchanged"] += 1
        elif language in entry.texts or language in _written(texts, entry.path):
            plan.changed[entry.context] = string
        else:
            plan.added[entry.context] = string
    unknown = [d for d in problems if d.code == "NATID-E082"]
    entries = sum(1 for message in catalog if message.id)
    if len(unknown) > 3 and 2 * len(unknown) > entries:
        problems = [_diagnostic(
            "NATID-E081", f"{len(unknown)} of its {entries} entries do not match the texts "
            f"of {texts.file}: the file was made for another questionnaire (or an older "
            "version of this one)", name, unknown[0].line,
            hint="import it into the questionnaire it was exported from, or export this "
            "questionnaire again"), *[d for d in problems if d.code != "NATID-E082"]]
    if problems:
        raise QuestionnaireError(name, problems)
    return ImportPlan(language, plan.status, plan.changed, plan.added, counts["unchanged"],
                      counts["untranslated"], counts["fuzzy"])


def _written(texts: QuestionnaireTexts, path: tuple[str | int, ...]) -> dict[str, Any]:
    node: Any = texts.document
    for step in path:
        node = node[step]
    return node if isinstance(node, dict) else {}


def _diagnostic(code: str, message: str, file: str, line: int = 0, *,
                hint: str = "") -> Diagnostic:
    return Diagnostic(code, message, file, line, 1 if line else 0, hint=hint)


def _read_po(data: bytes, name: str) -> Any:
    from babel.messages.pofile import PoFileError, read_po

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise QuestionnaireError(name, [_diagnostic(
            "NATID-E080", "the file is not UTF-8 text", name, line,
            hint="save the .po file with the UTF-8 encoding")]) from None
    problems = _syntax(text, name)
    if problems:
        raise QuestionnaireError(name, problems)
    try:
        catalog = read_po(io.StringIO(text.removeprefix("\ufeff")), abort_invalid=True)
    except PoFileError as error:
        raise QuestionnaireError(name, [_diagnostic(
            "NATID-E080", f"not a valid .po file: {error.args[0]}", name,
            int(error.lineno) + 1)]) from None
    except (ValueError, LookupError) as error:
        raise QuestionnaireError(name, [_diagnostic(
            "NATID-E080", f"not a valid .po file: {error}", name)]) from None
    if not any(message.id for message in catalog):
        raise QuestionnaireError(name, [_diagnostic(
            "NATID-E080", "the file holds no translations", name,
            hint="choose the .po file written by 'natid translations export'")])
    return catalog


def _syntax(text: str, name: str) -> list[Diagnostic]:
    """Lines a .po reader would misread: an unclosed quote, an unknown keyword."""
    problems = []
    for number, raw in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#~"):
            line = line[2:].strip()
        elif line.startswith("#") or not line:
            continue
        keyword = _KEYWORD_LINE.match(line)
        rest = line[keyword.end() - 1:] if keyword else line
        if (keyword is None and not line.startswith('"')) or not _STRING.match(rest):
            problems.append(_diagnostic(
                "NATID-E080", f"not a valid .po line: {_short(line)}", name, number,
                hint='each line is a comment (#), a keyword with a quoted text (msgid "…"), '
                'or a quoted text continuing the one above; check the quotes'))
    return problems[:20]


def _language(catalog: Any, data: bytes, name: str, texts: QuestionnaireTexts) -> str:
    """The questionnaire language the .po file is in, checked against its header."""
    project = str(catalog.project or "")
    header_line = _line_of(data, b'"Project-Id-Version:')
    named = project.removeprefix(f"{PROJECT} ")
    if project.startswith(f"{PROJECT} ") and named != texts.identity:
        raise QuestionnaireError(name, [_diagnostic(
            "NATID-E081", f"this file holds translations of questionnaire '{named}', not of "
            f"{texts.file} ('{texts.identity}')", name, header_line,
            hint=f"import it into the {named} questionnaire")])
    identifier = catalog.locale_identifier
    language_line = _line_of(data, b'"Language:')
    if not identifier:
        raise QuestionnaireError(name, [_diagnostic(
            "NATID-E081", "the file does not say its language (no 'Language' header)", name,
            language_line, hint='add a line "Language: hi\\n" to the header, with the code '
            "of the file's language")])
    code = str(identifier).replace("_", "-")
    if code not in texts.languages:
        base = [known for known in texts.languages if known == code.split("-")[0]]
        if len(base) != 1:
            raise QuestionnaireError(name, [_diagnostic(
                "NATID-E081", f"the file is in '{code}', which is not a language of "
                f"{texts.file} ({', '.join(texts.languages)}){did_you_mean(code, texts.languages)}",
                name, language_line,
                hint="declare the language under 'languages' (status 'draft') first, or "
                "import the file into the questionnaire it was made for")])
        code = base[0]
    if code == texts.source_language:
        raise QuestionnaireError(name, [_diagnostic(
            "NATID-E081", f"the file is in '{code}', the source language of {texts.file}; "
            "its texts are changed in the YAML itself", name, language_line)])
    return code


def _unknown(message: Any, line: int, name: str, texts: QuestionnaireTexts) -> Diagnostic:
    if isinstance(message.id, tuple):
        what = "has plural forms, which questionnaire texts do not have"
    elif not message.context:
        what = "has no msgctxt (the place of the text in the questionnaire)"
    else:
        what = (f"names '{message.context}', which is not a text of {texts.file}"
                f"{did_you_mean(str(message.context), texts.by_context)}")
    return _diagnostic("NATID-E082", f"entry '{_short(str(message.id))}' {what}", name, line,
                       hint="keep msgctxt as exported; export the file again if the "
                       "questionnaire changed")


def _placeholder_problem(context: str, name: str, line: int, lost: Counter[str],
                         extra: Counter[str]) -> Diagnostic:
    parts = []
    if lost:
        parts.append(f"lost {', '.join(sorted(lost))}")
    if extra:
        parts.append(f"added {', '.join(sorted(extra))}")
    return _diagnostic("NATID-E083", f"{context}: the translation {' and '.join(parts)}",
                       name, line, hint="keep every {placeholder} of the source text, "
                       "exactly as written; natid fills them in")


def _placeholders(text: str) -> Counter[str]:
    return Counter(_PLACEHOLDER.findall(text))


def _line_of(data: bytes, marker: bytes) -> int:
    index = data.find(marker)
    return data.count(b"\n", 0, index) + 1 if index >= 0 else 0


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
