"""Documents the person carries: recorded in the interview, weighed, checked against answers."""

from __future__ import annotations

import json
import math

import pytest

import engine
from engine.documents.mrz_compose import compose
from engine.interview import InterviewError, InterviewRecordError
from engine.interview.events import EventKind
from engine.request.build import build_request
from tests.interview_support import india, start
from tests.protection_support import finish_india, screened_india

PASSPORT = compose("TD3", document_code="P", issuing_state="IND", surname="SANDHU",
                   given_names="GURPREET SINGH", document_number="K1234567",
                   nationality="IND", birth_date="1995-03-10", sex="M",
                   expiry_date="2031-06-30")
NEPALI = compose("TD3", document_code="P", issuing_state="NPL", surname="GURUNG",
                 given_names="BIKASH", document_number="PA0912345", nationality="NPL",
                 birth_date="1990-01-01", sex="M", expiry_date="2030-01-01")


def mistyped(zone: str) -> str:
    """The zone with the birth date's check digit changed (line 2, column 20)."""
    first, second = zone.split("\n")
    digit = str((int(second[19]) + 1) % 10)
    return f"{first}\n{second[:19]}{digit}{second[20:]}"


def result(interview: engine.Interview) -> engine.assessment.ParameterResult:
    (found,) = interview.assess("en").documents
    return found


def test_an_original_passport_of_the_presumed_country_is_proof() -> None:
    interview = start(india())
    event = interview.record_document("passport", original=True, issuing_country="in",
                                      number="K1234567", expires="2031-06-30")
    assert event.kind is EventKind.DOCUMENT_RECORDED
    assert event.data["issuing_country"] == "IN"
    assert event.data["seen_by"] == "A. López"
    found = result(interview)
    assert (found.outcome, found.tier) == ("confirmed", "proof")
    assert found.contribution == pytest.approx(2.0)
    assert "India" in found.reason
    assessment = interview.assess()
    assert assessment.log10_lr == pytest.approx(2.0)
    assert assessment.by_tier["proof"].confirmed == 1
    assert not any(r.startswith("document.") for r in assessment.rule.confirmed)


@pytest.mark.parametrize(("kind", "original", "expires", "tier"), [
    ("passport", False, "", "presumption"),                # a copy presumes
    ("passport", True, "2020-01-01", "presumption"),       # expired before the interview
    ("national_id", True, "", "proof"),
    ("citizenship_certificate", True, "", "proof"),
    ("birth_certificate", True, "", "presumption"),
    ("driving_licence", True, "", "presumption"),
    ("ration_card", False, "", "presumption"),
])
def test_the_tier_follows_the_type_and_original_or_copy(kind: str, original: bool,
                                                        expires: str, tier: str) -> None:
    interview = start(india())
    interview.record_document(kind, original=original, issuing_country="IN", expires=expires)
    assert result(interview).tier == tier


def test_a_document_of_another_country_contradicts() -> None:
    interview = start(india())
    interview.record_document("passport", original=True, issuing_country="NP")
    found = result(interview)
    assert found.outcome == "contradicted"
    assert found.contribution == pytest.approx(math.log10(0.01))
    assert "Nepal" in found.reason and "India" in found.reason
    assert interview.assess().conclusion == "consular interview needed"


def test_the_same_document_recorded_twice_counts_once_at_its_strongest() -> None:
    interview = start(india())
    interview.record_document("passport", original=False, issuing_country="IN",
                              number="K1234567")
    interview.record_document("passport", original=True, issuing_country="IN",
                              number="k 1234567")
    (found,) = interview.assess().documents
    assert found.tier == "proof"


def test_the_mrz_fills_number_country_and_expiry_and_holds() -> None:
    interview = start(india())
    event = interview.record_document("passport", original=False, mrz=PASSPORT)
    assert (event.data["issuing_country"], event.data["number"], event.data["expires"]) == \
        ("IN", "K1234567", "2031-06-30")
    assert event.data["mrz"] == PASSPORT.split("\n")
    assert result(interview).outcome == "confirmed"


def test_a_wrong_check_digit_is_recorded_reported_and_not_counted() -> None:
    interview = start(india())
    interview.record_document("passport", original=True, mrz=mistyped(PASSPORT))
    found = result(interview)
    assert (found.outcome, found.contribution) == ("unconfirmed", 0.0)
    assert "date of birth" in found.reason and "altered" in found.reason


