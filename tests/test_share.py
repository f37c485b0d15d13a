"""Sharing an interview with a consulate: the gate, the allow-list, the inbox, the log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from engine.assessment.outcomes import CONFIRMED, CONTRADICTED, UNCONFIRMED
from engine.interview import InterviewError
from engine.interview.events import EventKind
from engine.share import ConsularFile, Share, ShareError, ShareRefusedError
from engine.store import Store, open_store
from tests.interview_support import india
from tests.protection_support import screened_india

CONSULATE = "eoi_mexico_city"
HIDDEN_NOTE = "NOTE-NEVER-SHARED-4f1c"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with open_store(tmp_path / "natid.db") as opened:
        yield opened


def shared_interview(store: Store) -> str:
    """A screened India interview with answers, a note and a consulate item answered."""
    interview = screened_india(store=store)
    interview.answer("full_name", "Gurpreet Singh Sandhu")
    interview.answer("other_names", "Gopi")
    interview.note(HIDDEN_NOTE)
    return interview.id


def open_share(store: Store, interview_id: str, tmp_path: Path) -> Share:
    return Share.open(store, india(), interview_id, consulate_id=CONSULATE, officer="A. López",
                      address="127.0.0.1:8123", folder=tmp_path)


def test_a_flagged_interview_is_refused_and_the_refusal_is_logged(store: Store,
                                                                  tmp_path: Path) -> None:
    interview = screened_india({"fear_of_return": True}, store=store)
    with pytest.raises(ShareRefusedError) as refused:
        open_share(store, interview.id, tmp_path)
    assert refused.value.code == "NATID-E075"
    assert "protection" in [obstacle.reason for obstacle in refused.value.reasons]
    last = store.events(interview.id)[-1]
    assert last.kind is EventKind.SHARE_REFUSED
    assert last.data["consulate"] == CONSULATE and "protection" in last.data["reasons"]
    assert list(tmp_path.glob("natid-share-*")) == []  # no share file was written


def test_an_unfinished_screening_is_refused_too(store: Store, tmp_path: Path) -> None:
    from engine.store.recorded import start_recorded

    interview = start_recorded(store, india(), interviewee_language="pa",
                               officer_language="es", officer="A. López")
    with pytest.raises(ShareRefusedError):
        open_share(store, interview.id, tmp_path)


def test_an_unknown_consulate_is_named_with_a_suggestion(store: Store, tmp_path: Path) -> None:
    interview_id = shared_interview(store)
    with pytest.raises(ShareError, match="eoi_mexico_city"):
        Share.open(store, india(), interview_id, consulate_id="eoi_mexico", officer="A. López",
                   address="x", folder=tmp_path)


def test_the_share_file_holds_only_the_allow_listed_items(store: Store, tmp_path: Path) -> None:
    interview_id = shared_interview(store)
    share = open_share(store, interview_id, tmp_path)
    raw = b"".join(path.read_bytes() for path in share.path.parent.iterdir())
    for secret in (HIDDEN_NOTE, "screening.", "fear_of_return", "wants_asylum",
                   "declared_nationality", "A. López", "Tapachula"):
        assert secret.encode() not in raw, secret
    view = ConsularFile(share.path).view()
    assert view is not None
    ids = [question["id"] for question in view["questions"]]
    assert ids[:2] == ["full_name", "other_names"]
    first = view["questions"][0]
    assert first["answer"] == "Gurpreet Singh Sandhu" and first["consulate_item"]
    assert first["consulate_prompt"] != first["person_prompt"]  # English and Punjabi
    assert view["languages"] == {"consulate": "en", "person": "pa"}
    assert view["rule"]["required"] == 5
    assert set(view) == {"version", "share", "interview", "country", "consulate", "languages",
                         "current", "questions", "documents", "rule", "events"}
    share.stop("test over")


def test_the_consular_side_may_only_add_to_the_inbox(store: Store, tmp_path: Path) -> None:
    share = open_share(store, shared_interview(store), tmp_path)
    consular = ConsularFile(share.path)
    for statement in ("UPDATE view SET body = '{}'", "DELETE FROM inbox",
                      "INSERT INTO replies VALUES (1, 1, 'x')", "DROP TABLE view",
                      f"ATTACH DATABASE '{tmp_path / 'natid.db'}' AS main_store",
                      "PRAGMA journal_mode=DELETE"):
        with pytest.raises(sqlite3.DatabaseError):
            consular._db.execute(statement)
    assert consular.send("finding", {"parameter": "full_name"}) == 1
    consular.close()
    share.stop("test over")


def test_a_consular_finding_becomes_an_event_attributed_to_the_consulate(
        store: Store, tmp_path: Path) -> None:
    interview_id = shared_interview(store)
    share = open_share(store, interview_id, tmp_path)
    consular = ConsularFile(share.path)
    session = consular.send("session", {"session": "s1", "state": "connected",
                                        "address": "127.0.0.1"})
    confirmed = consular.send("finding", {"parameter": "full_name", "outcome": "confirmed",
                                          "reason": "matches our passport records",
                                          "name": "R. Sharma"})
    refused = consular.send("finding", {"parameter": "currency", "outcome": "confirmed",
                                        "reason": "x", "name": "R. Sharma"})
    assert share.sync()
    replies = consular.replies()
    assert replies[session][0] and replies[confirmed][0]
    assert not replies[refused][0] and "currency" in replies[refused][1]
    events = store.events(interview_id)
    finding = next(event for event in events if event.kind is EventKind.CONSULAR_FINDING)
    assert finding.officer == "Embassy of India, Mexico City: R. Sharma"
    assert finding.data == {"parameter": "full_name", "outcome": "confirmed",
                            "reason": "matches our passport records"}
    assert any(event.kind is EventKind.CONSULAR_SESSION and event.data["state"] == "connected"
               for event in events)
    # It counts in the officer's assessment, and the consulate sees its own finding.
    assessment = share.interview.assess("en")
    outcome = next(p for p in assessment.parameters if p.parameter == "full_name")
    assert outcome.outcome == CONFIRMED and "R. Sharma" in outcome.reason
    view = consular.view()
    assert view is not None and view["questions"][0]["finding"]["outcome"] == "confirmed"
    share.stop("stopped by the officer")
    kinds = [event.kind for event in store.events(interview_id)][-2:]
    assert kinds == [EventKind.CONSULAR_SESSION, EventKind.SHARE_STOPPED]
    assert not share.path.exists()
    consular.close()


def test_closing_the_interview_stops_the_share(store: Store, tmp_path: Path) -> None:
    interview_id = shared_interview(store)
    share = open_share(store, interview_id, tmp_path)
    from engine.store.recorded import resume_recorded

    interview = resume_recorded(store, india(), interview_id)
    interview.close("the person was transferred", incomplete=True)
    assert not share.sync()
    assert share.stopped == "closed"
    view = ConsularFile(share.path).view()
    assert view == {"version": 1, "stopped": True, "share": share.share_id}
    share.stop("")
    assert store.events(interview_id)[-1].data["reason"] == "closed"


def test_a_flag_raised_after_the_share_began_withdraws_the_view(store: Store,
                                                                tmp_path: Path) -> None:
    interview_id = shared_interview(store)
    share = open_share(store, interview_id, tmp_path)
    from engine.store.recorded import resume_recorded

    interview = resume_recorded(store, india(), interview_id)
    interview.answer("screening.fear_of_return", True)
    assert not share.sync()
    assert share.stopped == "protection"
    raw = b"".join(path.read_bytes() for path in share.path.parent.iterdir())
    assert b"Gurpreet" not in ConsularFile(share.path)._db.execute(
        "SELECT body FROM view").fetchone()[0].encode()
    assert raw  # the file remains until stop() removes it
    share.stop("")


def test_the_engine_keeps_consular_findings_to_consulate_items() -> None:
    interview = screened_india()
    interview.answer("full_name", "Gurpreet Singh Sandhu")
    interview.answer("currency", "rupaya")
    with pytest.raises(InterviewError):
        interview.record_consular_finding("currency", "confirmed", "x",
                                          consulate="Embassy", name="R. Sharma")
    with pytest.raises(InterviewError):
        interview.verify("full_name", "confirmed", "seen")  # only the consulate can
    with pytest.raises(InterviewError):
        interview.record_consular_finding("full_name", "confirmed", "records",
                                          consulate="Embassy", name=" ")
    interview.record_consular_finding("full_name", "contradicted", "no such record",
                                      consulate="Embassy", name="R. Sharma")
    outcome = next(p for p in interview.assess("en").parameters if p.parameter == "full_name")
    assert outcome.outcome == CONTRADICTED
    resumed = type(interview).resume(india(), interview.events)
    assert resumed.state.parameters["full_name"].consular is not None
    interview.answer("full_name", "Gurpreet Singh")  # a finding is about the answer it was on
    outcome = next(p for p in interview.assess("en").parameters if p.parameter == "full_name")
    assert outcome.outcome == UNCONFIRMED
