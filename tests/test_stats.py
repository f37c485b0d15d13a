"""The statistics projection in the store, on both backends.

Each interview's row follows its events in the same transaction; the figures counted
from the rows match a count made here from the cases themselves; a rebuild from the
events gives the rows the incremental updates gave; a failed append leaves neither the
event nor the row.
"""

from __future__ import annotations

import datetime
import statistics
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

import pytest

from engine import default_screening
from engine.interview import Interview, InterviewError
from engine.interview.events import Event, EventKind
from engine.interview.state import SCREENING_PREFIX
from engine.request.build import prepare_request, record_prepared
from engine.stats.consular import record_consular_answer, record_request_sent
from engine.stats.periods import chosen_period
from engine.stats.rebuild import rebuild
from engine.stats.report import figures
from engine.stats.row import StatsRow
from engine.stats.table import TOTAL
from engine.store import Store, StoreConflictError, StoreError
from engine.store.recorded import start_recorded
from tests.interview_support import FakeClock, india
from tests.protection_support import NO_FLAG, finish_india
from tests.store_backends import Backend

UTC = datetime.UTC
EVER = (datetime.date(2000, 1, 1), datetime.date(2100, 1, 1))
AS_OF = datetime.date(2025, 6, 30)


@dataclass(frozen=True)
class Case:
    """One made-up interview: what the screening says and what became of the request."""

    day: datetime.date = datetime.date(2025, 2, 10)
    sex: str = "male"
    age: Any = 29
    company: str | None = None
    fear: bool = False
    close: bool = True
    sent: datetime.date | None = None
    answers: tuple[tuple[str, datetime.date], ...] = ()
    country: str = "MX"
    office: str = "Tapachula"


CASES = [
    Case(sent=datetime.date(2025, 2, 12), answers=(("issued", datetime.date(2025, 3, 4)),)),
    Case(sex="female", age=41, sent=datetime.date(2025, 2, 11),
         answers=(("more_information", datetime.date(2025, 2, 20)),
                  ("issued", datetime.date(2025, 4, 1)))),
    Case(sex="female", age=63, sent=datetime.date(2025, 2, 15)),
    Case(age=22, sent=datetime.date(2025, 3, 1),
         answers=(("refused", datetime.date(2025, 5, 30)),)),
    Case(sex="female", age=15, company="alone"),
    Case(age=16, company="parent_or_guardian", country="GT", office="Ciudad de Guatemala"),
    Case(age="declined", close=False),
    Case(sex="other", fear=True),
    Case(age=35, close=False, country="GT"),
    Case(day=datetime.date(2025, 4, 2), sex="female"),
]


def record(store: Store, case: Case) -> Interview:
    """Record one case through the store, as the app and the commands do."""
    options: dict[str, Any] = {
        "interviewee_language": "pa", "officer_language": "es", "officer": "A. López",
        "interviewing_country": case.country, "office": case.office,
        "clock": FakeClock(datetime.datetime.combine(case.day, datetime.time(9), UTC))}
    options["screening"], options["screening_hash"] = default_screening()
    interview = start_recorded(store, india(), **options)
    answers = {**NO_FLAG, "sex": case.sex, "age": case.age, "fear_of_return": case.fear,
               "travelling_with": case.company}
    while (question := interview.current()) is not None and \
            question.id.startswith(SCREENING_PREFIX):
        value = answers[question.id.removeprefix(SCREENING_PREFIX)]
        if value == "declined":
            interview.decline(question.id, "declined")
        else:
            interview.answer(question.id, value)
    if case.close:
        finish_india(interview)
    if case.sent is not None:
        request = prepare_request(interview, officer="A. López", interviewing_country="MX",
                                  consulate=None, language="es")
        record_prepared(interview, request, officer="A. López")
        record_request_sent(interview, case.sent, officer="A. López")
        for answer, day in case.answers:
            record_consular_answer(interview, answer, day, officer="B. Ruiz")
    return interview


