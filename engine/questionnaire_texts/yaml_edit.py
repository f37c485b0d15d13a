"""Write translations into a questionnaire's YAML, changing nothing else in the file.

Each change is a replacement of the characters of one scalar (or an insertion of one
``language: text`` entry next to its siblings) in the original text: comments, key
order, quoting and line breaks of everything else stay byte for byte. A new text is
written in the style of the one it replaces (or of its siblings): plain when that reads
back as the same text, folded (``>-``) for long texts in a folded block, otherwise in
double quotes. The result is read back and compared with what was intended before
anything is written.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

import yaml

from engine.errors import Diagnostic, QuestionnaireError
from engine.questionnaire_texts.texts import QuestionnaireTexts, TextEntry
from engine.questionnaire_texts.yaml_nodes import Entry, Mapping, Scalar, mappings
from engine.yaml_source import read_yaml

WIDTH = 80
"""Folded texts are wrapped to lines of at most this many characters where possible."""
_TRANSLATION_CODES = frozenset({"NATID-W101", "NATID-E026", "NATID-W103"})
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0",
            "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P", "\ufeff": "\\uFEFF"}
_NEEDS_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]')
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


class EditError(Exception):
    """A text that cannot be written into the YAML; carries its diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def write_translations(data: bytes, texts: QuestionnaireTexts, language: str,
                       new_texts: dict[str, str]) -> bytes:
    """The questionnaire's bytes with ``language``'s text of each context replaced.

    ``new_texts`` maps a text's dotted path to its new translation; a text the language
    lacks is inserted next to its siblings.

    Raises:
        QuestionnaireError: a text cannot be written (NATID-E084), or the result would
            not read back as intended; nothing is returned then.
    """
    if not new_texts:
        return data
    source = data.decode("utf-8")
    nodes = mappings(source)
    edits: list[_Edit] = []
    problems: list[Diagnostic] = []
    for context, value in new_texts.items():
        entry = texts.by_context[context]
        try:
            edits.append(_edit(source, nodes.get(entry.path), entry, texts,
                               language=language, value=value))
        except EditError as error:
            problems.append(error.diagnostic)
    if problems:
        raise QuestionnaireError(texts.file, problems)
    result = source
    for edit in sorted(edits, key=lambda item: item.start, reverse=True):
        result = result[:edit.start] + edit.text + result[edit.end:]
    written = result.encode("utf-8")
    _verify(data, written, texts, language, new_texts)
    return written


def _problem(texts: QuestionnaireTexts, entry: TextEntry, message: str) -> EditError:
    return EditError(Diagnostic(
        "NATID-E084", f"{entry.context}: {message}", texts.file, entry.line, 1,
        hint="write this translation into the YAML by hand, or write the text as a plain "
        "'language: text' mapping"))


def _edit(source: str, mapping: Mapping | None, entry: TextEntry, texts: QuestionnaireTexts,
          *, language: str, value: str) -> _Edit:
    if mapping is None or mapping.anchored:
        raise _problem(texts, entry, "the text is shared through an anchor or alias, so "
                       "changing it here would change it elsewhere too")
    if language in mapping.entries:
        current = mapping.entries[language]
        if current.alias or current.value is None or current.value.anchored:
            raise _problem(texts, entry, f"the '{language}' text is an alias, an anchor, a "
                           "list or a mapping")
        return _replace(source, mapping, current, value)
    if not mapping.entries:
        raise _problem(texts, entry, "the text has no language written yet")
    return _insert(source, mapping, texts, language, value)


def _replace(source: str, mapping: Mapping, current: Entry, value: str) -> _Edit:
    scalar = current.value
    assert scalar is not None  # noqa: S101 - checked by the caller
    column = _column(source, current.key.start)
    indent = _content_indent(source, scalar, column)
    rendered = render(value, style=scalar.style, flow=mapping.flow, column=column,
                      indent=indent, eol=_eol(source), width=_width(source, mapping))
    if scalar.style is None and scalar.start == scalar.end:  # 'hi:' with no text yet
        colon = source.index(":", current.key.end) + 1
        return _Edit(colon, colon, " " + rendered)
    return _Edit(scalar.start, _scalar_end(source, scalar), rendered)


def _insert(source: str, mapping: Mapping, texts: QuestionnaireTexts, language: str,
            value: str) -> _Edit:
    declared = list(texts.languages)
    before = [code for code in declared[:declared.index(language)] if code in mapping.entries]
    sibling = mapping.entries[before[-1] if before else next(reversed(mapping.entries))]
    model = mapping.entries.get(texts.source_language, sibling)
    style = model.value.style if model.value is not None else '"'
    column = _column(source, sibling.key.start)
    model_indent = (_content_indent(source, model.value, _column(source, model.key.start))
                    - _column(source, model.key.start)) if model.value is not None else 2
    if sibling.value is None:
        raise EditError(Diagnostic("NATID-E084", "a sibling text is not a scalar",
                                   texts.file))
    end = _scalar_end(source, sibling.value)
    eol = _eol(source)
    if mapping.flow:
        rendered = render(value, style=style, flow=True, column=column, indent=0, eol=eol)
        return _Edit(end, end, f", {language}: {rendered}")
    rendered = render(value, style=style, flow=False, column=column,
                      indent=column + model_indent, eol=eol, width=_width(source, mapping))
    line_end = _line_end(source, end)
    return _Edit(line_end, line_end, f"{eol}{' ' * column}{language}: {rendered}")


