"""Dates given in the Ethiopian, Bikram Sambat and Solar Hijri calendars."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from engine import AnswerError, Interview, InterviewRecordError
from engine.calendars import CalendarError, from_gregorian, to_gregorian
from engine.interview.events import Event
from engine.loader import check_bytes
from tests.interview_support import build, parameter, start

REFERENCE_DATES = [
    # Published reference dates: new years and well-known days.
    ("ethiopian", "2017-01-01", "2024-09-11"),      # Enkutatash 2017 E.C.
    ("ethiopian", "2016-01-01", "2023-09-12"),      # after the leap year 2015 E.C.
    ("ethiopian", "2015-13-06", "2023-09-11"),      # Pagume 6 of a leap year
    ("ethiopian", "1888-06-23", "1896-03-01"),      # the Battle of Adwa, Yekatit 23, 1888
    ("ethiopian", "2016-04-28", "2024-01-07"),      # Genna: Tahsas 28 after a leap year
    ("bikram_sambat", "2081-01-01", "2024-04-13"),  # Nepali new year 2081
    ("bikram_sambat", "2080-01-01", "2023-04-14"),  # Nepali new year 2080
    ("solar_hijri", "1403-01-01", "2024-03-20"),    # Nowruz 1403
    ("solar_hijri", "1402-01-01", "2023-03-21"),    # Nowruz 1402
    ("solar_hijri", "1400-01-01", "2021-03-21"),    # Nowruz 1400
]


@pytest.mark.parametrize(("calendar", "given", "gregorian"), REFERENCE_DATES)
def test_conversions_match_published_dates(calendar: str, given: str, gregorian: str) -> None:
    assert to_gregorian(calendar, given) == gregorian
    assert from_gregorian(calendar, datetime.date.fromisoformat(gregorian)) == given


@pytest.mark.parametrize(("calendar", "given"), [
    ("ethiopian", "2016-13-06"),     # Pagume has 5 days in a common year
    ("ethiopian", "2016-14-01"),     # 13 months
    ("ethiopian", "2016-02-31"),     # 30-day months
    ("bikram_sambat", "2081-01-32"),
    ("bikram_sambat", "2081-13-01"),
    ("solar_hijri", "1402-12-30"),   # Esfand has 29 days in a common year
    ("gregorian", "2023-02-29"),
])
def test_a_date_the_calendar_does_not_have_is_refused(calendar: str, given: str) -> None:
    with pytest.raises(CalendarError) as error:
        to_gregorian(calendar, given)
    assert given in error.value.message
    assert "Traceback" not in error.value.message


def test_part_known_dates_fall_in_the_gregorian_year_or_month_that_holds_most_of_them() -> None:
    assert to_gregorian("ethiopian", "1987") == "1995"
    assert to_gregorian("ethiopian", "1987-04") == "1994-12"
    assert to_gregorian("bikram_sambat", "2050") == "1993"
    assert to_gregorian("solar_hijri", "1370") == "1991"
    with pytest.raises(CalendarError):
        to_gregorian("julian", "2000-01-01")
    with pytest.raises(CalendarError):
        to_gregorian("ethiopian", "12 Meskerem 1987")


def ethiopian_form() -> Interview:
    questionnaire = build([
        parameter("date_of_birth", "date", evidence="presumption", verify="consulate",
                  calendars=["ethiopian"], request="birth"),
        parameter("kebele_id", "yes_no", evidence="proof", verify="officer"),
    ], country="ET", rule=1, languages=("en", "hi"))
    return start(questionnaire, interviewee="hi")


def test_an_answer_keeps_the_date_as_given_and_its_gregorian_date() -> None:
    interview = ethiopian_form()
    event = interview.answer("date_of_birth", "1987-04-12", calendar="ethiopian")
    assert event.data == {"parameter": "date_of_birth", "value": "1994-12-21",
                          "original": {"calendar": "ethiopian", "date": "1987-04-12"}}
    state = interview.state.parameters["date_of_birth"]
    assert (state.value, state.original) == ("1994-12-21", {"calendar": "ethiopian",
                                                           "date": "1987-04-12"})
    interview.answer("date_of_birth", "1994-12-20")  # changed, in the Gregorian calendar
    assert interview.state.parameters["date_of_birth"].original is None


def test_a_calendar_the_question_does_not_take_or_a_date_it_lacks_is_refused() -> None:
    interview = ethiopian_form()
    with pytest.raises(AnswerError, match="takes no date in the calendar 'solar_hijri'"):
        interview.answer("date_of_birth", "1370-01-01", calendar="solar_hijri")
    with pytest.raises(AnswerError, match="does not exist in the Ethiopian calendar"):
        interview.answer("date_of_birth", "2010-13-06", calendar="ethiopian")
    with pytest.raises(AnswerError, match="is in the future"):
        interview.answer("date_of_birth", "2030-01-01", calendar="ethiopian")
    assert len(interview.events) == 1


def test_a_recorded_date_whose_two_forms_disagree_is_refused() -> None:
    interview = ethiopian_form()
    interview.answer("date_of_birth", "1987-04-12", calendar="ethiopian")
    events = interview.events
    tampered = Event(events[1].kind, events[1].at, events[1].officer,
                     {**events[1].data, "value": "1990-01-01"})
    with pytest.raises(InterviewRecordError, match="not the Gregorian"):
        Interview.resume(interview.questionnaire, [events[0], tampered])
    again = Interview.resume(interview.questionnaire, events)
    assert again.state.parameters["date_of_birth"].original == {"calendar": "ethiopian",
                                                                "date": "1987-04-12"}


def test_calendars_on_a_parameter_that_is_not_a_date_is_an_authoring_error() -> None:
    text = b"""format_version: 1
