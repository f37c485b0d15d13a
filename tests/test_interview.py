"""Interviews through the public API: the officer's actions, their events, and rebuilding.

Every action either raises natid's own error and changes nothing, or records exactly
one event (with the time from the injected clock and the officer) and moves on.
An interview's state is the fold of its events: resuming or reading its JSON record
gives back the same answers, the same next question and the same assessment.
"""

from __future__ import annotations

import copy
import datetime
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import engine
from engine import (
    AnswerError,
    Event,
    EventKind,
    Interview,
    InterviewError,
    InterviewRecordError,
    UserError,
)
from tests.interview_support import (
    HAITI_ANSWERS,
    INDIA_ANSWERS,
    START,
    UTC,
    FakeClock,
    answer_all,
    build,
    full_india,
    haiti,
    india,
    parameter,
    start,
)

# Starting ---------------------------------------------------------------------------


def test_starting_records_one_started_event_with_both_languages_and_the_officer() -> None:
    clock = FakeClock()
    interview = Interview.start(india(), interviewee_language="hi", officer_language="es",
                                officer="  A. López ", clock=clock, office="Tapachula",
                                interview_id="tap-0001", content_hash="abc123")
    [event] = interview.events
    assert event.kind is EventKind.STARTED
    assert event.officer == "A. López"
    assert event.at == "2025-03-15T09:30:00.000000Z"
    assert event.data["interviewee_language"] == "hi"
    assert event.data["officer_language"] == "es"
    assert event.data["office"] == "Tapachula"
    assert event.data["questionnaire"] == {"country": "IN", "version": india().version,
                                           "content_hash": "abc123"}
    assert interview.id == "tap-0001"
    assert interview.content_hash == "abc123"
    assert interview.answers() == {}
    assert interview.state.closed is False


def test_haiti_starts_in_creole_for_the_person_and_french_for_the_officer() -> None:
    interview = start(haiti(), interviewee="ht", officer_language="fr")
    question = interview.current()
    assert question is not None
    assert question.id == "nom"
    assert question.interviewee_prompt == "Ki siyati ou (non fanmi ou) ?"
    assert question.officer_prompt == "Quel est votre nom de famille ?"
    assert question.help.startswith("Écrivez le nom tel qu'il figure")


def test_engine_functions_start_resume_and_assess_alike() -> None:
    interview = engine.start_interview(india(), interviewee_language="pa",
                                       officer_language="en", officer="B. Ruiz")
    interview.answer("full_name", "Harpreet Kaur")
    again = engine.resume_interview(india(), interview.events)
    assert again.answers() == {"full_name": "Harpreet Kaur"}
    assert engine.assess(again) == interview.assess()


def test_every_interview_gets_its_own_id() -> None:
    first, second = start(india()), start(india())
    assert first.id and second.id and first.id != second.id


@pytest.mark.parametrize("officer", ["", "   ", "\t\n"])
def test_starting_needs_an_officer(officer: str) -> None:
    with pytest.raises(InterviewError, match="officer"):
        Interview.start(india(), interviewee_language="hi", officer_language="es",
                        officer=officer)


@pytest.mark.parametrize(("interviewee", "officer_language", "whose"),
                         [("", "es", "interviewee"), ("hi", " ", "officer")])
def test_starting_needs_both_languages(interviewee: str, officer_language: str,
                                       whose: str) -> None:
    with pytest.raises(InterviewError, match=f"{whose}'s language") as raised:
        Interview.start(india(), interviewee_language=interviewee,
                        officer_language=officer_language, officer="A. López")
    assert isinstance(raised.value, UserError)


# The order of questions ------------------------------------------------------------


def test_india_questions_come_in_order_and_only_when_they_apply() -> None:
    interview = start(india())
    asked = answer_all(interview, INDIA_ANSWERS)
    assert asked == [p.id for p in india().parameters]  # PB and a passport: all 20 apply
    assert interview.current() is None
    assert interview.progress() == (20, 20)


def test_india_without_a_listed_state_or_a_passport_asks_18_questions() -> None:
    answers = INDIA_ANSWERS | {"state": "KL", "documents_held": ["aadhaar"],
                               "state_capital": "Thiruvananthapuram", "pin_code": "695001"}
    interview = start(india())
    asked = answer_all(interview, answers)
    assert "district" not in asked
    assert "passport_number" not in asked
    assert "state_capital" in asked
    assert len(asked) == 18
    assert asked == [p.id for p in interview.relevant()]


def test_haiti_questions_come_in_order_and_only_when_they_apply() -> None:
    interview = start(haiti(), interviewee="ht", officer_language="fr")
    asked = answer_all(interview, HAITI_ANSWERS)
    assert asked == [p.id for p in haiti().parameters if p.id != "numero_passeport"]
    # Born in the Ouest: the chief town is the capital, already asked, so not asked again.
    other = start(haiti(), interviewee="ht", officer_language="fr")
    asked = answer_all(other, HAITI_ANSWERS | {"departement_naissance": "OU"})
    assert "chef_lieu" not in asked


def test_a_question_knows_its_place_among_the_questions_asked_now() -> None:
    interview = start(india())
    first = interview.current()
    assert first is not None
    assert (first.id, first.number, first.total) == ("full_name", 1, 17)
    for ident in ("full_name", "other_names", "father_name", "mother_name", "date_of_birth",
                  "age", "place_of_birth"):
        interview.answer(ident, INDIA_ANSWERS[ident])
    interview.answer("state", "PB")
    question = interview.current()
    assert question is not None
    assert (question.id, question.number, question.total) == ("district", 9, 19)


# Both languages ---------------------------------------------------------------------


def test_prompts_and_help_in_the_interviewees_and_the_officers_language() -> None:
    interview = start(india(), interviewee="hi", officer_language="es")
    question = interview.question("state")
    parameter = india().parameter("state")
    assert parameter.help is not None
    assert question.interviewee_prompt == parameter.prompt["hi"]
    assert question.officer_prompt == parameter.prompt["es"]
    assert question.help == parameter.help["es"]


