"""What a PDF holds besides pages: scripts, actions that start programs, attached files.

A scan sent as a PDF needs none of these, and any of them could act when an officer or
a consul opens the file. :func:`inspect_pdf` finds them twice over:

1. with pypdf, following every object reachable from the file's trailer (names are
   compared decoded, so ``/J#53`` is ``/JS``; compressed object streams are read too);
2. with a scan of the raw bytes for the same names, which also sees objects nothing
   refers to and parts pypdf could not follow.

A password-protected (encrypted) PDF cannot be looked into, and is reported as such.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

MAX_OBJECTS = 200_000
"""A PDF with more objects than this is not followed to its end (and not accepted)."""

_NAMES = {
    b"JS": "JavaScript", b"JavaScript": "JavaScript", b"Launch": "an action that starts a program",
    b"EmbeddedFile": "an attached file", b"EmbeddedFiles": "an attached file",
    b"XFA": "an XFA form, which can run scripts",
}
_RAW_NAME = re.compile(rb"/([^\s()<>\[\]{}/%]{1,64})")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


class UnreadablePdfError(ValueError):
    """pypdf cannot read the file as a PDF (the caller says so to a person)."""


@dataclass(frozen=True)
class PdfReport:
    """What :func:`inspect_pdf` found."""

    pages: int
    encrypted: bool
    active: tuple[str, ...]
    """What the PDF holds besides pages, in words ('JavaScript', 'an attached file')."""


def _decoded(name: bytes) -> bytes:
    return _ESCAPE.sub(lambda match: bytes([int(match.group(1), 16)]), name)


def raw_findings(data: bytes) -> set[str]:
    """Active content named anywhere in the file's uncompressed bytes."""
    return {_NAMES[name] for name in map(_decoded, _RAW_NAME.findall(data)) if name in _NAMES}


def _dictionary_findings(entry: dict[Any, Any]) -> set[str]:
    found = {_NAMES[key[1:].encode()] for key in map(str, entry) if key[1:].encode() in _NAMES}
    for key in ("/S", "/Type"):
        value = str(entry[key] if key in entry else "")[1:].encode()
        if value in _NAMES:
            found.add(_NAMES[value])
    if "/EF" in entry:
        found.add(_NAMES[b"EmbeddedFile"])
    return found


def _walk(trailer: Any) -> set[str]:
    """Active content reachable from the trailer, found by pypdf; refuses huge files."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    found: set[str] = set()
    seen: set[tuple[int, int]] = set()
    pending: list[Any] = [trailer]
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > MAX_OBJECTS:
                found.add(f"more than {MAX_OBJECTS} objects, too many to look through")
                return found
            pending.append(item.get_object())
        elif isinstance(item, DictionaryObject):
            found |= _dictionary_findings(item)
            pending.extend(item.values())
        elif isinstance(item, ArrayObject):
            pending.extend(item)
    return found


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Silence what pypdf logs while repairing a broken file; natid's message says it."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def inspect_pdf(data: bytes) -> PdfReport:
    """Count the pages of a PDF and find what it holds besides pages.

    Raises:
        UnreadablePdfError: pypdf cannot read it (damaged, cut short, not a PDF inside).
    """
    from pypdf import PdfReader

    raw = raw_findings(data)
    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                return PdfReport(pages=0, encrypted=True, active=tuple(sorted(raw)))
            pages = len(reader.pages)
            found = _walk(reader.trailer) | raw
        # pypdf raises many kinds of errors on hostile input; each means it cannot read it.
        except Exception as error:
            raise UnreadablePdfError(str(error).splitlines()[0] if str(error) else
                                     type(error).__name__) from None
    if pages == 0:
        raise UnreadablePdfError("it has no pages")
    return PdfReport(pages=pages, encrypted=False, active=tuple(sorted(found)))
