"""Which language a person's typed sentence is in (DESIGN §7).

Scripts that langdetect does not know (Ethiopic, Sinhala, Myanmar, Khmer, Tibetan, …)
are recognised from the Unicode names of their letters; everything else goes to
langdetect, seeded so results repeat and imported only here, inside :func:`detect`.
Latin-script text in a language langdetect does not know (Haitian Creole) is reported
as uncertain rather than guessed: langdetect gives such text a confident wrong answer,
so a probability threshold alone cannot catch it.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from engine.errors import UsageError
from engine.i18n import _

MAX_CHARS = 2000
"""Longer input is refused: a language sample is a sentence or two."""
MIN_PROBABILITY = 0.90
"""Below this, langdetect's best proposal is reported as uncertain."""
MIN_LETTERS = 8
"""Text with fewer letters (for langdetect) is too short to tell reliably."""
MIN_WORDS = 2
"""Text with fewer words (for langdetect) is too short to tell reliably."""
PHRASE_WORDS = 5
"""An answer of fewer words is a name, a place or a number: only its script is told."""

Source = Literal["langdetect", "script", "words"]

SCRIPT_LANGUAGES: dict[str, tuple[str, ...]] = {
    "ETHIOPIC": ("am", "ti"),
    "SINHALA": ("si",),
    "MYANMAR": ("my",),
    "KHMER": ("km",),
    "TIBETAN": ("bo", "dz"),
    "GEORGIAN": ("ka",),
    "ARMENIAN": ("hy",),
    "LAO": ("lo",),
    "THAANA": ("dv",),
    "ORIYA": ("or",),
    "TIFINAGH": ("zgh",),
    "MONGOLIAN": ("mn",),
    "SYRIAC": ("syr",),
    "CHEROKEE": ("chr",),
    "CANADIAN": ("iu",),
    "OL": ("sat",),
    "NKO": ("nqo",),
}
"""Scripts langdetect has no profile for, and the languages written in them (most
likely first). When a script serves several languages the result is uncertain."""

_SCRIPT_NAMES = {"CJK": "Han", "NKO": "N'Ko", "OL": "Ol Chiki",
                 "CANADIAN": "Canadian Aboriginal Syllabics"}

# Haitian Creole: words and spellings that French, Spanish and English do not have.
_HT_WORDS = frozenset({
    "mwen", "yon", "nou", "kote", "ye", "bezwen", "rele", "soti", "kreyòl", "kreyol",
    "ayiti", "gwo", "zòn", "legliz", "manman", "konn", "konnen", "vle", "fè", "lakay",
    "anpil", "souple", "mèsi", "bonjou", "kijan", "poukisa", "kounye", "pitit",
    "fanmi", "dlo", "ak", "pral", "genyen", "travay", "manje", "timoun", "frè", "sè",
})
_WORD = re.compile("[^\\W\\d_]+(?:['\u2019][^\\W\\d_]+)?")

# Ethiopic: hints that lean towards Tigrinya or Amharic (neither is decisive).
_TI_HINTS = re.compile(r"[\u1250-\u125D]|ኣ|እዩ|እየ|ኢዩ|ካብ|ናብ|ኣብ")
_AM_HINTS = re.compile(r"ነው|ናቸው|ነኝ|አለ|ይህ|እኔ|እፈልጋለሁ")


