"""The Noto fonts the PDF is drawn with, and which of them each character needs.

The PDF shows names in their own script, so it needs one font per script: Noto Sans for
Latin (and Greek, Cyrillic, punctuation, digits), and the Noto font of each script of the
RCM's countries of origin. They are looked up, by file name, in ``$NATID_FONT_DIR`` first,
then where Debian's ``fonts-noto-core`` puts them. Nothing here draws or imports a PDF
library: :func:`split_runs` only decides which font draws which part of a string.
"""

from __future__ import annotations

import os
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from engine.errors import UserError

FONT_DIR_ENV = "NATID_FONT_DIR"

SEARCH_DIRS: list[Path] = [
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/opentype/noto"),
]
"""Where the fonts are looked for after ``$NATID_FONT_DIR`` (Debian's fonts-noto-core)."""

BASE = "latin"
"""The script of the base font, which draws everything no other font is chosen for."""

FAMILIES: dict[str, tuple[str, ...]] = {
    BASE: ("NotoSans",),
    "devanagari": ("NotoSansDevanagari",),
    "gurmukhi": ("NotoSansGurmukhi",),
    "bengali": ("NotoSansBengali",),
    "ethiopic": ("NotoSansEthiopic",),
    "sinhala": ("NotoSansSinhala",),
    "tamil": ("NotoSansTamil",),
    "arabic": ("NotoSansArabic", "NotoNaskhArabic"),
}
"""The font families that can draw each script, the preferred one first."""

_BLOCKS: tuple[tuple[int, int, str], ...] = (
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x0870, 0x08FF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x09FF, "bengali"),
    (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0B80, 0x0BFF, "tamil"),
    (0x0D80, 0x0DFF, "sinhala"),
    (0x1200, 0x139F, "ethiopic"),
    (0x1CD0, 0x1CFF, "devanagari"),
    (0x2D80, 0x2DDF, "ethiopic"),
    (0xA8E0, 0xA8FF, "devanagari"),
    (0xAB00, 0xAB2F, "ethiopic"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0x111E0, 0x111FF, "sinhala"),
    (0x11FC0, 0x11FFF, "tamil"),
    (0x1E7E0, 0x1E7FF, "ethiopic"),
)
_STARTS = [start for start, _, _ in _BLOCKS]
JOINERS = frozenset("\u200c\u200d\u034f")
"""Zero-width (non-)joiners stay with the character before them: 'ශ්‍රී' needs its ZWJ."""


class FontsMissingError(UserError):
    """The fonts the PDF needs are not installed (or not where natid looks)."""

    code = "NATID-E070"


@dataclass(frozen=True)
class Face:
    """The font files of one script."""

    family: str
    regular: Path
    bold: Path | None


@dataclass(frozen=True)
class Fonts:
    """The fonts found, by script, and the folders searched for them."""

    faces: dict[str, Face]
    searched: tuple[Path, ...]

    def face(self, script: str) -> Face:
        """The face that draws ``script``; :class:`FontsMissingError` when it was not found."""
        found = self.faces.get(script)
        if found is None:
            raise FontsMissingError(_missing_message(script, self.searched))
        return found


def search_dirs() -> tuple[Path, ...]:
    """The folders searched, in order: ``$NATID_FONT_DIR`` (when set), then :data:`SEARCH_DIRS`."""
    folders = [Path(value)] if (value := os.environ.get(FONT_DIR_ENV, "").strip()) else []
    return tuple(folders + list(SEARCH_DIRS))


def find_fonts() -> Fonts:
    """Find every script's font; the Latin base font must be there, the others may be missing.

    Raises:
        FontsMissingError: Noto Sans itself was not found in any folder searched.
    """
    folders = search_dirs()
    faces: dict[str, Face] = {}
    for script, families in FAMILIES.items():
        for family in families:
            regular = _find_file(folders, f"{family}-Regular")
            if regular is not None:
                faces[script] = Face(family, regular, _find_file(folders, f"{family}-Bold"))
                break
    fonts = Fonts(faces, folders)
    fonts.face(BASE)
    return fonts


