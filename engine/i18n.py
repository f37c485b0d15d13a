"""What natid itself says, in the officer's language: gettext catalogs managed with Babel.

The catalogs live in ``translations/<lang>/LC_MESSAGES/natid.po`` (the template in
``translations/natid.pot``) and serve the engine and the app alike
(docs/translating.md). natid reads the .po files directly, so a fresh checkout needs
no compile step. The engine speaks English until a caller (the officer's app) sets
another language; ``_("text")`` translates at the moment it is called.

Language and country names come from CLDR through Babel, never from a table here.
"""

from __future__ import annotations

import datetime
import gettext
import importlib.util
import io
from functools import cache
from pathlib import Path
from typing import Any

DOMAIN = "natid"
LANGUAGES = ("es", "en", "fr", "pt")
"""Officer languages natid's own texts are translated into."""


def N_(message: str) -> str:
    """Mark a text for translation where it is defined; it is translated when shown."""
    return message


def catalog_dir() -> Path:
    """The folder holding the catalogs."""
    spec = importlib.util.find_spec("translations")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parent.parent / "translations"  # pragma: no cover


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of ``language`` (English texts as they are, if none)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    path = catalog_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as stream:
        catalog = read_po(stream, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


class Translator:
    """The current officer language and its catalog."""

    def __init__(self, language: str = "en") -> None:
        self.language = language

    def set_language(self, language: str) -> None:
        """Switch every text natid says from now on."""
        if language not in LANGUAGES:
            raise ValueError(f"natid is not translated into {language!r}")
        self.language = language

    def gettext(self, message: str) -> str:
        """``message`` in the current language."""
        return translations(self.language).gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The singular or plural form for ``count``, by the language's plural rules."""
        return translations(self.language).ngettext(singular, plural, count)


translator = Translator()


def _(message: str) -> str:
    """Translate a message of natid's into the current officer language."""
    return translator.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message with a count (plural forms come from the catalog)."""
    return translator.ngettext(singular, plural, count)


def language_name(code: str, in_language: str | None = None) -> str:
    """A language's name in the officer's language (from CLDR through Babel)."""
    from babel import Locale, UnknownLocaleError

    try:
        shown = Locale.parse(in_language or translator.language)
        name = Locale.parse(code.replace("-", "_")).get_display_name(shown)
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:] if name else code


def country_name(code: str, in_language: str | None = None) -> str:
    """A country's name in the officer's language (from CLDR through Babel)."""
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(in_language or translator.language).territories
    except (ValueError, UnknownLocaleError):
        return code
    return str(names.get(code, code))


def _locale(in_language: str | None) -> Any:
    """The Babel locale of ``in_language`` (default: the officer's); English if unknown."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse((in_language or translator.language).replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale("en")


def format_number(value: float, in_language: str | None = None, *, digits: int = 2,
                  signed: bool = False) -> str:
    """A number as the officer's language writes it ('0,48' in Spanish), from CLDR."""
    from babel.numbers import format_decimal

    pattern = "0." + "0" * digits if digits else "0"
    if signed:
        pattern = f"+{pattern};-{pattern}"
    return str(format_decimal(value, format=pattern, locale=_locale(in_language)))


def format_percent(value: float, in_language: str | None = None) -> str:
    """A share (0.97) as a percentage in the officer's language ('97 %' in French)."""
    from babel.numbers import format_percent as babel_percent

    return str(babel_percent(value, locale=_locale(in_language)))


def format_date(day: str, in_language: str | None = None) -> str:
    """An ISO date (or the date part of a timestamp) as the officer's language writes it.

    Text that is no full date is returned as it is (a partial date such as '1987-04').
    """
    from babel.dates import format_date as babel_date

    try:
        value = datetime.date.fromisoformat(day[:10])
    except ValueError:
        return day
    return str(babel_date(value, format="medium", locale=_locale(in_language)))


def format_moment(at: str, in_language: str | None = None) -> str:
    """A UTC timestamp ('2026-11-23T16:52:44.1Z') as a local date and time.

    It is shown in this computer's time zone, as the officer's language writes it.
    """
    from babel.dates import format_datetime

    try:
        moment = datetime.datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return at
    return str(format_datetime(moment, format="short", locale=_locale(in_language)))
