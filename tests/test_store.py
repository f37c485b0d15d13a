"""The store on both backends: durable events, resume, the hash chain, retention.

Tests taking ``backend`` run on a SQLite file and on a PostgreSQL database of the test
server; the ones about files (permissions, damage, a full disk) are SQLite's own.
"""

from __future__ import annotations

import datetime
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from engine.interview import Event, EventKind
from engine.store import (
    StoreConflictError,
    StoreError,
    StoreSchemaError,
    UnknownInterviewError,
    open_store,
)
from engine.store.base import period_of
from engine.store.recorded import resume_recorded
from engine.store.sqlite import SQLiteStore, migrations
from tests.store_backends import Backend
from tests.store_helpers import INDIA, new_interview


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "natid.db"


def file_digest(path: Path) -> bytes:
    return path.read_bytes()


def test_events_are_stored_and_an_interview_resumes_exactly(backend: Backend) -> None:
    with backend.open() as store:
        interview = new_interview(store)
        interview.decline("father_name", "dont_know")
        interview.go_to("full_name")
    with backend.open() as store:
        again = resume_recorded(store, INDIA.unwrap(), interview.id)
        assert again.events == interview.events
        assert again.answers() == interview.answers()
        assert again.current() is not None
        assert again.current().id == "full_name"
        assert again.assess() == interview.assess()
        assert again.content_hash == INDIA.content_hash


