"""The shared store: interviews on a PostgreSQL server, for an office or a region.

The same tables and statements as the SQLite store (:mod:`engine.store.sql`). Appends to
one interview are serialised by ``SELECT … FOR UPDATE`` on the interview's row, which
holds the chain head, so two officers' processes never fork a chain, while appends to
different interviews do not wait for each other. Every write is one transaction.

When the connection is lost, natid connects again once: a read is repeated; an append
whose commit may have reached the server is looked up by its hash (it is there whole,
or not at all) and repeated only if it is not there. When the server cannot be reached
again, the message says so and nothing half-written is left.

Schema versions are rows of ``natid_schema``. An empty database is given the schema on
first use; an older schema is upgraded only by ``natid db upgrade`` (a shared server is
upgraded by its administrator, after a backup); a newer one is refused untouched.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

from engine.store import schema
from engine.store.base import StoreConnectionError, StoreError, StoreSchemaError
from engine.store.chain import StoredEvent
from engine.store.pg_connection import connect, explain, redact
from engine.store.sql import Session, SQLStore, Step

MIGRATION_LOCK = 0x4E415449
"""The advisory lock that lets one process at a time upgrade the schema."""
TRIGGERS = ("events_are_append_only", "events_are_never_truncated")


def _placeholders(sql: str) -> str:
    """The shared statements' ``?`` placeholders as psycopg's ``%s``."""
    return sql.replace("?", "%s")


class _InTransaction:
    """Statements on a connection inside a transaction."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Any:
        return self._connection.execute(_placeholders(sql), parameters)


class _Reading:
    """Single reading statements, each repeated once on a new connection if it was lost."""

    def __init__(self, store: PostgresStore) -> None:
        self._store = store

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Any:
        import psycopg

        for attempt in (1, 2):
            connection = self._store._live()
            try:
                return connection.execute(_placeholders(sql), parameters)
            except psycopg.Error as error:
                if attempt == 2 or not (connection.broken or connection.closed):
                    raise explain(error, self._store.location, "read") from None
        raise AssertionError("unreachable")  # pragma: no cover