@dataclass(frozen=True)
class Candidate:
    """One language the text may be in."""

    language: str
    """A language code ('pa', 'am', 'zh-cn')."""
    probability: float
    """langdetect's probability; for a script, the share given to each of its languages."""
    source: Source
    """'langdetect', 'script' (the letters' script alone) or 'words' (typical words of
    a language langdetect does not know)."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {"language": self.language, "probability": round(self.probability, 4),
                "source": self.source}


@dataclass(frozen=True)
class Detection:
    """What a language sample says: the candidates (best first), the script, and doubt."""

    candidates: tuple[Candidate, ...]
    script: str
    """The script most of the letters are in ('Latin', 'Gurmukhi', 'Ethiopic'…)."""
    uncertain: bool
    reason: str
    """Why the result is uncertain (empty when it is not)."""

    @property
    def language(self) -> str | None:
        """The best candidate's language, when the result is certain."""
        return None if self.uncertain or not self.candidates else self.candidates[0].language

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (what ``natid detect --format json`` prints)."""
        return {"candidates": [c.to_dict() for c in self.candidates], "script": self.script,
                "uncertain": self.uncertain, "reason": self.reason}

    @classmethod
    def from_dict(cls, raw: Any) -> Detection:
        """Read the form :meth:`to_dict` wrote (e.g. from a recorded event).

        Raises:
            ValueError: ``raw`` is not such a form.
        """
        if not _detection_form(raw):
            raise ValueError("a detection is recorded as candidates (language, probability, "
                             "source), a script, 'uncertain' (true or false) and a reason")
        return cls(tuple(Candidate(c["language"], float(c["probability"]), c["source"])
                         for c in raw["candidates"]),
                   raw["script"], raw["uncertain"], raw["reason"])


def _detection_form(raw: Any) -> bool:
    """Whether ``raw`` has the form of :meth:`Detection.to_dict`."""
    if not isinstance(raw, dict) or not isinstance(raw.get("candidates"), list):
        return False
    return (all(isinstance(c, dict) and isinstance(c.get("language"), str)
                and isinstance(c.get("probability"), int | float)
                and c.get("source") in ("langdetect", "script", "words")
                for c in raw["candidates"])
            and isinstance(raw.get("script"), str) and isinstance(raw.get("uncertain"), bool)
            and isinstance(raw.get("reason"), str))


def detect(text: str) -> Detection:
    """The language(s) of ``text``, a sentence a person typed.

    Raises:
        UsageError: the text is empty, blank, or longer than :data:`MAX_CHARS`.
    """
    if not isinstance(text, str) or not text.strip():
        raise UsageError(_("the language sample is empty: ask the person to type a sentence"))
    if len(text) > MAX_CHARS:
        raise UsageError(_("the language sample is {length} characters long; at most "
                           "{limit} are read (a sentence or two is enough)").format(
            length=len(text), limit=MAX_CHARS))
    text = unicodedata.normalize("NFC", text)
    scripts = _scripts(text)
    if not scripts:
        return Detection((), "", True, _("the text has no letters"))
    key, count = scripts.most_common(1)[0]
    script = _SCRIPT_NAMES.get(key, key.title())
    if key in SCRIPT_LANGUAGES and count * 2 >= sum(scripts.values()):
        return _by_script(key, script, text)
    return _by_langdetect(text, script, sum(scripts.values()))


def written_in(text: str) -> Detection | None:
    """What a typed answer (a name, a place) is written in; None when it has no letters.

    Answers of fewer than :data:`PHRASE_WORDS` words are judged by their script alone
    (langdetect is not asked: on two names it answers Dutch or Indonesian with
    confidence); phrases go through :func:`detect`.
    """
    if not isinstance(text, str):
        return None
    text = unicodedata.normalize("NFC", text[:MAX_CHARS])
    scripts = _scripts(text)
    if not scripts:
        return None
    letters = sum(scripts.values())
    if letters < MIN_LETTERS or _word_count(text) < PHRASE_WORDS:
        key = scripts.most_common(1)[0][0]
        return Detection((), _SCRIPT_NAMES.get(key, key.title()), True,
                         _("too short to tell the language"))
    return detect(text)


def script_of(text: str) -> str:
    """The script most letters of ``text`` are in ('' when it has none)."""
    scripts = _scripts(unicodedata.normalize("NFC", text))
    if not scripts:
        return ""
    key = scripts.most_common(1)[0][0]
    return _SCRIPT_NAMES.get(key, key.title())


def knows(language: str) -> bool:
    """Whether langdetect has a profile for ``language`` (its base code)."""
    return _base(language) in _profiles()


@cache
def _profiles() -> frozenset[str]:
    """The base codes of langdetect's language profiles (read from its folder)."""
    from importlib.util import find_spec

    spec = find_spec("langdetect")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    folder = Path(next(iter(spec.submodule_search_locations))) / "profiles"
    return frozenset(_base(entry.name) for entry in folder.iterdir()) if folder.is_dir() \
        else frozenset()


def preload() -> None:
    """Load langdetect's profiles now (an app calls this in a background thread)."""
    _probabilities("natid")


def _scripts(text: str) -> Counter[str]:
    """How many letters (and vowel signs) of each script ``text`` has."""
    found: Counter[str] = Counter()
    for char in text:
        if unicodedata.category(char)[0] in "LM":
            name = unicodedata.name(char, "")
            if name:
                found[name.split()[0]] += 1
    return found