def test_the_database_and_its_folder_are_private(db: Path) -> None:
    with open_store(db) as store:
        new_interview(store)
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    for companion in db.parent.glob("natid.db-*"):
        assert stat.S_IMODE(companion.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700


def test_interviews_are_listed_and_found_by_the_beginning_of_their_id(backend: Backend) -> None:
    with backend.open() as store:
        first, second = new_interview(store), new_interview(store, officer="B. Ruiz")
        second.close("the person was transferred", incomplete=True)
        assert {s.id for s in store.interviews("open")} == {first.id}
        closed = store.interviews("closed")
        assert [s.id for s in closed] == [second.id]
        assert closed[0].conclusion == second.assess().conclusion
        assert store.interview(first.id[:10]).id == first.id
        with pytest.raises(UnknownInterviewError):
            store.interview("zzzz")
        with pytest.raises(UnknownInterviewError):
            store.interview("%")  # a LIKE wildcard is a character, not "any id"
        assert sorted(store.counts()) == sorted([
            ("IN", "open", period_of(first.events[0].at), 1),
            ("IN", str(closed[0].conclusion), period_of(second.events[0].at), 1)])


def test_a_stale_interview_cannot_append_over_newer_events(backend: Backend) -> None:
    with backend.open() as store:
        interview = new_interview(store)
        other = resume_recorded(store, INDIA.unwrap(), interview.id)
        other.answer("father_name", "Harjit Singh")
        before = interview.events
        with pytest.raises(StoreConflictError):
            interview.answer("mother_name", "Kaur")
        assert interview.events == before  # nothing applied when the save failed
        assert [e.kind for e in store.events(interview.id)][-1] is EventKind.ANSWERED
        assert len(store.events(interview.id)) == len(other.events)


def test_an_interview_cannot_be_started_twice(backend: Backend) -> None:
    with backend.open() as store:
        interview = new_interview(store)
        with pytest.raises(StoreConflictError, match="already exists"):
            store.append(interview.id, interview.events[0])
        assert len(store.events(interview.id)) == len(interview.events)


def test_a_closed_interview_takes_no_more_events(backend: Backend) -> None:
    with backend.open() as store:
        interview = new_interview(store)
        interview.close("the person was transferred", incomplete=True)
        event = Event(EventKind.NOTED, interview.events[-1].at, "X", {"text": "late"})
        with pytest.raises(StoreError, match="is closed"):
            store.append(interview.id, event)
        audit = Event(EventKind.ROUTED, interview.events[-1].at, "X",
                      {"reason": "declared nationality"})
        assert store.append(interview.id, audit).seq == len(interview.events) + 1
        assert all(report.ok for report in store.verify())


@pytest.mark.parametrize(("statement", "words"), [
    ("UPDATE events SET kind = 'noted'", "append-only"),
    ("DELETE FROM events", "only by a purge"),
])
def test_events_cannot_be_changed_or_deleted_through_sql(backend: Backend, statement: str,
                                                         words: str) -> None:
    with backend.open() as store:
        new_interview(store)
    before = backend.sql("SELECT count(*) FROM events")
    with pytest.raises(Exception, match=words):
        backend.sql(statement)
    assert backend.sql("SELECT count(*) FROM events") == before


def change_a_byte(backend: Backend, seq: int = 2, at: int = 20) -> str:
    """A statement flipping one byte of an event's stored (encrypted) payload."""
    if backend.name == "postgresql":
        return (f"UPDATE events SET payload = set_byte(payload, {at}, "  # noqa: S608
                f"get_byte(payload, {at}) # 1) WHERE seq = {seq}")
    ((payload,),) = backend.sql(f"SELECT payload FROM events WHERE seq = {seq}")  # noqa: S608
    changed = bytearray(payload)
    changed[at] ^= 1
    return f"UPDATE events SET payload = x'{changed.hex()}' WHERE seq = {seq}"  # noqa: S608


@pytest.mark.parametrize(("sql", "broken_at", "words"), [
    ("change a name", 2, "changed"),
    ("DELETE FROM events WHERE seq = 3", 3, "missing"),
    ("UPDATE events SET seq = seq + 100 WHERE seq = 2", 2, "missing or out of order"),
    ("INSERT INTO events SELECT interview_id, 99, kind, at, payload, prev_hash, hash "
     "FROM events WHERE seq = 2", 5, "missing or out of order"),
    ("DELETE FROM events WHERE seq = 4", 4, "removed or added"),
])
def test_verify_names_the_first_event_that_breaks(backend: Backend, sql: str, broken_at: int,
                                                  words: str) -> None:
    with backend.open() as store:
        interview = new_interview(store)
        assert all(report.ok for report in store.verify())
    backend.tamper(change_a_byte(backend) if sql == "change a name" else sql)
    with backend.open() as store:
        (report,) = store.verify(interview.id)
    assert not report.ok
    assert report.broken_at == broken_at
    assert words in report.problem


def test_purge_deletes_closed_interviews_and_logs_it(backend: Backend) -> None:
    with backend.open() as store:
        kept, purged = new_interview(store), new_interview(store)
        purged.close("the person was transferred", incomplete=True)
        tomorrow = datetime.datetime.now(datetime.UTC).date() + datetime.timedelta(days=1)
        assert store.purge(tomorrow, officer="Supervisor", reason="retention 5 years") == [
            purged.id]
        assert [s.id for s in store.interviews()] == [kept.id]
        assert all(report.ok for report in store.verify())
        assert store.check_database() == []
    rows = backend.sql("SELECT interview_id, officer, reason FROM purges")
    assert rows == [(purged.id, "Supervisor", "retention 5 years")]
    assert backend.sql("SELECT DISTINCT interview_id FROM events") == [(kept.id,)]


NEWER = {"sqlite": "PRAGMA user_version = 99",
         "postgresql": "INSERT INTO natid_schema (version) VALUES (99)"}


def test_a_newer_schema_is_refused_and_left_alone(backend: Backend) -> None:
    with backend.open() as store:
        new_interview(store)
    backend.sql(NEWER[backend.name])
    before = backend.fingerprint()
    for create in (True, False):
        with pytest.raises(StoreSchemaError, match=r"written by a newer natid \(schema 99"):
            backend.open(create=create)
    with pytest.raises(StoreSchemaError, match="newer"):
        backend.open(upgrade=True)
    assert backend.fingerprint() == before


def test_migrations_are_numbered_from_one() -> None:
    numbers = [number for number, _ in migrations()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_another_sqlite_database_is_not_taken_for_a_store(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a natid store"):
        open_store(other)


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_file_gives_a_clear_error_and_is_not_changed(db: Path, damage: str) -> None:
    with open_store(db) as store:
        for _ in range(30):
            new_interview(store)
    for companion in db.parent.glob("natid.db-*"):
        companion.unlink()
    data = db.read_bytes()
    db.write_bytes(b"this is not a database" * 300 if damage == "garbage"
                   else data[: len(data) // 3])
    before = file_digest(db)
    with pytest.raises(StoreError) as caught:
        with open_store(db) as store:
            store.interviews()
            for summary in store.interviews():
                store.events(summary.id)
    assert "damaged" in caught.value.message or "not a natid store" in caught.value.message
    assert file_digest(db) == before


def test_an_unwritable_place_gives_a_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot create the database"):
        open_store("/proc/natid-test/natid.db")


def test_a_full_disk_loses_nothing_already_saved(db: Path) -> None:
    store = SQLiteStore(db)
    interview = new_interview(store)
    saved = interview.events
    pages = store._connection.execute("PRAGMA page_count").fetchone()[0]
    store._connection.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError, match="full"):
        for index in range(10_000):
            interview.note("x" * 2000 + str(index))
    last = interview.events
    store.close()
    with open_store(db) as reopened:
        assert reopened.events(interview.id) == last
        assert reopened.events(interview.id)[: len(saved)] == saved
        assert all(report.ok for report in reopened.verify())


def test_an_unknown_kind_of_url_is_refused_clearly() -> None:
    from engine.errors import UsageError

    with pytest.raises(UsageError, match="cannot open a 'mysql' store: give a postgresql://"):
        open_store("mysql://localhost/natid")


def test_the_store_location_follows_natid_db(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "elsewhere.db"
    monkeypatch.setenv("NATID_DB", str(target))
    with open_store() as store:
        assert store.interviews() == []
    assert target.exists()
    assert os.environ["NATID_DB"] == str(target)
