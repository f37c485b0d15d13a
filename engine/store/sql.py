"""What the SQL backends share: the same tables, the same statements, the same rules.

SQLite and PostgreSQL keep interviews in the same tables and run the same statements
(written with ``?`` placeholders); a backend supplies its transactions and how it locks
an interview's row while an event is appended. So an append checks, chains and writes
in exactly one way whatever the database, and a chain written by one backend verifies
on the other.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
from abc import abstractmethod
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from engine.interview.events import AUDIT_KINDS, Event, EventKind, format_time
from engine.stats.row import COLUMNS, StatsRow
from engine.store.base import (
    InterviewSummary,
    StoreConflictError,
    StoreError,
    UnknownInterviewError,
    period_of,
)
from engine.store.chain import GENESIS, StoredEvent, link
from engine.store.keyed import KeyedStore

_STATS_UPSERT = (
    f"INSERT INTO interview_stats ({', '.join(COLUMNS)}) "  # noqa: S608 - fixed column names
    f"VALUES ({', '.join('?' for _ in COLUMNS)}) ON CONFLICT (interview_id) DO UPDATE SET "
    + ", ".join(f"{name} = excluded.{name}" for name in COLUMNS[1:]))
SUMMARY = ("id, country, questionnaire_version, content_hash, started_at, officer, status, "
           "closed_at, conclusion, event_count, office")


class Session(Protocol):
    """A connection inside a transaction: runs one statement with ``?`` placeholders."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any:
        """Run one statement; the result has ``fetchone``, ``fetchall`` and ``rowcount``."""


Step = Callable[[Session], StoredEvent]


