"""What the language a person writes in says, and what it does not (DESIGN §3, §7).

Two uses of :mod:`engine.detect` inside an interview:

- **the language sample**: a sentence the person types in their own language. When it
  is in a language of the presumed country, it is language evidence for it, capped
  with the other language evidence (``LANGUAGE_CAP``). It is never held against the
  person: a detection can be wrong, and a language shows where someone grew up, not
  their nationality. A sample in another language is shown to the officer, who asks.
- **free-text answers**: each is recorded with the script and, when it is long enough
  to tell, the language it is written in; an answer in neither the person's nor the
  officer's language (or script) is pointed out to the officer.

The languages of a country come from CLDR through Babel (languages spoken by at least
1% of the population, or official there) and from the questionnaire's own languages,
less the languages of wider communication, which people of many nationalities speak.
"""

from __future__ import annotations

from functools import cache

from engine.detect import Detection, knows, script_of
from engine.i18n import _, country_name, language_name
from engine.model import Form

WIDER_COMMUNICATION = frozenset({"en", "es", "fr", "pt", "ar"})
"""Languages spoken by migrants of many nationalities: they say nothing of one country."""
MIN_SHARE = 1.0
"""A language spoken by at least this share of a country's people (percent) is its own."""


def base(code: str) -> str:
    """'pa' for 'pa', 'pa-Arab' or 'pa_Guru_IN'."""
    return code.replace("_", "-").split("-")[0].casefold()


@cache
def languages_of(country: str, written: tuple[str, ...] = ()) -> frozenset[str]:
    """Base codes of the languages of ``country``, less those of wider communication.

    They are the languages CLDR gives for the country and those in ``written`` (the
    questionnaire's languages).
    """
    from babel.languages import get_territory_language_info

    spoken = {base(code) for code, info in get_territory_language_info(country).items()
              if float(info.get("population_percent") or 0) >= MIN_SHARE
              or info.get("official_status")}
    return frozenset((spoken | {base(code) for code in written}) - WIDER_COMMUNICATION)


def sample_finding(form: Form, country: str, detection: Detection) -> tuple[bool, str]:
    """(supports the presumed nationality, why) for a language sample.

    It supports when the language is certain, or the only doubt is between languages
    written in one script that are all spoken in ``country`` (Amharic or Tigrinya for
    Ethiopia), and that language is one of the country's.
    """
    own = languages_of(country, tuple(form.languages))
    place = country_name(country)
    if not detection.candidates:
        return False, _("no language could be told from the sample")
    if detection.uncertain and not all(c.source == "script" for c in detection.candidates):
        return False, _("the language is uncertain ({reason}): the sample is not counted; "
                        "ask the person, or for a longer sentence").format(
            reason=detection.reason)
    candidates = ([c.language for c in detection.candidates] if detection.uncertain
                  else [detection.candidates[0].language])
    names = _or(candidates)
    if all(base(code) in own for code in candidates):
        return True, _("written in {language}, a language of {country}").format(
            language=names, country=place)
    if any(base(code) in WIDER_COMMUNICATION for code in candidates):
        return False, _("written in {language}, which people of many nationalities speak: "
                        "not counted").format(language=names)
    return False, _("written in {language}, not a language of {country}: not counted "
                    "against the person; ask where they learnt it").format(
        language=names, country=place)


def answer_mismatch(written: dict[str, object] | None, *, interviewee: str, officer: str,
                    prompt: str) -> str:
    """Why an answer's script or language is unexpected ('' when it is not).

    ``written`` is what the answer was recorded with ({"script", "language"}); ``prompt``
    is the question in the person's language, whose script is the one expected. Latin
    letters are always expected (officers transliterate); a language is only compared
    when it is certain and langdetect knows the person's language.
    """
    if not written:
        return ""
    script = written.get("script")
    language = written.get("language")
    expected_script = script_of(prompt)
    if isinstance(script, str) and script not in ("", "Latin") and expected_script \
            and script != expected_script:
        return _("answer written in {script} script; the person's language ({language}) is "
                 "written in {expected}: check who typed it and in which language").format(
            script=script, language=language_name(interviewee), expected=expected_script)
    if not isinstance(language, str) or not knows(interviewee):
        return ""
    if base(language) in (base(interviewee), base(officer)):
        return ""
    return _("answer written in {language}, neither the person's language ({interviewee}) "
             "nor yours ({officer})").format(language=language_name(language),
                                             interviewee=language_name(interviewee),
                                             officer=language_name(officer))


def _or(codes: list[str]) -> str:
    names = [f"{language_name(code)} ({code})" for code in codes]
    return names[0] if len(names) == 1 else _("{first} or {second}").format(
        first=", ".join(names[:-1]), second=names[-1])
