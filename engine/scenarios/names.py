"""Countries and languages named in words ("India", "Hindi"), found through Babel (CLDR)."""

from __future__ import annotations

from functools import cache

from engine.model import Questionnaire
from engine.scenarios.failures import StepFailure
from engine.suggest import did_you_mean

ALIASES = {"bengali": "bn", "farsi": "fa", "oriya": "or", "panjabi": "pa", "pushto": "ps",
           "sinhalese": "si", "haitian": "ht"}
"""Other English names of languages, where CLDR uses a newer one ('Bangla', 'Odia')."""


@cache
def _english_language_names() -> dict[str, str]:
    """Every language CLDR names in English, by code ('hi': 'Hindi')."""
    from babel import Locale

    return {str(code): str(name) for code, name in Locale("en").languages.items()}


def country_name(code: str) -> str:
    """The English name of a country ('IN' → 'India'), or the code when CLDR lacks it."""
    from babel import Locale

    return str(Locale("en").territories.get(code, code))


def country_code(named: str) -> str:
    """The code of a country named in English ('Mexico' → 'MX'), or given as a code.

    Raises:
        StepFailure: no country has that name.
    """
    from babel import Locale

    text = named.strip()
    if len(text) == 2 and text.isalpha():
        return text.upper()
    names = {str(name).casefold(): str(code) for code, name in Locale("en").territories.items()
             if len(str(code)) == 2}
    if text.casefold() in names:
        return names[text.casefold()]
    raise StepFailure(f"'{named}' is not a country's English name; write it as CLDR does "
                      f"('Mexico', 'Guatemala') or give its ISO code ('MX')"
                      f"{did_you_mean(text, [n.title() for n in names])}")


def language_name(code: str) -> str:
    """The English name of a language ('hi' → 'Hindi'), or the code when CLDR lacks it."""
    return _english_language_names().get(code, code)


def _country_names(questionnaire: Questionnaire) -> set[str]:
    """The names the questionnaire's country goes by: its code, in English and its languages."""
    from babel import Locale, UnknownLocaleError

    code = questionnaire.country
    names = {code, country_name(code)}
    for language in questionnaire.languages:
        try:
            names.add(str(Locale.parse(language).territories.get(code, code)))
        except (ValueError, UnknownLocaleError):
            continue
    return {name.casefold() for name in names}


def check_country(questionnaire: Questionnaire, named: str, source: str) -> None:
    """Fail unless ``named`` is the questionnaire's country ('India', 'IN', 'Inde'…).

    Raises:
        StepFailure: ``named`` is another country, or no country at all.
    """
    if named.strip().casefold() in _country_names(questionnaire):
        return
    own = country_name(questionnaire.country)
    raise StepFailure(
        f"this scenario file goes with {source}, the questionnaire of {own} "
        f"({questionnaire.country}), not '{named}'{did_you_mean(named, [own])}; "
        f"write 'Given an interview with the {own} questionnaire'")


def language_code(named: str, *, allowed: list[str] | None = None, whose: str = "") -> str:
    """The code of a language named in English ('Hindi' → 'hi') or by its code.

    Args:
        named: the name (or code) as written in the scenario.
        allowed: the codes that may be chosen; None for any language CLDR knows.
        whose: whose language it is, for the message ('the person', 'the officer').

    Raises:
        StepFailure: an unknown language, or one not among ``allowed``.
    """
    names = _english_language_names()
    text = named.strip()
    by_name = {name.casefold(): code for code, name in names.items()}
    code = text if text in names else by_name.get(text.casefold(), ALIASES.get(text.casefold()))
    written = "" if allowed is None else (
        f"; the questionnaire is written in {_in_words([language_name(c) for c in allowed])}")
    if code is None:
        candidates = [names.get(c, c) for c in allowed] if allowed is not None else names.values()
        raise StepFailure(f"'{named}' is not a language natid knows"
                          f"{did_you_mean(named, candidates)}{written}")
    if allowed is not None and code not in allowed:
        raise StepFailure(f"the questionnaire has no texts in {text} for "
                          f"{whose or 'this interview'}{written}")
    return code


def _in_words(names: list[str]) -> str:
    """'English, Spanish or Hindi'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
