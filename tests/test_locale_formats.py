"""Numbers and dates as the officer's language writes them (CLDR through Babel)."""

from __future__ import annotations

import pytest

from engine.i18n import format_date, format_moment, format_number, format_percent, translator


@pytest.mark.parametrize(("language", "signed", "share", "day"), [
    ("es", "+0,48", "97\xa0%", "23 nov 2026"),
    ("fr", "+0,48", "97\xa0%", "23 nov. 2026"),
    ("pt", "+0,48", "97%", "23 de nov. de 2026"),
    ("en", "+0.48", "97%", "Nov 23, 2026"),
])
def test_numbers_and_dates_follow_the_language(language: str, signed: str, share: str,
                                               day: str) -> None:
    assert format_number(0.4771, language, signed=True) == signed
    assert format_number(-1.5, language, signed=True) == ("-1,50" if "," in signed else "-1.50")
    assert format_percent(0.97, language) == share
    assert format_date("2026-11-23T16:52:44.123456Z", language) == day


def test_the_officers_language_is_the_default() -> None:
    before = translator.language
    try:
        translator.set_language("es")
        assert format_number(2.5) == "2,50"
        translator.set_language("en")
        assert format_number(2.5) == "2.50"
    finally:
        translator.language = before


def test_what_is_no_full_date_is_shown_as_given_and_an_unknown_language_falls_back() -> None:
    assert format_date("1987-04", "es") == "1987-04"
    assert format_moment("not a time", "es") == "not a time"
    assert format_number(3.25, "xx-unknown") == "3.25"
    assert "2026" in format_moment("2026-11-23T16:52:44Z", "fr")
