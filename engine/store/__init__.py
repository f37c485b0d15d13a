"""Where interviews are kept: the store interface, its SQLite backend, and opening one.

``open_store()`` chooses the backend from a location: a file path (the embedded
SQLite store). The location comes from ``--db``, else ``NATID_DB``, else the
user's data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from engine.errors import UsageError
from engine.store.base import (
    InterviewSummary,
    Store,
    StoreConflictError,
    StoreError,
    UnknownInterviewError,
)
from engine.store.chain import ChainReport, StoredEvent


def default_location() -> Path:
    """The default database: ``natid.db`` in the user's data folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("natid", appauthor=False)) / "natid.db"


def open_store(location: str | os.PathLike[str] | None = None, *, create: bool = True) -> Store:
    """Open the store at ``location`` (default: ``NATID_DB``, else the user's data folder).

    With ``create=False`` a missing database is an error instead of a new empty one.

    Raises:
        StoreError: the store cannot be opened (the message says why).
        UsageError: the location names a kind of store this natid cannot open.
    """
    chosen = str(location or os.environ.get("NATID_DB") or default_location())
    if "://" in chosen:
        scheme = chosen.split("://", 1)[0]
        raise UsageError(f"natid cannot open a '{scheme}' store here: give the path of a "
                         "SQLite database file")
    from engine.store.sqlite import SQLiteStore

    return SQLiteStore(chosen, create=create)


__all__ = [
    "ChainReport",
    "InterviewSummary",
    "Store",
    "StoreConflictError",
    "StoreError",
    "StoredEvent",
    "UnknownInterviewError",
    "default_location",
    "open_store",
]