def test_an_officer_language_the_questionnaire_lacks_falls_back_to_english() -> None:
    interview = start(india(), interviewee="pa", officer_language="pt")
    question = interview.question("currency")
    parameter = india().parameter("currency")
    assert parameter.help is not None
    assert question.interviewee_prompt == parameter.prompt["pa"]
    assert question.officer_prompt == parameter.prompt["en"]
    assert question.help == parameter.help["en"]
    haitian = start(haiti(), interviewee="ht", officer_language="pt").question("capitale")
    assert haitian.officer_prompt == haiti().parameter("capitale").prompt["en"]


def test_a_language_with_a_script_or_region_uses_its_base_language() -> None:
    interview = start(india(), interviewee="pa-Guru", officer_language="es-MX")
    question = interview.question("state")
    assert question.interviewee_prompt == india().parameter("state").prompt["pa"]
    assert question.officer_prompt == india().parameter("state").prompt["es"]


def test_without_english_the_fallback_is_the_source_language() -> None:
    questionnaire = build(
        [parameter("ville", languages=("fr", "ht"), verify="officer", evidence="presumption",
                   help={"fr": "Aide en français", "ht": "Èd an kreyòl"})],
        country="HT", source="fr", languages=("fr", "ht"))
    question = start(questionnaire, interviewee="ht", officer_language="pt").question("ville")
    assert question.interviewee_prompt == "ville (ht)?"
    assert question.officer_prompt == "ville (fr)?"
    assert question.help == "Aide en français"


def test_choices_are_labelled_for_both_people() -> None:
    question = start(india(), interviewee="pa", officer_language="es").question("state")
    by_value = {choice.value: choice for choice in question.choices}
    assert len(question.choices) == 36
    assert by_value["PB"].interviewee == "ਪੰਜਾਬ"
    assert by_value["PB"].officer == "Punjab"
    assert by_value["RJ"].officer == "Rajastán"
    assert by_value["WB"].interviewee == "ਪੱਛਮੀ ਬੰਗਾਲ"
    assert by_value["WB"].officer == "Bengala Occidental"
    fallback = start(india(), interviewee="hi", officer_language="pt").question("state")
    assert {c.value: c.officer for c in fallback.choices}["WB"] == "West Bengal"
    assert {c.value: c.interviewee for c in fallback.choices}["WB"] == "पश्चिम बंगाल"


def test_a_question_without_choices_has_none() -> None:
    assert start(india()).question("full_name").choices == ()


# Answering and changing -------------------------------------------------------------


def test_an_answer_is_one_event_and_the_next_question_follows() -> None:
    interview = start(india())
    event = interview.answer("full_name", "  Gurpreet Singh  ")
    assert event == interview.events[-1]
    assert event.kind is EventKind.ANSWERED
    assert event.data == {"parameter": "full_name", "value": "Gurpreet Singh",
                          "written_in": {"script": "Latin", "language": None}}
    assert interview.answers() == {"full_name": "Gurpreet Singh"}
    assert interview.question("full_name").current == "Gurpreet Singh"
    current = interview.current()
    assert current is not None and current.id == "other_names"
    assert interview.progress() == (1, 17)


def test_answers_of_every_kind_are_stored_as_given() -> None:
    interview = start(india())
    interview.answer("age", 29)
    interview.answer("date_of_birth", "1995-06")
    interview.answer("documents_held", ["passport", "aadhaar", "passport"])
    interview.answer("state", "PB")
    assert interview.answers() == {"age": 29, "date_of_birth": "1995-06",
                                   "documents_held": ["passport", "aadhaar"], "state": "PB"}
    yes_no = build([parameter("born_abroad", "yes_no", evidence="presumption",
                              verify="officer")])
    other = start(yes_no)
    other.answer("born_abroad", False)
    assert other.answers() == {"born_abroad": False}


def test_changing_an_earlier_answer_adds_an_event_and_the_new_answer_counts() -> None:
    interview = start(india())
    interview.answer("full_name", "Gurpreet Singh")
    interview.answer("other_names", "Gopi")
    interview.answer("full_name", "Gurpreet Singh Sandhu")
    assert [e.data.get("value") for e in interview.events[1:]] == [
        "Gurpreet Singh", "Gopi", "Gurpreet Singh Sandhu"]
    assert interview.answers()["full_name"] == "Gurpreet Singh Sandhu"
    assert interview.progress() == (2, 17)
    assert interview.state.parameters["full_name"].events == [1, 3]
    current = interview.current()
    assert current is not None and current.id == "father_name"


# Moving: back and go_to ------------------------------------------------------------


def test_back_moves_to_the_question_before_and_answering_it_returns_to_the_first_open_one(
) -> None:
    interview = start(india())
    interview.answer("full_name", "Gurpreet Singh")
    interview.answer("other_names", "Gopi")
    event = interview.back()
    assert event.kind is EventKind.MOVED
    assert event.data == {"parameter": "other_names"}
    current = interview.current()
    assert current is not None and current.id == "other_names" and current.current == "Gopi"
    interview.back()
    current = interview.current()
    assert current is not None and current.id == "full_name"
    interview.answer("full_name", "Gurpreet Singh Sandhu")
    current = interview.current()
    assert current is not None and current.id == "father_name"


def test_back_from_the_first_question_is_refused() -> None:
    interview = start(india())
    with pytest.raises(InterviewError, match="first question"):
        interview.back()
    assert len(interview.events) == 1


def test_back_after_the_last_question_goes_to_the_last_one() -> None:
    interview = start(india())
    answer_all(interview, INDIA_ANSWERS)
    interview.back()
    current = interview.current()
    assert current is not None and current.id == "languages_spoken"


