"""The embedded store: one SQLite file, in WAL mode, every event committed durably.

Appends to an interview are serialised with ``BEGIN IMMEDIATE`` (a deferred
transaction loses concurrent appends to "database is locked"), and a second
process waits up to the busy timeout instead of failing. The file and its WAL are
readable and writable by their owner only.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import sqlite3
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from engine.interview.events import AUDIT_KINDS, Event, EventKind, format_time
from engine.store.base import (
    InterviewSummary,
    Store,
    StoreConflictError,
    StoreError,
    UnknownInterviewError,
    period_of,
)
from engine.store.chain import GENESIS, StoredEvent, link

APPLICATION_ID = 0x4E415449
"""Marks a SQLite file as a natid store (``PRAGMA application_id``)."""
BUSY_TIMEOUT_MS = 15_000

_SUMMARY = ("id, country, questionnaire_version, content_hash, started_at, officer, status, "
            "closed_at, conclusion, event_count")


def migrations() -> list[tuple[int, str]]:
    """The schema migrations shipped with natid: (version, SQL), in order."""
    folder = resources.files("engine.store").joinpath("migrations")
    return sorted((int(entry.name.split("_", 1)[0]), entry.read_text("utf-8"))
                  for entry in folder.iterdir() if entry.name.endswith(".sql"))


def _statements(script: str) -> Iterator[str]:
    """Split a migration into statements (trigger bodies included) for one transaction."""
    pending = ""
    for line in script.splitlines(keepends=True):
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""


class SQLiteStore(Store):
    """Interviews in one SQLite file."""

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        """Open (or create) the store at ``path`` and bring its schema up to date.

        Raises:
            StoreError: the file cannot be created or opened, is not a natid store,
                is damaged, or was written by a newer natid.
        """
        self.path = Path(path)
        self.location = str(self.path)
        if not create and not self.path.exists():
            raise StoreError(f"there is no interview database at {self.path} yet (no interview "
                             "was recorded there); check --db or NATID_DB")
        if not create and self.path.is_file() and self.path.stat().st_size == 0:
            raise StoreError(f"{self.path} is an empty file, not an interview database; "
                             "check --db or NATID_DB")
        self._connection = self._open()
        try:
            self._migrate()
        except BaseException:
            self._connection.close()
            raise

    # Opening --------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        where = self.path.parent
        try:
            where.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not self.path.exists():
                descriptor = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
                os.close(descriptor)
            elif not self.path.is_file():
                raise StoreError(f"{self.path} is not a file: give the path of a database file")
        except FileExistsError:
            pass  # another process created it a moment ago
        except OSError as error:
            raise StoreError(f"cannot create the database {self.path}: "
                             f"{error.strerror or error} (check that the folder exists and "
                             "that you may write in it)") from None
        try:
            connection = sqlite3.connect(self.path, isolation_level=None,
                                         timeout=BUSY_TIMEOUT_MS / 1000,
                                         check_same_thread=False)
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._refuse_foreign(connection)
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as error:
            raise _explain(error, self.path, "open") from None
        except StoreError:
            connection.close()
            raise
        if str(mode).lower() != "wal":
            connection.close()
            raise StoreError(f"{self.path}: the database cannot use write-ahead logging here "
                             f"(journal mode {mode}); put it on a local disk")
        return connection

    def _refuse_foreign(self, db: sqlite3.Connection) -> None:
        """Before changing anything: refuse another program's database, or a newer one."""
        version = db.execute("PRAGMA user_version").fetchone()[0]
        application = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application != APPLICATION_ID and (version or tables):
            raise StoreError(f"{self.path} is a SQLite database, but not a natid store: "
                             "give another path")
        latest = migrations()[-1][0]
        if version > latest:
            raise StoreError(f"{self.path} was written by a newer natid (schema {version}; "
                             f"this natid knows schemas up to {latest}): update natid; the "
                             "database was not changed")

    def _migrate(self) -> None:
        known = migrations()
        latest = known[-1][0]
        with self._read() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == latest:
            return
        with self._write() as db:
            # Another process may have migrated between the read and this transaction.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            for number, script in known:
                if number > version:
                    for statement in _statements(script):
                        db.execute(statement)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {latest}")

    # Transactions ---------------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed durably, or none of it."""
        db = self._connection
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise _explain(error, self.path, "write") from None
        try:
            yield db
            db.execute("COMMIT")
        except BaseException as error:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise _explain(error, self.path, "write") from None
            raise

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        try:
            yield self._connection
        except sqlite3.Error as error:
            raise _explain(error, self.path, "read") from None

    # The interface --------------------------------------------------------------------

    def append(self, interview_id: str, event: Event, *, expected_count: int | None = None,
               conclusion: str | None = None) -> StoredEvent:
        """Store one event durably (see :meth:`Store.append`)."""
        record = event.to_dict()
        payload = self.codec.encode(record, interview_id)
        with self._write() as db:
            row = db.execute("SELECT event_count, head_hash, status, content_hash "
                             "FROM interviews WHERE id = ?", (interview_id,)).fetchone()
            if event.kind is EventKind.STARTED:
                if row is not None:
                    raise StoreConflictError(f"interview {interview_id} already exists")
                reference = event.data.get("questionnaire", {})
                content_hash = str(reference.get("content_hash", ""))
                db.execute(
                    "INSERT INTO interviews (id, country, questionnaire_version, content_hash, "
                    "started_at, officer, period, head_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (interview_id, str(reference.get("country", "")),
                     str(reference.get("version", "")), content_hash, event.at, event.officer,
                     period_of(event.at), GENESIS))
                count, previous = 0, GENESIS
            else:
                if row is None:
                    raise UnknownInterviewError(f"no interview {interview_id} in {self.path}")
                count, previous, status, content_hash = row
                if status == "closed" and event.kind not in AUDIT_KINDS:
                    raise StoreError(f"interview {interview_id} is closed: nothing more can "
                                     "be recorded")
            if expected_count is not None and expected_count != count:
                raise StoreConflictError(
                    f"interview {interview_id} has {count} events in the database, not "
                    f"{expected_count}: it was changed elsewhere; reopen it and repeat")
            seq = count + 1
            digest = link(previous, interview_id, seq, kind=str(event.kind), at=event.at,
                          content_hash=content_hash, payload=payload)
            db.execute("INSERT INTO events (interview_id, seq, kind, at, payload, prev_hash, "
                       "hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (interview_id, seq, str(event.kind), event.at, payload, previous, digest))
            closing = event.kind is EventKind.CLOSED
            db.execute(
                "UPDATE interviews SET event_count = ?, head_hash = ?, "
                "status = CASE WHEN ? THEN 'closed' ELSE status END, "
                "closed_at = CASE WHEN ? THEN ? ELSE closed_at END, "
                "conclusion = CASE WHEN ? THEN ? ELSE conclusion END WHERE id = ?",
                (seq, digest, closing, closing, event.at, closing, conclusion, interview_id))
        return StoredEvent(seq, str(event.kind), event.at, payload, previous, digest)

    def stored_events(self, interview_id: str) -> list[StoredEvent]:
        """An interview's events as stored, in order."""
        with self._read() as db:
            rows = db.execute("SELECT seq, kind, at, payload, prev_hash, hash FROM events "
                              "WHERE interview_id = ? ORDER BY seq", (interview_id,)).fetchall()
        return [StoredEvent(seq, str(kind), str(at), _as_bytes(payload), str(prev), str(digest))
                for seq, kind, at, payload, prev, digest in rows]

    def interview(self, id_or_prefix: str) -> InterviewSummary:
        """One interview, by its id or a unique beginning of it."""
        if not isinstance(id_or_prefix, str) or not id_or_prefix.strip():
            raise UnknownInterviewError("give the id of an interview ('natid interviews list' "
                                        "shows them)")
        pattern = id_or_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with self._read() as db:
            rows = db.execute(f"SELECT {_SUMMARY} FROM interviews WHERE id = ? "  # noqa: S608
                              "OR id LIKE ? ESCAPE '\\' LIMIT 3",
                              (id_or_prefix, pattern + "%")).fetchall()
        exact = [row for row in rows if row[0] == id_or_prefix]
        if exact or len(rows) == 1:
            return InterviewSummary(*(exact or rows)[0])
        if not rows or not id_or_prefix:
            raise UnknownInterviewError(f"no interview {id_or_prefix!r} in {self.path} "
                                        "('natid interviews list' shows them)")
        raise UnknownInterviewError(f"{id_or_prefix!r} is the beginning of several interview "
                                    "ids: give more of it")

    def interviews(self, status: str | None = None) -> list[InterviewSummary]:
        """Every interview ('open', 'closed' or all), newest first."""
        query = f"SELECT {_SUMMARY} FROM interviews"  # noqa: S608
        arguments: tuple[Any, ...] = ()
        if status is not None:
            query += " WHERE status = ?"
            arguments = (status,)
        with self._read() as db:
            rows = db.execute(query + " ORDER BY started_at DESC, id", arguments).fetchall()
        return [InterviewSummary(*row) for row in rows]

    def purge(self, closed_before: datetime.date, *, officer: str, reason: str) -> list[str]:
        """Delete interviews closed before that day, and log each purge."""
        now = format_time(datetime.datetime.now(datetime.UTC))
        with self._write() as db:
            rows = db.execute(
                "SELECT id, country, closed_at, event_count, head_hash FROM interviews "
                "WHERE status = 'closed' AND closed_at < ?",
                (closed_before.isoformat(),)).fetchall()
            for interview_id, country, closed_at, count, head in rows:
                db.execute("INSERT INTO purge_permits VALUES (?)", (interview_id,))
                db.execute("DELETE FROM events WHERE interview_id = ?", (interview_id,))
                db.execute("DELETE FROM interviews WHERE id = ?", (interview_id,))
                db.execute("DELETE FROM purge_permits WHERE interview_id = ?", (interview_id,))
                db.execute("INSERT INTO purges VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           (interview_id, country, closed_at, count, head, now, officer, reason))
        return [row[0] for row in rows]

    def counts(self) -> list[tuple[str, str, str, int]]:
        """(country, conclusion or 'open', period, number of interviews)."""
        with self._read() as db:
            rows = db.execute(
                "SELECT country, coalesce(conclusion, 'open'), period, count(*) FROM interviews "
                "GROUP BY period, country, coalesce(conclusion, 'open') "
                "ORDER BY period, country").fetchall()
        return [(str(a), str(b), str(c), int(d)) for a, b, c, d in rows]

    def check_database(self) -> list[str]:
        """SQLite's own integrity check of the file."""
        with self._read() as db:
            rows = db.execute("PRAGMA integrity_check").fetchall()
        problems = [str(row[0]) for row in rows]
        return [] if problems == ["ok"] else problems

    def _head(self, interview_id: str) -> str:
        with self._read() as db:
            row = db.execute("SELECT head_hash FROM interviews WHERE id = ?",
                             (interview_id,)).fetchone()
        return str(row[0]) if row else ""

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite)."""
        with contextlib.suppress(sqlite3.Error):
            self._connection.close()


def _as_bytes(payload: object) -> bytes:
    """Stored bytes as written; text or numbers mean someone edited the file outside natid."""
    if isinstance(payload, bytes):
        return payload
    return str(payload).encode("utf-8")


def _explain(error: sqlite3.Error, path: Path, doing: str) -> StoreError:
    """A store error in words: what happened, and that nothing half-done was kept."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return StoreError(f"{path} is busy: another natid kept it locked for more than "
                          f"{BUSY_TIMEOUT_MS // 1000} s; nothing was saved, try again")
    if "full" in text:
        return StoreError(f"the disk holding {path} is full: the last action was NOT saved "
                          "(everything before it is intact); free some space and repeat it")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{path} cannot be written (read-only file or folder): nothing was "
                          "saved")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(f"{path} is damaged ({error}); natid changed nothing. Restore it "
                          "from a backup, or give another file with --db")
    if "unable to open" in text or "disk i/o" in text:
        return StoreError(f"cannot {doing} {path}: {error} (check the path, free space and "
                          "permissions)")
    if "append-only" in text or "only by a purge" in text:
        return StoreError(f"{path}: {error}")
    return StoreError(f"cannot {doing} {path}: {error}")
