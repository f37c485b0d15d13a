"""Helpers for store tests: a recorded interview, and tampering with a SQLite file."""

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


def tamper(path: Path, sql: str) -> None:
    """Change the database outside natid, as someone with the file and sqlite3 could."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("DROP TRIGGER IF EXISTS events_are_never_updated")
        connection.execute("DROP TRIGGER IF EXISTS events_are_deleted_only_by_purge")
        connection.execute(sql)
    finally:
        connection.close()


def store_at(path: Path) -> Store:
    """Open the store at ``path``."""
    return open_store(path)
