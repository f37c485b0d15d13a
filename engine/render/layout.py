"""A printable document as plain data: what the text and PDF renderers lay out.

The certificate request and the referral are turned into a :class:`Layout` (already
in the reader's language); the renderers know nothing about requests, only about
titles, labelled fields, paragraphs and tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Row:
    """One labelled value: 'Full name: ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ'."""

    label: str
    value: str


@dataclass(frozen=True)
class Table:
    """A table with a header row; every row has as many cells as the header."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Section:
    """A titled part of the document: its rows, then its paragraphs, then its table."""

    title: str
    rows: tuple[Row, ...] = ()
    paragraphs: tuple[str, ...] = ()
    table: Table | None = None
    blank_lines: int = 0
    """Empty lines to write on (the consulate's decision), drawn after everything else."""


@dataclass(frozen=True)
class AnnexImage:
    """An image printed on a page of its own at the end (a copy of a document)."""

    caption: str
    data: bytes
    media_type: str
    """image/jpeg or image/png."""
    note: str = ""
    """Printed under the image (its hash)."""


@dataclass(frozen=True)
class Layout:
    """A whole document."""

    title: str
    subtitle: str = ""
    sections: tuple[Section, ...] = ()
    footer: str = ""
    """Printed at the foot of every PDF page and at the end of the text (the integrity hash)."""
    language: str = "en"
    """The language the labels are written in (BCP 47)."""
    attachments: dict[str, bytes] = field(default_factory=dict)
    """Files embedded in the PDF as they are (the request's JSON), by file name."""
    annex: tuple[AnnexImage, ...] = ()
    """Images printed after everything else, one per page (the PDF only)."""
