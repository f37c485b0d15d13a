"""The language sample as capped language evidence, and the language of text answers."""

from __future__ import annotations

import json
import math

import pytest

import engine
from engine.assessment.strength import LANGUAGE_CAP
from engine.detect import Candidate, Detection, detect, written_in
from engine.interview import InterviewError, InterviewRecordError
from engine.interview.events import EventKind
from engine.language_evidence import languages_of
from engine.request.build import build_request
from tests.detect_samples import SAMPLES
from tests.interview_support import haiti, india, start
from tests.protection_support import finish_india, screened_india

PUNJABI = "ਮੈਂ ਪੰਜਾਬ ਤੋਂ ਹਾਂ ਅਤੇ ਮੇਰਾ ਪਿੰਡ ਜਲੰਧਰ ਦੇ ਨੇੜੇ ਹੈ।"
ENGLISH = "Hello, my name is John and I come from a small town near the sea."
AMHARIC = "ሰላም ነው። ስሜ አበበ ነው። ከአዲስ አበባ ነው የመጣሁት።"


def ethiopia() -> engine.Questionnaire:
    return engine.load_questionnaire(engine.find_questionnaire("ET"))


def test_the_countries_languages_come_from_cldr_less_languages_of_wider_communication() -> None:
    assert {"hi", "pa", "bn", "ta", "ur"} <= languages_of("IN")
    assert "en" not in languages_of("IN")
    assert languages_of("HT") == {"ht"}
    assert {"am", "ti", "om"} <= languages_of("ET")
    assert "xx" in languages_of("IN", ("xx-Latn",))


def test_a_sample_in_a_language_of_the_country_is_capped_language_evidence() -> None:
    interview = start(india(), interviewee="pa")
    event = interview.record_language_sample(PUNJABI)
    assert event.kind is EventKind.LANGUAGE_SAMPLE
    assert event.data["text"] == PUNJABI
    assert event.data["detection"]["candidates"][0]["language"] == "pa"
    assessment = interview.assess("en")
    sample = assessment.language_sample
    assert sample is not None
    assert (sample.outcome, sample.tier) == ("confirmed", "language")
    assert sample.contribution == pytest.approx(math.log10(3))
    assert "Punjabi (pa)" in sample.reason and "India" in sample.reason
    assert assessment.log10_lr == pytest.approx(sample.contribution)
    assert assessment.by_tier["language"].confirmed == 1
    assert "language_sample" not in assessment.rule.confirmed
    assert any(line.startswith("language_sample: confirmed") for line in assessment.explanation)
    assert assessment.to_dict()["language_sample"]["outcome"] == "confirmed"


def test_the_sample_and_the_languages_question_together_stay_within_the_cap() -> None:
    interview = finish_india(screened_india(), close=False)
    before = interview.assess().by_tier["language"].log10_lr
    assert before == pytest.approx(LANGUAGE_CAP)  # the question alone reaches it
    interview.record_language_sample(PUNJABI)
    after = interview.assess()
    assert after.by_tier["language"].log10_lr == pytest.approx(LANGUAGE_CAP)
    assert after.language_sample is not None and after.language_sample.contribution > 0


@pytest.mark.parametrize(("text", "why"), [
    (ENGLISH, "many nationalities"),
    (AMHARIC, "not a language of India"),
    (SAMPLES["ht"][0], "uncertain"),
])
def test_any_other_sample_is_recorded_and_never_counted_against_the_person(
        text: str, why: str) -> None:
    interview = start(india(), interviewee="pa")
    interview.record_language_sample(text)
    sample = interview.assess("en").language_sample
    assert sample is not None
    assert (sample.outcome, sample.contribution) == ("unconfirmed", 0.0)
    assert why in sample.reason


def test_ethiopic_counts_for_ethiopia_although_amharic_and_tigrinya_stay_uncertain() -> None:
    interview = start(ethiopia(), interviewee="am")
    interview.record_language_sample(AMHARIC)
    sample = interview.assess("en").language_sample
    assert sample is not None and sample.outcome == "confirmed"
    assert "Amharic (am) or Tigrinya (ti)" in sample.reason


def test_haitian_creole_words_alone_do_not_count_even_for_haiti() -> None:
    interview = start(haiti(), interviewee="ht")
    interview.record_language_sample("Mwen rele Jean, mwen soti Jacmel.")
    sample = interview.assess("en").language_sample
    assert sample is not None and sample.outcome == "unconfirmed"


def test_the_last_sample_counts_and_every_sample_is_kept() -> None:
    interview = start(india(), interviewee="pa")
    interview.record_language_sample(ENGLISH)
    interview.record_language_sample(PUNJABI)
    assert len(interview.state.language_samples) == 2
    sample = interview.assess().language_sample
    assert sample is not None and sample.outcome == "confirmed"


def test_a_detection_run_by_the_caller_is_recorded_as_given() -> None:
    interview = start(india(), interviewee="pa")
    given = Detection((Candidate("pa", 0.97, "langdetect"),), "Gurmukhi", False, "")
    event = interview.record_language_sample("ਸਤ ਸ੍ਰੀ ਅਕਾਲ ਜੀ", detection=given)
    assert event.data["detection"] == given.to_dict()


