"""The file of a copy or photo of a document: what it is, whether natid takes it, the copy sent.

:func:`check_file` accepts JPEG and PNG images and PDF files, told from their content
(the first bytes), never from their name; a name whose extension says otherwise only
earns a note. It refuses, with :class:`DocumentFileError`:

- any other kind of file, named when natid knows it (GIF, HEIC, a ZIP archive, ...)
  (NATID-E046);
- a file over :data:`MAX_BYTES`, an image with more than :data:`MAX_PIXELS` pixels; the
  pixels are counted from the image's header before anything is decoded, so a
  decompression bomb never reaches memory (NATID-E047);
- an empty file, an image cut short or damaged (decoded once to be sure), a PDF pypdf
  cannot read or that has no pages (NATID-E048);
- a PDF holding JavaScript, an action that starts a program, an attached file or an XFA
  form, or locked with a password (NATID-E049).

:func:`strip_metadata` makes the copy that goes to a consulate (see
:mod:`engine.documents.metadata`). Pillow and pypdf are imported only when a file is
checked.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from engine.documents.metadata import (
    PNG_SIGNATURE,
    SOI,
    MalformedImageError,
    strip_jpeg,
    strip_png,
)
from engine.errors import UserError

MAX_BYTES = 10_000_000
"""The largest file accepted, in bytes (10 MB): a phone photo or a scanned page is smaller."""

MAX_PIXELS = 40_000_000
"""The most pixels an image may have (a 40-megapixel camera's); more is refused unread."""

JPEG = "image/jpeg"
PNG = "image/png"
PDF = "application/pdf"
MEDIA_TYPES = (JPEG, PNG, PDF)

EXTENSIONS = {JPEG: (".jpg", ".jpeg", ".jpe", ".jfif"), PNG: (".png",), PDF: (".pdf",)}
"""The extensions a name may have for each accepted type; the first is the usual one."""

_OTHER_KINDS = (
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word, Excel or OpenDocument file)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"BM", "a BMP image"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Excel file"), (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"), (b"\x1f\x8b", "a gzip archive"),
    (b"%!PS", "a PostScript file"), (b"\x00\x00\x01\x00", "an icon file"),
)


class DocumentFileError(UserError):
    """A file natid does not accept as the copy of a document; the message names it."""

    def __init__(self, message: str, *, code: str, name: str = "") -> None:
        super().__init__(message, code=code)
        self.name = name


@dataclass(frozen=True)
class CheckedFile:
    """A file natid accepts: its type, size and hash, and its image size or page count."""

    name: str
    media_type: str
    size: int
    sha256: str
    """Hex SHA-256 of the bytes as given (before any metadata is stripped)."""

    width: int | None = None
    height: int | None = None
    pages: int | None = None
    notes: tuple[str, ...] = ()
    """Worth telling, not refusing: a name whose extension does not fit the content."""

    @property
    def extension(self) -> str:
        """The usual extension of the type: '.jpg', '.png' or '.pdf'."""
        return EXTENSIONS[self.media_type][0]


def _shown(name: str) -> str:
    """The name as a message shows it: one line, 'the file' when there is none."""
    cleaned = "".join(c if c.isprintable() else "?" for c in name).strip()
    return cleaned or "the file"


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def media_type_of(data: bytes) -> str | None:
    """'image/jpeg', 'image/png' or 'application/pdf' from the first bytes, else None."""
    if data.startswith(SOI + b"\xff"):
        return JPEG
    if data.startswith(PNG_SIGNATURE):
        return PNG
    if data.startswith(b"%PDF-"):
        return PDF
    return None


def kind_of(data: bytes) -> str:
    """What an unaccepted file is, in words, as far as its first bytes tell."""
    for magic, kind in _OTHER_KINDS:
        if data.startswith(magic):
            return kind
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1", b"hevc", b"heim", b"heis"):
            return "a HEIC photo (as iPhones take them)"
        return "an AVIF image" if brand in (b"avif", b"avis") else "a video (MP4 or MOV)"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "a WebP image"
    if data.lstrip()[:1] in (b"<", b"{") or data[:3] == b"\xef\xbb\xbf":
        return "a text file"
    return "of a kind natid does not know"


def _refuse_type(data: bytes, who: str) -> DocumentFileError:
    return DocumentFileError(f"{who} is {kind_of(data)}; the copy of a document is accepted "
                             "as a JPEG or PNG image or a PDF (told from the content, not "
                             "the name)",
                             code="NATID-E046")


def _damaged(who: str, what: str) -> DocumentFileError:
    return DocumentFileError(f"{who} is damaged or cut short: {what}", code="NATID-E048")


def _too_many_pixels(who: str, pixels: str, limit: int) -> DocumentFileError:
    return DocumentFileError(f"{who} is an image of {pixels} pixels, more than the "
                             f"{limit:,} natid accepts", code="NATID-E047")


