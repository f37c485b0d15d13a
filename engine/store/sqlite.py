"""The embedded store: one SQLite file, in WAL mode, every event committed durably.

Appends to an interview are serialised with ``BEGIN IMMEDIATE`` (a deferred
transaction loses concurrent appends to "database is locked"), and a second
process waits up to the busy timeout instead of failing. The file and its WAL are
readable and writable by their owner only. The statements themselves are shared with
the PostgreSQL store (:mod:`engine.store.sql`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from engine.store import schema
from engine.store.base import StoreError, StoreSchemaError
from engine.store.sql import SQLStore

APPLICATION_ID = 0x4E415449
"""Marks a SQLite file as a natid store (``PRAGMA application_id``)."""
BUSY_TIMEOUT_MS = 15_000


def migrations() -> list[tuple[int, str]]:
    """The SQLite schema migrations shipped with natid: (version, SQL), in order."""
    return schema.migrations("sqlite")


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


class SQLiteStore(SQLStore):
    """Interviews in one SQLite file."""

    kind = "SQLite"
    dialect = "sqlite"

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        """Open (or create) the store at ``path`` and bring its schema up to date.

        Raises:
            StoreError: the file cannot be created or opened, is not a natid store,
                is damaged, or was written by a newer natid.
        """
        self._init_keys()
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
            mode = _write_ahead(connection)
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA foreign_keys = ON")
            # Deleted rows (a purged interview's keys and ciphertext) are overwritten.
            connection.execute("PRAGMA secure_delete = ON")
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
        # One statement, so one snapshot: another process may be creating the schema.
        version, application, tables = db.execute(
            "SELECT (SELECT user_version FROM pragma_user_version), "
            "(SELECT application_id FROM pragma_application_id), "
            "(SELECT count(*) FROM sqlite_master)").fetchone()
        if application != APPLICATION_ID and (version or tables):
            raise StoreError(f"{self.path} is a SQLite database, but not a natid store: "
                             "give another path")
        latest = schema.latest("sqlite")
        if version > latest:
            raise StoreSchemaError(f"{self.path} was written by a newer natid (schema {version}; "
                                   f"this natid knows schemas up to {latest}): update natid; "
                                   "the database was not changed")

    def _migrate(self) -> None:
        """Apply the missing migrations in one transaction (all of them, or none)."""
        known = schema.migrations("sqlite")
        latest = known[-1][0]
        with self._read() as db:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
        self.schema_found = self.schema_version = version
        if version == latest:
            return
        try:
            with self._write() as db:
                # Another process may have migrated between the read and this transaction.
                version = int(db.execute("PRAGMA user_version").fetchone()[0])
                for number, script in known:
                    if number > version:
                        for statement in _statements(script):
                            db.execute(statement)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {latest}")
        except StoreError as error:
            if "busy" in error.message:
                raise
            raise StoreSchemaError(f"{self.path}: bringing the schema from version {version} "
                                   f"to {latest} failed ({error.message}); the database was "
                                   f"left at schema {version}") from None
        self.schema_version = latest

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

    def check_database(self) -> list[str]:
        """SQLite's own integrity check of the file."""
        with self._read() as db:
            rows = db.execute("PRAGMA integrity_check").fetchall()
        problems = [str(row[0]) for row in rows]
        return [] if problems == ["ok"] else problems

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite)."""
        with contextlib.suppress(sqlite3.Error):
            self._connection.close()


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


def _write_ahead(connection: sqlite3.Connection) -> str:
    """Switch to write-ahead logging; the journal mode it ends up in.

    The switch of a new database takes an exclusive lock without waiting on the busy
    handler, so processes opening a new store at once retry it for the busy timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return str(connection.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
