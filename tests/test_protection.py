"""The protection gate: flags from the screening, referral instead of request, children."""

from __future__ import annotations

from typing import Any

import pytest

from engine import Interview, InterviewError, InterviewRecordError
from engine.interview.events import EventKind
from engine.protection import (
    NothingToReferError,
    RequestRefusedError,
    protection_of,
    record_best_interests,
    request_obstacles,
    route_to_presumed,
)
from engine.request.build import build_request
from engine.request.referral import build_referral
from tests.interview_support import FakeClock, india
from tests.protection_support import finish_india, screened_india

BLOCKING_CASES = [
    ({"wants_asylum": True}, "asylum_intent", "asylum_authority"),
    ({"fear_of_return": True}, "fear_of_return", "asylum_authority"),
    ({"fear_of_return": "declined"}, "fear_of_return", "asylum_authority"),
    ({"wants_asylum": "dont_know"}, "asylum_intent", "asylum_authority"),
    ({"protection_elsewhere": "refugee_recognised"}, "protection_elsewhere", "asylum_authority"),
    ({"protection_elsewhere": "asylum_applied"}, "protection_elsewhere", "asylum_authority"),
    ({"documents_held_by_other": True}, "trafficking_indicators", "anti_trafficking"),
    ({"owes_debt": True}, "trafficking_indicators", "anti_trafficking"),
    ({"free_to_leave": False}, "trafficking_indicators", "anti_trafficking"),
    ({"threatened": True}, "trafficking_indicators", "anti_trafficking"),
]


def kinds(interview: Interview) -> list[str]:
    return [str(event.kind) for event in interview.events]


@pytest.mark.parametrize(("answers", "flag", "route"), BLOCKING_CASES,
                         ids=[f"{case[1]}-{next(iter(case[0].values()))}"
                              for case in BLOCKING_CASES])
def test_a_protection_flag_blocks_every_request_and_gives_a_referral(
        answers: dict[str, Any], flag: str, route: str) -> None:
    interview = finish_india(screened_india(answers))
    protection = protection_of(interview)
    assert flag in [raised.id for raised in protection.flags]
    assert protection.blocked
    with pytest.raises(RequestRefusedError) as refused:
        build_request(interview, officer="B. Ruiz")
    assert "protection" in [reason.reason for reason in refused.value.reasons]
    assert refused.value.code == "NATID-E071"
    refusal = interview.events[-1]
    assert refusal.kind is EventKind.REQUEST_REFUSED
    assert refusal.officer == "B. Ruiz"
    assert "protection" in refusal.data["reasons"]
    # No option opens the gate: another consulate, another language, not recording.
    for options in ({"consulate": "eoi_mexico_city"}, {"language": "fr"}, {"record": False},
                    {"interviewing_country": "GT"}):
        with pytest.raises(RequestRefusedError):
            build_request(interview, officer="B. Ruiz", **options)
    assert EventKind.REQUEST_PREPARED not in [event.kind for event in interview.events]
    referral = build_referral(interview, officer="B. Ruiz")
    assert route in [item.route for item in referral.routes]
    assert interview.events[-1].kind is EventKind.REFERRAL_PREPARED
    assert interview.events[-1].officer == "B. Ruiz"


def test_a_clean_screening_raises_no_flag_and_the_request_needs_the_interview_closed() -> None:
    interview = finish_india(screened_india(), close=False)
    assert protection_of(interview).flags == ()
    assert [o.reason for o in request_obstacles(interview)] == ["open"]
    interview.close()
    assert request_obstacles(interview) == []
    with pytest.raises(NothingToReferError):
        build_referral(interview, officer="B. Ruiz")


def test_a_flag_waits_until_its_questions_are_dealt_with() -> None:
    interview = screened_india()
    fresh = Interview.start(india(), interviewee_language="pa", officer_language="es",
                            officer="A. López", clock=FakeClock(),
                            screening=interview.screening)
    # Nothing answered: 'fear_of_return' reads an unanswered question, it is not raised yet.
    assert protection_of(fresh).flags == ()
    assert protection_of(fresh).unanswered
    assert "screening_incomplete" in [o.reason for o in request_obstacles(fresh)]


def test_the_screening_comes_before_the_country_questions() -> None:
    interview = screened_india({})
    fresh = Interview.start(india(), interviewee_language="pa", officer_language="es",
                            officer="A. López", clock=FakeClock(),
                            screening=interview.screening)
    question = fresh.current()
    assert question is not None
    assert question.id == "screening.information_given"
    assert any("\u0a00" <= char <= "\u0a7f" for char in question.interviewee_prompt)  # Gurmukhi
    assert question.officer_prompt.startswith("¿")  # the officer reads it in Spanish
    assert fresh.why_not_verifiable("screening.age")


def test_an_interview_without_the_screening_never_gives_a_request() -> None:
    interview = Interview.start(india(), interviewee_language="pa", officer_language="es",
                                officer="A. López", clock=FakeClock(), interviewing_country="MX")
    finish_india(interview)
    assert [o.reason for o in request_obstacles(interview)] == ["no_screening"]
    with pytest.raises(RequestRefusedError):
        build_request(interview, officer="A. López")