def expected(case: Case, interview: Interview) -> dict[str, Any]:
    """What the row should say, worked out from the case (and the assessment's words)."""
    conclusion = interview.assess().conclusion if case.close else "open"
    issued = [day for answer, day in case.answers if answer == "issued"]
    child = case.age == "declined" or case.age < 18
    return {
        "sex": case.sex,
        "verdict": conclusion.replace(" ", "_"),
        "presumed": "IN" if conclusion == "presumption supported" or issued else "unknown",
        "referral": case.fear or child,
        "sent": case.sent,
        "issued_days": (issued[0] - case.sent).days if issued and case.sent else None,
        "first_answer": min((day for answer, day in case.answers if answer != "no_answer"),
                            default=None),
        "day": case.day,
        "country": case.country,
    }


@pytest.fixture
def recorded(backend: Backend) -> tuple[Backend, list[tuple[Case, Interview]]]:
    """Every case recorded on one backend."""
    with backend.open() as store:
        made = [(case, record(store, case)) for case in CASES]
    return backend, made


def rows_of(store: Store) -> dict[str, StatsRow]:
    return {row.interview_id: row for row in store.stats_rows(*EVER)}


def test_each_interview_has_its_row_with_what_its_events_say(
        recorded: tuple[Backend, list[tuple[Case, Interview]]]) -> None:
    backend, made = recorded
    with backend.open() as store:
        rows = rows_of(store)
        assert store.stats_status() == (len(CASES), 0)
    for case, interview in made:
        row, want = rows[interview.id], expected(case, interview)
        assert row.sex == want["sex"]
        assert row.verdict == want["verdict"]
        assert row.presumed_nationality == want["presumed"]
        assert row.referral is want["referral"]
        assert row.request_sent_on == (want["sent"].isoformat() if want["sent"] else None)
        assert row.interviewed_on == row.intercepted_on == case.day.isoformat()
        assert row.country_of_interview == case.country
        assert row.declared_nationality == "IN"
    by_id = {interview.id: case for case, interview in made}
    assert {rows[i].child for i, c in by_id.items() if c.company == "alone"} == \
        {"unaccompanied_or_separated"}
    assert {rows[i].child for i, c in by_id.items() if c.company == "parent_or_guardian"} == \
        {"accompanied"}
    assert {rows[i].age_band for i, c in by_id.items() if c.age == "declined"} == {"unknown"}
    assert {rows[i].consular_answer for i, c in by_id.items() if c.sent and not c.answers} == \
        {"awaiting"}


def test_the_figures_match_a_count_made_from_the_cases(
        recorded: tuple[Backend, list[tuple[Case, Interview]]]) -> None:
    backend, made = recorded
    quarter = chosen_period("2025Q1")
    inside = [(case, expected(case, interview)) for case, interview in made
              if quarter.first <= case.day <= quarter.last]
    with backend.open() as store:
        table, = figures(store, quarter, ("sex",), as_of=AS_OF, threshold=None)
        matrix, = figures(store, quarter, ("presumed_nationality", "country_of_interview"),
                          as_of=AS_OF, threshold=None)
    for sex in {"male", "female", "other", TOTAL}:
        mine = [want for _case, want in inside if sex in (TOTAL, want["sex"])]
        cells = table.lines[(sex,)].cells
        days = sorted(want["issued_days"] for want in mine if want["issued_days"] is not None)
        assert cells["interviews"].value == len(mine)
        assert cells["presumptions_supported"].value == \
            sum(want["verdict"] == "presumption_supported" for want in mine)
        assert cells["protection_referrals"].value == sum(want["referral"] for want in mine)
        assert cells["requests_sent"].value == sum(want["sent"] is not None for want in mine)
        assert cells["certificates_issued"].value == len(days)
        assert cells["median_days_to_certificate"].value == \
            (statistics.median(days) if days else None)
        for wait in (30, 60, 90):
            late = sum(1 for want in mine if want["sent"] is not None
                       and want["sent"] + datetime.timedelta(wait) <= AS_OF
                       and (want["first_answer"] is None
                            or (want["first_answer"] - want["sent"]).days > wait))
            assert cells[f"unanswered_{wait}_days"].value == late, (sex, wait)
    counted = Counter((want["presumed"], want["country"]) for _case, want in inside)
    for (presumed, country), number in counted.items():
        assert matrix.lines[(presumed, country)].cells["interviews"].value == number
    assert matrix.lines[(TOTAL, TOTAL)].cells["interviews"].value == len(inside)
    assert matrix.lines[(TOTAL, "GT")].cells["interviews"].value == \
        sum(1 for case, _ in inside if case.country == "GT")