def _find_file(folders: tuple[Path, ...], stem: str) -> Path | None:
    for folder in folders:
        for suffix in (".ttf", ".otf"):
            candidate = folder / f"{stem}{suffix}"
            if candidate.is_file():
                return candidate
    return None


def _missing_message(script: str, searched: tuple[Path, ...]) -> str:
    names = " or ".join(f"{family}-Regular.ttf" for family in FAMILIES[script])
    folders = ", ".join(str(folder) for folder in searched) or "(none)"
    return (
        f"the PDF cannot be made: the font for {script.capitalize()} text ({names}) was not "
        f"found in {folders}; install Debian's fonts-noto-core (apt-get install "
        f"fonts-noto-core) or set {FONT_DIR_ENV} to a folder holding the Noto fonts"
    )


def script_of(char: str) -> str:
    """The script whose font draws ``char``: one of :data:`FAMILIES`, :data:`BASE` by default."""
    code = ord(char)
    index = bisect_right(_STARTS, code) - 1
    if index >= 0:
        start, end, script = _BLOCKS[index]
        if start <= code <= end:
            return script
    return BASE


def scripts_needed(text: str) -> tuple[set[str], set[str]]:
    """The scripts ``text`` needs a font for, and those whose font is merely welcome.

    Letters, marks and digits need their script's font; a punctuation mark such as the danda
    can also be drawn by another script's font (Gurmukhi's has it too).
    """
    needed: set[str] = set()
    welcome: set[str] = set()
    for char in text:
        script = script_of(char)
        if script != BASE:
            (needed if unicodedata.category(char)[0] in "LMN" else welcome).add(script)
    return needed, welcome - needed


def split_runs(text: str, covers: Callable[[str, str], bool]) -> list[tuple[str, str]]:
    """Split ``text`` into ``(script, run)`` pairs, each run drawn in that script's font.

    Letters decide the script; combining marks and joiners stay with what they follow; spaces,
    digits and punctuation stay inside a run of one script when its font has them
    (``covers(script, char)``), so a name in one script is shaped as one piece.
    """
    strong = [_strong_script(char) for char in text]
    following: list[str | None] = [None] * len(text)
    upcoming: str | None = None
    for index in range(len(text) - 1, -1, -1):
        following[index] = upcoming
        if strong[index] not in (None, _INHERIT):
            upcoming = strong[index]
    chosen: list[str] = []
    for index, char in enumerate(text):
        kind = strong[index]
        previous = chosen[-1] if chosen else None
        if kind == _INHERIT:
            chosen.append(previous or script_of(char))
        elif kind is not None:
            chosen.append(kind)
        else:
            chosen.append(_neutral_script(char, previous, following[index], covers))
    runs: list[tuple[str, str]] = []
    for char, script in zip(text, chosen, strict=True):
        if runs and runs[-1][0] == script:
            runs[-1] = (script, runs[-1][1] + char)
        else:
            runs.append((script, char))
    return runs


_INHERIT = "inherit"


def _strong_script(char: str) -> str | None:
    """A letter's script, :data:`_INHERIT` for marks and joiners, None for the rest."""
    category = unicodedata.category(char)
    if category[0] == "M" or char in JOINERS:
        return _INHERIT
    script = script_of(char)
    if category[0] == "L" or (script != BASE and category[0] == "N"):
        return script
    return None


def _neutral_script(
    char: str, previous: str | None, following: str | None, covers: Callable[[str, str], bool]
) -> str:
    own = script_of(char)
    order: list[str | None] = []
    if previous == following:
        order.append(previous)
    if own != BASE:
        order.append(previous)
    order += [own, BASE, previous, following]
    for script in order:
        if script is not None and covers(script, char):
            return script
    return BASE
