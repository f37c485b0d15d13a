"""Helpers for store tests: a store in a temporary folder and a recorded interview."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from engine import find_questionnaire
from engine.interview import Interview
from engine.loader import check_file
from engine.store import Store, open_store
from engine.store.recorded import start_recorded

INDIA = check_file(find_questionnaire("IN"))


def new_interview(store: Store, officer: str = "A. López") -> Interview:
    """A recorded India interview with a few answers."""
    interview = start_recorded(store, INDIA.unwrap(), interviewee_language="pa",
                               officer_language="es", officer=officer,
                               content_hash=INDIA.content_hash)
    interview.answer("full_name", "Gurpreet Singh")
    interview.answer("state", "PB")
    interview.answer("currency", "rupee")
    return interview


def raw(path: Path) -> sqlite3.Connection:
    """A plain connection to the database, as someone editing it outside natid would use."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("DROP TRIGGER IF EXISTS events_are_never_updated")
    connection.execute("DROP TRIGGER IF EXISTS events_are_deleted_only_by_purge")
    return connection


def store_at(path: Path) -> Store:
    """Open the store at ``path``."""
    return open_store(path)
