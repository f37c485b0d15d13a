"""Where interviews are kept: the store interface, its backends, and opening one.

``open_store()`` chooses the backend from a location: a ``postgresql://`` URL (a
shared server) or a file path (the embedded SQLite store). The location comes from
``--db``, else ``NATID_DB``, else the user's data folder. Nothing above this package
knows which backend it talks to.
"""

from __future__ import annotations

import os
from pathlib import Path

from engine.errors import UsageError
from engine.store.base import (
    InterviewSummary,
    Store,
    StoreConflictError,
    StoreConnectionError,
    StoreError,
    StoreSchemaError,
    UnknownInterviewError,
)
from engine.store.chain import ChainReport, StoredEvent


def default_location() -> Path:
    """The default database: ``natid.db`` in the user's data folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("natid", appauthor=False)) / "natid.db"


def chosen_location(location: str | os.PathLike[str] | None = None) -> str:
    """The store location to use: ``location``, else ``NATID_DB``, else the default."""
    return str(location or os.environ.get("NATID_DB") or default_location())


def open_store(location: str | os.PathLike[str] | None = None, *, create: bool = True,
               upgrade: bool = False) -> Store:
    """Open the store at ``location`` (default: ``NATID_DB``, else the user's data folder).

    A ``postgresql://`` (or ``postgres://``) URL opens a PostgreSQL database; anything
    else is the path of a SQLite file. With ``create=False`` a missing database (or one
    without natid's schema) is an error instead of a new empty one. A SQLite file is
    brought to the current schema when opened; a PostgreSQL database only with
    ``upgrade=True`` (``natid db upgrade``), except an empty one, which gets the schema
    on first use.

    Raises:
        StoreError: the store cannot be opened (the message says why).
        UsageError: the location names a kind of store this natid cannot open.
    """
    from engine.store.pg_connection import is_postgresql

    chosen = chosen_location(location)
    if is_postgresql(chosen):
        from engine.store.postgresql import PostgresStore

        return PostgresStore(chosen, create=create, upgrade=upgrade)
    if "://" in chosen:
        scheme = chosen.split("://", 1)[0]
        raise UsageError(f"natid cannot open a '{scheme}' store: give a postgresql:// URL or "
                         "the path of a SQLite database file")
    from engine.store.sqlite import SQLiteStore

    return SQLiteStore(chosen, create=create)


__all__ = [
    "ChainReport",
    "InterviewSummary",
    "Store",
    "StoreConflictError",
    "StoreConnectionError",
    "StoreError",
    "StoreSchemaError",
    "StoredEvent",
    "UnknownInterviewError",
    "chosen_location",
    "default_location",
    "open_store",
]
