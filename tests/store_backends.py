"""The store location a test runs on: a SQLite file, then a PostgreSQL database.

The ``backend`` fixture (registered in conftest.py) runs a test once on a SQLite file
in a temporary folder and once on a fresh database of the test PostgreSQL server.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from engine.store import Store, open_store
from tests.store_helpers import tamper


@dataclass
class Backend:
    """One store location on one backend, and raw access to it as its owner."""

    name: str
    location: str

    @property
    def path(self) -> Path:
        """The SQLite file."""
        return Path(self.location)

    def open(self, **options: Any) -> Store:
        """Open the store as natid does."""
        return open_store(self.location, **options)

    def sql(self, statement: str) -> list[tuple[Any, ...]]:
        """Run one statement as the database's owner; return its rows."""
        if self.name == "sqlite":
            connection = sqlite3.connect(self.path, isolation_level=None)
            try:
                return connection.execute(statement).fetchall()
            finally:
                connection.close()
        import psycopg

        with psycopg.connect(self.location, autocommit=True) as connection:
            cursor = connection.execute(statement)
            return cursor.fetchall() if cursor.description else []

    def tamper(self, statement: str) -> None:
        """Change the events around natid's append-only triggers."""
        if self.name == "sqlite":
            tamper(self.path, statement)
            return
        self.sql("ALTER TABLE events DISABLE TRIGGER USER")
        try:
            self.sql(statement)
        finally:
            self.sql("ALTER TABLE events ENABLE TRIGGER USER")

    def fingerprint(self) -> Any:
        """Everything stored, to show that something left the database untouched."""
        if self.name == "sqlite":
            return self.path.read_bytes() if self.path.exists() else None
        tables = self.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                          "ORDER BY tablename")
        return tables, [self.sql(f"SELECT * FROM {name} ORDER BY 1")  # noqa: S608
                        for (name,) in tables]


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """A store location on each backend in turn (nothing created there yet)."""
    if request.param == "sqlite":
        return Backend("sqlite", str(tmp_path / "data" / "natid.db"))
    return Backend("postgresql", request.getfixturevalue("postgres_url"))
