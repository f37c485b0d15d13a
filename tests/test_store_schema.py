"""Schema versions on both backends: ordered migrations, upgrades, and failed upgrades."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from engine.store import StoreSchemaError, schema
from tests.conftest import run_natid
from tests.store_backends import Backend
from tests.store_helpers import new_interview

SHIPPED = schema.latest("sqlite")
"""The newest schema natid ships; the tests make a newer natid know one more."""
NEXT = SHIPPED + 1
VERSION = {"sqlite": "PRAGMA user_version",
           "postgresql": "SELECT max(version) FROM natid_schema"}
TABLES = {"sqlite": "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'notes_v2'",
          "postgresql": "SELECT tablename FROM pg_tables WHERE tablename = 'notes_v2'"}


def with_next_migration(monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """Make natid know one more migration, as a newer natid would."""
    shipped: Callable[..., list[tuple[int, str]]] = schema.migrations

    def known(dialect: schema.Dialect = "sqlite") -> list[tuple[int, str]]:
        return [*shipped(dialect), (NEXT, script)]

    monkeypatch.setattr(schema, "migrations", known)


def test_both_backends_have_the_same_numbered_migrations() -> None:
    sqlite = [number for number, _ in schema.migrations("sqlite")]
    postgresql = [number for number, _ in schema.migrations("postgresql")]
    assert sqlite == postgresql == list(range(1, len(sqlite) + 1))


def test_an_upgrade_applies_the_missing_migration_and_keeps_every_interview(
        backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    with backend.open() as store:
        interview = new_interview(store)
    with_next_migration(monkeypatch, "CREATE TABLE notes_v2 (x INTEGER);\n")
    with backend.open(upgrade=True) as store:
        assert (store.schema_found, store.schema_version) == (SHIPPED, NEXT)
        assert store.events(interview.id) == interview.events
        assert all(report.ok for report in store.verify())
    assert backend.sql(VERSION[backend.name]) == [(NEXT,)]
    assert backend.sql(TABLES[backend.name]) == [("notes_v2",)]
    with backend.open(upgrade=True) as store:
        assert (store.schema_found, store.schema_version) == (NEXT, NEXT)


def test_a_failing_migration_leaves_the_previous_schema_intact(
        backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    with backend.open() as store:
        new_interview(store)
    before = backend.fingerprint()
    with_next_migration(monkeypatch, "CREATE TABLE notes_v2 (x INTEGER);\n"
                                  "CREATE INDEX broken ON no_such_table (x);\n")
    with pytest.raises(StoreSchemaError,
                       match=f"from version {SHIPPED} to {NEXT} failed") as caught:
        backend.open(upgrade=True)
    assert f"left at schema {SHIPPED}" in caught.value.message
    assert backend.sql(TABLES[backend.name]) == []  # the first statement was undone too
    assert backend.sql(VERSION[backend.name]) == [(SHIPPED,)]
    if backend.name == "postgresql":
        assert backend.fingerprint() == before


def test_an_older_shared_database_waits_for_db_upgrade(
        backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    with backend.open() as store:
        new_interview(store)
    with_next_migration(monkeypatch, "CREATE TABLE notes_v2 (x INTEGER);\n")
    if backend.name == "sqlite":  # one officer's file: brought up to date when opened
        with backend.open(create=False) as store:
            assert store.schema_version == NEXT
        return
    before = backend.fingerprint()
    for create in (True, False):
        with pytest.raises(StoreSchemaError,
                           match=rf"is at schema {SHIPPED}, this natid needs {NEXT}: the "
                                 r"administrator runs 'natid db upgrade'"):
            backend.open(create=create)
    assert backend.fingerprint() == before


def test_processes_opening_an_empty_database_at_once_create_the_schema_once(
        backend: Backend) -> None:
    errors: list[Exception] = []

    def open_and_write() -> None:
        try:
            with backend.open() as store:
                new_interview(store)
        except Exception as error:  # reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=open_and_write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert backend.sql(VERSION[backend.name]) == [(SHIPPED,)]
    with backend.open() as store:
        assert len(store.interviews()) == 4


def test_db_upgrade_and_status_on_the_command_line(backend: Backend) -> None:
    code, out, err = run_natid("db", "status", "--db", backend.location)
    assert code == 3
    assert "Traceback" not in err
    code, out, err = run_natid("db", "upgrade", "--db", backend.location)
    assert code == 0, err
    assert f"schema 0 -> {SHIPPED} (created)" in out
    code, out, err = run_natid("db", "upgrade", "--db", backend.location)
    assert code == 0, err
    assert f"already at schema {SHIPPED}, the newest this natid knows" in out
    code, out, err = run_natid("db", "status", "--db", backend.location)
    assert code == 0, err
    kind = "SQLite" if backend.name == "sqlite" else "PostgreSQL"
    assert out.startswith(f"{kind} store ")
    assert f"schema {SHIPPED} (this natid knows up to {SHIPPED}), 0 interviews (0 open)" in out
