"""The PostgreSQL store's own cases: bad servers, URLs, and connections lost mid-interview.

Everything here runs against the real server the test suite starts
(tests/postgres_server.py); nothing is mocked.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from engine.store import StoreConnectionError, StoreSchemaError, open_store, schema
from engine.store.pg_connection import redact
from tests.conftest import run_natid
from tests.postgres_server import LOCKED_PASSWORD, LOCKED_ROLE, PostgresServer
from tests.store_backends import Backend
from tests.store_helpers import new_interview


@pytest.fixture
def pg(postgres_url: str) -> Backend:
    return Backend("postgresql", postgres_url)


def bad_location(problem: str, postgres: PostgresServer, url: str) -> str:
    """A URL that fails in the way named."""
    socket = postgres.socket
    if problem == "unreachable":
        return "postgresql://natid@/natid?host=/nonexistent-socket-folder&connect_timeout=3"
    if problem == "unreachable host":
        return "postgresql://natid@127.0.0.1:1/natid?connect_timeout=3"
    if problem == "wrong password":
        return f"postgresql://{LOCKED_ROLE}:not-the-{LOCKED_PASSWORD}@/postgres?host={socket}"
    if problem == "unknown role":
        return f"postgresql://nobody_here@/postgres?host={socket}"
    if problem == "missing database":
        return postgres.url("no_such_natid_database")
    return url  # an empty database: no natid schema


PROBLEMS = {
    "unreachable": "cannot reach the database server",
    "unreachable host": "cannot reach the database server",
    "wrong password": f"refused the password of role {LOCKED_ROLE}",
    "unknown role": "has no role nobody_here",
    "missing database": "has no database 'no_such_natid_database'",
    "no schema": "has no natid schema yet",
}


@pytest.mark.parametrize("problem", PROBLEMS)
def test_a_bad_server_gives_one_clear_error_and_writes_nothing(
        problem: str, postgres: PostgresServer, pg: Backend) -> None:
    location = bad_location(problem, postgres, pg.location)
    error_type = StoreSchemaError if problem == "no schema" else StoreConnectionError
    with pytest.raises(error_type, match=PROBLEMS[problem]) as caught:
        open_store(location, create=False)
    assert "\n" not in caught.value.message
    assert LOCKED_PASSWORD not in caught.value.message
    assert pg.fingerprint() == ([], [])  # the empty database stayed empty


@pytest.mark.parametrize("problem", [*PROBLEMS, "newer schema"])
def test_a_bad_server_exits_3_with_one_line_from_every_command(
        problem: str, postgres: PostgresServer, pg: Backend) -> None:
    location = bad_location(problem, postgres, pg.location)
    if problem == "newer schema":
        with pg.open() as store:
            new_interview(store)
        pg.sql("INSERT INTO natid_schema (version) VALUES (7)")
    before = pg.fingerprint()
    for command in (["interviews", "list"], ["verify"], ["db", "status"]):
        code, out, err = run_natid(*command, "--db", location)
        assert code == 3, err
        assert err.startswith("natid: ")
        assert len(err.strip().splitlines()) == 1, err
        assert "Traceback" not in err
        assert LOCKED_PASSWORD not in err + out
    assert pg.fingerprint() == before


def test_an_empty_database_gets_the_schema_on_first_use(pg: Backend) -> None:
    with pg.open() as store:
        assert store.schema_found == 0
        assert store.schema_version == schema.latest("postgresql")
        new_interview(store)
    assert pg.sql("SELECT version FROM natid_schema ORDER BY version") == [
        (number,) for number in range(1, schema.latest("postgresql") + 1)]
    with pg.open(create=False) as store:
        assert len(store.interviews()) == 1


def test_another_programs_tables_are_not_taken_for_a_store(pg: Backend) -> None:
    pg.sql("CREATE TABLE interviews (x integer)")
    with pytest.raises(StoreSchemaError, match="not a natid store"):
        pg.open()


def test_the_password_never_shows_in_messages() -> None:
    assert redact("postgresql://clerk:s3cret@db.example/natid") == (
        "postgresql://clerk:***@db.example/natid")
    assert redact("postgresql:///natid?host=/run&password=s3cret") == (
        "postgresql:///natid?host=/run&password=***")
    with pytest.raises(StoreConnectionError) as caught:
        open_store("postgresql://clerk:s3cret@/natid?host=/nonexistent-folder")
    assert "s3cret" not in caught.value.message
    assert "clerk:***@" in caught.value.message


# Connections lost in the middle of an interview ----------------------------------------


def cut_connections(pg: Backend) -> int:
    """End every other session on the database, as a server restart or network cut would."""
    rows = pg.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                  "WHERE datname = current_database() AND pid <> pg_backend_pid()")
    return len(rows)


def test_a_connection_lost_between_answers_is_made_again(pg: Backend) -> None:
    with pg.open() as store:
        interview = new_interview(store)
        assert cut_connections(pg) == 1
        interview.answer("father_name", "Harjit Singh")  # reconnects and saves
        assert cut_connections(pg) == 1
        assert len(store.interviews()) == 1  # a read reconnects too
        assert store.events(interview.id) == interview.events
        assert all(report.ok for report in store.verify())


def test_a_connection_lost_inside_an_append_leaves_nothing_half_and_is_retried(
        pg: Backend) -> None:
    import psycopg

    with pg.open() as store:
        interview = new_interview(store)
        count = len(interview.events)
        holder = psycopg.connect(pg.location)  # holds the interview's row: the append waits
        holder.execute("SELECT 1 FROM interviews WHERE id = %s FOR UPDATE", (interview.id,))
        outcome: list[Any] = []
        writer = threading.Thread(target=lambda: outcome.append(
            interview.answer("father_name", "Harjit Singh")))
        writer.start()
        waiting = wait_for(pg, "SELECT pid FROM pg_stat_activity WHERE wait_event_type = "
                               "'Lock' AND datname = current_database()")
        pg.sql(f"SELECT pg_terminate_backend({waiting[0][0]})")  # cut inside the transaction
        time.sleep(0.2)
        holder.rollback()  # the retry on a new connection gets the row now
        holder.close()
        writer.join(timeout=30)
        assert outcome, "the answer was not saved after the connection came back"
        stored = store.events(interview.id)
        assert len(stored) == count + 1
        assert stored == interview.events
        assert all(report.ok for report in store.verify())


def test_a_server_that_cannot_be_reached_again_is_reported_and_nothing_is_applied(
        pg: Backend, postgres: PostgresServer) -> None:
    name = pg.location.split("@/", 1)[1].split("?", 1)[0]
    with pg.open() as store:
        interview = new_interview(store)
        before = interview.events
        with postgres.admin() as admin:
            admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
            try:
                cut_connections_as(admin, name)
                with pytest.raises(StoreConnectionError, match="NOT saved") as caught:
                    interview.answer("father_name", "Harjit Singh")
                assert "\n" not in caught.value.message
                assert interview.events == before  # the interview did not move on
            finally:
                admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")
        interview.answer("father_name", "Harjit Singh")  # the officer repeats it: saved once
        assert store.events(interview.id) == interview.events
        assert len(interview.events) == len(before) + 1
        assert all(report.ok for report in store.verify())


def cut_connections_as(admin: Any, database: str) -> None:
    admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                  (database,))


def wait_for(pg: Backend, query: str, seconds: float = 20) -> list[tuple[Any, ...]]:
    """Poll until the query returns rows."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        rows = pg.sql(query)
        if rows:
            return rows
        time.sleep(0.02)
    raise AssertionError(f"nothing came of {query!r}")


