"""Questionnaire texts as .po files: report figures, export, Babel extraction, import.

The round trip runs on every bundled questionnaire and every language: an unchanged
.po file gives back the YAML byte for byte; a changed translation changes only the
lines of that text; a missing translation is inserted next to its siblings.
"""

from __future__ import annotations

import difflib
import io
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from engine.bundled import bundled_paths, bundled_screening
from engine.errors import QuestionnaireError
from engine.loader import check_bytes
from engine.questionnaire_texts import read_texts
from engine.questionnaire_texts.po_export import export_po
from engine.questionnaire_texts.po_import import import_po
from engine.questionnaire_texts.report import coverage
from engine.validators.languages import localized_texts
from tests.conftest import ROOT

MINI = ROOT / "tests" / "corpus" / "translations" / "mini.yaml"
BUNDLED = [*bundled_paths(), bundled_screening()]
PAIRS = [(path, language) for path in BUNDLED
         for language in read_texts(path.read_bytes(), path.name).targets()]
IDS = [f"{path.stem}-{language}" for path, language in PAIRS]


def _catalog(po: bytes) -> Catalog:
    return read_po(io.BytesIO(po))


def _po(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    return buffer.getvalue()


def _with(po: bytes, context: str, string: str) -> bytes:
    catalog = _catalog(po)
    found = [message for message in catalog if message.context == context]
    assert len(found) == 1, context
    found[0].string = string
    return _po(catalog)


def _diagnostics(data: bytes, name: str) -> list[tuple[str, str]]:
    return [(item.code, item.message) for item in check_bytes(data, name, use_cache=False)
            .diagnostics]


def _value_lines(lines: list[str], first: int) -> range:
    """The 0-based lines a 'language: text' entry starting on line ``first`` takes."""
    start = first - 1
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and lines[end].strip() and (
            len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    return range(start, end)


# The texts ------------------------------------------------------------------------


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_texts_are_every_text_the_model_holds_per_language(path: Path) -> None:
    data = path.read_bytes()
    result = check_bytes(data, path.name)
    form = result.questionnaire or result.screening
    assert form is not None
    expected = [(text_path, text) for text_path, text, _ in localized_texts(form)]
    texts = read_texts(data, path.name)
    assert [(entry.path, entry.texts) for entry in texts.entries] == expected
    assert len(texts.by_context) == len(texts.entries)


def test_texts_are_named_by_ids_not_positions() -> None:
    texts = read_texts(MINI.read_bytes(), "mini.yaml")
    assert [entry.context for entry in texts.entries] == [
        "title", "rule.description", "choice_lists.states.PB.label",
        "choice_lists.states.DL.label", "parameters.state.prompt", "parameters.state.help",
        "parameters.capital.prompt"]


# The report -----------------------------------------------------------------------


def test_report_figures_of_a_questionnaire_whose_counts_are_known() -> None:
    report = coverage(read_texts(MINI.read_bytes(), "mini.yaml"))
    assert (report.identity, report.source_language, report.total) == ("IN", "en", 7)
    figures = {item.language: (item.status, item.translated, len(item.untranslated),
                               item.awaiting_review) for item in report.languages}
    assert figures == {"en": ("source", 7, 0, 0), "hi": ("machine", 6, 1, 6),
                       "pa": ("draft", 2, 5, 0)}
    hindi = report.languages[1]
    assert [(u.context, u.line) for u in hindi.untranslated] == [
        ("parameters.capital.prompt", 51)]
    assert round(hindi.percent, 1) == 85.7
    punjabi = report.languages[2]
    assert [u.context for u in punjabi.untranslated] == [
        "rule.description", "choice_lists.states.DL.label", "parameters.state.prompt",
        "parameters.state.help", "parameters.capital.prompt"]
    assert report.to_dict()["languages"][2]["missing"] == 5


def test_report_of_a_bundled_questionnaire_counts_every_text() -> None:
    path = bundled_paths()[0]
    texts = read_texts(path.read_bytes(), path.name)
    form = check_bytes(path.read_bytes(), path.name).unwrap()
    total = sum(1 for _ in localized_texts(form))
    report = coverage(texts)
    assert report.total == total
    for item in report.languages:
        written = sum(1 for _, text, _ in localized_texts(form) if item.language in text)
        assert item.translated == written


# Export ---------------------------------------------------------------------------


def test_export_gives_source_text_translation_place_reference_and_review_mark() -> None:
    texts = read_texts(MINI.read_bytes(), "mini.yaml")
    catalog = _catalog(export_po(texts, "hi"))
    assert catalog.locale_identifier == "hi"
    assert catalog.project == "natid questionnaire IN"
    messages = {message.context: message for message in catalog if message.id}
    assert len(messages) == 7
    prompt = messages["parameters.state.prompt"]
    assert prompt.id == "In which state did you grow up?"
    assert prompt.string == "आप किस राज्य में बड़े हुए?"
    assert prompt.locations == [("mini.yaml", 41)]
    assert "fuzzy" in prompt.flags
    missing = messages["parameters.capital.prompt"]
    assert missing.string == ""
    assert "fuzzy" not in missing.flags
    assert sum("fuzzy" in m.flags for m in messages.values()) == 6
    draft = {m.context: m for m in _catalog(export_po(texts, "pa")) if m.id}
    assert not any("fuzzy" in m.flags for m in draft.values())
    assert draft["title"].string and not draft["parameters.state.prompt"].string


def test_the_same_words_in_two_places_stay_two_entries(tmp_path: Path) -> None:
    data = MINI.read_bytes().replace(b"{en: Delhi,", b"{en: Punjab,")
    catalog = _catalog(export_po(read_texts(data, "mini.yaml"), "hi"))
    punjab = [m.context for m in catalog if m.id == "Punjab"]
    assert punjab == ["choice_lists.states.PB.label", "choice_lists.states.DL.label"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_export_refuses_the_source_language_and_unknown_ones(language: str) -> None:
    from engine.errors import UsageError

    with pytest.raises(UsageError, match=language):
        export_po(read_texts(MINI.read_bytes(), "mini.yaml"), language)


# Babel extraction -------------------------------------------------------------------


def test_babel_finds_the_extractor_by_its_entry_point_name() -> None:
    from babel.messages.extract import extract

    with MINI.open("rb") as stream:
        found = list(extract("natid_questionnaire", stream))
    assert len(found) == 7
    line, message, _, context = found[4]
    assert (line, message, context) == (41, "In which state did you grow up?",
                                        "parameters.state.prompt")


def test_pybabel_extract_with_a_mapping_file(tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.cfg"
    mapping.write_text("[natid_questionnaire: **.yaml]\n", encoding="utf-8")
    template = tmp_path / "mini.pot"
    completed = subprocess.run(
        [str(Path(sys.executable).parent / "pybabel"), "extract", "-F", str(mapping),
         "-o", str(template), str(MINI.parent)], capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
    catalog = read_po(template.open("rb"))
    assert {m.context for m in catalog if m.id} == set(
        read_texts(MINI.read_bytes(), "mini.yaml").by_context)


# The round trip on every bundled questionnaire ------------------------------------------


@pytest.mark.parametrize(("path", "language"), PAIRS, ids=IDS)
def test_importing_an_unchanged_export_gives_the_same_bytes(path: Path, language: str) -> None:
    data = path.read_bytes()
    po = export_po(read_texts(data, path.name), language)
    result, plan = import_po(data, path.name, po, "x.po")
    assert result == data
    assert not plan.texts
    assert plan.unchanged == len(read_texts(data, path.name).entries)


@pytest.mark.parametrize(("path", "language"), PAIRS, ids=IDS)
def test_a_changed_translation_changes_only_its_own_lines(path: Path, language: str) -> None:
    data = path.read_bytes()
    texts = read_texts(data, path.name)
    po = export_po(texts, language)
    longest = max((e for e in texts.entries if language in e.texts),
                  key=lambda e: len(e.texts[language]))
    label = next(e for e in texts.entries if e.context.endswith(".label")
                 and language in e.texts)
    changes = {longest.context: longest.texts[language] + " — revised: yes, 2026-01-01",
               label.context: "Revised: label, {a b} [brackets] #1"}
    for context, string in changes.items():
        po = _with(po, context, string)
    result, plan = import_po(data, path.name, po, "x.po")
    assert set(plan.changed) == set(changes)
    old, new = data.decode().splitlines(), result.decode().splitlines()
    allowed = set()
    for context in changes:
        allowed |= set(_value_lines(old, texts.by_context[context].language_lines[language]))
    for tag, first, last, _, _ in difflib.SequenceMatcher(a=old, b=new).get_opcodes():
        if tag == "insert":  # lines added after the text's last line
            assert first - 1 in allowed, (tag, first)
        elif tag != "equal":
            assert set(range(first, last)) <= allowed, (tag, first, last)
    after = read_texts(result, path.name)
    for context, string in changes.items():
        assert after.by_context[context].texts[language] == string
    for entry in texts.entries:
        if entry.context not in changes:
            assert after.by_context[entry.context].texts == entry.texts
    assert check_bytes(result, path.name, use_cache=False).ok
    assert _diagnostics(result, path.name) == _diagnostics(data, path.name)


@pytest.mark.parametrize(("path", "language"), PAIRS, ids=IDS)
def test_a_missing_translation_is_inserted_beside_its_siblings(path: Path,
                                                               language: str) -> None:
    data = path.read_bytes()
    texts = read_texts(data, path.name)
    lines = data.decode().splitlines(keepends=True)
    # A one-line translation in a block mapping, with a sibling after it: remove it.
    entry, number = next(
        (e, e.language_lines[language]) for e in texts.entries
        if language in e.language_lines and lines[e.language_lines[language] - 1]
        .lstrip().startswith(f"{language}: ") and len(_value_lines(
            [line.rstrip("\n") for line in lines], e.language_lines[language])) == 1)
    indent = lines[number - 1][:len(lines[number - 1]) - len(lines[number - 1].lstrip())]
    removed = "".join(lines[:number - 1] + lines[number:]).encode()
    assert language not in read_texts(removed, path.name).by_context[entry.context].texts
    po = export_po(texts, language)  # the translation comes back from the .po file
    result, plan = import_po(removed, path.name, po, "x.po")
    assert list(plan.added) == [entry.context]
    inserted = result.decode().splitlines()[number - 1]
    assert inserted.startswith(f"{indent}{language}: ")
    after = read_texts(result, path.name)
    assert after.by_context[entry.context].texts == entry.texts
    assert check_bytes(result, path.name, use_cache=False).ok
    assert _diagnostics(result, path.name) == _diagnostics(data, path.name)


# Insertion and styles, on the small questionnaire ----------------------------------------


def test_missing_translations_are_inserted_in_each_style() -> None:
    data = MINI.read_bytes()
    texts = read_texts(data, "mini.yaml")
    po = export_po(texts, "pa")
    long = ("ਇਹ ਛੋਟੀ ਪ੍ਰਸ਼ਨਾਵਲੀ ਸਿਰਫ਼ ਇਸ ਲਈ ਹੈ ਕਿ ਟੈਸਟ ਇਸਦੀ ਅਨੁਵਾਦ ਰਿਪੋਰਟ ਦਾ ਹਰ ਅੰਕੜਾ ਜਾਣਨ; "
            "ਇੱਕ ਪੁਸ਼ਟੀ ਕੀਤਾ ਜਵਾਬ ਕਾਫ਼ੀ ਹੈ, ਅਤੇ ਇਹ ਵਾਕ ਜਾਣ-ਬੁੱਝ ਕੇ ਲੰਮਾ ਹੈ।")
    new = {"rule.description": long, "choice_lists.states.DL.label": "ਦਿੱਲੀ",
           "parameters.state.prompt": "ਤੁਸੀਂ ਕਿਸ ਰਾਜ ਵਿੱਚ ਵੱਡੇ ਹੋਏ?",
           "parameters.capital.prompt": "ਤੁਹਾਡੇ ਰਾਜ ਦੀ ਰਾਜਧਾਨੀ ਕੀ ਹੈ?"}
    for context, string in new.items():
        po = _with(po, context, string)
    result, plan = import_po(data, "mini.yaml", po, "mini.pa.po")
    assert set(plan.added) == set(new)
    text = result.decode()
    assert "    - {value: DL, label: {en: Delhi, hi: दिल्ली, pa: ਦਿੱਲੀ}}  # no Punjabi yet\n" in text
    assert ("      hi: आप किस राज्य में बड़े हुए?\n"
            "      pa: ਤੁਸੀਂ ਕਿਸ ਰਾਜ ਵਿੱਚ ਵੱਡੇ ਹੋਏ?\n    help:") in text
    assert "prompt: {en: What is the capital of your state?, pa: ਤੁਹਾਡੇ ਰਾਜ ਦੀ ਰਾਜਧਾਨੀ ਕੀ ਹੈ?}" in text
    folded = text.split("    pa: >-\n", 1)[1].split("\n\nchoice_lists", 1)[0].splitlines()
    assert len(folded) > 1
    assert all(line.startswith("      ") and not line.startswith("       ") for line in folded)
    after = read_texts(result, "mini.yaml")
    for context, string in new.items():
        assert after.by_context[context].texts["pa"] == string
    assert check_bytes(result, "mini.yaml", use_cache=False).ok


@pytest.mark.parametrize("string", [
    "yes", "NO", "2026-01-01", "10:30", "007", "a: b", "# not a comment", "x #y",
    'quote "x" and \'y\'', " leading and trailing ", "two\nlines", "tab\tinside",
    "back\\slash", "- dash", "{a b}, [brackets]", "x" * 300,
])
@pytest.mark.parametrize("context", ["parameters.state.prompt", "choice_lists.states.PB.label",
                                     "rule.description", "title", "parameters.state.help"])
def test_any_text_is_written_so_that_it_reads_back_the_same(context: str, string: str) -> None:
    data = MINI.read_bytes()
    texts = read_texts(data, "mini.yaml")
    if "{district}" in texts.by_context[context].texts["en"]:
        string += " {district}"
    result, _ = import_po(data, "mini.yaml", _with(export_po(texts, "hi"), context, string),
                          "mini.hi.po")
    assert read_texts(result, "mini.yaml").by_context[context].texts["hi"] == string
    loaded = check_bytes(result, "mini.yaml", use_cache=False)
    assert loaded.ok
    assert [d.code for d in loaded.diagnostics] == ["NATID-W101"]


# Bad input: a clear message with file and line, nothing written ------------------------


def _import_error(po: bytes, data: bytes | None = None) -> list[tuple[str, int]]:
    with pytest.raises(QuestionnaireError) as caught:
        import_po(data or MINI.read_bytes(), "mini.yaml", po, "mini.hi.po")
    assert all(item.file == "mini.hi.po" for item in caught.value.diagnostics)
    return [(item.code, item.line) for item in caught.value.diagnostics]


def _hindi() -> bytes:
    return export_po(read_texts(MINI.read_bytes(), "mini.yaml"), "hi")


def _line_of(po: bytes, text: str) -> int:
    return po.decode().splitlines().index(text) + 1


def test_an_unclosed_quote_is_named_with_its_line() -> None:
    po = _hindi().replace(b'msgid "Delhi"', b'msgid "Delhi')
    assert _import_error(po) == [("NATID-E080", _line_of(po, 'msgid "Delhi'))]


def test_a_file_not_in_utf8_is_refused() -> None:
    po = _hindi().replace("दिल्ली".encode(), b"Delh\xe9")
    assert _import_error(po)[0][0] == "NATID-E080"


def test_an_empty_file_is_refused() -> None:
    assert _import_error(b"# nothing here\n")[0][0] == "NATID-E080"


def test_a_file_for_another_questionnaire_is_refused() -> None:
    path = bundled_paths()[1]
    texts = read_texts(path.read_bytes(), path.name)
    po = export_po(texts, texts.targets()[0])
    assert _import_error(po)[0][0] == "NATID-E081"


@pytest.mark.parametrize("header", [b"Language: fr", b"Language: en", b"Language: "])
def test_a_file_in_a_language_the_questionnaire_lacks_is_refused(header: bytes) -> None:
    po = _hindi().replace(b"Language: hi", header)
    assert _import_error(po)[0][0] == "NATID-E081"


def test_unknown_places_and_changed_source_texts_are_named() -> None:
    po = _hindi().replace(b'msgctxt "parameters.state.prompt"', b'msgctxt "parameters.stat.prompt"')
    po = po.replace(b'msgid "Punjab"', b'msgid "Panjab"')
    found = _import_error(po)
    assert found == [("NATID-E082", _line_of(po, 'msgid "Panjab"')),
                     ("NATID-E082", _line_of(po, 'msgid "In which state did you grow up?"'))]


def test_a_lost_placeholder_is_named() -> None:
    po = _with(_hindi(), "parameters.state.help", "यह भी पूछें।")
    line = _line_of(po, 'msgid "Ask which {district} too, and write it down."')
    assert _import_error(po) == [("NATID-E083", line)]


def test_a_text_shared_through_an_alias_is_not_changed_behind_the_author() -> None:
    data = MINI.read_bytes().replace(
        b"    prompt:\n      en: In which state", b"    prompt: &asked\n      en: In which state"
    ).replace(b"prompt: {en: What is the capital of your state?}", b"prompt: *asked")
    texts = read_texts(data, "mini.yaml")
    po = _with(export_po(texts, "hi"), "parameters.state.prompt", "नया")
    with pytest.raises(QuestionnaireError) as caught:
        import_po(data, "mini.yaml", po, "mini.hi.po")
    assert [d.code for d in caught.value.diagnostics] == ["NATID-E084"]