class SQLStore(KeyedStore):
    """A store in SQL tables; subclasses open the database and run the transactions."""

    location: str
    """Where the store is, as shown in messages (never with a password)."""
    lock_row = ""
    """What ends the SELECT of an interview's row to hold it until the transaction ends."""

    @abstractmethod
    def _write(self) -> contextlib.AbstractContextManager[Session]:
        """One write transaction: all of it is committed durably, or none of it."""

    @abstractmethod
    def _read(self) -> contextlib.AbstractContextManager[Session]:
        """Reading statements (each sees committed data)."""

    def _save(self, interview_id: str, step: Step) -> StoredEvent:
        """Run one append in a write transaction (a backend may retry a lost connection)."""
        with self._write() as db:
            return step(db)

    # Appending ------------------------------------------------------------------------

    def append(self, interview_id: str, event: Event, *, expected_count: int | None = None,
               conclusion: str | None = None, stats: StatsRow | None = None) -> StoredEvent:
        """Store one event durably, sealed (see :meth:`Store.append`)."""
        master = self._master(create=True)
        plain = event.to_dict()

        def step(db: Session) -> StoredEvent:
            count, previous, content_hash = self._chain_head(db, interview_id, event)
            if expected_count is not None and expected_count != count:
                raise StoreConflictError(
                    f"interview {interview_id} has {count} events in the database, not "
                    f"{expected_count}: it was changed elsewhere; reopen it and repeat")
            seq = count + 1
            payload = self.codec.encode(plain, interview_id, seq,
                                        self._sealer_in(db, interview_id, master))
            digest = link(previous, interview_id, seq, kind=str(event.kind), at=event.at,
                          content_hash=content_hash, payload=payload)
            stored = StoredEvent(seq, str(event.kind), event.at, payload, previous, digest)
            self._insert_events(db, interview_id, [stored])
            closing = event.kind is EventKind.CLOSED
            db.execute(
                "UPDATE interviews SET event_count = ?, head_hash = ?, "
                "status = CASE WHEN ? THEN 'closed' ELSE status END, "
                "closed_at = CASE WHEN ? THEN ? ELSE closed_at END, "
                "conclusion = CASE WHEN ? THEN ? ELSE conclusion END WHERE id = ?",
                (seq, digest, closing, closing, event.at, closing, conclusion, interview_id))
            if stats is not None:
                db.execute(_STATS_UPSERT, stats.values())
            return stored

        return self._save(interview_id, step)

    def _chain_head(self, db: Session, interview_id: str, event: Event) -> tuple[int, str, str]:
        """(events so far, last hash, questionnaire hash), the row locked; a start creates it."""
        row = db.execute("SELECT event_count, head_hash, status, content_hash "  # noqa: S608
                         f"FROM interviews WHERE id = ?{self.lock_row}",
                         (interview_id,)).fetchone()
        if event.kind is EventKind.STARTED:
            reference = event.data.get("questionnaire", {})
            content_hash = str(reference.get("content_hash", ""))
            created = row is None and db.execute(
                "INSERT INTO interviews (id, country, questionnaire_version, content_hash, "
                "started_at, officer, period, head_hash, office) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                (interview_id, str(reference.get("country", "")),
                 str(reference.get("version", "")), content_hash, event.at, event.officer,
                 period_of(event.at), GENESIS, str(event.data.get("office") or ""))
            ).rowcount == 1
            if not created:
                raise StoreConflictError(f"interview {interview_id} already exists")
            return 0, GENESIS, content_hash
        if row is None:
            raise UnknownInterviewError(f"no interview {interview_id} in {self.location}")
        count, previous, status, content_hash = row
        if status == "closed" and event.kind not in AUDIT_KINDS:
            raise StoreError(f"interview {interview_id} is closed: nothing more can be "
                             "recorded")
        return int(count), str(previous), str(content_hash)

    @staticmethod
    def _insert_events(db: Session, interview_id: str, events: list[StoredEvent]) -> None:
        for stored in events:
            db.execute("INSERT INTO events (interview_id, seq, kind, at, payload, prev_hash, "
                       "hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (interview_id, stored.seq, stored.kind, stored.at, stored.payload,
                        stored.prev_hash, stored.hash))

    def adopt(self, summary: InterviewSummary, events: list[StoredEvent],
              data_key: bytes | None = None) -> int:
        """Take an interview's stored events as they are (see :meth:`Store.adopt`)."""
        master = self._master(create=True) if data_key is not None else None
        with self._write() as db:
            row = db.execute("SELECT event_count, head_hash, content_hash "  # noqa: S608
                             f"FROM interviews WHERE id = ?{self.lock_row}",
                             (summary.id,)).fetchone()
            have = 0
            if row is None:
                db.execute(
                    "INSERT INTO interviews (id, country, questionnaire_version, content_hash, "
                    "started_at, officer, period, head_hash, office) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (summary.id, summary.country, summary.questionnaire_version,
                     summary.content_hash, summary.started_at, summary.officer,
                     period_of(summary.started_at), GENESIS, summary.office))
            else:
                have, head, content_hash = int(row[0]), str(row[1]), str(row[2])
                if (content_hash != summary.content_hash or have > len(events)
                        or (have and events[have - 1].hash != head)):
                    raise StoreConflictError(
                        f"interview {summary.id} is already in {self.location} with other "
                        "events: it was not copied (compare both with 'natid interviews show')")
            if master is not None and data_key is not None:
                self._adopt_key(db, summary.id, data_key, master)
            self._insert_events(db, summary.id, events[have:])
            db.execute("UPDATE interviews SET event_count = ?, head_hash = ?, status = ?, "
                       "closed_at = ?, conclusion = ? WHERE id = ?",
                       (len(events), events[-1].hash if events else GENESIS, summary.status,
                        summary.closed_at, summary.conclusion, summary.id))
        return len(events) - have

    # Reading --------------------------------------------------------------------------

    def stored_events(self, interview_id: str) -> list[StoredEvent]:
        """An interview's events as stored, in order."""
        with self._read() as db:
            rows = db.execute("SELECT seq, kind, at, payload, prev_hash, hash FROM events "
                              "WHERE interview_id = ? ORDER BY seq", (interview_id,)).fetchall()
        return [StoredEvent(int(seq), str(kind), str(at), as_bytes(payload), str(prev),
                            str(digest)) for seq, kind, at, payload, prev, digest in rows]

    def interview(self, id_or_prefix: str) -> InterviewSummary:
        """One interview, by its id or a unique beginning of it."""
        if not isinstance(id_or_prefix, str) or not id_or_prefix.strip():
            raise UnknownInterviewError("give the id of an interview ('natid interviews list' "
                                        "shows them)")
        pattern = id_or_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with self._read() as db:
            rows = db.execute(f"SELECT {SUMMARY} FROM interviews WHERE id = ? "  # noqa: S608
                              "OR id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 3",
                              (id_or_prefix, pattern + "%")).fetchall()
        exact = [row for row in rows if row[0] == id_or_prefix]
        if exact or len(rows) == 1:
            return InterviewSummary(*(exact or rows)[0])
        if not rows:
            raise UnknownInterviewError(f"no interview {id_or_prefix!r} in {self.location} "
                                        "('natid interviews list' shows them)")
        raise UnknownInterviewError(f"{id_or_prefix!r} is the beginning of several interview "
                                    "ids: give more of it")

    def interviews(self, status: str | None = None) -> list[InterviewSummary]:
        """Every interview ('open', 'closed' or all), newest first."""
        query = f"SELECT {SUMMARY} FROM interviews"  # noqa: S608
        arguments: tuple[Any, ...] = ()
        if status is not None:
            query += " WHERE status = ?"
            arguments = (status,)
        with self._read() as db:
            rows = db.execute(query + " ORDER BY started_at DESC, id", arguments).fetchall()
        return [InterviewSummary(*row) for row in rows]

    def counts(self) -> list[tuple[str, str, str, int]]:
        """(country, conclusion or 'open', period, number of interviews)."""
        with self._read() as db:
            rows = db.execute(
                "SELECT country, coalesce(conclusion, 'open'), period, count(*) FROM interviews "
                "GROUP BY period, country, coalesce(conclusion, 'open') "
                "ORDER BY period, country").fetchall()
        return [(str(a), str(b), str(c), int(d)) for a, b, c, d in rows]

    # The statistics projection ------------------------------------------------------

    def put_stats(self, rows: list[StatsRow]) -> None:
        """Replace these interviews' statistics rows in one transaction."""
        with self._write() as db:
            for row in rows:
                db.execute(_STATS_UPSERT, row.values())

    def stats_rows(self, first_day: datetime.date, last_day: datetime.date) -> list[StatsRow]:
        """The rows of the interviews held from ``first_day`` to ``last_day`` (inclusive)."""
        with self._read() as db:
            rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM interview_stats "  # noqa: S608
                              "WHERE interviewed_on BETWEEN ? AND ?",
                              (first_day.isoformat(), last_day.isoformat())).fetchall()
        return [StatsRow.from_values(tuple(row)) for row in rows]

    def stats_status(self) -> tuple[int, int]:
        """(statistics rows, interviews without one)."""
        with self._read() as db:
            rows = int(db.execute("SELECT count(*) FROM interview_stats").fetchone()[0])
            missing = int(db.execute(
                "SELECT count(*) FROM interviews WHERE NOT EXISTS (SELECT 1 FROM "
                "interview_stats WHERE interview_stats.interview_id = interviews.id)")
                .fetchone()[0])
        return rows, missing

    def _head(self, interview_id: str) -> str:
        with self._read() as db:
            row = db.execute("SELECT head_hash FROM interviews WHERE id = ?",
                             (interview_id,)).fetchone()
        return str(row[0]) if row else ""

    # Files of documents' copies -------------------------------------------------------

    def put_file(self, interview_id: str, data: bytes, media_type: str) -> bool:
        """Keep a document's file with an open interview (see :meth:`Store.put_file`)."""
        return self._keep_file(interview_id, data, media_type, open_only=True)

    def adopt_file(self, interview_id: str, data: bytes, media_type: str) -> bool:
        """Keep a file another store holds for the interview (see :meth:`Store.adopt_file`)."""
        return self._keep_file(interview_id, data, media_type, open_only=False)

    def _keep_file(self, interview_id: str, data: bytes, media_type: str, *,
                   open_only: bool) -> bool:
        from engine.store.crypto import file_place

        sha256 = hashlib.sha256(data).hexdigest()
        now = format_time(datetime.datetime.now(datetime.UTC))
        master = self._master(create=True)
        with self._write() as db:
            row = db.execute("SELECT status FROM interviews "  # noqa: S608
                             f"WHERE id = ?{self.lock_row}", (interview_id,)).fetchone()
            if row is None:
                raise UnknownInterviewError(f"no interview {interview_id} in {self.location}")
            if open_only and row[0] == "closed":
                raise StoreError(f"interview {interview_id} is closed: nothing more can be "
                                 "recorded")
            sealed = self._sealer_in(db, interview_id, master).seal(
                data, file_place(interview_id, sha256))
            added = db.execute(
                "INSERT INTO files (interview_id, sha256, media_type, size, data, stored_at, "
                "stored_sha256) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (interview_id, sha256) DO NOTHING",
                (interview_id, sha256, media_type, len(data), sealed, now,
                 hashlib.sha256(sealed).hexdigest())).rowcount
        return bool(added == 1)

    def file(self, interview_id: str, sha256: str) -> bytes:
        """The bytes of a file kept with the interview, decrypted (see :meth:`Store.file`)."""
        with self._read() as db:
            row = db.execute("SELECT data, stored_sha256 FROM files WHERE interview_id = ? "
                             "AND sha256 = ?", (interview_id, sha256)).fetchone()
        if row is None:
            raise StoreError(f"the file {sha256[:16]}… of interview {interview_id} is not in "
                             f"{self.location}: run 'natid verify' and restore the database "
                             "from a backup")
        return self._open_file(interview_id, sha256, as_bytes(row[0]), row[1])

    def delete_file(self, interview_id: str, sha256: str) -> None:
        """Remove a file kept for a document that was then refused."""
        with self._write() as db:
            db.execute("DELETE FROM files WHERE interview_id = ? AND sha256 = ?",
                       (interview_id, sha256))

    def stored_files(self, interview_id: str) -> list[tuple[str, str, bytes]]:
        """(sha256, media type, bytes) of every file kept with the interview, decrypted."""
        with self._read() as db:
            rows = db.execute("SELECT sha256, media_type, data, stored_sha256 FROM files "
                              "WHERE interview_id = ? ORDER BY sha256",
                              (interview_id,)).fetchall()
        return [(str(sha), str(media), self._open_file(interview_id, str(sha), as_bytes(data),
                                                       stored))
                for sha, media, data, stored in rows]

    def stored_file_hashes(self, interview_id: str) -> list[tuple[str, str | None, bytes]]:
        """(plain SHA-256, stored SHA-256 or None, stored bytes): nothing decrypted."""
        with self._read() as db:
            rows = db.execute("SELECT sha256, stored_sha256, data FROM files WHERE "
                              "interview_id = ? ORDER BY sha256", (interview_id,)).fetchall()
        return [(str(sha), None if stored is None else str(stored), as_bytes(data))
                for sha, stored, data in rows]

    # Retention ------------------------------------------------------------------------

    def purge(self, closed_before: datetime.date, *, officer: str, reason: str) -> list[str]:
        """Delete interviews closed before that day, destroy their keys, log each purge."""
        return self._purge("status = 'closed' AND closed_at < ?", (closed_before.isoformat(),),
                           officer=officer, reason=reason)

    def purge_interview(self, interview_id: str, *, officer: str, reason: str) -> str:
        """Delete one interview on request (see :meth:`Store.purge_interview`)."""
        summary = self.interview(interview_id)
        self._purge("id = ?", (summary.id,), officer=officer, reason=reason)
        return summary.id

    def _purge(self, where: str, arguments: tuple[Any, ...], *, officer: str,
               reason: str) -> list[str]:
        now = format_time(datetime.datetime.now(datetime.UTC))

        def delete(db: Session) -> list[str]:
            rows = db.execute(
                "SELECT id, country, closed_at, event_count, head_hash "  # noqa: S608
                f"FROM interviews WHERE {where} ORDER BY id{self.lock_row}",
                arguments).fetchall()
            for interview_id, country, closed_at, count, head in rows:
                db.execute("INSERT INTO purge_permits VALUES (?)", (interview_id,))
                db.execute("DELETE FROM data_keys WHERE interview_id = ?", (interview_id,))
                db.execute("DELETE FROM events WHERE interview_id = ?", (interview_id,))
                db.execute("DELETE FROM files WHERE interview_id = ?", (interview_id,))
                db.execute("DELETE FROM interviews WHERE id = ?", (interview_id,))
                db.execute("DELETE FROM purge_permits WHERE interview_id = ?", (interview_id,))
                db.execute("INSERT INTO purges VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           (interview_id, country, closed_at, count, head, now, officer, reason))
            return [str(row[0]) for row in rows]

        return self._shredding(delete)


def as_bytes(payload: object) -> bytes:
    """Stored bytes as written; text or numbers mean someone edited the data outside natid."""
    if isinstance(payload, bytes):
        return payload
    if isinstance(payload, memoryview | bytearray):
        return bytes(payload)
    return str(payload).encode("utf-8")