country: ET
title: {en: Test}
version: "1"
issued_by: Test
source_language: en
languages: {en: {status: source}}
rule: {confirmations_required: 1}
parameters:
  - id: age
    kind: number
    calendars: [ethiopian]
    prompt: {en: "Age?"}
    evidence: presumption
    verify: officer
"""
    result = check_bytes(text, "x.yaml", use_cache=False)
    assert [d.code for d in result.errors] == ["NATID-E032"]
    assert result.errors[0].line == 12


def test_an_ethiopian_date_of_birth_travels_into_the_request_with_both_dates(
        tmp_path: object) -> None:
    from engine import default_screening
    from engine.render import render_text
    from engine.request.build import build_request
    from engine.request.layouts import request_layout
    from tests.interview_support import FakeClock
    from tests.protection_support import NO_FLAG

    consulate = {"id": "embassy_washington", "name": "Embassy of Ethiopia, Washington",
                 "kind": "embassy", "city": "Washington", "country": "US",
                 "serves": ["US", "MX"], "procedures": ["nationality_verification"],
                 "preferred_language": "en", "last_verified": "2026-11-01"}
    questionnaire = build([
        parameter("date_of_birth", "date", evidence="presumption", verify="consulate",
                  calendars=["ethiopian"], request="birth", required=True),
        parameter("kebele_id", "yes_no", evidence="proof", verify="officer"),
    ], country="ET", rule=1, languages=("en", "hi"), consulates=[consulate])
    screening, screening_hash = default_screening()
    interview = Interview.start(questionnaire, interviewee_language="hi",
                                officer_language="en", officer="A. López", clock=FakeClock(),
                                screening=screening, screening_hash=screening_hash,
                                interviewing_country="MX")
    answers = {**NO_FLAG, "declared_nationality": "ET"}
    while (question := interview.current()) is not None:
        if question.id == "date_of_birth":
            interview.answer(question.id, "1987-04-12", calendar="ethiopian")
        elif question.id == "kebele_id":
            interview.answer(question.id, True)
        else:
            interview.answer(question.id, answers[question.id.removeprefix("screening.")])
    interview.close()
    request = build_request(interview, officer="A. López")
    birth = next(item for item in request.particulars if item.parameter == "date_of_birth")
    assert (birth.answer, birth.calendar, birth.given) == ("1994-12-21", "ethiopian",
                                                           "1987-04-12")
    assert birth.value == "1994-12-21 (Ethiopian calendar: 1987-04-12)"
    assert "1994-12-21 (Ethiopian calendar: 1987-04-12)" in render_text(request_layout(request))


def test_an_ethiopian_date_of_birth_from_the_bundled_questionnaire_reaches_the_pdf(
        tmp_path: Path) -> None:
    """Issue's end: the date as given and its Gregorian date, side by side, in the PDF."""
    import subprocess

    import engine
    from engine.render import render_pdf
    from engine.request.build import build_request
    from engine.request.layouts import request_layout
    from tests.interview_support import FakeClock
    from tests.protection_support import NO_FLAG

    ethiopia = engine.load_questionnaire(engine.find_questionnaire("ET"))
    interview = engine.start_interview(ethiopia, interviewee_language="am",
                                       officer_language="es", officer="A. López",
                                       interviewing_country="MX", clock=FakeClock())
    screening = {**NO_FLAG, "declared_nationality": "ET"}
    while (question := interview.current()) is not None and question.id.startswith("screening."):
        interview.answer(question.id, screening[question.id.removeprefix("screening.")])
    interview.answer("given_name", "አበበ")
    interview.answer("father_name", "ቢቂላ")
    interview.answer("date_of_birth", "1987-04-12", calendar="ethiopian")
    for missing in interview.unanswered_required():
        interview.decline(missing.id, "dont_know")
    interview.close()
    request = build_request(interview, officer="A. López")
    assert request.addressee.consulate_id in {c.id for c in ethiopia.consulates if "MX" in c.serves}
    birth = next(item for item in request.particulars if item.parameter == "date_of_birth")
    assert (birth.answer, birth.given, birth.calendar) == ("1994-12-21", "1987-04-12",
                                                           "ethiopian")
    path = tmp_path / "request.pdf"
    path.write_bytes(render_pdf(request_layout(request)))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    assert "1994-12-21 (Ethiopian calendar: 1987-04-12)" in text
    assert "አበበ" in text and "ቢቂላ" in text
