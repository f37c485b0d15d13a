"""Roles and the access log: who may read a person's data, and every read recorded.

On one laptop the role is configured (NATID_ROLE); on PostgreSQL the database itself
refuses, with the group roles and row-level security 'natid db upgrade' sets up.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from engine.store import UnknownInterviewError, open_store
from engine.store.access import RoleRefusedError
from engine.store.base import StoreError
from tests.conftest import run_natid
from tests.store_helpers import INDIA, new_interview


@pytest.fixture
def stored(tmp_path: Path) -> tuple[str, str]:
    db = str(tmp_path / "natid.db")
    with open_store(db) as store:
        interview = new_interview(store)
    return db, interview.id


def test_every_read_of_a_persons_data_is_logged_and_audit_lists_it(
        stored: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    db, ident = stored
    assert run_natid("interviews", "show", ident, "--db", db)[0] == 0
    assert run_natid("interviews", "export", ident, "--db", db)[0] == 0
    assert run_natid("documents", "list", ident, "--db", db)[0] == 0
    assert run_natid("interviews", "list", "--db", db)[0] == 0  # no personal data: not logged
    assert run_natid("verify", "--db", db)[0] == 0
    monkeypatch.setenv("NATID_ROLE", "auditor")
    code, out, err = run_natid("audit", "--format", "json", "--db", db)
    assert code == 0, err
    rows = json.loads(out)
    assert [(row["command"], row["outcome"], row["interview_id"]) for row in rows] == [
        ("interviews show", "read", ident), ("interviews export", "read", ident),
        ("documents list", "read", ident)]
    assert all(row["role"] == "officer" and row["who"] and row["at"] for row in rows)
    code, out, _ = run_natid("audit", "--interview", ident[:8], "--db", db)
    assert code == 0 and out.count(ident) == 3


def test_an_auditor_verifies_but_never_decrypts_and_the_refusal_is_logged(
        stored: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    db, ident = stored
    monkeypatch.setenv("NATID_ROLE", "auditor")
    code, out, err = run_natid("verify", "--db", db)
    assert code == 0, err
    assert "1 intact" in out
    for command in (["interviews", "show", ident], ["interviews", "export", ident],
                    ["request", ident, "--officer", "X"], ["documents", "list", ident]):
        code, out, err = run_natid(*command, "--db", db)
        assert code == 2, err
        assert "the auditor role may not" in err and "Traceback" not in err
        assert "Gurpreet" not in out
    with open_store(db) as store:
        with pytest.raises(RoleRefusedError):
            store.events(ident)  # refused by the store too, not only by the commands
        refusals = [row for row in store.access_log() if row["outcome"] == "refused"]
    assert len(refusals) == 5
    assert {row["role"] for row in refusals} == {"auditor"}


def test_the_statistics_role_runs_stats_only(stored: tuple[str, str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    db, ident = stored
    monkeypatch.setenv("NATID_ROLE", "statistics")
    code, _, err = run_natid("stats", "--db", db, "--format", "json")
    assert "may not" not in err
    for command in (["verify"], ["audit"], ["interviews", "list"],
                    ["interviews", "show", ident]):
        code, _, err = run_natid(*command, "--db", db)
        assert code == 2 and "the statistics role may not" in err, command
    monkeypatch.setenv("NATID_ROLE", "officer")
    code, _, err = run_natid("audit", "--db", db)
    assert code == 2 and "the officer role may not run 'natid audit'" in err
    monkeypatch.setenv("NATID_ROLE", "consul")
    code, _, err = run_natid("interviews", "show", ident, "--db", db)
    assert code == 2 and "not a role" in err


# PostgreSQL: the database enforces the roles ---------------------------------------------

_logins = itertools.count(1)


def _login(postgres, url: str, group: str, office: str | None = None) -> str:
    import os

    name = f"natid_t{os.getpid()}_{next(_logins)}"
    database = url.split("@/", 1)[1].split("?", 1)[0]
    with postgres.admin(database) as connection:
        connection.execute(f"CREATE ROLE {name} LOGIN IN ROLE {group}")
        if office is not None:
            connection.execute("INSERT INTO natid_logins VALUES (%s, %s)", (name, office))
    return postgres.url(database, user=name)


def _start(url: str, office: str) -> str:
    from engine.store.recorded import start_recorded

    with open_store(url) as store:
        interview = start_recorded(store, INDIA.unwrap(), interviewee_language="pa",
                                   officer_language="es", officer="A. López",
                                   content_hash=INDIA.content_hash, office=office)
        interview.answer("full_name", "Gurpreet Singh")
        return interview.id


def test_postgresql_roles_and_offices_are_enforced_by_the_database(
        postgres, postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import psycopg

    code, out, err = run_natid("db", "upgrade", "--db", postgres_url)
    assert code == 0, err
    assert "row-level security per office in place" in out
    assert run_natid("init", "--db", postgres_url)[0] == 0
    tapachula = _login(postgres, postgres_url, "natid_officer", "Tapachula")
    tijuana = _login(postgres, postgres_url, "natid_officer", "Tijuana")
    statistics = _login(postgres, postgres_url, "natid_statistics")
    auditor = _login(postgres, postgres_url, "natid_auditor")
    mine, theirs = _start(tapachula, "Tapachula"), _start(tijuana, "Tijuana")

    with open_store(tapachula) as store:
        assert [summary.id for summary in store.interviews()] == [mine]
        assert len(store.events(mine)) == 2
        with pytest.raises(UnknownInterviewError):
            store.events(theirs)
        assert store.stored_events(theirs) == []
    with pytest.raises(StoreError):  # an officer cannot record for another office
        _start(tapachula, "Tijuana")

    # Statistics: the database refuses the events, whatever natid is told.
    with psycopg.connect(statistics, autocommit=True) as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("SELECT payload FROM events")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("SELECT wrapped FROM data_keys")
        assert connection.execute("SELECT count(*) FROM interview_stats").fetchone() == (2,)
    monkeypatch.setenv("NATID_ROLE", "officer")  # a laptop setting cannot lift it
    with open_store(statistics) as store, pytest.raises(StoreError, match="may not read"):
        store.stored_events(mine)

    # Auditor: every chain verifies, but no data key can be read.
    monkeypatch.setenv("NATID_ROLE", "auditor")
    with open_store(auditor) as store:
        assert [report.ok for report in store.verify()] == [True, True]
    with psycopg.connect(auditor, autocommit=True) as connection, \
            pytest.raises(psycopg.errors.InsufficientPrivilege):
        connection.execute("SELECT wrapped FROM data_keys")
    code, out, err = run_natid("audit", "--db", auditor)
    assert code == 0, err
    assert mine in out
