"""``natid score``: a recorded interview assessed in a new process, as an officer runs it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from engine import Interview
from engine.loader import check_file
from tests.conftest import ROOT, run_natid
from tests.interview_support import HAITI_ANSWERS, answer_all, full_india, haiti, india, start


def written(folder: Path, interview: Interview, name: str = "interview.json") -> Path:
    path = folder / name
    path.write_text(interview.to_json(), encoding="utf-8")
    return path


NO_SCREENING = ("Protection: this interview has no protection screening; no request can be "
                "produced from it.")


def text_of(interview: Interview) -> str:
    """The assessment, then the protection line (these interviews have no screening)."""
    return "\n".join(interview.assess().explanation) + "\n" + NO_SCREENING + "\n"


def json_of(interview: Interview) -> Any:
    found = json.loads(json.dumps(interview.assess().to_dict(), ensure_ascii=False))
    closed = any(event.kind == "closed" for event in interview.events)
    found["protection"] = {"screened": False, "flags": [], "routes": [],
                           "request_obstacles": ["no_screening", *([] if closed else ["open"])]}
    return found


def test_text_output_is_the_assessment_of_the_record(tmp_path: Path) -> None:
    interview = full_india()
    interview.answer("district", "ahmedabad")  # a contradiction, in the officer's language
    code, out, err = run_natid("score", str(written(tmp_path, interview)))
    assert (code, err) == (0, "")
    assert out == text_of(interview)
    assert "Conclusion: consular interview needed." in out
    assert "El distrito indicado" in out


def test_the_protection_gate_is_shown_beside_the_assessment(tmp_path: Path) -> None:
    from tests.protection_support import finish_india, screened_india

    blocked = finish_india(screened_india({"wants_asylum": True}))
    code, out, err = run_natid("score", str(written(tmp_path, blocked)))
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == ("Protection: flags asylum_intent; no request now "
                                    "(protection); referral to asylum_authority.")
    clean = finish_india(screened_india())
    code, out, _ = run_natid("score", "--format", "json", str(written(tmp_path, clean, "c.json")))
    assert json.loads(out)["protection"] == {"screened": True, "flags": [], "routes": [],
                                             "request_obstacles": []}


def test_json_output_is_the_assessment_of_the_record(tmp_path: Path) -> None:
    interview = full_india()
    code, out, err = run_natid("score", str(written(tmp_path, interview)), "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == json_of(interview)
    assert json.loads(out)["conclusion"] == "presumption supported"


def test_a_haitian_record_is_scored_with_the_haitian_questionnaire(tmp_path: Path) -> None:
    interview = start(haiti(), interviewee="ht", officer_language="fr")
    answer_all(interview, HAITI_ANSWERS)
    path = written(tmp_path, interview)
    code, out, err = run_natid("score", str(path), "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == json_of(interview)
    assert json.loads(out)["country"] == "HT"
    code, out, _err = run_natid("score", str(path))
    assert code == 0 and out == text_of(interview)


def test_an_unfinished_and_a_closed_interview_are_scored_too(tmp_path: Path) -> None:
    unfinished = start(haiti(), interviewee="ht", officer_language="fr")
    unfinished.answer("nom", "Joseph")
    code, out, _err = run_natid("score", str(written(tmp_path, unfinished, "a.json")))
    assert code == 0 and out == text_of(unfinished)
    closed = full_india()
    closed.close("sent to the consulate")
    code, out, _err = run_natid("score", str(written(tmp_path, closed, "b.json")))
    assert code == 0 and out == text_of(closed)


def questionnaire_copy(folder: Path) -> Path:
    copy = folder / "in.yaml"
    copy.write_bytes((ROOT / "questionnaires" / "in.yaml").read_bytes())
    return copy


def test_a_questionnaire_file_can_be_named(tmp_path: Path) -> None:
    copy = questionnaire_copy(tmp_path)
    interview = full_india()
    path = written(tmp_path, interview)
    code, out, err = run_natid("score", str(path), "--questionnaire", str(copy),
                               "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == json_of(interview)


def test_a_changed_questionnaire_is_warned_about_on_stderr(tmp_path: Path) -> None:
    copy = questionnaire_copy(tmp_path)
    recorded_hash = check_file(copy).content_hash
    interview = Interview.start(india(), interviewee_language="pa",
                                officer_language="es", officer="A. López",
                                content_hash=recorded_hash)
    interview.answer("currency", "rupee")
    path = written(tmp_path, interview)
    code, out, err = run_natid("score", str(path), "--questionnaire", str(copy))
    assert (code, err) == (0, "")  # unchanged: no warning
    copy.write_bytes(copy.read_bytes() + b"\n# reviewed again\n")
    code, out, err = run_natid("score", str(path), "--questionnaire", str(copy))
    assert code == 0
    assert "warning" in err and "changed" in err and str(copy) in err
    assert out == text_of(interview)  # still scored, with the file as it is now
    assert "Traceback" not in err


def test_a_missing_record_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = run_natid("score", str(tmp_path / "nowhere.json"))
    assert code == 2
    assert out == ""
    assert err.startswith("natid: ") and "nowhere.json" in err
    assert "Traceback" not in err


def test_a_missing_questionnaire_is_a_usage_error(tmp_path: Path) -> None:
    path = written(tmp_path, full_india())
    code, _out, err = run_natid("score", str(path), "--questionnaire",
                                str(tmp_path / "nothing.yaml"))
    assert code == 2
    assert err.startswith("natid: ") and "Traceback" not in err


def hostile_records() -> dict[str, bytes]:
    good = json.loads(full_india().to_json())

    def changed(**edits: Any) -> bytes:
        record = json.loads(json.dumps(good))
        for key, value in edits.items():
            if key == "events":
                record["events"] = value(record["events"])
            else:
                record[key] = value
        return json.dumps(record).encode()

    def answer(parameter: str, value: Any) -> Any:
        return lambda events: [*events, {"kind": "answered", "at": events[-1]["at"],
                                         "officer": "A. López",
                                         "data": {"parameter": parameter, "value": value}}]

    haitian = start(haiti(), interviewee="ht", officer_language="fr")
    haitian.answer("nom", "Joseph")
    return {
        "not JSON": b"this is not JSON",
        "cut short": full_india().to_json().encode()[:500],
        "binary": bytes(range(256)),
        "an empty file": b"",
        "wrong format marker": changed(natid_interview=7),
        "no events": changed(events=lambda events: []),
        "first event not started": changed(events=lambda events: events[1:]),
        "unknown kind": changed(events=lambda events: [*events, {
            "kind": "teleported", "at": events[-1]["at"], "officer": "X", "data": {}}]),
        "unknown parameter": changed(events=answer("religion", "Sikh")),
        "wrong type of answer": changed(events=answer("age", "twenty-nine")),
        "huge number": changed(events=answer("age", 10**400)),
        "another country": haitian.to_json().replace('"country": "HT"',
                                                     '"country": "IN"', 1).encode(),
    }


HOSTILE = hostile_records()


@pytest.mark.parametrize("content", list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_corrupt_or_hostile_record_exits_1_with_one_line(tmp_path: Path,
                                                           content: bytes) -> None:
    path = tmp_path / "record.json"
    path.write_bytes(content)
    code, out, err = run_natid("score", str(path))
    assert code == 1, err
    assert out == ""
    assert err.startswith("natid: ")
    assert err.count("\n") == 1, err
    assert "Traceback" not in err and "internal error" not in err


def test_a_record_scored_with_another_countrys_questionnaire_exits_1(tmp_path: Path) -> None:
    path = written(tmp_path, full_india())
    code, out, err = run_natid("score", str(path), "--questionnaire",
                               str(ROOT / "questionnaires" / "ht.yaml"))
    assert code == 1
    assert out == "" and err.startswith("natid: ") and err.count("\n") == 1
    assert "Traceback" not in err
