"""The per-interview share file: the allow-listed view, and the consulate's inbox.

One SQLite file per share, in a folder readable by its owner only, removed when the
share stops. The officer's side (:class:`ShareFile`) writes the view and reads the inbox;
the consulate's side (:class:`ConsularFile`) reads the view and may only add rows to the
inbox: an authorizer refuses every other write, every other table and every attach.
Both sides see the other's commits through ``PRAGMA data_version``.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.share.gate import ShareError

SCHEMA = """
CREATE TABLE view (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL);
CREATE TABLE inbox (seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (kind IN ('finding', 'session')),
                    body TEXT NOT NULL CHECK (length(body) <= 4000));
CREATE TABLE replies (seq INTEGER PRIMARY KEY, accepted INTEGER NOT NULL, message TEXT NOT NULL);
"""
MAX_TEXT = 500
"""The longest reason or name the officer's side takes from the inbox."""


@dataclass(frozen=True)
class InboxItem:
    """One row the consulate's side added: a finding, or a session's connection."""

    seq: int
    kind: str
    body: dict[str, Any]


class ShareFile:
    """The officer's side of a share file: it creates it, writes the view, reads the inbox."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        """Create the share file at ``path`` (a new file, readable by its owner only).

        Raises:
            ShareError: the file exists already or cannot be created.
        """
        self.path = Path(path)
        try:
            os.close(os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            self._db = sqlite3.connect(self.path, isolation_level=None,
                                       check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as error:
            raise ShareError(f"the share file {self.path} cannot be created: {error}") from None
        self._version = self.data_version()

    def write_view(self, view: dict[str, Any]) -> None:
        """Replace the view the consulate reads."""
        self._db.execute("INSERT OR REPLACE INTO view (id, body) VALUES (1, ?)",
                         (json.dumps(view, ensure_ascii=False),))

    def data_version(self) -> int:
        """SQLite's change counter: it moves when another connection commits."""
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        """Whether the consulate's side committed something since the last call."""
        version = self.data_version()
        if version == self._version:
            return False
        self._version = version
        return True

    def pending(self) -> list[InboxItem]:
        """The inbox rows not yet answered, oldest first.

        Rows that are not JSON objects are answered as refused at once.
        """
        rows = self._db.execute(
            "SELECT seq, kind, body FROM inbox WHERE seq NOT IN (SELECT seq FROM replies) "
            "ORDER BY seq").fetchall()
        items = []
        for seq, kind, body in rows:
            try:
                data = json.loads(body)
            except ValueError:
                data = None
            if isinstance(data, dict):
                items.append(InboxItem(int(seq), str(kind), data))
            else:
                self.reply(int(seq), accepted=False, message="unreadable")
        return items

    def reply(self, seq: int, *, accepted: bool, message: str) -> None:
        """Answer an inbox row: taken into the interview, or refused and why."""
        self._db.execute("INSERT OR REPLACE INTO replies (seq, accepted, message) VALUES (?, ?, ?)",
                         (seq, int(accepted), message))

    def remove(self) -> None:
        """Close the file and delete it, with its WAL."""
        self._db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)


_CONSULAR_READS = frozenset({"view", "inbox", "replies", "sqlite_sequence", "sqlite_master",
                             "sqlite_schema"})


def _consular_authorizer(action: int, first: str | None, _second: str | None,
                         _database: str | None, _trigger: str | None) -> int:
    """What the consulate's side may do: read the share's tables, add to the inbox."""
    if action == sqlite3.SQLITE_READ:
        return sqlite3.SQLITE_OK if first in _CONSULAR_READS else sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_INSERT:
        return sqlite3.SQLITE_OK if first in ("inbox", "sqlite_sequence") else sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_UPDATE:
        return sqlite3.SQLITE_OK if first == "sqlite_sequence" else sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA:
        return sqlite3.SQLITE_OK if first == "data_version" else sqlite3.SQLITE_DENY
    if action in (sqlite3.SQLITE_SELECT, sqlite3.SQLITE_TRANSACTION, sqlite3.SQLITE_FUNCTION):
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


class ConsularFile:
    """The consulate's side of a share file: read the view, add findings to the inbox."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        """Open an existing share file (never create one).

        Raises:
            ShareError: there is no share file there (the share has stopped).
        """
        self.path = Path(path)
        if not self.path.is_file():
            raise ShareError("the share has stopped: ask the officer for a new link")
        try:
            self._db = sqlite3.connect(f"file:{self.path}?mode=rw", uri=True,
                                       isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA busy_timeout = 5000")
        except sqlite3.Error as error:
            raise ShareError(f"the share file cannot be opened: {error}") from None
        self._db.set_authorizer(_consular_authorizer)
        self._version = -1

    def changed(self) -> bool:
        """Whether the view (or a reply) changed since the last call."""
        version = int(self._db.execute("PRAGMA data_version").fetchone()[0])
        if version == self._version:
            return False
        self._version = version
        return True

    def view(self) -> dict[str, Any] | None:
        """The allow-listed view, or None before the first one is written."""
        row = self._db.execute("SELECT body FROM view WHERE id = 1").fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        return data if isinstance(data, dict) else None

    def send(self, kind: str, body: dict[str, Any]) -> int:
        """Add a row to the inbox; returns its number (its reply comes under that number)."""
        cursor = self._db.execute("INSERT INTO inbox (kind, body) VALUES (?, ?)",
                                  (kind, json.dumps(body, ensure_ascii=False)))
        return int(cursor.lastrowid or 0)

    def replies(self) -> dict[int, tuple[bool, str]]:
        """The officer's side's answers to the inbox rows, by row number."""
        return {int(seq): (bool(accepted), str(message)) for seq, accepted, message in
                self._db.execute("SELECT seq, accepted, message FROM replies").fetchall()}

    def close(self) -> None:
        """Release the file."""
        self._db.close()
