"""Where each mapping entry of a YAML text starts and ends, and how it is written.

:mod:`engine.yaml_source` keeps only where values start; changing a text in place also
needs where it ends and its style (plain, quoted, folded). PyYAML's pure-Python parser
gives both as character offsets into the text, which is what is edited. The parser is
the one natid's loader uses (libyaml's, where PyYAML was built with it): PyYAML's
pure-Python parser reads some plain texts differently (a '?' inside '{...}').
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from engine.yaml_source import Path

try:  # the parser natid's loader uses, so both read the file alike
    from yaml import CBaseLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import BaseLoader as _Loader  # type: ignore[assignment]


@dataclass(frozen=True)
class Scalar:
    """A scalar as written: its value, style and place (character offsets)."""

    value: str
    style: str | None
    """None (plain), "'", '"', '|' or '>'."""
    start: int
    end: int
    anchored: bool = False


@dataclass
class Entry:
    """One key of a mapping and its value (a scalar, or None for a list or mapping)."""

    key: Scalar
    value: Scalar | None
    alias: bool = False
    """The value is an alias ('*name') of another node."""


@dataclass
class Mapping:
    """A mapping as written: flow ('{...}') or block, its place and its entries."""

    flow: bool
    start: int
    anchored: bool
    entries: dict[str, Entry] = field(default_factory=dict)
    end: int = 0


class _Frame:
    __slots__ = ("count", "key", "mapping", "path")

    def __init__(self, path: Path, mapping: Mapping | None) -> None:
        self.path = path
        self.mapping = mapping
        self.key: Scalar | None = None
        self.count = 0


def mappings(text: str) -> dict[Path, Mapping]:
    """Every mapping of the (already read) YAML ``text``, by its path.

    Raises:
        yaml.YAMLError: the text is not YAML (natid reads files with its own reader
            first, so this does not happen to a file that loaded).
    """
    found: dict[Path, Mapping] = {}
    stack: list[_Frame] = []
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
            _scalar_or_alias(stack, event)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            path = _place(stack, event)
            mapping = None
            if isinstance(event, yaml.MappingStartEvent):
                mapping = Mapping(bool(event.flow_style), _index(event.start_mark),
                                  event.anchor is not None)
                found[path] = mapping
            stack.append(_Frame(path, mapping))
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            frame = stack.pop()
            if frame.mapping is not None:
                frame.mapping.end = _index(event.end_mark)
    return found


def _index(mark: Any) -> int:
    """A mark's offset in characters (PyYAML's parser always sets its marks)."""
    return int(mark.index)


def _place(stack: list[_Frame], event: Any) -> Path:
    """The path of a list or mapping starting now, and account for it in its parent."""
    if not stack:
        return ()
    frame = stack[-1]
    if frame.mapping is None:
        frame.count += 1
        return (*frame.path, frame.count - 1)
    key = frame.key
    frame.key = None
    if key is None:
        return (*frame.path, "?")
    frame.mapping.entries[key.value] = Entry(key, None)
    return (*frame.path, key.value)


def _scalar_or_alias(stack: list[_Frame], event: Any) -> None:
    if not stack:
        return
    frame = stack[-1]
    if frame.mapping is None:
        frame.count += 1
        return
    if isinstance(event, yaml.AliasEvent):
        if frame.key is not None:
            frame.mapping.entries[frame.key.value] = Entry(frame.key, None, alias=True)
            frame.key = None
        return
    scalar = Scalar(event.value, event.style or None, _index(event.start_mark),
                    _index(event.end_mark), event.anchor is not None)
    if frame.key is None:
        frame.key = scalar
    else:
        frame.mapping.entries[frame.key.value] = Entry(frame.key, scalar)
        frame.key = None