def test_a_child_waits_for_the_best_interests_step() -> None:
    interview = finish_india(screened_india({"age": 15, "travelling_with": "alone"}))
    flags = [flag.id for flag in protection_of(interview).flags]
    assert flags == ["child", "unaccompanied_or_separated_child"]
    with pytest.raises(RequestRefusedError) as refused:
        build_request(interview, officer="A. López")
    assert [r.reason for r in refused.value.reasons] == ["best_interests_pending"]
    assert [r.route for r in build_referral(interview, officer="A. López").routes] == [
        "child_protection"]
    with pytest.raises(InterviewError):
        record_best_interests(interview, authority=" ", reference="R-1", officer="A. López")
    step = record_best_interests(interview, authority="PPNNA Chiapas",
                                 reference="PPNNA-CHIS-2026-0412", officer="C. Díaz")
    assert step.officer == "C. Díaz"
    request = build_request(interview, officer="A. López")
    assert request.child_protection is not None
    assert request.child_protection.best_interests.reference == "PPNNA-CHIS-2026-0412"


def test_an_accompanied_child_also_needs_the_step_and_an_unknown_age_counts_as_a_child() -> None:
    accompanied = finish_india(screened_india({"age": 12, "travelling_with":
                                               "parent_or_guardian"}))
    assert [f.id for f in protection_of(accompanied).flags] == ["child"]
    unknown = finish_india(screened_india({"age": "dont_know"}))
    assert [f.id for f in protection_of(unknown).flags] == ["age_unknown"]
    assert "best_interests_pending" in [o.reason for o in request_obstacles(unknown)]


def test_the_best_interests_step_is_refused_for_an_adult() -> None:
    interview = finish_india(screened_india())
    with pytest.raises(InterviewError):
        record_best_interests(interview, authority="PPNNA", reference="R-1")


def test_a_declared_nationality_is_routed_first_unless_an_officer_says_why_not() -> None:
    interview = finish_india(screened_india({"declared_nationality": "NP"}))
    obstacles = request_obstacles(interview)
    assert [o.reason for o in obstacles] == ["declared_elsewhere"]
    assert "Nepal" in obstacles[0].message  # named, not coded
    assert obstacles[0].command == "natid route"
    route_to_presumed(interview, "Nepal's embassy found no record of him", officer="C. Díaz")
    assert interview.events[-1].kind is EventKind.ROUTED
    request = build_request(interview, officer="A. López")
    assert request.nationality.declared == "NP"
    assert request.nationality.presumed == "IN"
    assert request.nationality.routing == "officer"
    assert request.nationality.routing_reason == "Nepal's embassy found no record of him"


def test_no_declared_nationality_routes_to_the_presumed_one() -> None:
    request = build_request(finish_india(screened_india({"declared_nationality": "unknown"})),
                            officer="A. López")
    assert request.nationality.declared is None
    assert request.nationality.routing == "presumed"


@pytest.mark.parametrize("answers", [{"information_given": False}, {"consent": False}])
def test_without_information_or_consent_the_request_waits_and_nothing_is_referred(
        answers: dict[str, Any]) -> None:
    interview = finish_india(screened_india(answers))
    assert [o.reason for o in request_obstacles(interview)] == ["hold"]
    with pytest.raises(NothingToReferError):
        build_referral(interview, officer="A. López")


def test_an_urgent_health_need_is_a_care_need_without_narrative() -> None:
    interview = finish_india(screened_india({"urgent_health": True}))
    request = build_request(interview, officer="A. López")
    assert request.care_needs == ["Needs medical care"]
    assert [r.route for r in build_referral(interview, officer="A. López").routes] == [
        "health_services"]


def test_audit_events_follow_the_closing_and_come_back_on_resume() -> None:
    interview = finish_india(screened_india({"age": 15, "travelling_with": "alone"}))
    record_best_interests(interview, authority="PPNNA", reference="R-1", officer="C. Díaz")
    build_request(interview, officer="A. López")
    again = Interview.resume(india(), interview.events, screening=interview.screening)
    assert kinds(again) == kinds(interview)
    assert protection_of(again).best_interests is not None
    assert again.to_json() == interview.to_json()
    restored = Interview.from_json(interview.to_json(), india())
    assert kinds(restored)[-2:] == ["best_interests", "request_prepared"]


def test_a_recorded_audit_event_missing_its_data_is_refused() -> None:
    interview = finish_india(screened_india())
    events = interview.events
    broken = type(events[0])(EventKind.REQUEST_PREPARED, events[-1].at, "A. López", {})
    with pytest.raises(InterviewRecordError):
        Interview.resume(india(), [*events, broken], screening=interview.screening)
    with pytest.raises(InterviewError):
        interview.log(EventKind.ANSWERED, parameter="age", value=3)


@pytest.mark.parametrize(("answers", "reason"), [
    ({"information_given": "declined"}, "hold"),
    ({"consent": "dont_know"}, "hold"),
    ({"owes_debt": "declined"}, "protection"),
    ({"free_to_leave": "dont_know"}, "protection"),
])
def test_silence_never_lets_a_request_through(answers: dict[str, Any], reason: str) -> None:
    interview = finish_india(screened_india(answers))
    assert reason in [o.reason for o in request_obstacles(interview)]
    with pytest.raises(RequestRefusedError):
        build_request(interview, officer="A. López")


def test_nothing_to_route_when_no_other_nationality_was_declared() -> None:
    interview = finish_india(screened_india())
    with pytest.raises(InterviewError):
        route_to_presumed(interview, "no reason needed", officer="C. Díaz")
    assert EventKind.ROUTED not in [event.kind for event in interview.events]
