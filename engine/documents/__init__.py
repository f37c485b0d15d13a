"""Documents the person carries: their machine-readable zones and the files of their copies.

- :mod:`engine.documents.mrz` reads and checks the machine-readable zone of a passport
  or ID card (ICAO Doc 9303); :mod:`engine.documents.mrz_compose` writes one.
- :mod:`engine.documents.icao_codes` turns the zone's state codes into ISO 3166 codes.
- :mod:`engine.documents.files` checks the file of a copy or photo (JPEG, PNG, PDF)
  and strips an image's metadata for the copy sent to a consulate.
"""

from __future__ import annotations

from engine.documents.files import (
    MAX_BYTES,
    MAX_PIXELS,
    CheckedFile,
    DocumentFileError,
    check_file,
    strip_metadata,
)
from engine.documents.icao_codes import alpha2, is_known
from engine.documents.mrz import Check, Mrz, MrzError, check_digit, read_mrz
from engine.documents.mrz_compose import compose

__all__ = [
    "MAX_BYTES",
    "MAX_PIXELS",
    "Check",
    "CheckedFile",
    "DocumentFileError",
    "Mrz",
    "MrzError",
    "alpha2",
    "check_digit",
    "check_file",
    "compose",
    "is_known",
    "read_mrz",
    "strip_metadata",
]
