"""What natid itself says, in the officer's language: gettext catalogs managed with Babel.

The catalogs live in ``translations/<lang>/LC_MESSAGES/natid.po`` (the template in
``translations/natid.pot``) and serve the engine and the app alike
(docs/translating.md). natid reads the .po files directly, so a fresh checkout needs
no compile step. The engine speaks English until a caller (the officer's app) sets
another language; ``_("text")`` translates at the moment it is called.

Language and country names come from CLDR through Babel, never from a table here.
"""

from __future__ import annotations

import gettext
import importlib.util
import io
from functools import cache
from pathlib import Path

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