def test_a_rebuild_gives_the_rows_the_events_gave_one_by_one(
        recorded: tuple[Backend, list[tuple[Case, Interview]]]) -> None:
    backend, _made = recorded
    with backend.open() as store:
        incremental = rows_of(store)
    backend.sql("DELETE FROM interview_stats")
    with backend.open() as store:
        assert store.stats_status() == (0, len(CASES))
        report = rebuild(store)
        assert (report.rebuilt, report.problems) == (len(CASES), [])
        assert rows_of(store) == incremental
        assert rebuild(store).rebuilt == len(CASES)
        assert rows_of(store) == incremental


def test_a_failed_append_leaves_neither_the_event_nor_the_row(backend: Backend) -> None:
    with backend.open() as store:
        interview = record(store, Case(close=False))
        before = rows_of(store)[interview.id]
        count = store.interview(interview.id).event_count
        note = Event(EventKind.CLOSED, "2025-02-10T10:00:00.000000Z", "A. López", {})
        broken = replace(before, verdict="no such verdict")
        with pytest.raises(StoreError):
            store.append(interview.id, note, expected_count=count, stats=broken)
        with pytest.raises(StoreConflictError):
            store.append(interview.id, note, expected_count=count - 1,
                         stats=replace(before, verdict="insufficient"))
        assert store.interview(interview.id).event_count == count
        assert store.interview(interview.id).status == "open"
        assert rows_of(store)[interview.id] == before


def test_answers_to_the_country_questions_do_not_rewrite_the_row(backend: Backend) -> None:
    with backend.open() as store:
        interview = record(store, Case(close=False))
        backend.sql("UPDATE interview_stats SET office = 'marker'")
        interview.answer("full_name", "Gurpreet Singh")
        assert rows_of(store)[interview.id].office == "marker"
        interview.close("the person was transferred", incomplete=True)
        assert rows_of(store)[interview.id].office == "Tapachula"
        assert rows_of(store)[interview.id].verdict != "open"


def test_the_consulate_answer_is_checked_before_it_is_recorded(backend: Backend) -> None:
    with backend.open() as store:
        interview = record(store, Case(sent=datetime.date(2025, 2, 12)))
        count = len(interview.events)
        for answer, day, message in [
                ("granted", datetime.date(2025, 3, 1), "one of issued"),
                ("issued", datetime.date(2025, 2, 1), "before the request was sent"),
                ("issued", datetime.date(2999, 1, 1), "in the future")]:
            with pytest.raises(InterviewError, match=message):
                record_consular_answer(interview, answer, day, officer="B. Ruiz")
        with pytest.raises(InterviewError, match="already recorded as sent"):
            record_request_sent(interview, datetime.date(2025, 2, 13), officer="B. Ruiz")
        record_consular_answer(interview, "issued", datetime.date(2025, 3, 1), officer="B. Ruiz")
        with pytest.raises(InterviewError, match="already answered 'issued'"):
            record_consular_answer(interview, "refused", datetime.date(2025, 3, 2),
                                   officer="B. Ruiz")
        assert len(store.events(interview.id)) == count + 1
        assert rows_of(store)[interview.id].consular_answer_on == "2025-03-01"


def test_a_request_not_prepared_cannot_be_sent() -> None:
    from tests.protection_support import screened_india

    interview = finish_india(screened_india())
    with pytest.raises(InterviewError, match="no prepared request"):
        record_request_sent(interview, datetime.date(2025, 3, 16), officer="A. López")
    with pytest.raises(InterviewError, match="not recorded as sent"):
        record_consular_answer(interview, "issued", datetime.date(2025, 3, 16),
                               officer="A. López")


def test_a_stored_consular_event_with_a_bad_day_or_answer_is_refused() -> None:
    from engine.interview.audit import check_audit_event

    assert check_audit_event(EventKind.REQUEST_SENT, {"on": "2025-02-30"})
    assert check_audit_event(EventKind.REQUEST_SENT, {"on": "20250210"})
    assert check_audit_event(EventKind.CONSULATE_ANSWERED, {"answer": "yes", "on": "2025-02-10"})
    assert check_audit_event(EventKind.CONSULATE_ANSWERED, {"on": "2025-02-10"})
    assert not check_audit_event(EventKind.CONSULATE_ANSWERED,
                                 {"answer": "no_answer", "on": "2025-02-10"})