def _image_size(data: bytes, pillow_format: str, who: str, max_pixels: int) -> tuple[int, int]:
    """Width and height from the header alone; refuses absurd ones before any decoding."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data), formats=[pillow_format]) as image:
            width, height = image.size
    except Image.DecompressionBombError:
        raise _too_many_pixels(who, "hundreds of millions of", max_pixels) from None
    # Pillow raises many kinds of errors on a hostile header; each means it is damaged.
    except Exception as error:
        raise _damaged(who, _reason(error)) from None
    if width * height > max_pixels:
        raise _too_many_pixels(who, f"{width} x {height} = {width * height:,}", max_pixels)
    if width < 1 or height < 1:
        raise _damaged(who, f"its header gives a size of {width} x {height}")
    return width, height


def _decode(data: bytes, pillow_format: str, who: str) -> None:
    """Decode the image once, so that one cut short or corrupt is found now."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data), formats=[pillow_format]) as image:
            image.verify()
        with Image.open(io.BytesIO(data), formats=[pillow_format]) as image:
            if pillow_format == "JPEG":  # decode at 1/8 scale: every byte is still read
                image.draft(None, (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
    except Exception as error:
        raise _damaged(who, _reason(error)) from None


def _reason(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else ""
    return text or type(error).__name__


def _check_image(data: bytes, media_type: str, who: str,
                 max_pixels: int) -> tuple[int, int]:
    from PIL import Image

    pillow_format = "JPEG" if media_type == JPEG else "PNG"
    with warnings.catch_warnings():
        # natid's own limit (max_pixels) is checked from the header; Pillow's warning,
        # at a higher count, adds nothing, and its error is caught as "too many pixels".
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        size = _image_size(data, pillow_format, who, max_pixels)
        _decode(data, pillow_format, who)
    try:  # the copy for a consulate must be possible too
        (strip_jpeg if media_type == JPEG else strip_png)(data)
    except MalformedImageError as error:
        raise _damaged(who, str(error)) from None
    return size


def _check_pdf(data: bytes, who: str) -> int:
    from engine.documents.pdf_safety import UnreadablePdfError, inspect_pdf

    try:
        report = inspect_pdf(data)
    except UnreadablePdfError as error:
        raise _damaged(who, f"it cannot be read as a PDF ({error})") from None
    if report.encrypted:
        raise DocumentFileError(f"{who} is locked with a password (encrypted), so natid "
                                "cannot see what it holds", code="NATID-E049")
    if report.active:
        raise DocumentFileError(f"{who} holds {' and '.join(report.active)}; a document's "
                                "copy is accepted as a PDF of pages only", code="NATID-E049")
    return report.pages


def _extension_notes(name: str, media_type: str) -> tuple[str, ...]:
    suffix = PurePath(name).suffix.lower() if name else ""
    if not suffix or suffix in EXTENSIONS[media_type]:
        return ()
    kind = {JPEG: "a JPEG image", PNG: "a PNG image", PDF: "a PDF"}[media_type]
    return (f"{_shown(name)} is {kind}: its name ends in '{suffix}', which does not fit "
            "(natid goes by the content)",)


def check_file(data: bytes, name: str = "", *, max_bytes: int = MAX_BYTES,
               max_pixels: int = MAX_PIXELS) -> CheckedFile:
    """Check the file of a document's copy or photo, and describe it.

    Args:
        data: the file's bytes.
        name: its name, used in messages and for the note on a misleading extension.
        max_bytes: the largest size accepted.
        max_pixels: the most pixels an image may have.

    Raises:
        DocumentFileError: the file is not accepted (see the module's description); its
            message names the file and what is wrong, its code the family.
    """
    who = _shown(name)
    if not data:
        raise DocumentFileError(f"{who} is empty (0 bytes)", code="NATID-E048")
    if len(data) > max_bytes:
        raise DocumentFileError(f"{who} is {_megabytes(len(data))}, larger than the "
                                f"{_megabytes(max_bytes)} natid accepts", code="NATID-E047")
    media_type = media_type_of(data)
    if media_type is None:
        raise _refuse_type(data, who)
    width = height = pages = None
    if media_type == PDF:
        pages = _check_pdf(data, who)
    else:
        width, height = _check_image(data, media_type, who, max_pixels)
    return CheckedFile(name=name, media_type=media_type, size=len(data),
                       sha256=hashlib.sha256(data).hexdigest(), width=width, height=height,
                       pages=pages, notes=_extension_notes(name, media_type))


def strip_metadata(data: bytes, media_type: str) -> bytes:
    """The copy of a checked file for a consulate, without the image's metadata.

    JPEG and PNG lose their metadata segments or chunks at the byte level, the picture
    itself untouched (:mod:`engine.documents.metadata`). A PDF is returned as it is:
    rewriting it could change what it shows, and :func:`check_file` has already refused
    one with scripts, actions or attached files. The same bytes always give the same
    copy, and stripping a copy again changes nothing.

    Raises:
        DocumentFileError: the media type is not one natid accepts (NATID-E046), or the
            image's structure cannot be followed (NATID-E048).
    """
    try:
        if media_type == JPEG:
            return strip_jpeg(data)
        if media_type == PNG:
            return strip_png(data)
    except MalformedImageError as error:
        raise DocumentFileError(f"the {media_type} file is damaged: {error}",
                                code="NATID-E048") from None
    if media_type == PDF:
        return data
    raise DocumentFileError(f"'{media_type}' is not a type natid accepts for a document's "
                            "copy (image/jpeg, image/png, application/pdf)", code="NATID-E046")