def test_go_to_any_question_asked_and_back_to_the_first_open_one_after() -> None:
    interview = start(india())
    interview.answer("full_name", "Gurpreet Singh")
    event = interview.go_to("currency")
    assert event.kind is EventKind.MOVED
    current = interview.current()
    assert current is not None and current.id == "currency"
    interview.answer("currency", "rupee")
    current = interview.current()
    assert current is not None and current.id == "other_names"


def test_go_to_a_question_that_stops_being_asked_is_forgotten() -> None:
    interview = start(india())
    interview.answer("state", "PB")
    interview.go_to("district")
    interview.answer("state", "KL")
    current = interview.current()
    assert current is not None and current.id == "full_name"


# Skipping, declining ---------------------------------------------------------------


def test_a_skipped_question_comes_back_at_the_end() -> None:
    interview = start(india())
    event = interview.skip("full_name")
    assert event.kind is EventKind.SKIPPED
    current = interview.current()
    assert current is not None and current.id == "other_names"
    assert interview.question("full_name").skipped is True
    assert interview.progress() == (0, 17)
    rest = {k: v for k, v in INDIA_ANSWERS.items() if k != "full_name"}
    asked = []
    while (question := interview.current()) is not None and question.id != "full_name":
        asked.append(question.id)
        interview.answer(question.id, rest[question.id])
    assert "full_name" not in asked and len(asked) == 19
    assert question is not None and question.id == "full_name" and question.skipped
    interview.answer("full_name", "Gurpreet Singh")
    assert interview.current() is None
    assert interview.question("full_name").skipped is False


def test_two_skipped_questions_come_back_in_order() -> None:
    interview = start(india())
    interview.skip("other_names")
    interview.skip("full_name")
    rest = {k: v for k, v in INDIA_ANSWERS.items() if k not in ("full_name", "other_names")}
    while (question := interview.current()) is not None and question.skipped is False:
        interview.answer(question.id, rest[question.id])
    assert question is not None and question.id == "full_name"
    interview.skip("full_name")  # skipped again: still the first of those waiting
    again = interview.current()
    assert again is not None and again.id == "full_name"


@pytest.mark.parametrize("reason", ["declined", "dont_know"])
def test_declining_deals_with_a_question_without_an_answer(reason: str) -> None:
    interview = start(india())
    event = interview.decline("other_names", reason)
    assert event.kind is EventKind.DECLINED
    assert event.data == {"parameter": "other_names", "reason": reason}
    assert interview.question("other_names").declined == reason
    assert interview.question("other_names").current is None
    assert "other_names" not in interview.answers()
    assert interview.progress() == (1, 17)
    interview.answer("full_name", "Gurpreet Singh")
    current = interview.current()
    assert current is not None and current.id == "father_name"


def test_an_answer_after_declining_replaces_the_decline_and_the_other_way_round() -> None:
    interview = start(india())
    interview.decline("other_names", "dont_know")
    interview.answer("other_names", "Gopi")
    assert interview.question("other_names").declined is None
    assert interview.answers()["other_names"] == "Gopi"
    interview.decline("other_names")
    assert interview.question("other_names").declined == "declined"
    assert "other_names" not in interview.answers()


def test_declining_the_state_removes_the_questions_that_need_it() -> None:
    interview = start(india())
    interview.answer("state", "PB")
    assert {"district", "state_capital"} <= {p.id for p in interview.relevant()}
    interview.decline("state", "dont_know")
    assert not {"district", "state_capital"} & {p.id for p in interview.relevant()}


# Verifying --------------------------------------------------------------------------


def test_the_officer_verifies_an_answer_with_a_reason() -> None:
    interview = start(india())
    interview.answer("documents_held", ["aadhaar"])
    event = interview.verify("documents_held", "confirmed", "  Aadhaar card seen  ")
    assert event.kind is EventKind.VERIFIED
    assert event.data == {"parameter": "documents_held", "outcome": "confirmed",
                          "reason": "Aadhaar card seen"}
    assert interview.assess().outcome("documents_held") == "confirmed"
    interview.verify("documents_held", "contradicted", "the card's photo is someone else")
    assert interview.assess().outcome("documents_held") == "contradicted"


def test_a_finding_is_dropped_when_the_answer_changes() -> None:
    interview = start(india())
    interview.answer("documents_held", ["aadhaar"])
    interview.verify("documents_held", "confirmed", "Aadhaar card seen")
    interview.answer("documents_held", ["aadhaar"])  # the same answer again: finding stands
    assert interview.assess().outcome("documents_held") == "confirmed"
    interview.answer("documents_held", ["aadhaar", "voter_id"])
    assert interview.state.parameters["documents_held"].verification is None
    assert interview.assess().outcome("documents_held") == "unconfirmed"


def test_a_finding_is_dropped_when_the_person_then_declines() -> None:
    interview = start(india())
    interview.answer("languages_spoken", ["punjabi"])
    interview.verify("languages_spoken", "confirmed", "interpreter confirms")
    interview.decline("languages_spoken")
    interview.answer("languages_spoken", ["punjabi"])
    assert interview.assess().outcome("languages_spoken") == "unconfirmed"


def test_an_officer_cannot_confirm_what_only_the_consulate_can_check() -> None:
    interview = start(india())
    interview.answer("full_name", "Gurpreet Singh")
    try:
        interview.verify("full_name", "confirmed", "he says so")
    except InterviewError:
        pass  # refusing is one right answer; not counting it is the other
    assessment = interview.assess()
    assert assessment.outcome("full_name") == "unconfirmed"
    assert "full_name" in assessment.items_for_consulate
    assert "full_name" not in assessment.rule.confirmed


# Notes and closing ------------------------------------------------------------------


def test_notes_on_the_interview_and_on_a_question() -> None:
    interview = start(india())
    general = interview.note("  Interpreter by telephone  ")
    about = interview.note("Hesitated over the district", "state", officer="B. Ruiz")
    assert general.kind is about.kind is EventKind.NOTED
    assert [(n["text"], n["parameter"], n["officer"]) for n in interview.state.notes] == [
        ("Interpreter by telephone", None, "A. López"),
        ("Hesitated over the district", "state", "B. Ruiz")]
    assert interview.progress() == (0, 17)