def test_an_mrz_that_cannot_be_read_records_nothing() -> None:
    interview = start(india())
    before = len(interview.events)
    with pytest.raises(engine.documents.MrzError):
        interview.record_document("passport", original=True, mrz=PASSPORT.lower())
    assert len(interview.events) == before


def test_the_mrz_against_the_answers_names_both_sides() -> None:
    interview = start(india())
    interview.answer("full_name", "Gurpreet Singh Sandhu")
    interview.answer("date_of_birth", "1995-03-10")
    interview.record_document("passport", original=True, mrz=NEPALI)
    messages = [c.message for c in interview.assess("en").contradictions
                if c.check == "document_mrz"]
    assert any("NPL" in m and "Nepal" in m and "India" in m for m in messages)
    assert any("GURUNG" in m for m in messages)
    assert any("1990-01-01" in m and "date of birth" in m for m in messages)


def test_an_mrz_that_agrees_with_the_answers_raises_no_inconsistency() -> None:
    interview = start(india())
    interview.answer("full_name", "Gurpreet Singh Sandhu")
    interview.record_document("passport", original=True, mrz=PASSPORT)
    assert not [c for c in interview.assess().contradictions if c.check == "document_mrz"]


@pytest.mark.parametrize(("fields", "words"), [
    ({"kind": "visa", "original": True}, "type"),
    ({"kind": "passport", "original": "yes"}, "original"),
    ({"kind": "passport", "original": True, "issuing_country": "India"}, "ISO code"),
    ({"kind": "passport", "original": True, "issued": "10/03/2020"}, "YYYY-MM-DD"),
    ({"kind": "passport", "original": True, "issued": "2099-01-01"}, "after today"),
    ({"kind": "passport", "original": True, "issued": "2020-01-01",
      "expires": "2019-01-01"}, "before it was issued"),
])
def test_a_field_that_cannot_be_recorded_is_named_and_nothing_recorded(
        fields: dict[str, object], words: str) -> None:
    interview = start(india())
    before = len(interview.events)
    with pytest.raises(InterviewError, match=words):
        interview.record_document(**fields)  # type: ignore[arg-type]
    assert len(interview.events) == before


def test_a_withdrawn_document_no_longer_counts_but_stays_in_the_log() -> None:
    interview = start(india())
    event = interview.record_document("passport", original=True, issuing_country="NP")
    interview.withdraw_document(event.data["document_id"], "recorded in the wrong interview")
    assert interview.documents == []
    assert interview.assess().documents == ()
    assert [e.kind for e in interview.events].count(EventKind.DOCUMENT_RECORDED) == 1
    with pytest.raises(InterviewError, match="no document"):
        interview.withdraw_document("nope", "typo")


def test_documents_come_back_from_the_record_and_a_broken_one_is_refused() -> None:
    interview = start(india())
    interview.record_document("passport", original=True, mrz=PASSPORT)
    again = engine.Interview.from_json(interview.to_json(), india())
    assert again.documents == interview.documents
    record = json.loads(interview.to_json())
    record["events"][-1]["data"]["type"] = "visa"
    with pytest.raises(InterviewRecordError, match="event #2"):
        engine.Interview.from_json(json.dumps(record), india())


def test_the_request_lists_the_documents_seen() -> None:
    interview = finish_india(screened_india(), close=False)
    interview.record_document("passport", original=True, mrz=PASSPORT)
    interview.close()
    request = build_request(interview, officer="A. López", language="en")
    (seen,) = request.documents
    assert (seen.type, seen.number, seen.tier, seen.mrz_checked, seen.file) == \
        ("passport", "K1234567", "proof", True, None)
    assert any(item.parameter.startswith("document.") for item in request.evidence.items)
    assert sum(item.contribution for item in request.evidence.items) == pytest.approx(
        request.evidence.log10_lr, abs=1e-3)


def test_names_in_another_script_and_a_failing_zone_are_not_compared() -> None:
    interview = finish_india(screened_india(), close=False)  # full name in Gurmukhi
    interview.record_document("passport", original=True, mrz=PASSPORT)
    messages = [c.message for c in interview.assess("en").contradictions
                if c.check == "document_mrz"]
    assert not any("name in its" in m for m in messages)
    assert any("date of birth" in m for m in messages)  # the answers give 1995-06-10
    again = start(india())
    again.answer("full_name", "Bikash Gurung")
    again.record_document("passport", original=True, mrz=mistyped(PASSPORT))
    assert not [c for c in again.assess().contradictions if c.check == "document_mrz"]
