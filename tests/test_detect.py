"""The language sample: ``engine.detect`` and ``natid detect`` (DESIGN §7)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from engine.detect import MAX_CHARS, Candidate, Detection, detect, suggest
from engine.errors import UsageError
from tests.conftest import ROOT, run_natid
from tests.detect_samples import SAMPLES, TIGRINYA


def languages(detection: Detection) -> list[str]:
    return [candidate.language for candidate in detection.candidates]


@pytest.mark.parametrize("text", SAMPLES["pa"])
def test_gurmukhi_text_is_punjabi(text: str) -> None:
    found = detect(text)
    assert found.script == "Gurmukhi"
    assert found.language == "pa"


@pytest.mark.parametrize("text", SAMPLES["am"])
def test_ethiopic_text_is_amharic_or_tigrinya_and_uncertain_between_them(text: str) -> None:
    found = detect(text)
    assert found.script == "Ethiopic"
    assert set(languages(found)) == {"am", "ti"}
    assert {c.source for c in found.candidates} == {"script"}
    assert found.uncertain and "Ethiopic" in found.reason
    assert languages(found)[0] == "am"


def test_tigrinya_hints_put_tigrinya_first_but_keep_amharic() -> None:
    found = detect(TIGRINYA)
    assert languages(found) == ["ti", "am"]
    assert found.uncertain


@pytest.mark.parametrize("text", SAMPLES["si"])
def test_sinhala_is_recognised_from_its_script_which_langdetect_lacks(text: str) -> None:
    found = detect(text)
    assert found.candidates == (Candidate("si", 1.0, "script"),)
    assert found.script == "Sinhala"
    assert not found.uncertain


@pytest.mark.parametrize(("text", "language", "script"), [
    ("မင်္ဂလာပါ ကျွန်တော့်နာမည် မောင်မောင် ပါ။", "my", "Myanmar"),
    ("ខ្ញុំឈ្មោះ សុខា។ ខ្ញុំមកពីភ្នំពេញ។", "km", "Khmer"),
    ("ჩემი სახელია გიორგი.", "ka", "Georgian"),
])
def test_other_scripts_langdetect_lacks(text: str, language: str, script: str) -> None:
    found = detect(text)
    assert (languages(found)[0], found.script) == (language, script)


@pytest.mark.parametrize("text", [SAMPLES["hi"][1], SAMPLES["ne"][1]])
def test_devanagari_keeps_langdetects_proposal(text: str) -> None:
    found = detect(text)
    assert found.script == "Devanagari"
    assert found.candidates[0].source == "langdetect"
    assert found.candidates[0].language in {"hi", "ne", "mr"}


@pytest.mark.parametrize("text", SAMPLES["ht"])
def test_haitian_creole_is_uncertain_never_a_confident_other_language(text: str) -> None:
    found = detect(text)
    assert found.uncertain, found
    assert found.language is None
    assert "Haitian Creole" in found.reason
    assert languages(found)[0] == "ht"
    assert found.candidates[0].source == "words"


def test_without_the_word_check_langdetect_would_be_confidently_wrong() -> None:
    """Why a probability threshold alone is not enough: langdetect is sure, and wrong."""
    from engine.detect import _probabilities

    best, probability = _probabilities(SAMPLES["ht"][0])[0]
    assert best != "ht" and probability > 0.9


@pytest.mark.parametrize("language", ["fr", "es", "en"])
def test_french_spanish_english_are_never_taken_for_creole(language: str) -> None:
    for text in SAMPLES[language]:
        assert "ht" not in languages(detect(text)), text


def test_very_short_text_is_uncertain() -> None:
    found = detect("Bonjour")
    assert found.uncertain and "too short" in found.reason


def test_the_result_repeats() -> None:
    text = "Mi padre es agricultor."
    first = detect(text)
    assert all(detect(text) == first for _ in range(5))
    code = ("from engine.detect import detect; import json; "
            f"print(json.dumps(detect({text!r}).to_dict()))")
    outputs = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout for _ in range(2)}
    assert len(outputs) == 1
    assert json.loads(outputs.pop()) == first.to_dict()


def test_text_without_letters_has_no_candidates() -> None:
    found = detect("12345 !!!")
    assert found.candidates == () and found.uncertain


@pytest.mark.parametrize("text", ["", "   \n\t", "x" * (MAX_CHARS + 1)])
def test_empty_blank_or_too_long_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError, match="language sample"):
        detect(text)


@pytest.mark.parametrize(("language", "country"), [
    ("pa", "IN"), ("hi", "IN"), ("am", "ET"), ("bn", "BD"), ("si", "LK"), ("ta", "LK"),
    ("ne", "NP"), ("ht", "HT"),
])
def test_suggests_the_bundled_questionnaires_in_that_language(language: str,
                                                              country: str) -> None:
    suggested = suggest(detect(SAMPLES[language][1]))
    assert suggested[0] == country


def test_suggest_matches_the_base_code() -> None:
    class Form:
        country = "PK"
        languages = ("pa-Arab", "en")

    found = Detection((Candidate("pa", 1.0, "langdetect"),), "Gurmukhi", False, "")
    assert suggest(found, [Form()]) == ["PK"]
    assert suggest(Detection((Candidate("ur", 1.0, "langdetect"),), "Arabic", False, ""),
                   [Form()]) == []


def test_command_prints_candidates_script_and_questionnaires() -> None:
    code, out, err = run_natid("detect", SAMPLES["pa"][4])
    assert code == 0, err
    assert "pa" in out and "script: Gurmukhi" in out and "certain: yes" in out
    assert "questionnaires: IN" in out


def test_command_says_uncertain_for_haitian_creole() -> None:
    code, out, _ = run_natid("detect", "Mwen rele Jean.")
    assert code == 0
    assert "uncertain: " in out and "Haitian Creole" in out
    assert "questionnaires: HT" in out


def test_command_json() -> None:
    code, out, err = run_natid("detect", SAMPLES["am"][0], "--format", "json")
    assert code == 0, err
    found = json.loads(out)
    assert found["script"] == "Ethiopic" and found["uncertain"] is True
    assert [c["language"] for c in found["candidates"]] == ["am", "ti"]
    assert found["questionnaires"] == ["ET"]
    assert set(found) == {"candidates", "script", "uncertain", "reason", "questionnaires"}


def test_command_refuses_an_empty_sample_as_a_usage_error() -> None:
    code, out, err = run_natid("detect", "  ")
    assert code == 2 and out == ""
    assert "empty" in err and "Traceback" not in err


def test_import_engine_and_natid_help_do_not_import_langdetect() -> None:
    probe = ("import sys, contextlib, io\nimport engine, engine.detect\n"
             "from tui.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             "    try:\n        main(['--help'])\n    except SystemExit:\n        pass\n"
             "    try:\n        main(['detect', '--help'])\n    except SystemExit:\n"
             "        pass\n"
             "print(sorted(m for m in sys.modules if m.startswith('langdetect')))")
    completed = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                               text=True, check=True)
    assert completed.stdout.strip() == "[]"
