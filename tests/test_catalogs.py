"""natid's own texts are fully translated, and the template matches the code.

For every officer language (``tui.i18n.LANGUAGES``) the catalog
``translations/<lang>/LC_MESSAGES/natid.po`` holds every message of
``translations/natid.pot``, each translated (every plural form too), none fuzzy,
none obsolete; placeholders are kept exactly and the help texts keep their
Markdown structure. The template itself is re-extracted from the code and
compared with the committed one, and the catalogs are checked through
``tui.i18n`` as the app reads them.
"""

from __future__ import annotations

import gettext
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from tests.conftest import ROOT
from tui.i18n import DOMAIN, LANGUAGES, translations

TRANSLATIONS = ROOT / "translations"
TEMPLATE = TRANSLATIONS / "natid.pot"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@cache
def template() -> Catalog:
    with TEMPLATE.open("rb") as stream:
        return read_po(stream, domain=DOMAIN, abort_invalid=True)


@cache
def catalog(language: str) -> Catalog:
    path = TRANSLATIONS / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as stream:
        return read_po(stream, locale=language, domain=DOMAIN, abort_invalid=True)


def messages(language: str) -> list[Message]:
    return [message for message in catalog(language) if message.id]


def forms(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def msgids(source: Catalog) -> set[str | tuple[str, ...]]:
    return {message.id if isinstance(message.id, str) else tuple(message.id)
            for message in source if message.id}


def help_texts(language: str) -> list[Message]:
    return [message for message in messages(language)
            if isinstance(message.id, str) and message.id.startswith("# ")]


def markdown_shape(text: str) -> tuple[int, int, int]:
    """Headings, ``**`` pairs and ``- `` list items of a help text."""
    lines = text.splitlines()
    bold = text.count("**")
    assert bold % 2 == 0, f"unpaired ** in {text!r}"
    return (sum(line.startswith("#") for line in lines), bold // 2,
            sum(line.startswith("- ") for line in lines))


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_holds_every_message_of_the_template_and_no_other(language: str) -> None:
    expected, present = msgids(template()), msgids(catalog(language))
    assert expected <= present, f"missing in {language}: {sorted(map(str, expected - present))}"
    assert present <= expected, f"not in the template: {sorted(map(str, present - expected))}"
    assert not catalog(language).obsolete, f"obsolete in {language}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language: str) -> None:
    assert not catalog(language).fuzzy, f"the header of {language} is fuzzy"
    plurals = catalog(language).num_plurals
    for message in messages(language):
        assert not message.fuzzy, f"fuzzy in {language}: {message.id!r}"
        strings = forms(message.string)
        if message.pluralizable:
            assert len(strings) == plurals, f"{language}: {message.id!r} has {len(strings)} forms"
        assert all(strings), f"untranslated in {language}: {message.id!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_are_kept_and_none_is_added(language: str) -> None:
    for message in messages(language):
        wanted = {name for text in forms(message.id) for name in PLACEHOLDER.findall(text)}
        for text in forms(message.string):
            found = set(PLACEHOLDER.findall(text))
            assert found == wanted, f"{language}: {text!r} has {found}, {message.id!r} {wanted}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_texts_keep_their_markdown(language: str) -> None:
    texts = help_texts(language)
    assert len(texts) >= 5
    for message in texts:
        assert isinstance(message.string, str)
        assert markdown_shape(message.string) == markdown_shape(message.id), message.id[:30]


def test_english_catalog_is_the_source_text() -> None:
    for message in messages("en"):
        assert forms(message.string) == forms(message.id)


@pytest.mark.slow
def test_template_is_in_sync_with_the_code(tmp_path: Path) -> None:
    extracted = tmp_path / "natid.pot"
    pybabel = Path(sys.executable).parent / "pybabel"
    completed = subprocess.run(
        [str(pybabel), "extract", "-F", "pyproject.toml", "-k", "N_", "--no-location",
         "--sort-output", "-o", str(extracted), "."],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    with extracted.open("rb") as stream:
        fresh = msgids(read_po(stream, domain=DOMAIN))
    committed = msgids(template())
    assert fresh == committed, (
        "translations/natid.pot is out of date (run python3 dev.py i18n): "
        f"new {sorted(map(str, fresh - committed))}, gone {sorted(map(str, committed - fresh))}"
    )


def test_the_app_reads_the_spanish_catalog() -> None:
    assert translations("es").gettext("Save") == "Guardar"
    assert translations("es").gettext("presumption supported") == "presunción respaldada"


@pytest.mark.parametrize("language", LANGUAGES)
def test_ngettext_follows_the_plural_forms_of_the_catalog(language: str) -> None:
    singular = "{count} of {required} confirmation"
    plural = "{count} of {required} confirmations"
    message = catalog(language).get(singular)
    assert message is not None and message.pluralizable
    strings = forms(message.string)
    form_of = gettext.c2py(catalog(language).plural_expr)
    for count in range(6):
        chosen = translations(language).ngettext(singular, plural, count)
        assert chosen == strings[form_of(count)], f"{language}, {count}"
    assert translations(language).ngettext(singular, plural, 1) == strings[0]
    assert translations(language).ngettext(singular, plural, 2) == strings[1]


def test_zero_takes_the_plural_in_spanish_and_the_singular_in_french() -> None:
    singular = "{count} of {required} confirmation"
    plural = "{count} of {required} confirmations"
    spanish, french = translations("es"), translations("fr")
    assert spanish.ngettext(singular, plural, 0) == "{count} de {required} confirmaciones"
    assert french.ngettext(singular, plural, 0) == "{count} sur {required} confirmation"
