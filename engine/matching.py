"""Compare a person's answer with the answers a country accepts.

Text is compared after normalising both sides the same way: Unicode NFKC, case
folding, accents removed from Latin letters (never the vowel signs of Indic or
other scripts, which carry meaning), punctuation dropped and spaces collapsed.
A bounded number of spelling mistakes is forgiven in longer answers, but never
in digits: "14 August" is not "15 August". Numbers and dates are compared as
values.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MIN_LENGTH_FOR_TYPOS = 6
"""Answers shorter than this (after normalising) must match exactly."""

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Match:
    """How an answer matched: 'exact', 'variant' or 'spelling', and what it matched."""

    how: str
    accepted: str
    distance: int = 0


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """The form in which two ways of writing the same answer become equal."""
    text = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    kept: list[str] = []
    base = ""
    for char in decomposed:
        category = unicodedata.category(char)
        if category == "Mn" and _is_latin(base):
            continue  # an accent on a Latin letter: é → e
        if category.startswith("P"):
            kept.append(" ")
            continue
        if not category.startswith("M"):
            base = char
        kept.append(char)
    joined = unicodedata.normalize("NFC", "".join(kept))
    return _SPACES.sub(" ", joined).strip()


def _is_latin(char: str) -> bool:
    if not char:
        return False
    code = ord(char)
    return code < 0x0250 or 0x1E00 <= code <= 0x1EFF


def distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once above it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b):
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _digits(text: str) -> str:
    return "".join(char for char in text if char.isdigit())


def match_text(answer: str, accepted: Iterable[tuple[str, str]], max_typos: int) -> Match | None:
    """Match ``answer`` against (text, 'exact' or 'variant') pairs; None when nothing fits."""
    return _match(answer, tuple(accepted), max_typos)


@lru_cache(maxsize=4096)
def _match(answer: str, accepted: tuple[tuple[str, str], ...], max_typos: int) -> Match | None:
    given = normalize(answer)
    if not given:
        return None
    candidates = [(normalize(text), how, text) for text, how in accepted]
    for norm, how, text in candidates:
        if norm == given:
            return Match(how, text)
    if max_typos <= 0 or len(given) < MIN_LENGTH_FOR_TYPOS:
        return None
    best: Match | None = None
    for norm, _how, text in candidates:
        if len(norm) < MIN_LENGTH_FOR_TYPOS or _digits(norm) != _digits(given):
            continue
        found = distance(given, norm, max_typos)
        if found <= max_typos and (best is None or found < best.distance):
            best = Match("spelling", text, found)
    return best


def as_number(value: Any) -> float | None:
    """A number from an answer: 12, 12.5, "12,5", " 12 "; None if it is not one."""
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, int | float):
            number = float(value)
        elif isinstance(value, str):
            number = float(value.strip().replace(",", "."))
        else:
            return None
    except (ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def as_date(value: Any) -> datetime.date | None:
    """A date from ``YYYY-MM-DD`` (or a date object); None otherwise."""
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None
