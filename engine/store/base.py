"""The store interface: what natid needs from any backend that keeps interviews.

The store persists events and nothing else that matters: interviews are rebuilt
from them. A backend keeps, per interview, a row with its chain head and a few
non-identifying columns (country, status, period, conclusion) in the same
transaction as the event that changes them. Everything above this interface
(the interview, the CLI, the app) works the same on every backend.
"""

from __future__ import annotations

import datetime
import hashlib
from abc import ABC, abstractmethod
from dataclasses import dataclass

from engine.errors import UsageError, UserError
from engine.interview.events import Event
from engine.stats.row import StatsRow
from engine.store.access import Access
from engine.store.chain import ChainReport, StoredEvent
from engine.store.codec import SealedCodec


class StoreError(UserError):
    """The store cannot be opened, read or written; nothing half-done was kept."""

    code = "NATID-E060"


class StoreConflictError(StoreError):
    """The interview changed elsewhere since it was read: reload it and repeat the action."""

    code = "NATID-E061"


class StoreConnectionError(StoreError):
    """The database server cannot be reached, refused the connection, or was cut off.

    What was being saved is either whole in the database or not there at all.
    """

    code = "NATID-E063"


class StoreSchemaError(StoreError):
    """The database's schema: none, older (to upgrade), newer, or an upgrade that failed.

    A failed upgrade leaves the schema as it was.
    """

    code = "NATID-E064"


class SealedDataError(StoreError):
    """Encrypted data does not open under its key: it was altered, or moved from elsewhere."""

    code = "NATID-E067"


class UnknownInterviewError(UsageError):
    """No interview has that id (or the id's beginning fits several)."""

    code = "NATID-E062"


@dataclass(frozen=True)
class InterviewSummary:
    """What a listing shows of an interview: nothing that identifies the person."""

    id: str
    country: str
    questionnaire_version: str
    content_hash: str
    started_at: str
    officer: str
    status: str
    closed_at: str | None
    conclusion: str | None
    event_count: int
    office: str = ""


def period_of(at: str) -> str:
    """The quarter a timestamp falls in, e.g. '2026-Q4'."""
    return f"{at[:4]}-Q{(int(at[5:7]) - 1) // 3 + 1}"


