"""Read YAML safely, keeping the line and column of every value.

natid reads questionnaires written by hand, and sometimes files that are not
questionnaires at all. This reader:

- refuses files that are too large, empty, binary or not UTF-8, saying so;
- resolves plain scalars by the YAML 1.2 core schema only: ``NO``, ``yes`` and ``on``
  stay strings, ``true``/``false`` are booleans, ``2026-01-31`` stays a string;
- builds values from the parser's event stream without recursion, with a limit on
  nesting depth and on the size that anchors and aliases expand to (a "billion
  laughs" file is refused after a few hundred events);
- refuses duplicate keys, complex keys, several documents and non-standard tags;
- records where each value and each key starts, so that later checks can point at it.

Every problem ends in :class:`~engine.errors.QuestionnaireError`, never in a YAML
library's exception.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from engine.errors import Diagnostic, QuestionnaireError

try:  # the C parser when PyYAML was built with libyaml, which it usually is
    from yaml import CBaseLoader as _Parser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import BaseLoader as _Parser  # type: ignore[assignment]

MAX_BYTES = 1024 * 1024
"""A questionnaire larger than this is refused (India's is about 60 KB)."""
MAX_DEPTH = 40
"""Deepest nesting of lists and mappings accepted."""
MAX_NODES = 200_000
"""Most values a document may expand to, counting every alias at its full size."""

Path = tuple[str | int, ...]
Position = tuple[int, int]

_STR = "tag:yaml.org,2002:str"
_KNOWN_SCALAR_TAGS = {
    _STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
}
_KNOWN_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}

# Plain values that YAML 1.2 reads as text but YAML 1.1 tools (PyYAML, older editors)
# read otherwise: natid warns, so authors quote them and every tool agrees.
_YAML11_BOOLEANS = frozenset(
    {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off",
     "OFF"}
)
_YAML11_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?\Z")
_YAML11_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?\Z")
_YAML11_UNDERSCORED = re.compile(r"[-+]?[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?\Z")

_LEADING_ZERO = re.compile(r"[-+]?0[0-9]+\Z")

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")


@dataclass
class Positions:
    """Where each value (and each mapping key) starts in the source, 1-based."""

    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)

    def of_value(self, path: Path) -> Position:
        """The place of the value at ``path``, or of its nearest known ancestor."""
        return self._nearest(self.values, path)

    def of_key(self, path: Path) -> Position:
        """The place of the key that ends ``path`` (falls back to the value's place)."""
        if path in self.keys:
            return self.keys[path]
        return self.of_value(path)

    def _nearest(self, table: dict[Path, Position], path: Path) -> Position:
        while path:
            if path in table:
                return table[path]
            path = path[:-1]
        return table.get((), (1, 1))


@dataclass
class YamlDocument:
    """A parsed document: plain Python values and where each came from."""

    value: Any
    positions: Positions
    ambiguous: list[tuple[Position, str, str]] = field(default_factory=list)
    """Plain values other YAML readers take differently: (place, text, what they read)."""


class _Refused(Exception):
    """Stops reading at the first problem; carries its diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def read_yaml(data: bytes, file: str) -> YamlDocument:
    """Decode and parse ``data`` (the bytes of ``file``) into a :class:`YamlDocument`.

    Raises:
        QuestionnaireError: the file is empty, too large, binary, not UTF-8, not valid
            YAML, or exceeds one of the limits above.
    """
    try:
        text = _decode(data, file)
        return _Composer(text, file).run()
    except _Refused as refused:
        raise QuestionnaireError(file, [refused.diagnostic]) from None


def _refuse(code: str, message: str, file: str, line: int = 0, column: int = 0, *,
            value: Any = None, hint: str = "") -> _Refused:
    return _Refused(Diagnostic(code, message, file, line, column, value, hint, stage=0))


def _decode(data: bytes, file: str) -> str:
    if len(data) > MAX_BYTES:
        raise _refuse("NATID-E002", f"the file has {len(data):,} bytes; the limit is "
                      f"{MAX_BYTES:,}", file, value=len(data))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _refuse("NATID-E003", "the file is UTF-16 (or UTF-32) text; natid reads UTF-8",
                      file, 1, 1)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise _refuse("NATID-E005", "the file is empty", file)
    if _looks_utf16(data[:1024]):
        raise _refuse("NATID-E003", "the file is UTF-16 text; natid reads UTF-8", file, 1, 1)
    if b"\x00" in data[:8192] or _mostly_control(data[:1024]):
        raise _refuse("NATID-E004", "the file holds binary data, not YAML text", file)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start:error.start].decode("utf-8", "replace")) + 1
        bad = data[error.start:error.start + 1]
        raise _refuse(
            "NATID-E003",
            f"byte 0x{bad.hex().upper()} is not valid UTF-8 (the file looks like "
            "Latin-1 or Windows-1252)",
            file, line, column, hint="re-save the file with the UTF-8 encoding",
        ) from None


def _looks_utf16(sample: bytes) -> bool:
    """Text in UTF-16 without a byte order mark: a zero in every other byte."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 8:
        return False
    return (even.count(0) > 0.8 * len(even) and odd.count(0) == 0) or (
        odd.count(0) > 0.8 * len(odd) and even.count(0) == 0)