def test_an_empty_sample_or_one_after_closing_is_refused() -> None:
    interview = start(india(), interviewee="pa")
    with pytest.raises(InterviewError, match="empty"):
        interview.record_language_sample("   ")
    interview.close("the person left", incomplete=True)
    with pytest.raises(InterviewError, match="closed"):
        interview.record_language_sample(PUNJABI)


def test_a_recorded_sample_comes_back_and_a_malformed_one_is_refused() -> None:
    interview = start(india(), interviewee="pa")
    interview.record_language_sample(PUNJABI)
    again = engine.Interview.from_json(interview.to_json(), india())
    assert again.assess().language_sample == interview.assess().language_sample
    record = json.loads(interview.to_json())
    record["events"][-1]["data"]["detection"]["uncertain"] = "no"
    with pytest.raises(InterviewRecordError, match="event #2"):
        engine.Interview.from_json(json.dumps(record), india())


def test_the_request_lists_the_sample_and_its_items_add_up_to_the_score() -> None:
    interview = finish_india(screened_india(), close=False)
    interview.record_language_sample(PUNJABI)
    interview.close()
    request = build_request(interview, officer="A. López", language="es")
    evidence = request.evidence
    sample = [item for item in evidence.items if item.parameter == "language_sample"]
    assert len(sample) == 1 and sample[0].label == "Muestra de idioma"
    assert sum(item.contribution for item in evidence.items) == pytest.approx(
        evidence.log10_lr, abs=1e-3)
    assert PUNJABI not in request.model_dump_json()


# Free-text answers ------------------------------------------------------------------


def test_a_text_answer_is_recorded_with_its_script_and_a_number_without() -> None:
    interview = start(india(), interviewee="pa")
    event = interview.answer("full_name", "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ")
    assert event.data["written_in"] == {"script": "Gurmukhi", "language": None}
    assert interview.answer_mismatch("full_name") == ""
    assert written_in("110001") is None
    assert written_in("ਸਤ ਸ੍ਰੀ ਅਕਾਲ ਜੀ ਤੁਸੀਂ ਕਿਵੇਂ ਹੋ") == detect("ਸਤ ਸ੍ਰੀ ਅਕਾਲ ਜੀ ਤੁਸੀਂ ਕਿਵੇਂ ਹੋ")


def test_a_name_in_another_script_than_the_persons_language_is_pointed_out() -> None:
    interview = start(india(), interviewee="pa", officer_language="en")
    interview.answer("full_name", "गुरप्रीत सिंह")
    message = interview.answer_mismatch("full_name")
    assert "Devanagari" in message and "Gurmukhi" in message and "Punjabi" in message


def test_latin_letters_are_always_expected_officers_transliterate() -> None:
    interview = start(india(), interviewee="pa")
    interview.answer("full_name", "Gurpreet Singh")
    assert interview.answer_mismatch("full_name") == ""


def test_a_phrase_in_neither_persons_nor_officers_language_is_pointed_out() -> None:
    interview = start(india(), interviewee="pa", officer_language="es")
    interview.answer("full_name", "Gurpreet Singh")
    event = interview.answer("other_names", "he is called Preet by his friends at home")
    assert event.data["written_in"] == {"script": "Latin", "language": "en"}
    message = interview.answer_mismatch("other_names")
    assert "English" in message or "inglés" in message


def test_a_phrase_in_the_officers_language_is_expected() -> None:
    interview = start(india(), interviewee="pa", officer_language="es")
    interview.answer("full_name", "Gurpreet Singh")
    interview.answer("other_names", "lo llaman Preet sus amigos en el pueblo")
    assert interview.answer_mismatch("other_names") == ""


def test_declining_forgets_what_the_answer_was_written_in() -> None:
    interview = start(india(), interviewee="pa")
    interview.answer("full_name", "गुरप्रीत सिंह")
    interview.decline("full_name")
    assert interview.state.parameters["full_name"].written is None
    assert interview.answer_mismatch("full_name") == ""


def test_a_recorded_answer_with_a_malformed_written_in_is_refused() -> None:
    interview = start(india(), interviewee="pa")
    interview.answer("full_name", "Gurpreet Singh")
    record = json.loads(interview.to_json())
    record["events"][-1]["data"]["written_in"] = {"script": 7}
    with pytest.raises(InterviewRecordError, match="written in"):
        engine.Interview.from_json(json.dumps(record), india())


def test_the_scoring_page_names_the_languages_of_wider_communication() -> None:
    from engine.i18n import language_name
    from engine.language_evidence import WIDER_COMMUNICATION
    from tests.conftest import ROOT

    page = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
    row = next(line for line in page.splitlines() if "wider communication (" in line)
    named = set(row.split("(")[1].split(")")[0].split(", "))
    assert named == {language_name(code, "en") for code in WIDER_COMMUNICATION}