def test_closing_ends_the_interview_and_nothing_more_is_recorded() -> None:
    interview = start(india())
    interview.answer("full_name", "Gurpreet Singh")
    interview.answer("documents_held", ["aadhaar"])
    with pytest.raises(InterviewError, match="required questions have no answer yet"):
        interview.close("transferred to the consulate")
    event = interview.close("transferred to the consulate", incomplete=True)
    assert event.kind is EventKind.CLOSED
    assert event.data == {
        "reason": "transferred to the consulate", "incomplete": True,
        "unanswered": ["father_name", "date_of_birth", "state", "village_or_town",
                       "languages_spoken"]}
    assert interview.state.closed
    before = interview.events
    actions: list[Callable[[], object]] = [
        lambda: interview.answer("other_names", "Gopi"),
        lambda: interview.answer("full_name", "Someone Else"),
        lambda: interview.decline("other_names"),
        lambda: interview.skip("other_names"),
        lambda: interview.verify("documents_held", "confirmed", "seen"),
        lambda: interview.note("one more thing"),
        lambda: interview.go_to("full_name"),
        interview.back,
        interview.close,
    ]
    for action in actions:
        with pytest.raises(InterviewError, match="closed"):
            action()
    assert interview.events == before
    assert interview.answers() == {"full_name": "Gurpreet Singh",
                                   "documents_held": ["aadhaar"]}
    assert interview.assess().outcome("full_name") == "unconfirmed"


# Relevance is re-evaluated on every change ------------------------------------------


def test_district_appears_for_punjab_and_its_answer_stops_counting_for_kerala() -> None:
    interview = start(india())
    assert "district" not in {p.id for p in interview.relevant()}
    assert interview.progress() == (0, 17)
    interview.answer("state", "PB")
    assert "district" in {p.id for p in interview.relevant()}
    assert interview.progress() == (1, 19)  # district and state_capital now asked
    interview.answer("district", "amritsar")
    assert interview.progress() == (2, 19)
    interview.answer("state", "KL")
    assert "district" not in {p.id for p in interview.relevant()}
    assert interview.answers() == {"state": "KL"}
    assert interview.progress() == (1, 18)
    assert any(e.kind is EventKind.ANSWERED and e.data == {"parameter": "district",
                                                          "value": "amritsar"}
               for e in interview.events)
    assessment = interview.assess()
    assert assessment.outcome("district") == "not asked"
    assert "district" not in assessment.items_for_consulate
    assert assessment.contradictions == ()
    with pytest.raises(InterviewError, match="not asked"):
        interview.question("district")


def test_an_answer_that_stopped_counting_counts_again_when_its_question_returns() -> None:
    interview = start(india())
    interview.answer("state", "PB")
    interview.answer("district", "amritsar")
    interview.answer("state", "KL")
    interview.answer("state", "HR")
    assert interview.answers()["district"] == "amritsar"
    [contradiction] = interview.assess().contradictions
    assert contradiction.parameters == ("district", "state")


def test_the_passport_number_is_asked_only_while_a_passport_is_held() -> None:
    interview = start(india())
    interview.answer("documents_held", ["aadhaar"])
    assert "passport_number" not in {p.id for p in interview.relevant()}
    interview.answer("documents_held", ["aadhaar", "passport"])
    interview.answer("passport_number", "P1234567")
    assert interview.answers()["passport_number"] == "P1234567"
    interview.answer("documents_held", ["none"])
    assert "passport_number" not in interview.answers()
    assert interview.assess().outcome("passport_number") == "not asked"


def test_haiti_section_communale_follows_the_commune() -> None:
    interview = start(haiti(), interviewee="ht", officer_language="fr")
    assert "section_communale" not in {p.id for p in interview.relevant()}
    interview.answer("commune_naissance", "Saint-Marc")
    assert "section_communale" in {p.id for p in interview.relevant()}
    interview.decline("commune_naissance", "dont_know")
    assert "section_communale" not in {p.id for p in interview.relevant()}


# Every invalid action raises natid's error and changes nothing ----------------------


def refused(interview: Interview, action: Callable[[Interview], object],
            error: type[UserError], *fragments: str) -> UserError:
    """Run ``action``; it must raise ``error`` and leave events and state as they were."""
    events = interview.events
    state = copy.deepcopy(interview.state)
    current = interview.current()
    progress = interview.progress()
    with pytest.raises(error) as raised:
        action(interview)
    assert isinstance(raised.value, UserError)
    message = raised.value.message
    assert message and "\n" not in message and "Traceback" not in message
    for fragment in fragments:
        assert fragment in message, message
    assert interview.events == events
    assert interview.state == state
    assert interview.current() == current
    assert interview.progress() == progress
    return raised.value


def india_half_done() -> Interview:
    interview = start(india(), clock=FakeClock())
    for ident in ("full_name", "other_names", "date_of_birth", "age", "state"):
        interview.answer(ident, INDIA_ANSWERS[ident] if ident != "state" else "KL")
    interview.answer("documents_held", ["aadhaar"])
    interview.skip("father_name")
    interview.note("started late")
    return interview


TOMORROW = (START + datetime.timedelta(days=1)).date()
NEXT_MONTH = "2025-04"