def _mostly_control(sample: bytes) -> bool:
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 13))
    return controls >= 8 and controls / len(sample) > 0.1


class _Frame:
    """A list or mapping being built."""

    __slots__ = ("anchor", "is_map", "key", "key_position", "path", "value", "weight")

    def __init__(self, is_map: bool, path: Path, anchor: str | None) -> None:
        self.is_map = is_map
        self.path = path
        self.anchor = anchor
        self.value: Any = {} if is_map else []
        self.weight = 1
        self.key: str | None = None
        self.key_position: Position = (0, 0)


class _Composer:
    """Turns the parser's events into values, iteratively and within limits."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self.positions = Positions()
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Frame] = []
        self.nodes = 0
        self.root: Any = None
        self.documents = 0
        self.ambiguous: list[tuple[Position, str, str]] = []
        # libyaml also breaks lines at U+0085, U+2028 and U+2029; editors do not, so
        # places in such a file are counted from its line feeds instead.
        self.line_starts: list[int] | None = None
        if any(mark in text for mark in "\x85\u2028\u2029"):
            self.line_starts = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]

    def run(self) -> YamlDocument:
        parser = _Parser(self.text)
        try:
            while True:
                event = parser.get_event()
                if event is None or isinstance(event, yaml.StreamEndEvent):
                    break
                self._handle(event)
        except yaml.MarkedYAMLError as error:
            raise self._syntax_error(error) from None
        except yaml.YAMLError as error:  # reader errors carry a character offset
            raise self._reader_error(error) from None
        finally:
            dispose = getattr(parser, "dispose", None)
            if dispose is not None:
                dispose()
        if self.documents == 0 or self.root is None:
            raise _refuse("NATID-E005", "the file holds only comments or blank lines", self.file)
        return YamlDocument(self.root, self.positions, self.ambiguous)

    # Events -------------------------------------------------------------------------

    def _handle(self, event: Any) -> None:
        if isinstance(event, yaml.ScalarEvent):
            self._emit(self._scalar(event), event, 1, event.anchor)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self._check_collection_tag(event)
            path = self._child_path(event)
            if len(self.stack) >= MAX_DEPTH:
                line, column = self._place(event)
                raise _refuse("NATID-E007", f"lists and mappings are nested more than "
                              f"{MAX_DEPTH} levels deep", self.file, line, column)
            self._count(1, event)
            frame = _Frame(isinstance(event, yaml.MappingStartEvent), path, event.anchor)
            self.positions.values[path] = self._place(event)
            self.stack.append(frame)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            frame = self.stack.pop()
            self._attach(frame.value, frame.path, frame.weight, frame.anchor)
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                line, column = self._place(event)
                raise _refuse("NATID-E006", f"alias '*{event.anchor}' refers to no anchor "
                              "defined before it", self.file, line, column, value=event.anchor,
                              hint=f"define '&{event.anchor}' earlier in the file")
            value, weight = self.anchors[event.anchor]
            self._count(weight, event)
            self._emit(value, event, weight, None)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                line, column = self._place(event)
                raise _refuse("NATID-E009", "a second YAML document starts here", self.file,
                              line, column)

    def _count(self, weight: int, event: Any) -> None:
        self.nodes += weight
        if self.nodes > MAX_NODES:
            line, column = self._place(event)
            raise _refuse("NATID-E008", f"anchors and aliases expand the document beyond "
                          f"{MAX_NODES:,} values", self.file, line, column)

    def _child_path(self, event: Any) -> Path:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if not frame.is_map:
            return (*frame.path, len(frame.value))
        if frame.key is None:
            line, column = self._place(event)
            raise _refuse("NATID-E016", "a list or mapping is used as a mapping key",
                          self.file, line, column)
        return (*frame.path, frame.key)

    def _emit(self, value: Any, event: Any, weight: int, anchor: str | None) -> None:
        """Place a finished scalar or alias value into its parent."""
        if isinstance(event, yaml.ScalarEvent):
            self._count(1, event)
        place = self._place(event)
        if self.stack and self.stack[-1].is_map and self.stack[-1].key is None:
            self._take_key(value, event, place)
            if anchor is not None:
                self.anchors[anchor] = (value, weight)
            return
        path = self._child_path(event)
        self.positions.values[path] = place
        self._attach(value, path, weight, anchor)

    def _take_key(self, value: Any, event: Any, place: Position) -> None:
        frame = self.stack[-1]
        if isinstance(event, yaml.ScalarEvent):
            key = event.value
        elif isinstance(value, str):
            key = value
        else:
            raise _refuse("NATID-E016", "an alias to a list or mapping is used as a key",
                          self.file, *place)
        if key in frame.value:
            first = self.positions.keys.get((*frame.path, key), (0, 0))
            raise _refuse("NATID-E015", f"key '{key}' appears twice in this mapping "
                          f"(first at line {first[0]})", self.file, *place, value=key)
        frame.key = key
        frame.key_position = place
        self.positions.keys[(*frame.path, key)] = place

    def _attach(self, value: Any, path: Path, weight: int, anchor: str | None) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, weight)
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        frame.weight += weight
        if frame.is_map:
            frame.value[frame.key] = value
            frame.key = None
        else:
            frame.value.append(value)

    # Scalars ------------------------------------------------------------------------

    def _scalar(self, event: Any) -> Any:
        text: str = event.value
        tag = event.tag
        if tag in (None, "!"):
            if tag is None and event.implicit[0] and not event.style:
                value = self._resolve_plain(text, event)
                if isinstance(value, str) or _LEADING_ZERO.match(text):
                    self._note_yaml11(text, event)
                return value
            return text
        if tag not in _KNOWN_SCALAR_TAGS:
            line, column = self._place(event)
            raise _refuse("NATID-E010", f"the tag '{_as_written(tag)}' is not supported",
                          self.file, line, column, value=tag)
        if tag == _STR:
            return text
        value = self._resolve_plain(text, event)
        if isinstance(value, str):
            line, column = self._place(event)
            raise _refuse("NATID-E014", f"'{text}' does not fit its tag '{_as_written(tag)}'",
                          self.file, line, column, value=text)
        return value

    def _resolve_plain(self, text: str, event: Any) -> Any:
        if text in _NULLS:
            return None
        if text in _TRUES:
            return True
        if text in _FALSES:
            return False
        first = text[:1]
        if not (first.isdigit() or first in "+-."):
            return text
        try:
            if _INT.match(text):
                return int(text)
            if _OCT.match(text):
                return int(text[2:], 8)
            if _HEX.match(text):
                return int(text[2:], 16)
        except ValueError:
            line, column = self._place(event)
            raise _refuse("NATID-E014", "this number has too many digits", self.file, line,
                          column, value=text[:40] + "…") from None
        if _FLOAT.match(text):
            return float(text)
        if _INF.match(text):
            return -math.inf if text.startswith("-") else math.inf
        if _NAN.match(text):
            return math.nan
        return text

    def _note_yaml11(self, text: str, event: Any) -> None:
        if text in _YAML11_BOOLEANS:
            what = "true" if text.lower() in {"y", "yes", "on"} else "false"
        elif _LEADING_ZERO.match(text):
            what = "an octal number"
        elif _YAML11_DATE.match(text):
            what = "a date"
        elif _YAML11_SEXAGESIMAL.match(text) or _YAML11_UNDERSCORED.match(text):
            what = "a number"
        else:
            return
        self.ambiguous.append((self._place(event), text, what))

    def _check_collection_tag(self, event: Any) -> None:
        tag = event.tag
        if tag not in (None, "!") and tag not in _KNOWN_COLLECTION_TAGS:
            line, column = self._place(event)
            raise _refuse("NATID-E010", f"the tag '{_as_written(tag)}' is not supported",
                          self.file, line, column, value=tag)

    # Errors -------------------------------------------------------------------------

    def _syntax_error(self, error: yaml.MarkedYAMLError) -> _Refused:
        """Say where an author should look, which is not always where the parser stopped."""
        mark = error.problem_mark or error.context_mark
        line, column = self._clamp(mark)
        problem = error.problem or "the YAML is not valid here"
        explained = _plain_words(problem)
        context = self._clamp(error.context_mark) if error.context_mark is not None else None
        unclosed = self._unclosed_quote(line)
        if self._character_at(line, column) == "\t":
            explained = "a tab character: indent with spaces, never tabs"
        elif (self._character_at(line, column) == ":" and "flow" in str(error.context)
              and context is not None and context[0] == line):
            explained = "a ':' inside a text: put the text in quotes"
        elif unclosed is not None:
            line, column = unclosed
            explained = "this quoted text is not closed: add the closing quote"
        elif context is not None and _STARTS_AT_CONTEXT.search(problem):
            stopped = line
            line, column = context
            explained += f" (noticed at line {stopped})" if stopped != line else ""
        elif context is not None and context[0] != line:
            explained += f" (in the part that starts at line {context[0]})"
        return _refuse("NATID-E006", explained, self.file, line, column)

    def _unclosed_quote(self, last_line: int) -> Position | None:
        """The first line up to ``last_line`` where a quoted value opens and never closes."""
        for number, text in enumerate(self.text.split("\n")[:last_line], start=1):
            opening = _OPENING_QUOTE.search(text)
            if opening is None:
                continue
            quote = opening.group(2)
            rest = text[opening.end():]
            closed = (rest.replace("''", "").count("'") if quote == "'"
                      else len(re.findall(r'(?<!\\)"', rest)))
            if closed == 0:
                return (number, opening.start(2) + 1)
        return None

    def _character_at(self, line: int, column: int) -> str:
        lines = self.text.split("\n")
        if 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]):
            return lines[line - 1][column - 1]
        return ""

    def _place(self, event: Any) -> Position:
        return self._at(event.start_mark)

    def _at(self, mark: Any) -> Position:
        """1-based line and column of a parser mark, as an editor counts them."""
        if mark is None:
            return (0, 0)
        if self.line_starts is None:
            return (mark.line + 1, mark.column + 1)
        line = bisect.bisect_right(self.line_starts, mark.index)
        return (line, mark.index - self.line_starts[line - 1] + 1)

    def _clamp(self, mark: Any) -> Position:
        """1-based line and column of a mark, kept within the text (end of file included)."""
        if mark is None:
            return (0, 0)
        lines = self.text.split("\n")
        if self.text.endswith("\n"):
            lines.pop()
        line, column = self._at(mark)
        if line > len(lines):
            return (max(len(lines), 1), len(lines[-1]) + 1 if lines else 1)
        return (line, column)

    def _reader_error(self, error: yaml.YAMLError) -> _Refused:
        offset = getattr(error, "position", None)
        line = column = 0
        if isinstance(offset, int):
            # libyaml counts this offset in bytes of the UTF-8 text, not in characters.
            offset = len(self.text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
            line = self.text.count("\n", 0, offset) + 1
            column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        character = getattr(error, "character", None)
        what = f"character U+{character:04X}" if isinstance(character, int) else "a character"
        return _refuse("NATID-E006", f"{what} is not allowed in YAML text", self.file, line,
                       column, hint="remove the invisible control character at this place")


def _as_written(tag: str) -> str:
    """A tag the way it appears in the file: '!!python/object', not its long form."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag.removeprefix(prefix) if tag.startswith(prefix) else tag