class PostgresStore(SQLStore):
    """Interviews in a PostgreSQL database."""

    kind = "PostgreSQL"
    dialect = "postgresql"
    lock_row = " FOR UPDATE"
    share_row = " FOR SHARE"
    sealed_test = "get_byte(payload, 0) = 1"

    def __init__(self, url: str, *, create: bool = True, upgrade: bool = False) -> None:
        """Connect, check the schema, and create it in an empty database.

        Args:
            url: ``postgresql://…`` (see :mod:`engine.store.pg_connection`).
            create: give an empty database the schema (else an empty one is an error).
            upgrade: bring an older schema up to date (``natid db upgrade``).

        Raises:
            StoreConnectionError: the server cannot be reached or refuses the connection.
            StoreSchemaError: no natid schema (with ``create=False``), an older one
                without ``upgrade``, a newer one, or a failed upgrade.
        """
        self._init_keys()
        self.url = url
        self.location = redact(url)
        self._connection = connect(url)
        try:
            self._prepare(create=create, upgrade=upgrade)
        except BaseException:
            self.close()
            raise

    # The connection -------------------------------------------------------------------

    def _live(self) -> Any:
        """The connection, made again if it was lost."""
        if self._connection.broken or self._connection.closed:
            with contextlib.suppress(Exception):
                self._connection.close()
            self._connection = connect(self.url)
        return self._connection

    @contextlib.contextmanager
    def _write(self) -> Iterator[Session]:
        import psycopg

        connection = self._live()
        try:
            with connection.transaction():
                yield _InTransaction(connection)
        except psycopg.Error as error:
            raise explain(error, self.location, "write") from None

    @contextlib.contextmanager
    def _read(self) -> Iterator[Session]:
        yield _Reading(self)

    def _save(self, interview_id: str, step: Step) -> StoredEvent:
        """One append; after a lost connection, find out whether it landed, else repeat it."""
        import psycopg

        lost: Exception | None = None
        for attempt in (1, 2):
            try:
                connection = self._live()
            except StoreConnectionError as error:
                if attempt == 1:
                    raise
                raise StoreConnectionError(
                    f"the connection to the database server at {self.location} was lost while "
                    f"saving and cannot be made again ({error.message}); the last action was "
                    "NOT saved: repeat it when the server is back") from None
            planned: list[StoredEvent] = []
            try:
                with connection.transaction():
                    planned.append(step(_InTransaction(connection)))
                return planned[0]
            except psycopg.Error as error:
                if not (connection.broken or connection.closed):
                    raise explain(error, self.location, "write") from None
                lost = error
            if planned and self._landed(interview_id, planned[0]):
                return planned[0]
        raise StoreConnectionError(f"the connection to the database server at {self.location} "
                                   f"was lost twice while saving ({str(lost).strip()}); the "
                                   "last action was NOT saved: try again") from None

    def _landed(self, interview_id: str, stored: StoredEvent) -> bool:
        """Whether an event whose commit was cut off is in the database (whole)."""
        try:
            row = self._live().execute(
                "SELECT hash FROM events WHERE interview_id = %s AND seq = %s",
                (interview_id, stored.seq)).fetchone()
        except StoreConnectionError as error:
            raise StoreConnectionError(
                f"the connection to the database server at {self.location} was lost while "
                f"saving, and it cannot be reached again ({error.message}); the last action "
                "is either saved whole or not at all: reopen the interview when the server "
                "is back to see which") from None
        except Exception:  # the server went away again: the event is not known to be there
            return False
        return row is not None and row[0] == stored.hash

    # The schema -----------------------------------------------------------------------

    def _version(self, db: Session) -> int:
        """The schema version recorded in the database (0: an empty database)."""
        # pg_class read with the statement's snapshot, not to_regclass(): after waiting for
        # the migration lock, a cached "no such table" would hide another process's upgrade.
        tables = {str(name) for (name,) in db.execute(
            "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
            "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
            "AND c.relname IN ('natid_schema', 'interviews')").fetchall()}
        if "natid_schema" not in tables:
            if "interviews" in tables:
                raise StoreSchemaError(f"{self.location} has an 'interviews' table but is not "
                                       "a natid store: give another database")
            return 0
        return int(db.execute("SELECT coalesce(max(version), 0) FROM natid_schema")
                   .fetchone()[0])

    def _prepare(self, *, create: bool, upgrade: bool) -> None:
        latest = schema.latest("postgresql")
        with self._read() as db:
            version = self._version(db)
        self.schema_found = self.schema_version = version
        if version > latest:
            raise StoreSchemaError(f"{self.location} was written by a newer natid (schema "
                                   f"{version}; this natid knows schemas up to {latest}): "
                                   "update natid; the database was not changed")
        if version == latest:
            return
        if upgrade or (version == 0 and create):
            self._migrate()
        elif version == 0:
            raise StoreSchemaError(f"{self.location} has no natid schema yet (no interview was "
                                   "recorded there): check the URL, or create the schema with "
                                   "'natid db upgrade --db URL'")
        else:
            raise StoreSchemaError(f"{self.location} is at schema {version}, this natid needs "
                                   f"{latest}: the administrator runs 'natid db upgrade' after "
                                   "a backup (docs/deployment.md); nothing was changed")

    def _migrate(self) -> None:
        """Apply the missing migrations in one transaction (all of them, or none)."""
        known = schema.migrations("postgresql")
        version = self.schema_found
        try:
            with self._write() as db:
                db.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
                version = self._version(db)  # another process may have upgraded meanwhile
                for number, script in known:
                    if number > version:
                        self._connection.execute(script)
                        db.execute("INSERT INTO natid_schema (version) VALUES (?)", (number,))
        except StoreError as error:
            raise StoreSchemaError(f"{self.location}: bringing the schema from version "
                                   f"{version} to {known[-1][0]} failed ({error.message}); "
                                   f"the database was left at schema {version}") from None
        self.schema_version = known[-1][0]

    # Roles ----------------------------------------------------------------------------

    def ensure_roles(self) -> str:
        """Create the group roles, their grants and the row-level security per office.

        Returns what was done, in words; a login that may not create roles is told so
        (the rest of the upgrade stands).
        """
        from importlib import resources

        script = (resources.files("engine.store").joinpath("migrations")
                  .joinpath("roles.postgresql.sql").read_text("utf-8"))
        try:
            with self._write() as db:
                db.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
                self._connection.execute(script)
        except StoreError as error:
            return (f"the roles natid_officer, natid_supervisor, natid_auditor and "
                    f"natid_statistics were NOT set up ({error.message}): run 'natid db "
                    "upgrade' as a login that may create roles (docs/deployment.md)")
        return ("roles natid_officer, natid_supervisor, natid_auditor, natid_statistics: "
                "grants and row-level security per office in place")

    # Checks and closing ---------------------------------------------------------------

    def check_database(self) -> list[str]:
        """What guards the events: the append-only triggers are there and enabled."""
        with self._read() as db:
            rows = db.execute("SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = "
                              "to_regclass('events') AND NOT tgisinternal").fetchall()
        enabled = {str(name): str(state) != "D" for name, state in rows}
        problems = []
        for trigger in TRIGGERS:
            if trigger not in enabled:
                problems.append(f"the trigger {trigger} that keeps events append-only was "
                                "removed")
            elif not enabled[trigger]:
                problems.append(f"the trigger {trigger} that keeps events append-only is "
                                "disabled")
        return problems

    def close(self) -> None:
        """Close the connection."""
        with contextlib.suppress(Exception):
            self._connection.close()