INVALID: list[tuple[str, Callable[[Interview], object], type[UserError], tuple[str, ...]]] = [
    ("unknown parameter", lambda i: i.answer("full_nam", "x"), InterviewError,
     ("'full_nam'", "did you mean 'full_name'")),
    ("unknown parameter to decline", lambda i: i.decline("mother_nam"), InterviewError,
     ("did you mean 'mother_name'",)),
    ("unknown parameter to skip", lambda i: i.skip("tehsill"), InterviewError,
     ("did you mean 'tehsil'",)),
    ("unknown parameter to verify", lambda i: i.verify("document_held", "confirmed", "seen"),
     InterviewError, ("did you mean 'documents_held'",)),
    ("unknown parameter to go to", lambda i: i.go_to("pincode"), InterviewError,
     ("did you mean 'pin_code'",)),
    ("unknown parameter of a note", lambda i: i.note("x", "sate"), InterviewError,
     ("did you mean 'state'",)),
    ("not a choice", lambda i: i.answer("state", "XX"), AnswerError, ("'state'", "'XX'")),
    ("a choice's label", lambda i: i.answer("state", "Punjab"), AnswerError,
     ("label of the choice 'PB'",)),
    ("a choice's label in Hindi", lambda i: i.answer("state", "पंजाब"), AnswerError,
     ("label of the choice 'PB'",)),
    ("a choice in the wrong case", lambda i: i.answer("state", "pb"), AnswerError, ("'PB'",)),
    ("a multi-choice with one wrong item",
     lambda i: i.answer("documents_held", ["aadhaar", "green_card"]), AnswerError,
     ("'green_card'",)),
    ("a multi-choice label", lambda i: i.answer("documents_held", ["Aadhaar card"]),
     AnswerError, ("label of the choice 'aadhaar'",)),
    ("an empty multi-choice", lambda i: i.answer("documents_held", []), AnswerError,
     ("'documents_held'",)),
    ("a multi-choice given as text", lambda i: i.answer("documents_held", "aadhaar"),
     AnswerError, ("'documents_held'",)),
    ("not a date", lambda i: i.answer("date_of_birth", "10/06/1995"), AnswerError,
     ("'date_of_birth'", "YYYY-MM-DD")),
    ("a day that does not exist", lambda i: i.answer("date_of_birth", "1995-02-30"),
     AnswerError, ("not a date",)),
    ("a month that does not exist", lambda i: i.answer("date_of_birth", "1995-13"),
     AnswerError, ("not a date",)),
    ("a date in words", lambda i: i.answer("date_of_birth", "yesterday"), AnswerError,
     ("not a date",)),
    ("a date as a number", lambda i: i.answer("date_of_birth", 1995), AnswerError,
     ("YYYY-MM-DD",)),
    ("a date in the future", lambda i: i.answer("date_of_birth", TOMORROW.isoformat()),
     AnswerError, ("future",)),
    ("a month in the future", lambda i: i.answer("date_of_birth", NEXT_MONTH), AnswerError,
     ("future",)),
    ("a year in the future", lambda i: i.answer("date_of_birth", "2026"), AnswerError,
     ("future",)),
    ("a number above the range", lambda i: i.answer("age", 111), AnswerError,
     ("'age'", "110")),
    ("a number below the range", lambda i: i.answer("age", -1), AnswerError, ("'age'", "0")),
    ("a number as text", lambda i: i.answer("age", "29"), AnswerError, ("needs a number",)),
    ("a number as yes", lambda i: i.answer("age", True), AnswerError, ("needs a number",)),
    ("not a number", lambda i: i.answer("age", float("nan")), AnswerError,
     ("needs a number",)),
    ("an infinite number", lambda i: i.answer("age", float("inf")), AnswerError,
     ("needs a number",)),
    ("a number too large for any float", lambda i: i.answer("age", 10**400), AnswerError,
     ("'age'",)),
    ("text as a number", lambda i: i.answer("full_name", 42), AnswerError,
     ("needs a text answer",)),
    ("blank text", lambda i: i.answer("full_name", "   "), AnswerError,
     ("needs a text answer",)),
    ("text too long", lambda i: i.answer("full_name", "x" * 2001), AnswerError,
     ("longer than 2000",)),
    ("text as a list", lambda i: i.answer("full_name", ["Gurpreet"]), AnswerError,
     ("needs a text answer",)),
    ("a question not asked", lambda i: i.answer("district", "amritsar"), InterviewError,
     ("'district'", "not asked")),
    ("a passport number without a passport", lambda i: i.answer("passport_number", "P1"),
     InterviewError, ("not asked",)),
    ("skipping a question not asked", lambda i: i.skip("district"), InterviewError,
     ("not asked",)),
    ("going to a question not asked", lambda i: i.go_to("passport_number"), InterviewError,
     ("not asked",)),
    ("declining for an unknown reason", lambda i: i.decline("tehsil", "refused"),
     InterviewError, ("'dont_know'",)),
    ("verifying without an answer", lambda i: i.verify("languages_spoken", "confirmed",
                                                       "interpreter"), InterviewError,
     ("no answer",)),
    ("verifying without a reason", lambda i: i.verify("documents_held", "confirmed", "  "),
     InterviewError, ("reason",)),
    ("verifying with an unknown outcome", lambda i: i.verify("documents_held", "maybe",
                                                             "seen"), InterviewError,
     ("'confirmed' or 'contradicted'",)),
    ("a note without text", lambda i: i.note("   "), InterviewError, ("text",)),
    ("an action without an officer", lambda i: i.answer("tehsil", "Nakodar", officer="  "),
     InterviewError, ("officer",)),
]


@pytest.mark.parametrize(("action", "error", "fragments"),
                         [case[1:] for case in INVALID], ids=[case[0] for case in INVALID])
def test_an_invalid_action_raises_natids_error_and_changes_nothing(
        action: Callable[[Interview], object], error: type[UserError],
        fragments: tuple[str, ...]) -> None:
    refused(india_half_done(), action, error, *fragments)


def test_natids_errors_are_user_errors_with_their_own_codes() -> None:
    assert issubclass(AnswerError, UserError)
    assert issubclass(InterviewError, UserError)
    assert issubclass(InterviewRecordError, UserError)
    codes = {AnswerError.code, InterviewError.code, InterviewRecordError.code}
    assert len(codes) == 3


def test_a_question_not_asked_cannot_be_read_either() -> None:
    interview = start(india())
    with pytest.raises(InterviewError, match="not asked"):
        interview.question("district")
    with pytest.raises(InterviewError, match="did you mean 'district'"):
        interview.question("distrct")


