"""Every text a questionnaire writes per language, found in the YAML document itself.

The texts are read from the parsed document rather than from the validated model, so
that a file whose translations are incomplete (a missing choice label stops it from
loading) can still be reported on, exported and completed. The places are those of
:func:`engine.validators.languages.localized_texts`: the title, the rule's description,
choice labels, each parameter's prompt, label and help, check messages, and in the
protection screening each flag's label, guidance and care need.

Each text is named by a dotted path that survives reordering: ids stand for list
positions (``parameters.state.prompt``, ``choice_lists.states.PB.label``,
``checks.pin_matches_state.message``, ``flags.fear_of_return.label``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from engine.errors import Diagnostic, QuestionnaireError
from engine.locate import child_at
from engine.yaml_source import Path, Positions, read_yaml

_PARAMETER_TEXTS = ("prompt", "label", "help")
_FLAG_TEXTS = ("label", "guidance", "care_need")


@dataclass(frozen=True)
class LanguageState:
    """A declared language: its status (source, reviewed, machine, draft) and note."""

    code: str
    status: str
    note: str = ""


@dataclass(frozen=True)
class TextEntry:
    """One translatable text: where it is and what it says in each language."""

    path: Path
    """The path in the document, e.g. ('parameters', 3, 'prompt')."""
    context: str
    """The dotted path translators see, e.g. 'parameters.state.prompt'."""
    texts: dict[str, str]
    """The text per language code; languages without a text are absent."""
    line: int
    """The line of the text in the source language (else of its first language)."""
    language_lines: dict[str, int] = field(default_factory=dict)
    """The line of each language's text."""


@dataclass(frozen=True)
class QuestionnaireTexts:
    """A questionnaire file seen as translators see it."""

    file: str
    identity: str
    """The country code, or 'screening' for the protection screening."""
    version: str
    source_language: str
    languages: dict[str, LanguageState]
    entries: list[TextEntry]
    document: Any
    positions: Positions

    @cached_property
    def by_context(self) -> dict[str, TextEntry]:
        """Every entry, by its dotted path."""
        return {entry.context: entry for entry in self.entries}

    def targets(self) -> list[str]:
        """The declared languages other than the source language, in declared order."""
        return [code for code in self.languages if code != self.source_language]


def read_texts(data: bytes, name: str) -> QuestionnaireTexts:
    """The translatable texts of the questionnaire whose bytes are ``data``.

    Raises:
        QuestionnaireError: the file is not readable YAML, or does not say its source
            language and languages.
    """
    document = read_yaml(data, name)
    value = document.value
    problems: list[Diagnostic] = []
    if not isinstance(value, dict):
        raise QuestionnaireError(name, [Diagnostic(
            "NATID-E017", "the file does not hold a questionnaire", name, 1, 1, stage=1)])
    source = value.get("source_language")
    declared = value.get("languages")
    if not isinstance(source, str):
        problems.append(_missing(name, document.positions, "source_language",
                                 "'source_language' (the language the file is written in)"))
    if not isinstance(declared, dict) or not declared:
        problems.append(_missing(name, document.positions, "languages",
                                 "'languages' (every language with its status)"))
    if problems:
        raise QuestionnaireError(name, problems)
    assert isinstance(source, str)  # noqa: S101 - narrowed by the checks above
    assert isinstance(declared, dict)  # noqa: S101
    languages = {str(code): _language(str(code), info) for code, info in declared.items()}
    entries = _unique([_entry(path, text, value, document.positions, source)
                       for path, text in _text_maps(value)])
    identity = "screening" if "flags" in value else str(value.get("country", "?"))
    return QuestionnaireTexts(name, identity, str(value.get("version", "")), source,
                              languages, entries, value, document.positions)


def _unique(entries: list[TextEntry]) -> list[TextEntry]:
    """Entries whose names clash (a choice value '3' and a third choice) keep positions."""
    seen: set[str] = set()
    unique = []
    for entry in entries:
        named = entry
        if entry.context in seen:
            named = dataclasses.replace(entry, context=".".join(map(str, entry.path)))
        seen.add(named.context)
        unique.append(named)
    return unique


def _missing(name: str, positions: Positions, key: str, what: str) -> Diagnostic:
    line, column = positions.of_key((key,))
    return Diagnostic("NATID-E012", f"{what} is missing or not written as expected", name,
                      line, column, stage=1)


def _language(code: str, info: Any) -> LanguageState:
    if not isinstance(info, dict):
        return LanguageState(code, "?")
    note = info.get("note")
    return LanguageState(code, str(info.get("status", "?")),
                         note if isinstance(note, str) else "")


def _entry(path: Path, text: dict[Any, Any], document: Any, positions: Positions,
           source: str) -> TextEntry:
    texts = {str(code): value for code, value in text.items()
             if isinstance(value, str) and value}
    lines = {str(code): positions.of_value((*path, code))[0] for code in text}
    first = next(iter(lines.values()), positions.of_value(path)[0])
    return TextEntry(path, context_of(path, document), texts, lines.get(source, first), lines)


def _text_maps(document: dict[str, Any]) -> Iterator[tuple[Path, dict[Any, Any]]]:
    """Every per-language text of the document, in the order of the model's checks."""
    yield from _maps(document, ("title",))
    rule = document.get("rule")
    if isinstance(rule, dict):
        yield from _maps(rule, ("rule", "description"), "description")
    lists = document.get("choice_lists")
    if isinstance(lists, dict):
        for name, choices in lists.items():
            yield from _choice_labels(choices, ("choice_lists", name))
    for index, parameter in _items(document.get("parameters")):
        base = ("parameters", index)
        for key in _PARAMETER_TEXTS:
            yield from _maps(parameter, (*base, key), key)
        if isinstance(parameter.get("choices"), list):
            yield from _choice_labels(parameter["choices"], (*base, "choices"))
    for index, check in _items(document.get("checks")):
        yield from _maps(check, ("checks", index, "message"), "message")
    for index, flag in _items(document.get("flags")):
        for key in _FLAG_TEXTS:
            yield from _maps(flag, ("flags", index, key), key)


def _maps(node: dict[str, Any], path: Path,
          key: str | None = None) -> Iterator[tuple[Path, dict[Any, Any]]]:
    value = node.get(key if key is not None else str(path[-1]))
    if isinstance(value, dict):
        yield path, value


def _items(node: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(node, list):
        for index, item in enumerate(node):
            if isinstance(item, dict):
                yield index, item


def _choice_labels(choices: Any, base: Path) -> Iterator[tuple[Path, dict[Any, Any]]]:
    for index, choice in _items(choices):
        yield from _maps(choice, (*base, index, "label"), "label")


def context_of(path: Path, document: Any) -> str:
    """The dotted name of a text's path, with ids in place of list positions.

    A position stays a number when the item has no id (or value) or shares it with
    another item, so that two texts never get the same name.
    """
    parts: list[str] = []
    node = document
    for index, step in enumerate(path):
        parent = node
        node = child_at(node, step)
        if isinstance(step, int):
            in_choices = path[index - 1] == "choices" or (
                index > 1 and path[index - 2] == "choice_lists")
            parts.append(_name_of(parent, step, "value" if in_choices else "id"))
        else:
            parts.append(str(step))
    return ".".join(parts)


def _name_of(items: Any, position: int, key: str) -> str:
    item = child_at(items, position)
    name = item.get(key) if isinstance(item, dict) else None
    if not isinstance(name, str | int) or isinstance(name, bool) or not str(name):
        return str(position)
    same = [other for other in items
            if isinstance(other, dict) and str(other.get(key)) == str(name)]
    return str(name) if len(same) == 1 else str(position)
