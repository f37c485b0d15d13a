"""Keys in the SQL store: data keys per interview, the master key that wraps them, the log.

Each interview gets a random data key when it starts (or, for an interview written
before encryption, at its next event); the key is kept wrapped by the master key in
``data_keys``, in the same transaction as the event that first uses it. The master key is
found outside the database (:mod:`engine.store.keys`); ``key_meta`` records which one
is in use, so a wrong key is named as such instead of producing garbage. A new store
with no key anywhere gets one on first use, and says so.

Purging destroys the interview's data key, then replaces the master key, re-wrapping the
remaining data keys in the same transaction, so a backup taken before the purge cannot
be opened with the key in use any more (crypto-shredding).
"""

from __future__ import annotations

import contextlib
import datetime
from abc import abstractmethod
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from engine.interview.events import format_time
from engine.store import keys
from engine.store.base import SealedDataError, Store, StoreSchemaError
from engine.store.crypto import SealBroken, Sealer, file_place, key_place, new_key


class _Session(Protocol):
    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...


def _bytes(value: object) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, memoryview | bytearray):
        return bytes(value)
    return str(value).encode("utf-8")


def _now() -> str:
    return format_time(datetime.datetime.now(datetime.UTC))


class KeyedStore(Store):
    """The key handling and the access log shared by the SQL backends."""

    share_row = ""
    """What ends a SELECT that must hold a row against change (PostgreSQL: FOR SHARE)."""
    sealed_test = "hex(substr(payload, 1, 1)) = '01'"
    """SQL telling a sealed payload (its first byte 0x01) from a plain one."""

    def _init_keys(self) -> None:
        self.notices = []
        self._master_key: keys.MasterKey | None = None
        self._master_sealer: Sealer | None = None
        self._data_keys: dict[str, bytes] = {}
        self._logged: set[tuple[str | None, str, str]] = set()
        self._created_key = False

    @abstractmethod
    def _write(self) -> contextlib.AbstractContextManager[Any]:
        """One write transaction."""

    @abstractmethod
    def _read(self) -> contextlib.AbstractContextManager[Any]:
        """Reading statements."""

    # The master key -------------------------------------------------------------------

    def _key_meta(self) -> tuple[str, str | None]:
        with self._read() as db:
            row = db.execute("SELECT store_id, master_key_id FROM key_meta WHERE id = 1"
                             ).fetchone()
        if row is None:
            raise StoreSchemaError(f"{self.location}: the key table is empty; restore the "
                                   "database from a backup")
        return str(row[0]), None if row[1] is None else str(row[1])

    def _master(self, *, create: bool, use_keyring: bool = False) -> keys.MasterKey:
        """The master key of this store; a new store with none anywhere gets one."""
        if self._master_key is not None:
            return self._master_key
        access = self.reader()
        if not access.reads_personal_data:
            self.log_access(None, "refused")
            raise access.refusal("use the master key (reading or writing a person's data)")
        store_id, recorded = self._key_meta()
        found = keys.find(store_id, recorded)
        created = False
        if found is None:
            if recorded is not None or not create:
                raise keys.MasterKeyError(
                    f"the master key of {self.location} (id {recorded or '—'}) is not here: "
                    f"natid looked in NATID_MASTER_KEY, the key file {keys.key_file(store_id)} "
                    "and the OS keyring. Restore the key file from its backup "
                    "(docs/deployment.md); without it the interviews cannot be read")
            found, created = keys.create(store_id, use_keyring=use_keyring)
        if recorded is None:
            with self._write() as db:
                claimed = db.execute("UPDATE key_meta SET master_key_id = ? WHERE id = 1 AND "
                                     "master_key_id IS NULL", (found.id,)).rowcount == 1
            if not claimed:  # another process gave the store its key a moment ago
                if created and self._key_meta()[1] != found.id:
                    keys.discard(found)  # ours lost; the other one may be this very file
                return self._master(create=False)
            if created:
                self._created_key = True
                self.notices.append(
                    f"natid created the master key of {self.location} in {found.source}: "
                    "back it up apart from the database (docs/deployment.md); without it the "
                    "interviews cannot be read")
        elif found.id != recorded:
            raise keys.MasterKeyError(
                f"the master key in {found.source} (id {found.id}) is not the key of "
                f"{self.location} (id {recorded}): give the right key (NATID_MASTER_KEY or "
                "its key file). A backup taken before a purge or a key rotation cannot be "
                "read with the key in use")
        self._use_master(found)
        return found

    def _use_master(self, master: keys.MasterKey) -> None:
        self._master_key = master
        self._master_sealer = Sealer(master.key)

    def _wrap(self, master: keys.MasterKey, interview_id: str, key: bytes) -> bytes:
        sealer = self._master_sealer if master is self._master_key else Sealer(master.key)
        assert sealer is not None  # noqa: S101 - set with the master key
        return sealer.seal(key, key_place(interview_id))

    def _unwrap(self, master: keys.MasterKey, interview_id: str, wrapped: bytes) -> bytes:
        sealer = self._master_sealer if master is self._master_key else Sealer(master.key)
        assert sealer is not None  # noqa: S101 - set with the master key
        try:
            return sealer.open(wrapped, key_place(interview_id))
        except SealBroken:
            raise SealedDataError(f"the data key of interview {interview_id} does not open "
                                  "under the master key: the database was changed outside "
                                  "natid; restore it from a backup") from None

    # Data keys ------------------------------------------------------------------------

    def _sealer_in(self, db: _Session, interview_id: str, master: keys.MasterKey) -> Sealer:
        """The interview's data key inside a write transaction; made if it has none."""
        known = self._data_keys.get(interview_id)
        if known is not None:
            return Sealer(known)
        row = db.execute("SELECT wrapped FROM data_keys WHERE interview_id = ?",
                         (interview_id,)).fetchone()
        if row is not None:
            key = self._unwrap(master, interview_id, _bytes(row[0]))
            self._data_keys[interview_id] = key
            return Sealer(key)
        self._check_master_in(db, master)
        key = new_key()  # cached only once it is committed: the next use reads it back
        db.execute("INSERT INTO data_keys (interview_id, wrapped, master_key_id, created_at) "
                   "VALUES (?, ?, ?, ?)",
                   (interview_id, self._wrap(master, interview_id, key), master.id, _now()))
        return Sealer(key)

    def _check_master_in(self, db: _Session, master: keys.MasterKey) -> None:
        row = db.execute("SELECT master_key_id FROM key_meta "  # noqa: S608
                         f"WHERE id = 1{self.share_row}").fetchone()
        if row is None or row[0] != master.id:
            self._master_key = None
            raise keys.MasterKeyError(f"the master key of {self.location} was replaced while "
                                      "natid was running: nothing was saved; repeat the action")

    def _adopt_key(self, db: _Session, interview_id: str, key: bytes,
                   master: keys.MasterKey) -> None:
        if db.execute("SELECT 1 FROM data_keys WHERE interview_id = ?",
                      (interview_id,)).fetchone() is None:
            self._check_master_in(db, master)
            db.execute("INSERT INTO data_keys (interview_id, wrapped, master_key_id, "
                       "created_at) VALUES (?, ?, ?, ?)",
                       (interview_id, self._wrap(master, interview_id, key), master.id,
                        _now()))

    def data_key(self, interview_id: str) -> bytes | None:
        """The interview's data key (a logged read; None: written before encryption)."""
        self.authorise_read(interview_id)
        known = self._data_keys.get(interview_id)
        if known is not None:
            return known
        with self._read() as db:
            row = db.execute("SELECT wrapped FROM data_keys WHERE interview_id = ?",
                             (interview_id,)).fetchone()
        if row is None:
            return None
        key = self._unwrap(self._master(create=False), interview_id, _bytes(row[0]))
        self._data_keys[interview_id] = key
        return key

    def _open_file(self, interview_id: str, sha256: str, data: bytes,
                   stored_sha256: object) -> bytes:
        """A stored file's plain bytes (files stored before encryption are plain)."""
        if stored_sha256 is None:
            self.authorise_read(interview_id)
            return data
        key = self.data_key(interview_id)
        if key is None:
            raise SealedDataError(f"the file {sha256[:16]}… of interview {interview_id} is "
                                  "encrypted but the interview has no data key: the database "
                                  "was changed outside natid (run 'natid verify')")
        try:
            return Sealer(key).open(data, file_place(interview_id, sha256))
        except SealBroken:
            raise SealedDataError(f"the file {sha256[:16]}… of interview {interview_id} does "
                                  "not decrypt: it was changed outside natid (run 'natid "
                                  "verify' and restore the database from a backup)") from None

    # Replacing the master key ---------------------------------------------------------

    def _rewrap(self, db: _Session, old: keys.MasterKey, new: keys.MasterKey) -> int:
        """Re-wrap every data key under ``new`` (key_meta first: it holds appends off)."""
        db.execute("UPDATE key_meta SET master_key_id = ?, rotated_at = ? WHERE id = 1",
                   (new.id, _now()))
        rows = db.execute("SELECT interview_id, wrapped FROM data_keys").fetchall()
        new_sealer = Sealer(new.key)
        for interview_id, wrapped in rows:
            key = self._unwrap(old, str(interview_id), _bytes(wrapped))
            db.execute("UPDATE data_keys SET wrapped = ?, master_key_id = ? "
                       "WHERE interview_id = ?",
                       (new_sealer.seal(key, key_place(str(interview_id))), new.id,
                        interview_id))
        return len(rows)

    def rotate_master(self, new_key_file: str | None = None) -> tuple[str, str, int, str]:
        """Replace the master key; every data key re-wrapped, no data re-encrypted."""
        old = self._master(create=False)
        store_id, _ = self._key_meta()
        replacement = keys.stage(store_id, old, Path(new_key_file) if new_key_file else None)
        try:
            with self._write() as db:
                count = self._rewrap(db, old, replacement.new)
        except BaseException:
            keys.abandon(replacement)
            raise
        keys.put_in_place(replacement)
        self._use_master(replacement.new)
        return old.id, replacement.new.id, count, replacement.new.source

    def _shredding(self, delete: Callable[[Any], list[str]]) -> list[str]:
        """Run a purge, then replace the master key in the same transaction."""
        store_id, recorded = self._key_meta()
        old = self._master(create=False) if recorded is not None else None
        replacement = None
        if old is not None:
            try:
                replacement = keys.stage(store_id, old)
            except keys.MasterKeyError:
                replacement = None
        try:
            with self._write() as db:
                purged = delete(db)
                if purged and old is not None and replacement is not None:
                    self._rewrap(db, old, replacement.new)
        except BaseException:
            if replacement is not None:
                keys.abandon(replacement)
            raise
        for interview_id in purged:
            self._data_keys.pop(interview_id, None)
        if replacement is not None and purged:
            keys.put_in_place(replacement)
            self._use_master(replacement.new)
        elif replacement is not None:
            keys.abandon(replacement)
        elif purged and old is not None:
            self.notices.append(
                f"the master key comes from {old.source}, which natid cannot replace: until "
                "you run 'natid keys rotate --new-key-file FILE', a backup taken before this "
                "purge can still be read with the key in use")
        return purged

    def ensure_master(self, *, use_keyring: bool = False) -> tuple[str, str, bool]:
        """(master key id, where it is, whether natid created it now)."""
        master = self._master(create=True, use_keyring=use_keyring)
        return master.id, master.source, self._created_key

    def key_status(self) -> dict[str, object]:
        """The store's id, its master key's id, and what is still stored in clear."""
        store_id, recorded = self._key_meta()
        with self._read() as db:
            data_keys = int(db.execute("SELECT count(*) FROM data_keys").fetchone()[0])
            plain = int(db.execute(
                f"SELECT count(*) FROM events WHERE NOT ({self.sealed_test})"  # noqa: S608
            ).fetchone()[0])
            plain_files = int(db.execute(
                "SELECT count(*) FROM files WHERE stored_sha256 IS NULL").fetchone()[0])
        status: dict[str, object] = {
            "store_id": store_id, "master_key_id": recorded, "data_keys": data_keys,
            "plain_events": plain, "plain_files": plain_files}
        try:
            found = keys.find(store_id, recorded)
        except keys.MasterKeyError as error:
            status["key"] = None
            status["key_problem"] = error.message
        else:
            status["key"] = None if found is None else found.source
            status["key_matches"] = found is not None and found.id == recorded
        return status

    # The access log -------------------------------------------------------------------

    def log_access(self, interview_id: str | None, outcome: str = "read") -> None:
        """Record a read (once per interview and command) or a refusal."""
        access = self.reader()
        mark = (interview_id, outcome, access.command)
        if outcome == "read" and mark in self._logged:
            return
        with self._write() as db:
            db.execute("INSERT INTO access_log (at, who, role, command, interview_id, outcome) "
                       "VALUES (?, ?, ?, ?, ?, ?)",
                       (_now(), access.who, access.role, access.command, interview_id, outcome))
        self._logged.add(mark)

    def access_log(self, interview_id: str | None = None) -> list[dict[str, str | None]]:
        """The access log, oldest first."""
        query = "SELECT at, who, role, command, interview_id, outcome FROM access_log"
        arguments: tuple[Any, ...] = ()
        if interview_id:
            query += " WHERE interview_id = ? OR interview_id LIKE ?"
            arguments = (interview_id, interview_id.replace("%", "").replace("_", "") + "%")
        with self._read() as db:
            rows = db.execute(query + " ORDER BY at, who", arguments).fetchall()
        names = ("at", "who", "role", "command", "interview_id", "outcome")
        return [dict(zip(names, (None if value is None else str(value) for value in row),
                         strict=True)) for row in rows]