# Time and officer -------------------------------------------------------------------


def test_every_event_has_its_time_from_the_clock_in_utc_and_its_officer() -> None:
    clock = FakeClock(step=datetime.timedelta(0))
    interview = start(india(), clock=clock)
    actions: list[Callable[[], Event]] = [
        lambda: interview.answer("full_name", "Gurpreet Singh"),
        lambda: interview.skip("other_names"),
        lambda: interview.answer("documents_held", ["aadhaar"], officer="B. Ruiz"),
        lambda: interview.verify("documents_held", "confirmed", "card seen", officer="C. Díaz"),
        lambda: interview.note("the interpreter changed"),
        lambda: interview.close("the person was transferred", incomplete=True),
    ]
    for minute, action in enumerate(actions, start=1):
        clock.now = START + datetime.timedelta(minutes=minute, microseconds=250 * minute)
        action()
    events = interview.events
    assert [e.at for e in events] == [
        "2025-03-15T09:30:00.000000Z", "2025-03-15T09:31:00.000250Z",
        "2025-03-15T09:32:00.000500Z", "2025-03-15T09:33:00.000750Z",
        "2025-03-15T09:34:00.001000Z", "2025-03-15T09:35:00.001250Z",
        "2025-03-15T09:36:00.001500Z"]
    assert [e.officer for e in events] == ["A. López", "A. López", "A. López", "B. Ruiz",
                                           "C. Díaz", "A. López", "A. López"]
    assert all(e.moment.utcoffset() == datetime.timedelta(0) for e in events)
    finding = interview.state.parameters["documents_held"].verification
    assert finding is not None
    assert (finding.officer, finding.at) == ("C. Díaz", "2025-03-15T09:34:00.001000Z")
    reasons = {r.parameter: r.reason for r in interview.assess().parameters}
    assert "C. Díaz" in reasons["documents_held"]


def test_a_clock_in_local_time_is_recorded_in_utc() -> None:
    mexico = datetime.timezone(datetime.timedelta(hours=-6))
    clock = FakeClock(start=datetime.datetime(2025, 3, 14, 21, 45, tzinfo=mexico),
                      step=datetime.timedelta(0))
    interview = start(india(), clock=clock)
    clock.now += datetime.timedelta(seconds=7)
    interview.answer("full_name", "Gurpreet Singh")
    assert interview.events[0].at == "2025-03-15T03:45:00.000000Z"
    assert interview.events[1].at == "2025-03-15T03:45:07.000000Z"
    # 21:45 in Mexico is already the 15th in UTC: the 15th is not in the future.
    interview.answer("date_of_birth", "2025-03-15")


def test_the_future_is_judged_by_the_interviews_clock() -> None:
    clock = FakeClock(start=datetime.datetime(1999, 12, 31, 23, 0, tzinfo=UTC))
    interview = start(india(), clock=clock)
    with pytest.raises(AnswerError, match="future"):
        interview.answer("date_of_birth", "2000-01-01")
    interview.answer("date_of_birth", "1999-12-31")
    interview.answer("date_of_birth", "1999")
    assert interview.answers()["date_of_birth"] == "1999"


# Rebuilding from events -------------------------------------------------------------


def busy_interview() -> Interview:
    """An India interview with every kind of event, a change of state and a move."""
    interview = start(india(), interviewee="pa", officer_language="es")
    interview.answer("full_name", "Gurpreet Singh")
    interview.skip("other_names")
    interview.answer("father_name", "Harjit Singh")
    interview.decline("mother_name", "dont_know")
    interview.answer("date_of_birth", "1995-06")
    interview.answer("age", 29)
    interview.answer("state", "PB")
    interview.answer("district", "ahmedabad")
    interview.note("the district is in Gujarat", "district", officer="B. Ruiz")
    interview.answer("state", "GJ")
    interview.answer("documents_held", ["voter_id", "passport"])
    interview.verify("documents_held", "confirmed", "voter ID card seen")
    interview.answer("passport_number", "P1234567")
    interview.answer("currency", "rupees")
    interview.answer("state_capital", "Gandhinagar")
    interview.answer("independence_day", "14 August")
    interview.go_to("age")
    return interview


def same_interview(first: Interview, second: Interview) -> None:
    assert second.events == first.events
    assert second.state == first.state
    assert second.answers() == first.answers()
    assert second.current() == first.current()
    assert second.progress() == first.progress()
    assert second.relevant() == first.relevant()
    assert second.assess() == first.assess()
    assert second.id == first.id


def test_an_interview_rebuilds_exactly_from_its_events() -> None:
    interview = busy_interview()
    again = Interview.resume(india(), interview.events)
    same_interview(interview, again)
    current = again.current()
    assert current is not None and current.id == "age"


def test_the_json_record_round_trips() -> None:
    interview = busy_interview()
    text = interview.to_json()
    record = json.loads(text)
    assert record["natid_interview"] == 1
    assert record["interview_id"] == interview.id
    assert record["questionnaire"]["country"] == "IN"
    assert len(record["events"]) == len(interview.events)
    again = Interview.from_json(text, india())
    same_interview(interview, again)
    assert again.to_json() == text
    assert Interview.from_json(text.encode(), india()).events == interview.events


def test_a_closed_interview_round_trips_and_stays_closed() -> None:
    interview = full_india()
    interview.close("done")
    again = Interview.from_json(interview.to_json(), india())
    same_interview(interview, again)
    with pytest.raises(InterviewError, match="closed"):
        again.answer("full_name", "Someone Else")


def test_a_resumed_interview_goes_on_with_its_own_clock() -> None:
    interview = start(india())
    interview.answer("full_name", "Gurpreet Singh")
    clock = FakeClock(start=datetime.datetime(2025, 3, 16, 8, 0, tzinfo=UTC),
                      step=datetime.timedelta(0))
    again = Interview.resume(india(), interview.events, clock=clock)
    again.answer("other_names", "Gopi", officer="B. Ruiz")
    assert again.events[-1].at == "2025-03-16T08:00:00.000000Z"
    assert again.events[-1].officer == "B. Ruiz"
    assert again.events[:2] == interview.events
    assert len(interview.events) == 2  # the original is untouched


