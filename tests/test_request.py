"""The certificate request: its content, its schema, its renderings, and verification."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from engine.interview.events import EventKind
from engine.protection import record_best_interests
from engine.render import render_pdf, render_text
from engine.request.build import build_request
from engine.request.layouts import REQUEST_FILE, referral_layout, request_layout
from engine.request.referral import build_referral
from engine.request.verify import RequestMismatchError, check_request, read_request
from engine.schema import committed_schema
from tests.protection_support import NAMES, finish_india, screened_india

FORBIDDEN = re.compile(
    r"asyl|asile|refug|réfugi|traffick|trata\b|traite|tráfico|fear|miedo|peur|medo|"
    r"screening|persecut|criminal|delito|crime|wants_asylum|fear_of_return|"
    r"protection_elsewhere|documents_held_by_other|owes_debt|free_to_leave|threatened",
    re.IGNORECASE)
"""What must never appear in anything addressed to a consulate (DESIGN §4 and §6)."""


def clean_request(language: str | None = None, **screening: object):  # type: ignore[no-untyped-def]
    interview = finish_india(screened_india(dict(screening)))
    return interview, build_request(interview, officer="B. Ruiz", language=language)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "request.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout


def test_the_request_is_addressed_to_the_consulate_serving_the_interviewing_country() -> None:
    _, request = clean_request()
    assert request.addressee.consulate_id == "eoi_mexico_city"
    assert request.addressee.address is not None and "Musset 325" in request.addressee.address
    assert request.interviewing_country == "MX"
    guatemala = build_request(finish_india(screened_india(country="GT")), officer="B. Ruiz")
    assert guatemala.addressee.consulate_id == "eoi_guatemala"


def test_the_request_carries_names_in_their_script_the_evidence_and_the_items() -> None:
    interview, request = clean_request()
    values = {item.parameter: item.value for item in request.particulars}
    assert values["full_name"] == NAMES["full_name"]
    assert values["father_name"] == NAMES["father_name"]
    assert values["state"] == "Punjab"          # a choice shown by its label
    assert values["sex"] == "Male"             # the one screening answer a request carries
    labels = {item.parameter: item.label for item in request.particulars}
    assert labels["full_name"] == "Full name"  # the short label, in the consulate's language
    assert request.evidence.rule_met
    assert request.evidence.conclusion == interview.assess().conclusion
    assert {item.parameter for item in request.to_verify} >= {"full_name", "father_name"}
    assert request.integrity.events == len(interview.events) - 1
    assert interview.events[-1].kind is EventKind.REQUEST_PREPARED
    assert interview.events[-1].data["sha256"] == request.integrity.sha256


def test_an_estimated_date_of_birth_is_marked() -> None:
    interview = screened_india()
    answers = {"date_of_birth": "1995"}
    from tests.interview_support import INDIA_ANSWERS

    while (question := interview.current()) is not None:
        interview.answer(question.id, answers.get(question.id, INDIA_ANSWERS[question.id]))
    interview.close()
    request = build_request(interview, officer="B. Ruiz")
    birth = next(item for item in request.particulars if item.parameter == "date_of_birth")
    assert birth.estimated


def test_the_request_json_follows_its_committed_schema() -> None:
    _, request = clean_request()
    schema = committed_schema("request")
    errors = list(Draft202012Validator(schema).iter_errors(
        json.loads(request.model_dump_json())))
    assert errors == []
    broken = json.loads(request.model_dump_json())
    del broken["addressee"]
    assert list(Draft202012Validator(schema).iter_errors(broken))


@pytest.mark.parametrize("language", ["en", "es", "fr", "pt"])
def test_nothing_about_protection_reaches_any_rendering(language: str, tmp_path: Path) -> None:
    interview = finish_india(screened_india({"age": 15, "travelling_with": "alone",
                                             "urgent_health": True}))
    record_best_interests(interview, authority="PPNNA Chiapas", reference="PPNNA-0412",
                          officer="C. Díaz")
    request = build_request(interview, officer="B. Ruiz", language=language)
    layout = request_layout(request)
    renderings = {
        "json": request.model_dump_json(),
        "text": render_text(layout),
        "pdf": pdf_text(render_pdf(layout), tmp_path),
        "attached json": layout.attachments[REQUEST_FILE].decode("utf-8"),
    }
    for name, text in renderings.items():
        found = FORBIDDEN.search(text)
        assert found is None, f"{name} ({language}) says {found.group(0)!r}"
    assert "PPNNA-0412" in renderings["text"]  # the child's route is there, without narrative


def test_the_pdf_shows_the_names_in_devanagari_and_gurmukhi_and_the_address(
        tmp_path: Path) -> None:
    _, request = clean_request()
    text = pdf_text(render_pdf(request_layout(request)), tmp_path)
    assert NAMES["full_name"] in text     # Gurmukhi
    assert NAMES["father_name"] in text   # Devanagari
    assert "Embassy of India, Mexico City" in text
    assert "Musset 325" in text
    assert request.integrity.sha256 in text.replace("\n", " ")


def test_the_referral_is_never_addressed_to_a_consulate(tmp_path: Path) -> None:
    interview = finish_india(screened_india({"wants_asylum": True}))
    referral = build_referral(interview, officer="B. Ruiz", language="es")
    text = render_text(referral_layout(referral))
    assert "Autoridad" in text or "asilo" in text.lower()
    assert "consulado" in referral.notice.lower() or "consul" in referral.notice.lower()
    assert "Embassy of India" not in text
    answers = {item.parameter: item.answer for item in referral.screening}
    assert answers["wants_asylum"] in ("sí", "Sí", "yes")


def test_verify_accepts_the_request_as_produced_in_json_and_pdf() -> None:
    interview, request = clean_request()
    events = interview.events
    as_json = read_request(request.model_dump_json().encode())
    assert check_request(as_json, interview.questionnaire, events,
                         screening=interview.screening) == []
    as_pdf = read_request(render_pdf(request_layout(request)))
    assert as_pdf == request
    assert check_request(as_pdf, interview.questionnaire, events,
                         screening=interview.screening) == []


def test_verify_finds_a_changed_name_another_interview_and_a_request_never_produced() -> None:
    interview, request = clean_request()
    data = json.loads(request.model_dump_json())
    data["particulars"][0]["value"] = "Someone Else"
    changed = read_request(json.dumps(data).encode())
    problems = check_request(changed, interview.questionnaire, interview.events,
                             screening=interview.screening)
    assert problems == ["the request was changed after natid produced it"]
    data = json.loads(request.model_dump_json())
    data["prepared_by"] = "Someone Else"  # fields the events do not hold are covered too
    assert check_request(read_request(json.dumps(data).encode()), interview.questionnaire,
                         interview.events, screening=interview.screening) == [
        "the request was changed after natid produced it"]
    other, _ = clean_request()
    assert check_request(request, other.questionnaire, other.events,
                         screening=other.screening)[0].startswith("the request belongs to")
    unrecorded = finish_india(screened_india())
    forged = build_request(unrecorded, officer="B. Ruiz", record=False)
    assert "the interview has no record of natid producing this request" in check_request(
        forged, unrecorded.questionnaire, unrecorded.events, screening=unrecorded.screening)


@pytest.mark.parametrize("data", [b"", b"{}", b"not json", b"%PDF-1.7 broken",
                                  b'{"format_version": 1}'])
def test_a_file_that_is_not_a_request_is_said_so(data: bytes) -> None:
    with pytest.raises(RequestMismatchError) as error:
        read_request(data)
    assert error.value.code == "NATID-E072"