# What an interview produces, from the shared store --------------------------------------


def test_request_referral_and_their_audit_events_work_on_the_shared_store(
        pg: Backend, tmp_path: Path) -> None:
    from tests.protection_support import finish_india, screened_india

    with pg.open() as store:
        clean = finish_india(screened_india(None, store=store))
        protected = finish_india(screened_india({"fear_of_return": True}, store=store))
    target = tmp_path / "request.json"
    code, _, err = run_natid("request", clean.id[:10], "--db", pg.location, "--officer",
                             "B. Ruiz", "--format", "json", "-o", str(target))
    assert code == 0, err
    code, out, err = run_natid("verify", "--request", str(target), "--db", pg.location)
    assert code == 0, err
    assert "matches the stored interview" in out
    code, _, err = run_natid("request", protected.id, "--db", pg.location, "--officer",
                             "B. Ruiz", "--format", "json", "-o", str(tmp_path / "no.json"))
    assert code == 4, err
    code, _, err = run_natid("referral", protected.id, "--db", pg.location, "--officer",
                             "B. Ruiz")
    assert code == 0, err
    kinds = pg.sql("SELECT interview_id, kind FROM events WHERE seq = (SELECT max(seq) "
                   "FROM events e WHERE e.interview_id = events.interview_id)")
    assert dict(kinds) == {clean.id: "request_prepared", protected.id: "referral_prepared"}
    code, out, _ = run_natid("verify", "--db", pg.location)
    assert code == 0
    assert "2 interviews checked: 2 intact, 0 broken" in out


class CommitCutter:
    """A unix-socket relay to the server that, once armed, drops the client right after
    passing a COMMIT on: the server commits, the client never hears that it did."""

    def __init__(self, server: PostgresServer, folder: Path) -> None:
        import socket

        self.target = str(server.socket / ".s.PGSQL.5432")
        self.folder = folder
        self.armed = threading.Event()
        self.cut = threading.Event()
        self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._listener.bind(str(folder / ".s.PGSQL.5432"))
        self._listener.listen(8)
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, database_url: str) -> str:
        return database_url.split("?", 1)[0] + f"?host={self.folder}"

    def _accept(self) -> None:
        import socket

        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            upstream.connect(self.target)
            this_one = threading.Event()
            threading.Thread(target=self._pump, args=(client, upstream, True, this_one),
                             daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False, this_one),
                             daemon=True).start()

    def _pump(self, source: Any, sink: Any, from_client: bool, cut: threading.Event) -> None:
        import contextlib

        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                cutting = from_client and b"COMMIT" in data and self.armed.is_set()
                if cutting:
                    self.armed.clear()
                    cut.set()  # from now on nothing reaches this client
                    self.cut.set()
                if not from_client and cut.is_set():
                    break
                sink.sendall(data)
                if cutting:
                    time.sleep(0.3)  # the server commits meanwhile
                    break
        for end in (source, sink):
            with contextlib.suppress(OSError):
                end.close()

    def close(self) -> None:
        self._listener.close()


def test_an_answer_whose_commit_reply_was_lost_is_found_not_written_twice(
        pg: Backend, postgres: PostgresServer, tmp_path: Path) -> None:
    relay = CommitCutter(postgres, tmp_path)
    try:
        with open_store(relay.url(pg.location)) as store:
            interview = new_interview(store)
            relay.armed.set()
            interview.answer("father_name", "Harjit Singh")  # committed, reply cut off
            assert relay.cut.is_set()
            assert store.events(interview.id) == interview.events
        assert pg.sql("SELECT count(*) FROM events") == [(len(interview.events),)]
        with pg.open() as store:
            assert all(report.ok for report in store.verify())
    finally:
        relay.close()