def test_haiti_round_trips_in_its_languages() -> None:
    interview = start(haiti(), interviewee="ht", officer_language="fr")
    answer_all(interview, HAITI_ANSWERS)
    again = Interview.from_json(interview.to_json(), haiti())
    same_interview(interview, again)
    assert "Gonaïves" in interview.to_json()  # scripts and accents as written


def test_the_events_list_is_a_copy() -> None:
    interview = start(india())
    events = interview.events
    events.append(events[0])
    assert len(interview.events) == 1


# Hostile records --------------------------------------------------------------------


def record_of(interview: Interview) -> dict[str, Any]:
    return json.loads(interview.to_json())


def edited(change: Callable[[dict[str, Any]], object]) -> str:
    record = record_of(busy_interview())
    change(record)
    return json.dumps(record, ensure_ascii=False)


def answered_event(parameter_id: Any, value: Any) -> dict[str, Any]:
    return {"kind": "answered", "at": "2025-03-15T10:00:00.000000Z", "officer": "A. López",
            "data": {"parameter": parameter_id, "value": value}}


def appended(event: dict[str, Any]) -> str:
    return edited(lambda record: record["events"].append(event))


def set_path(record: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    target: Any = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


HOSTILE: dict[str, str | bytes] = {
    "empty": "",
    "not JSON": "{\"natid_interview\": 1, \"events\": [",
    "not UTF-8": b"\xff\xfe\x00{",
    "a list": "[]",
    "null": "null",
    "too deep": "[" * 100_000 + "]" * 100_000,
    "no format marker": edited(lambda r: r.pop("natid_interview")),
    "format 2": edited(lambda r: r.update(natid_interview=2)),
    "format as text": edited(lambda r: r.update(natid_interview="1")),
    "no events": edited(lambda r: r.update(events=[])),
    "events not a list": edited(lambda r: r.update(events={"0": {}})),
    "no questionnaire": edited(lambda r: r.pop("questionnaire")),
    "first event is not started": edited(lambda r: r["events"].pop(0)),
    "started twice": edited(lambda r: r["events"].append(r["events"][0])),
    "an event that is not an object": edited(lambda r: r["events"].append("answered")),
    "an unknown kind": edited(lambda r: set_path(r, ("events", 3, "kind"), "deleted")),
    "a kind that is not text": edited(lambda r: set_path(r, ("events", 3, "kind"), 7)),
    "no time": edited(lambda r: r["events"][2].pop("at")),
    "a time that is not a time": edited(lambda r: set_path(r, ("events", 2, "at"), "noon")),
    "a time without a zone": edited(
        lambda r: set_path(r, ("events", 2, "at"), "2025-03-15T10:00:00")),
    "no officer": edited(lambda r: set_path(r, ("events", 2, "officer"), " ")),
    "data not an object": edited(lambda r: set_path(r, ("events", 2, "data"), [1])),
    "started without its questionnaire": edited(
        lambda r: r["events"][0]["data"].pop("questionnaire")),
    "started without languages": edited(
        lambda r: r["events"][0]["data"].pop("interviewee_language")),
    "an unknown parameter": appended(answered_event("nationality", "Indian")),
    "a parameter that is not text": appended(answered_event(["state"], "PB")),
    "an answer without a value": edited(lambda r: r["events"][1]["data"].pop("value")),
    "a number as text": appended(answered_event("age", "twenty-nine")),
    "a number out of range": appended(answered_event("age", 400)),
    "a number too large for any float": appended(answered_event("age", 10**400)),
    "a choice's label": appended(answered_event("state", "Punjab")),
    "a choice that is a list": appended(answered_event("state", ["PB"])),
    "a multi-choice that is text": appended(answered_event("documents_held", "passport")),
    "a date that is not a date": appended(answered_event("date_of_birth", "1995-02-30")),
    "a date after the event": appended(answered_event("date_of_birth", "2025-03-16")),
    "text that is a number": appended(answered_event("full_name", 12)),
    "text that is an object": appended(answered_event("full_name", {"first": "G"})),
    "a decline without a reason": appended(
        {"kind": "declined", "at": "2025-03-15T10:00:00Z", "officer": "A. López",
         "data": {"parameter": "tehsil"}}),
    "a finding without an outcome": appended(
        {"kind": "verified", "at": "2025-03-15T10:00:00Z", "officer": "A. López",
         "data": {"parameter": "documents_held", "outcome": "probably"}}),
    "a note without text": appended(
        {"kind": "noted", "at": "2025-03-15T10:00:00Z", "officer": "A. López", "data": {}}),
    "a note about an unknown question": appended(
        {"kind": "noted", "at": "2025-03-15T10:00:00Z", "officer": "A. López",
         "data": {"text": "x", "parameter": "nationality"}}),
    "a move to nowhere": appended(
        {"kind": "moved", "at": "2025-03-15T10:00:00Z", "officer": "A. López", "data": {}}),
}


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_hostile_record_raises_an_interview_record_error(text: str | bytes) -> None:
    with pytest.raises(InterviewRecordError) as raised:
        Interview.from_json(text, india()).assess()
    message = raised.value.message
    assert message and "\n" not in message and "Traceback" not in message


def haitian_record() -> Interview:
    interview = start(haiti(), interviewee="ht", officer_language="fr")
    interview.answer("nom", "Joseph")
    interview.answer("pieces_identite", ["CINU"])
    return interview


def test_a_record_for_another_country_is_refused() -> None:
    interview = haitian_record()
    with pytest.raises(InterviewRecordError):
        Interview.from_json(interview.to_json(), india())
    with pytest.raises(InterviewRecordError):
        Interview.resume(india(), interview.events)
    with pytest.raises(InterviewRecordError, match="'HT'"):
        Interview.resume(india(), interview.events[:1])


def test_a_record_for_another_country_says_which_country_it_is_for() -> None:
    interview = haitian_record()
    with pytest.raises(InterviewRecordError) as raised:
        Interview.from_json(interview.to_json(), india())
    message = raised.value.message
    assert "'HT'" in message and "'IN'" in message, message


def test_events_that_are_not_an_interview_are_refused_by_resume() -> None:
    interview = busy_interview()
    events = interview.events
    with pytest.raises(InterviewRecordError):
        Interview.resume(india(), [])
    with pytest.raises(InterviewRecordError, match="first event"):
        Interview.resume(india(), events[1:])
    bad = Event(EventKind.ANSWERED, events[1].at, "A. López", {"parameter": "age",
                                                               "value": "old"})
    with pytest.raises(InterviewRecordError, match="event #3"):
        Interview.resume(india(), [*events[:2], bad, *events[2:]])


def test_a_record_with_an_answer_after_closing_is_refused() -> None:
    interview = start(india())
    interview.answer("full_name", "Gurpreet Singh")
    interview.close("the person left", incomplete=True)
    record = record_of(interview)
    record["events"].append(answered_event("full_name", "Someone Else"))
    with pytest.raises(InterviewRecordError):
        Interview.from_json(json.dumps(record), india())


# Property: whatever a record becomes, reading it ends in an interview or natid's error --

JSON_VALUES = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
        st.sampled_from([10**400, -(10**400), 2**63, 1e308, -0.0]),
        st.text(max_size=12),
        st.sampled_from([kind.value for kind in EventKind]),
        st.sampled_from([p.id for p in india().parameters]),
        st.sampled_from(["PB", "KL", "passport", "declined", "dont_know", "confirmed",
                         "contradicted", "1995", "1995-06", "1995-06-10", "2999-01-01",
                         "2025-03-15T10:00:00Z", "2025-03-15T10:00:00+05:30", "IN", "HT"]),
    ),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=10), children, max_size=4)),
    max_leaves=12,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(paths(item, (*prefix, index)))
    return found