def render(value: str, *, style: str | None, flow: bool, column: int, indent: int,
           eol: str = "\n", width: int = WIDTH) -> str:
    """``value`` as a YAML scalar in ``style`` where it reads back the same, else quoted.

    ``column`` is that of the key; ``indent`` and ``width`` those of a folded text's lines.
    """
    if style in {">", "|"} and not flow and _foldable(value):
        return _folded(value, max(indent, column + 1), eol, width)
    if style is None and _plain_reads_back(value, flow=flow):
        return value
    if style == "'" and not _UNPRINTABLE.search(value) and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    return double_quoted(value)


def double_quoted(value: str) -> str:
    """``value`` in double quotes, escaped where YAML needs it."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, value) + '"'


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}"


def _foldable(value: str) -> bool:
    return (bool(value) and value == value.strip() and "  " not in value
            and not _UNPRINTABLE.search(value) and not any(c in value for c in "\n\r\t"))


def _folded(value: str, indent: int, eol: str, width: int) -> str:
    lines: list[str] = []
    line = ""
    for word in value.split(" "):
        if line and indent + len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return ">-" + "".join(f"{eol}{' ' * indent}{text}" for text in lines)


def _plain_reads_back(value: str, *, flow: bool) -> bool:
    if not value or value != value.strip() or any(c in value for c in "\n\r\t"):
        return False
    snippet = f"k: {{v: {value}}}\n" if flow else f"k: {value}\n"
    try:
        document = read_yaml(snippet.encode("utf-8"), "<text>")
    except QuestionnaireError:
        return False
    expected: Any = {"k": {"v": value}} if flow else {"k": value}
    return document.value == expected and not document.ambiguous


def _width(source: str, mapping: Mapping) -> int:
    """The width folded texts of this mapping are wrapped to: that of its longest line."""
    longest = 0
    for entry in mapping.entries.values():
        if entry.value is not None and entry.value.style in {">", "|"}:
            block = source[entry.value.start:_scalar_end(source, entry.value)]
            longest = max([longest, *(len(line) for line in block.splitlines()[1:])])
    return max(WIDTH, longest)


def _column(source: str, index: int) -> int:
    return index - (max(source.rfind("\n", 0, index), source.rfind("\r", 0, index)) + 1)


def _content_indent(source: str, scalar: Scalar, column: int) -> int:
    """The indentation of a block scalar's first line of text (key column + 2 if none)."""
    if scalar.style not in {">", "|"}:
        return column + 2
    text = source[scalar.start:scalar.end]
    for line in text.splitlines()[1:]:
        if line.strip():
            return len(line) - len(line.lstrip(" "))
    return column + 2


def _scalar_end(source: str, scalar: Scalar) -> int:
    """Where a scalar's own characters end (a block scalar's trailing breaks excluded)."""
    if scalar.style not in {">", "|"}:
        return scalar.end
    end = scalar.end
    while end > scalar.start and source[end - 1] in " \t\r\n":
        end -= 1
    return _line_end(source, end)


def _line_end(source: str, index: int) -> int:
    ends = [found for found in (source.find("\n", index), source.find("\r", index))
            if found >= 0]
    return min(ends) if ends else len(source)


def _eol(source: str) -> str:
    return "\r\n" if "\r\n" in source else "\n"


def _verify(before: bytes, after: bytes, texts: QuestionnaireTexts, language: str,
            new_texts: dict[str, str]) -> None:
    """Read the result back: only the intended texts differ, and no new error appears."""
    from engine.loader import check_bytes

    expected = copy.deepcopy(texts.document)
    for context, value in new_texts.items():
        node = expected
        for step in texts.by_context[context].path:
            node = node[step]
        node[language] = value
    try:
        document = read_yaml(after, texts.file)
    except QuestionnaireError as error:
        raise _unsafe(texts, f"the result would not be valid YAML "
                      f"({error.errors[0].message if error.errors else error})") from None
    except yaml.YAMLError:  # pragma: no cover - read_yaml turns these into diagnostics
        raise _unsafe(texts, "the result would not be valid YAML") from None
    if document.value != expected:
        raise _unsafe(texts, "the result would not read back as the translations given")
    old = {d.code for d in check_bytes(before, texts.file, use_cache=False).errors}
    new = {d.code for d in check_bytes(after, texts.file, use_cache=False).errors}
    if new - old - _TRANSLATION_CODES:
        raise _unsafe(texts, f"the result would have new errors ({', '.join(sorted(new))})")


def _unsafe(texts: QuestionnaireTexts, message: str) -> QuestionnaireError:
    return QuestionnaireError(texts.file, [Diagnostic(
        "NATID-E084", f"nothing was written: {message}", texts.file,
        hint="write these translations into the YAML by hand, and report the file")])
