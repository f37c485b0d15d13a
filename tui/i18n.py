"""The app's languages: the engine's catalogs and names, and the app's default language.

Everything is kept in ``engine.i18n`` so that the engine's messages (a refused
answer, the reason for an outcome) and the app's own texts speak the same
language; the app only starts in Spanish.
"""

from __future__ import annotations

from engine.i18n import (
    DOMAIN,
    LANGUAGES,
    N_,
    _,
    catalog_dir,
    country_name,
    format_date,
    format_moment,
    format_number,
    format_percent,
    language_name,
    ngettext,
    translations,
    translator,
)

DEFAULT_LANGUAGE = "es"
"""The language the app speaks until the officer chooses another."""

__all__ = [
    "DEFAULT_LANGUAGE",
    "DOMAIN",
    "LANGUAGES",
    "N_",
    "_",
    "catalog_dir",
    "country_name",
    "format_date",
    "format_moment",
    "format_number",
    "format_percent",
    "language_name",
    "ngettext",
    "translations",
    "translator",
]