EVENT_KEYS = ["kind", "at", "officer", "data"]
DATA_KEYS = ["value", "parameter", "reason", "outcome", "text", "questionnaire",
             "interview_id", "interviewee_language", "officer_language"]
ODD_ANSWERS = st.sampled_from([10**400, -(10**400), 1e308, -1e308, float("nan"),
                               float("inf"), "", " ", "\u0000", "२०००", "\uff12\uff10\uff12\uff10",
                               "1995-02-29", "0000", "9999-12", [], [[]], {}, True])
Mutation = tuple[str, int, int, Any, str]
MUTATIONS = st.tuples(
    st.sampled_from(["replace", "delete", "duplicate", "insert", "event", "data", "answer"]),
    st.integers(0, 10**6), st.integers(0, 100), st.one_of(ODD_ANSWERS, JSON_VALUES),
    st.text(max_size=10))


def anywhere(record: dict[str, Any], mutation: Mutation) -> None:
    operation, position, _key, value, new_key = mutation
    everywhere = paths(record)[1:]
    where = everywhere[position % len(everywhere)]
    parent: Any = record
    for key in where[:-1]:
        parent = parent[key]
    key = where[-1]
    if operation == "replace":
        parent[key] = value
    elif operation == "delete":
        del parent[key]
    elif operation == "duplicate" and isinstance(parent, list):
        parent.insert(key, copy.deepcopy(parent[key]))
    elif isinstance(parent, dict):
        parent[new_key] = value
    else:
        parent.insert(key, value)


def in_an_event(record: dict[str, Any], mutation: Mutation) -> None:
    operation, position, key, value, _new_key = mutation
    events = record.get("events")
    if not isinstance(events, list) or not events:
        return
    if operation == "answer":
        answers = [event for event in events if isinstance(event, dict)
                   and event.get("kind") == "answered" and isinstance(event.get("data"), dict)]
        if answers:
            answers[position % len(answers)]["data"]["value"] = value
        return
    event = events[position % len(events)]
    if not isinstance(event, dict):
        return
    if operation == "data" and isinstance(event.get("data"), dict):
        event["data"][DATA_KEYS[key % len(DATA_KEYS)]] = value
    else:
        event[EVENT_KEYS[key % len(EVENT_KEYS)]] = value


def mutated(mutations: list[Mutation], cut: tuple[int, str] | None) -> str:
    record = copy.deepcopy(VALID_RECORD)
    for mutation in mutations:
        if mutation[0] in ("event", "data", "answer"):
            in_an_event(record, mutation)
        else:
            anywhere(record, mutation)
    text = json.dumps(record, ensure_ascii=False)
    if cut is not None:
        text = text[:cut[0] % (len(text) + 1)] + cut[1]
    return text


VALID_RECORD = json.loads(busy_interview().to_json())
AGE_ANSWER = [e["data"].get("parameter") for e in VALID_RECORD["events"]
              if e["kind"] == "answered"].index("age")


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations=st.lists(MUTATIONS, min_size=1, max_size=4),
       cut=st.one_of(st.none(), st.tuples(st.integers(0, 10**7), st.text(max_size=3))))
@example(mutations=[("answer", AGE_ANSWER, 0, 10**400, "")], cut=None)
@example(mutations=[("data", 0, 5, {"country": ["IN"]}, "")], cut=None)
@example(mutations=[("replace", 0, 0, True, "")], cut=None)
def test_a_mutated_record_gives_an_interview_or_an_interview_record_error(
        mutations: list[Mutation], cut: tuple[int, str] | None) -> None:
    text = mutated(mutations, cut)
    try:
        interview = Interview.from_json(text, india())
        interview.assess()
        interview.current()
        interview.progress()
    except InterviewRecordError as error:
        assert error.message