def _by_script(key: str, script: str, text: str) -> Detection:
    languages = SCRIPT_LANGUAGES[key]
    if len(languages) == 1:
        return Detection((Candidate(languages[0], 1.0, "script"),), script, False, "")
    weights = [1.0] * len(languages)
    if key == "ETHIOPIC":
        weights = [1.0 + len(_AM_HINTS.findall(text)), 1.0 + len(_TI_HINTS.findall(text))]
    total = sum(weights)
    ranked = sorted(zip(languages, weights, strict=True), key=lambda item: -item[1])
    return Detection(
        tuple(Candidate(lang, weight / total, "script") for lang, weight in ranked),
        script, True,
        _("{script} script is written in {languages}; the script alone cannot tell them "
          "apart").format(script=script, languages=", ".join(languages)))


def _by_langdetect(text: str, script: str, letters: int) -> Detection:
    try:
        proposals = _probabilities(text)
    except Exception as error:  # langdetect's LangDetectException: nothing it knows
        if type(error).__name__ != "LangDetectException":
            raise
        proposals = []
    candidates = [Candidate(lang, prob, "langdetect") for lang, prob in proposals]
    reasons = []
    words = _WORD.findall(text.casefold())
    if script == "Latin":
        creole = _haitian_creole_share(words)
        if creole:
            candidates.insert(0, Candidate("ht", creole, "words"))
            reasons.append(_("words typical of Haitian Creole, which langdetect does not "
                             "know: the text may be Haitian Creole"))
    if not proposals:
        reasons.append(_("langdetect knows no language in this script"))
    elif letters < MIN_LETTERS or _word_count(text) < MIN_WORDS:
        reasons.append(_("too short to tell reliably; ask for a longer sentence"))
    elif proposals[0][1] < MIN_PROBABILITY:
        reasons.append(_("the best proposal ({language}) has probability {probability}, "
                         "below {threshold}").format(
            language=proposals[0][0], probability=f"{proposals[0][1]:.2f}",
            threshold=f"{MIN_PROBABILITY:.2f}"))
    return Detection(tuple(candidates), script, bool(reasons), "; ".join(reasons))


def _word_count(text: str) -> int:
    """Words separated by spaces that hold a letter (vowel signs do not split a word)."""
    return sum(1 for token in text.split()
               if any(unicodedata.category(char)[0] == "L" for char in token))


def _haitian_creole_share(words: list[str]) -> float:
    """The share of ``words`` typical of Haitian Creole (0 when none is)."""
    typical = sum(1 for word in words if word in _HT_WORDS or _creole_spelling(word))
    return typical / len(words) if typical and words else 0.0


def _creole_spelling(word: str) -> bool:
    """'ò' inside a word or a final 'è' (zòn, kreyòl, kiltivatè): not French or Spanish."""
    return len(word) >= 3 and ("ò" in word[:-1] or word.endswith("è"))


_LOCK = threading.Lock()
_LOADED: dict[str, Any] = {}


def _probabilities(text: str) -> list[tuple[str, float]]:
    """The proposals of langdetect, best first; its profiles load once per process."""
    with _LOCK:
        if "factory" not in _LOADED:
            from langdetect import DetectorFactory
            from langdetect.detector_factory import PROFILES_DIRECTORY

            DetectorFactory.seed = 0
            factory = DetectorFactory()
            factory.load_profile(str(Path(PROFILES_DIRECTORY)))
            _LOADED["factory"] = factory
        detector = _LOADED["factory"].create()
    detector.append(text)
    return [(found.lang, float(found.prob)) for found in detector.get_probabilities()]


def suggest(detection: Detection, questionnaires: list[Any] | None = None) -> list[str]:
    """Country codes of the questionnaires written in a candidate language, best first.

    ``questionnaires`` defaults to the bundled ones. A candidate matches a language by
    its base code: 'pa' matches 'pa' and 'pa-Arab'.
    """
    if questionnaires is None:
        from engine.bundled import bundled_paths
        from engine.loader import check_file

        loaded = [check_file(path).questionnaire for path in bundled_paths()]
        questionnaires = [q for q in loaded if q is not None]
    found: list[str] = []
    for candidate in detection.candidates:
        base = _base(candidate.language)
        for questionnaire in questionnaires:
            if questionnaire.country in found:
                continue
            if any(_base(lang) == base for lang in questionnaire.languages):
                found.append(questionnaire.country)
    return found


def _base(code: str) -> str:
    return str(code).split("-")[0].split("_")[0].casefold()
