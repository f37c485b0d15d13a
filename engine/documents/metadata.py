"""Removing an image's metadata at the byte level, without decoding or re-encoding it.

A phone photo of a passport carries where and when it was taken (EXIF GPS), the phone,
sometimes the owner's name. The copy that goes to a consulate carries none of that, and
its picture stays exactly the one the officer attached: only whole metadata segments
(JPEG) or chunks (PNG) are left out; every byte kept is copied as it is.

**JPEG.** Left out: APP1 (EXIF, XMP), APP13 (IPTC, Photoshop) and COM (comments), wherever
they stand; APP2 segments of the Multi-Picture Format (``MPF``), whose extra pictures
(previews, depth maps with their own EXIF) follow the end of the image and are left
out with everything else after the end-of-image marker. Kept: APP0 (JFIF), APP2 ICC
colour profiles, APP14 (Adobe colour transform), the tables and the image data. One
exception keeps the picture the right way up: when the EXIF says the camera was turned
(orientation other than 1), a new 34-byte APP1 holding only that orientation replaces
the EXIF.

**PNG.** Left out: the ``eXIf``, ``tEXt``, ``zTXt``, ``iTXt`` and ``tIME`` chunks and anything
after ``IEND``; every other chunk is kept as it is.

The result depends on the bytes given only, so stripping twice gives the same bytes
(and the same SHA-256) as stripping once.
"""

from __future__ import annotations

SOI = b"\xff\xd8"
_APP0, _APP1, _APP2, _APP13, _COM, _SOS, _EOI = 0xE0, 0xE1, 0xE2, 0xED, 0xFE, 0xDA, 0xD9
_DROPPED_JPEG = frozenset({_APP1, _APP13, _COM})
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
_ORIENTATION_TAG = 0x0112

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
DROPPED_PNG_CHUNKS = frozenset({b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"})


class MalformedImageError(ValueError):
    """The image's structure cannot be followed to its end (the caller says so to a person)."""


# JPEG --------------------------------------------------------------------------------


def _entropy_end(data: bytes, position: int) -> int:
    """Where the compressed data that follows a start-of-scan header ends: the next marker.

    Inside it, 0xFF is followed by 0x00 (a stuffed byte) or a restart marker; a run of
    0xFF is fill before a marker. Without a marker, the data runs to the end of the file.
    """
    while True:
        found = data.find(b"\xff", position)
        if found < 0 or found + 1 >= len(data):
            return len(data)
        following = data[found + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            position = found + 1
            continue
        return found


def _unsigned(data: bytes, big_endian: bool) -> int:
    return int.from_bytes(data, "big" if big_endian else "little")


def exif_orientation(payload: bytes) -> int | None:
    """The orientation (1-8) an APP1 EXIF payload records, None if none can be read."""
    if not payload.startswith(b"Exif\x00\x00") or payload[6:8] not in (b"II", b"MM"):
        return None
    tiff = payload[6:]
    big = tiff[:2] == b"MM"
    first = _unsigned(tiff[4:8], big)
    if first + 2 > len(tiff):
        return None
    count = _unsigned(tiff[first:first + 2], big)
    for index in range(count):
        entry = tiff[first + 2 + 12 * index:first + 14 + 12 * index]
        if len(entry) < 12:
            return None
        if _unsigned(entry[0:2], big) == _ORIENTATION_TAG and _unsigned(entry[2:4], big) == 3:
            value = _unsigned(entry[8:10], big)
            return value if 1 <= value <= 8 else None
    return None


def orientation_segment(orientation: int) -> bytes:
    """An APP1 segment whose EXIF holds the orientation and nothing else."""
    tiff = (b"MM\x00\x2a" + (8).to_bytes(4, "big") + (1).to_bytes(2, "big")
            + _ORIENTATION_TAG.to_bytes(2, "big") + (3).to_bytes(2, "big")
            + (1).to_bytes(4, "big") + orientation.to_bytes(2, "big") + b"\x00\x00"
            + (0).to_bytes(4, "big"))
    payload = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload


def _segment(data: bytes, start: int) -> tuple[int, int, int]:
    """(marker, start of its payload, end) of the segment whose 0xFF (or fill) is at ``start``."""
    position = start
    while position < len(data) and data[position] == 0xFF:
        position += 1
    if position == start or position >= len(data):
        raise MalformedImageError(f"no JPEG marker at byte {start}")
    marker = data[position]
    position += 1
    if marker in _STANDALONE or marker == _EOI:
        return marker, position, position
    length = _unsigned(data[position:position + 2], big_endian=True)
    end = position + length
    if length < 2 or end > len(data):
        raise MalformedImageError(f"a JPEG segment at byte {start} runs past the end")
    if marker == _SOS:
        end = _entropy_end(data, end)
    return marker, position + 2, end


def _dropped(marker: int, payload: bytes) -> bool:
    return marker in _DROPPED_JPEG or (marker == _APP2 and payload.startswith(b"MPF\x00"))


def strip_jpeg(data: bytes) -> bytes:
    """The JPEG without its metadata segments (see the module's description).

    Raises:
        MalformedImageError: not a JPEG, or its segments cannot be followed.
    """
    if not data.startswith(SOI):
        raise MalformedImageError("not a JPEG: no start-of-image marker")
    kept: list[bytes] = [SOI]
    orientation: int | None = None
    after_jfif = 1
    position = len(SOI)
    while position < len(data):
        marker, payload_start, end = _segment(data, position)
        payload = data[payload_start:end]
        if marker == _APP1 and orientation is None:
            orientation = exif_orientation(payload)
        if not _dropped(marker, payload):
            kept.append(data[position:end])
            if marker == _APP0 and len(kept) == 2:
                after_jfif = 2
        position = end
        if marker == _EOI:
            break
    if orientation is not None and orientation != 1:
        kept.insert(after_jfif, orientation_segment(orientation))
    return b"".join(kept)


# PNG ---------------------------------------------------------------------------------


def strip_png(data: bytes) -> bytes:
    """The PNG without its metadata chunks (see the module's description).

    Raises:
        MalformedImageError: not a PNG, or its chunks cannot be followed to ``IEND``.
    """
    if not data.startswith(PNG_SIGNATURE):
        raise MalformedImageError("not a PNG: no PNG signature")
    kept = [PNG_SIGNATURE]
    position = len(PNG_SIGNATURE)
    while True:
        if position + 12 > len(data):
            raise MalformedImageError("the PNG ends before its IEND chunk")
        length = _unsigned(data[position:position + 4], big_endian=True)
        kind = data[position + 4:position + 8]
        end = position + 12 + length
        if end > len(data):
            raise MalformedImageError(f"the PNG chunk at byte {position} runs past the end")
        if kind not in DROPPED_PNG_CHUNKS:
            kept.append(data[position:end])
        position = end
        if kind == b"IEND":
            return b"".join(kept)