_OPENING_QUOTE = re.compile(r"""(^\s*(?:- )?[^#'"]*?:\s+|^\s*- |[\[{,]\s*)(["'])""")
_STARTS_AT_CONTEXT = re.compile(r"could not find expected ':'|expected ',' or '[\]}]'")

_PLAIN_WORDS = (
    ("did not find expected node content", "a value is missing here"),
    ("did not find expected ',' or ']'", "a list in [brackets] is not closed: expected ',' or ']'"),
    ("did not find expected ',' or '}'",
     "a mapping in {braces} is not closed: expected ',' or '}'"),
    ("mapping values are not allowed", "a ':' where it does not belong: quote a text that "
     "contains ': ', or check the indentation"),
    ("found character that cannot start any token", "a character that cannot start a value: "
     "quote the text"),
    ("could not find expected ':'", "a key without ':' after it"),
    ("found unexpected end of stream", "the file ends inside a quoted text: close the quote"),
    ("did not find expected key", "the indentation does not line up with the keys above"),
    ("did not find expected '-' indicator", "the indentation does not line up with the list "
     "items above"),
)


def _plain_words(problem: str) -> str:
    """The parser's words, said the way an author understands them."""
    for phrase, plain in _PLAIN_WORDS:
        if phrase in problem:
            return plain
    return problem


