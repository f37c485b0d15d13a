"""Schema versions: the numbered migrations natid ships, for each kind of database.

A migration is a SQL file in ``engine/store/migrations/``: ``0001_initial.sql`` for
SQLite, ``0001_initial.postgresql.sql`` for PostgreSQL, with the same numbers on both.
A database records the version it is at (SQLite: ``PRAGMA user_version``; PostgreSQL:
the ``natid_schema`` table); a backend applies the missing ones in order, all in one
transaction, so a migration that fails leaves the schema as it was. A database at a
higher version than natid knows is refused and left untouched.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Literal

Dialect = Literal["sqlite", "postgresql"]

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+(\.postgresql)?\.sql$")


def migrations(dialect: Dialect = "sqlite") -> list[tuple[int, str]]:
    """The migrations of one kind of database: (version, SQL), in order."""
    folder = resources.files("engine.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match and bool(match.group(2)) == (dialect == "postgresql"):
            found.append((int(match.group(1)), entry.read_text("utf-8")))
    return sorted(found)


def latest(dialect: Dialect = "sqlite") -> int:
    """The newest schema version this natid knows."""
    return migrations(dialect)[-1][0]
