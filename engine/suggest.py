"""'Did you mean ...?' for near-miss keys, ids and values."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from engine.i18n import _


def closest(word: object, candidates: Iterable[object]) -> str | None:
    """The candidate most like ``word``, if one is close enough to be a likely typo."""
    text = str(word)
    options = [str(candidate) for candidate in candidates]
    folded = {option.casefold(): option for option in options}
    if text.casefold() in folded:
        return folded[text.casefold()]
    matches = difflib.get_close_matches(text.casefold(), list(folded), n=1, cutoff=0.6)
    return folded[matches[0]] if matches else None


def did_you_mean(word: object, candidates: Iterable[object]) -> str:
    """`` — did you mean 'x'?`` or an empty string."""
    match = closest(word, candidates)
    if match is None or match == str(word):
        return ""
    return _(" — did you mean '{match}'?").format(match=match)


def one_of(candidates: Iterable[object], limit: int = 12) -> str:
    """A short readable list of allowed values: ``'a', 'b' or 'c'``."""
    items = [f"'{candidate}'" if isinstance(candidate, str) else str(candidate)
             for candidate in candidates]
    if len(items) > limit:
        items = [*items[:limit], _("… ({count} more)").format(count=len(items) - limit)]
    if len(items) <= 1:
        return "".join(items)
    return _("{items} or {last}").format(items=", ".join(items[:-1]), last=items[-1])