class Store(ABC):
    """Where interviews' events are kept."""

    codec = SealedCodec()
    kind = ""
    """The kind of database, as shown to people ('SQLite', 'PostgreSQL')."""
    dialect = ""
    """Which migrations it takes (:mod:`engine.store.schema`)."""
    location: str = ""
    """Where the store is, as shown in messages (a path, or a URL without its password)."""
    schema_found = 0
    """The schema version the database was at when it was opened."""
    schema_version = 0
    """The schema version it is at now."""
    access: Access | None = None
    """Who reads through this store, in which role and command (default: as configured)."""
    notices: list[str]
    """What natid did that the person should know (e.g. a master key was created)."""

    @abstractmethod
    def append(self, interview_id: str, event: Event, *, expected_count: int | None = None,
               conclusion: str | None = None, stats: StatsRow | None = None) -> StoredEvent:
        """Store one event durably before returning.

        Args:
            interview_id: the interview (a 'started' event creates it).
            event: the event.
            expected_count: the number of events the caller knows of; if the interview
                has more or fewer, :class:`StoreConflictError` and nothing is written.
            conclusion: for a 'closed' event, the assessment's conclusion, kept for
                statistics.
            stats: the interview's statistics row as this event leaves it; it replaces
                the stored one in the same transaction (both are written, or neither).
        """

    @abstractmethod
    def adopt(self, summary: InterviewSummary, events: list[StoredEvent],
              data_key: bytes | None = None) -> int:
        """Take an interview's events exactly as another store holds them (for copying).

        Ids, times, stored bytes and hashes are kept, and ``data_key`` (the interview's
        data key, from :meth:`data_key` of the other store) is wrapped under this store's
        master key. Events already here are skipped, so adopting twice adds nothing;
        returns the number of events added.

        Raises:
            StoreConflictError: this store holds that interview with other events.
        """

    @abstractmethod
    def stored_events(self, interview_id: str) -> list[StoredEvent]:
        """An interview's events as stored (bytes and hashes), in order."""

    @abstractmethod
    def interview(self, id_or_prefix: str) -> InterviewSummary:
        """One interview, by its id or a unique beginning of it."""

    @abstractmethod
    def interviews(self, status: str | None = None) -> list[InterviewSummary]:
        """Every interview ('open', 'closed' or all), newest first."""

    @abstractmethod
    def purge(self, closed_before: datetime.date, *, officer: str, reason: str) -> list[str]:
        """Delete interviews closed before that day; log each purge; return their ids.

        Their data keys are destroyed and the master key replaced (the remaining data keys
        re-wrapped), so a backup taken before cannot be read with the key in use.
        """

    @abstractmethod
    def purge_interview(self, interview_id: str, *, officer: str, reason: str) -> str:
        """Delete one interview (open or closed) on request, as :meth:`purge` does."""

    @abstractmethod
    def data_key(self, interview_id: str) -> bytes | None:
        """The interview's data key, unwrapped (None: it was written before encryption).

        A read of the person's data: allowed to officers and supervisors, and logged.
        """

    @abstractmethod
    def ensure_master(self, *, use_keyring: bool = False) -> tuple[str, str, bool]:
        """(master key id, where it is kept, whether it was created now)."""

    @abstractmethod
    def rotate_master(self, new_key_file: str | None = None) -> tuple[str, str, int, str]:
        """Replace the master key, re-wrapping every data key.

        Returns (old id, new id, data keys re-wrapped, where the new key is kept).
        """

    @abstractmethod
    def key_status(self) -> dict[str, object]:
        """What the store records of its keys, and how much is still stored in clear."""

    @abstractmethod
    def log_access(self, interview_id: str | None, outcome: str = "read") -> None:
        """Record one read (or refusal) of a person's data in the access log."""

    @abstractmethod
    def access_log(self, interview_id: str | None = None) -> list[dict[str, str | None]]:
        """The access log, oldest first (one interview's, or all)."""

    @abstractmethod
    def counts(self) -> list[tuple[str, str, str, int]]:
        """(country, conclusion or 'open', period, number of interviews), for statistics."""

    @abstractmethod
    def put_stats(self, rows: list[StatsRow]) -> None:
        """Replace the statistics rows of these interviews, all in one transaction."""

    @abstractmethod
    def stats_rows(self, first_day: datetime.date, last_day: datetime.date) -> list[StatsRow]:
        """The statistics rows of the interviews held from ``first_day`` to ``last_day``."""

    @abstractmethod
    def stats_status(self) -> tuple[int, int]:
        """(statistics rows, interviews in the store without one)."""

    @abstractmethod
    def put_file(self, interview_id: str, data: bytes, media_type: str) -> bool:
        """Keep the file of a document's copy with an open interview, by its SHA-256.

        Returns whether it is new (False: the interview holds that file already).

        Raises:
            UnknownInterviewError: no such interview; StoreError: it is closed.
        """

    @abstractmethod
    def adopt_file(self, interview_id: str, data: bytes, media_type: str) -> bool:
        """Keep a file another store holds for the interview, open or closed (for copying)."""

    @abstractmethod
    def file(self, interview_id: str, sha256: str) -> bytes:
        """The bytes of a file kept with the interview.

        Raises:
            StoreError: the interview holds no such file.
        """

    @abstractmethod
    def delete_file(self, interview_id: str, sha256: str) -> None:
        """Remove a file kept for a document the interview then refused to record."""

    @abstractmethod
    def stored_files(self, interview_id: str) -> list[tuple[str, str, bytes]]:
        """(sha256, media type, bytes) of every file kept with the interview (decrypted)."""

    @abstractmethod
    def stored_file_hashes(self, interview_id: str) -> list[tuple[str, str | None, bytes]]:
        """(plain SHA-256, SHA-256 of the stored bytes or None, stored bytes) of each file.

        Reads nothing of the person: the bytes stay as stored (encrypted).
        """

    @abstractmethod
    def check_database(self) -> list[str]:
        """Problems the backend itself finds in its storage ([] when sound)."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    # Shared by every backend ----------------------------------------------------------

    def events(self, interview_id: str) -> list[Event]:
        """An interview's events, decrypted and decoded, in order (a logged read)."""
        from engine.store.crypto import SealBroken, Sealer

        summary = self.interview(interview_id)
        stored_events = self.stored_events(summary.id)
        sealer = None
        if any(self.codec.sealed(stored.payload) for stored in stored_events):
            key = self.data_key(summary.id)
            if key is None:
                raise SealedDataError(f"interview {summary.id} has encrypted events but no "
                                      "data key: it was purged, or the database was changed "
                                      "outside natid (run 'natid verify')")
            sealer = Sealer(key)
        else:
            self.authorise_read(summary.id)
        decoded = []
        for stored in stored_events:
            try:
                decoded.append(Event.from_dict(
                    self.codec.decode(stored.payload, summary.id, stored.seq, sealer),
                    stored.seq - 1))
            except SealBroken:
                raise SealedDataError(f"event {stored.seq} of interview {summary.id} does not "
                                      "decrypt: the database was changed outside natid (run "
                                      "'natid verify' and restore it from a backup)") from None
            except (ValueError, UserError, RecursionError):
                raise StoreError(f"event {stored.seq} of interview {summary.id} cannot be "
                                 "read: the database was changed outside natid "
                                 "(run 'natid verify')") from None
        return decoded

    def authorise_read(self, interview_id: str) -> None:
        """Log a read of the interview's data, or refuse (and log) it for this role.

        Raises:
            RoleRefusedError: the role may not read a person's data.
        """
        access = self.reader()
        if not access.reads_personal_data:
            self.log_access(interview_id, "refused")
            raise access.refusal("read a person's data")
        self.log_access(interview_id, "read")

    def reader(self) -> Access:
        """Who reads through this store (configured on first use)."""
        if self.access is None:
            self.access = Access.configured()
        return self.access

    def verify(self, interview_id: str | None = None) -> list[ChainReport]:
        """Check the hash chain of one interview, or of all of them."""
        from engine.store.chain import verify_chain

        summaries = ([self.interview(interview_id)] if interview_id is not None
                     else self.interviews())
        reports = []
        for summary in summaries:
            report = verify_chain(summary.id, summary.content_hash,
                                  self.stored_events(summary.id), self._head(summary.id),
                                  summary.event_count)
            changed = [sha for sha, stored_sha, data in self.stored_file_hashes(summary.id)
                       if hashlib.sha256(data).hexdigest() != (stored_sha or sha)]
            if report.ok and changed:
                report = ChainReport(summary.id, report.events, False, None,
                                     f"the file {changed[0]} was changed: its bytes no longer "
                                     "give its SHA-256")
            reports.append(report)
        return reports

    @abstractmethod
    def _head(self, interview_id: str) -> str:
        """The recorded hash of the interview's last event."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
