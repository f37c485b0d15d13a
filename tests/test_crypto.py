"""Confidentiality at rest: nothing that identifies a person is readable without the key.

Payloads and files are sealed with AES-256-GCM under a data key per interview, wrapped
by a master key kept outside the database (docs/deployment.md). These tests search the
raw database bytes, take the key away, give a wrong one, loosen its file, rotate it,
tamper with ciphertext, and open a backup taken before a purge.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from engine.store import open_store
from engine.store.base import SealedDataError, StoreError
from engine.store.codec import PlainCodec
from engine.store.crypto import SealBroken, Sealer, event_place, new_key
from engine.store.keys import MasterKeyError, UnsafeKeyFileError
from tests.conftest import run_natid
from tests.store_backends import Backend
from tests.store_helpers import INDIA, new_interview
from tests.test_store import change_a_byte

NAME = "Zorawarjit Quetzalbhai"
FILE_MARK = b"PASSPORT-SCAN-OF-ZORAWARJIT"


def distinctive_interview(store) -> str:
    interview = new_interview(store)
    interview.answer("full_name", NAME)
    store.put_file(interview.id, FILE_MARK * 50, "image/jpeg")
    return interview.id


def raw_bytes(backend: Backend, request: pytest.FixtureRequest) -> bytes:
    """Everything the database holds on disk (SQLite: file and WAL; PostgreSQL: a dump)."""
    if backend.name == "sqlite":
        return b"".join(path.read_bytes() for path in backend.path.parent.iterdir()
                        if path.name.startswith(backend.path.name))
    server = request.getfixturevalue("postgres")
    dumped = subprocess.run([str(server.bin / "pg_dump"), "--data-only", backend.location],
                            capture_output=True, check=True, timeout=60)
    return dumped.stdout


@pytest.fixture
def own_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A key folder of this test's own (so it may take keys away and loosen them)."""
    folder = tmp_path / "keys"
    monkeypatch.setenv("NATID_KEY_DIR", str(folder))
    return folder


def test_no_name_and_no_file_is_readable_in_the_raw_database(
        backend: Backend, request: pytest.FixtureRequest) -> None:
    with backend.open() as store:
        interview_id = distinctive_interview(store)
        assert any(NAME in str(event.data) for event in store.events(interview_id))
        assert store.stored_files(interview_id)[0][2] == FILE_MARK * 50
        raw = raw_bytes(backend, request)
    assert len(raw) > 10_000
    for secret in (NAME.encode(), NAME.encode("utf-16-le"), b"Gurpreet", FILE_MARK):
        assert secret not in raw
    # The statistics projection and the listing stay readable: they identify no one.
    assert interview_id.encode() in raw


def test_verify_needs_no_key_and_reading_needs_the_right_one(
        backend: Backend, own_keys: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with backend.open() as store:
        interview_id = distinctive_interview(store)
    key_file = next(own_keys.iterdir())
    monkeypatch.setenv("NATID_KEY_DIR", str(own_keys.parent / "elsewhere"))
    with backend.open() as store:
        assert [report.ok for report in store.verify()] == [True]
        with pytest.raises(MasterKeyError, match="Restore the key file"):
            store.events(interview_id)
    monkeypatch.setenv("NATID_MASTER_KEY", base64.b64encode(new_key()).decode())
    with backend.open() as store, pytest.raises(MasterKeyError, match="not the key of"):
        store.events(interview_id)
    monkeypatch.delenv("NATID_MASTER_KEY")
    monkeypatch.setenv("NATID_KEY_DIR", str(own_keys))
    with backend.open() as store:
        assert any(NAME in str(event.data) for event in store.events(interview_id))
    # The key file itself names the key in base64: the key goes in NATID_MASTER_KEY as is.
    monkeypatch.setenv("NATID_MASTER_KEY", key_file.read_text().split()[1])
    monkeypatch.setenv("NATID_KEY_DIR", str(own_keys.parent / "elsewhere"))
    with backend.open() as store:
        assert len(store.events(interview_id)) == 5


def test_a_missing_or_wrong_key_is_one_line_and_exit_3(
        tmp_path: Path, own_keys: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "natid.db"
    with open_store(db) as store:
        interview_id = distinctive_interview(store)
    for key_file in own_keys.iterdir():
        key_file.rename(tmp_path / key_file.name)
    code, out, err = run_natid("interviews", "show", interview_id, "--db", str(db))
    assert code == 3, err
    assert "NATID" not in out and NAME not in out
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "Restore the key file" in err
    monkeypatch.setenv("NATID_MASTER_KEY", base64.b64encode(new_key()).decode())
    code, _, err = run_natid("interviews", "export", interview_id, "--db", str(db))
    assert code == 3, err
    assert "is not the key of" in err and "Traceback" not in err
    monkeypatch.setenv("NATID_MASTER_KEY", "not base64!")
    code, _, err = run_natid("interviews", "show", interview_id, "--db", str(db))
    assert code == 3, err
    assert "NATID_MASTER_KEY does not hold a natid master key" in err


def test_a_key_file_others_may_read_is_refused_until_fixed(
        tmp_path: Path, own_keys: Path) -> None:
    db = tmp_path / "natid.db"
    code, out, err = run_natid("init", "--db", str(db))
    assert code == 0, err
    assert "created in the key file" in out
    (key_file,) = own_keys.iterdir()
    assert key_file.stat().st_mode & 0o777 == 0o600
    with open_store(db) as store:
        interview_id = distinctive_interview(store)
    key_file.chmod(0o644)
    code, _, err = run_natid("interviews", "show", interview_id, "--db", str(db))
    assert code == 3, err
    assert f"chmod 600 {key_file}" in err
    with open_store(db) as store, pytest.raises(UnsafeKeyFileError):
        store.events(interview_id)
    key_file.chmod(0o600)
    code, out, err = run_natid("interviews", "show", interview_id, "--db", str(db))
    assert code == 0, err
    assert NAME in out


def test_a_new_store_gets_a_key_on_first_use_and_says_so(tmp_path: Path,
                                                         own_keys: Path) -> None:
    with open_store(tmp_path / "natid.db") as store:
        assert store.notices == []
        new_interview(store)
        (notice,) = store.notices
    assert "created the master key" in notice and "back it up" in notice
    assert len(list(own_keys.iterdir())) == 1
    code, out, err = run_natid("init", "--db", str(tmp_path / "natid.db"))
    assert code == 0, err
    assert "is in the key file" in out


def test_rotating_the_key_rewraps_every_data_key_without_reencrypting(
        backend: Backend) -> None:
    with backend.open() as store:
        first = distinctive_interview(store)
        second = new_interview(store).id
        before = [stored.payload for stored in store.stored_events(first)]
        old, new, count, _where = store.rotate_master()
        assert old != new and count == 2
        assert [stored.payload for stored in store.stored_events(first)] == before
    with backend.open() as store:
        assert any(NAME in str(event.data) for event in store.events(first))
        assert len(store.events(second)) == 4
        assert store.key_status()["master_key_id"] == new
        assert [report.ok for report in store.verify()] == [True, True]


def test_a_backup_taken_before_a_purge_cannot_be_read_after_it(
        tmp_path: Path, own_keys: Path) -> None:
    db = tmp_path / "natid.db"
    with open_store(db) as store:
        purged = distinctive_interview(store)
        kept = new_interview(store).id
    backup = tmp_path / "backup.db"
    shutil.copy(db, backup)  # the WAL was checkpointed when the store was closed
    code, out, err = run_natid("purge", "--interview", purged[:8], "--reason",
                               "the person asked", "--officer", "Supervisor", "--db", str(db),
                               "--yes")
    assert code == 0, err
    assert "master key was replaced" in out
    with open_store(db) as store:
        assert [summary.id for summary in store.interviews()] == [kept]
        assert len(store.events(kept)) == 4
        assert [report.ok for report in store.verify()] == [True]
    with open_store(backup) as old:
        assert {summary.id for summary in old.interviews()} == {purged, kept}
        assert [report.ok for report in old.verify()] == [True, True]  # intact, but sealed
        for interview_id in (purged, kept):
            with pytest.raises(MasterKeyError, match="before a purge"):
                old.events(interview_id)
    code, out, err = run_natid("interviews", "show", purged, "--db", str(backup))
    assert code == 3 and NAME not in out
    raw = db.read_bytes() + b"".join(path.read_bytes() for path in own_keys.iterdir())
    assert NAME.encode() not in raw


def test_a_purge_logs_who_when_and_why_without_content(backend: Backend) -> None:
    with backend.open() as store:
        interview_id = distinctive_interview(store)
        assert store.purge_interview(interview_id[:6], officer="Supervisor",
                                     reason="the person asked") == interview_id
        assert store.interviews() == []
    rows = backend.sql("SELECT interview_id, officer, reason FROM purges")
    assert rows == [(interview_id, "Supervisor", "the person asked")]
    assert backend.sql("SELECT count(*) FROM data_keys") == [(0,)]
    assert backend.sql("SELECT count(*) FROM interview_stats") == [(1,)]


def test_a_changed_ciphertext_byte_is_caught_by_the_chain_and_by_gcm(
        backend: Backend) -> None:
    with backend.open() as store:
        interview_id = distinctive_interview(store)
    backend.tamper(change_a_byte(backend, seq=2, at=30))
    with backend.open() as store:
        (report,) = store.verify(interview_id)
        assert not report.ok and report.broken_at == 2
        with pytest.raises(SealedDataError, match="does not decrypt") as caught:
            store.events(interview_id)
    assert caught.value.code == "NATID-E067"


def test_gcm_refuses_a_ciphertext_moved_to_another_place() -> None:
    sealer = Sealer(new_key())
    sealed = sealer.seal(b'{"value":"x"}', event_place("a", 2))
    assert sealer.open(sealed, event_place("a", 2)) == b'{"value":"x"}'
    for place in (event_place("a", 3), event_place("b", 2)):
        with pytest.raises(SealBroken):
            sealer.open(sealed, place)
    with pytest.raises(SealBroken):
        Sealer(new_key()).open(sealed, event_place("a", 2))


def test_a_changed_file_is_caught_without_the_key_and_refused_with_it(
        backend: Backend) -> None:
    with backend.open() as store:
        interview_id = distinctive_interview(store)
        ((sha, _media, _data),) = store.stored_files(interview_id)
    if backend.name == "sqlite":
        ((data,),) = backend.sql("SELECT data FROM files")
        changed = bytearray(data)
        changed[40] ^= 1
        backend.sql("DROP TRIGGER files_are_never_updated")
        backend.sql(f"UPDATE files SET data = x'{changed.hex()}'")  # noqa: S608
    else:
        backend.sql("ALTER TABLE files DISABLE TRIGGER USER")
        backend.sql("UPDATE files SET data = set_byte(data, 40, get_byte(data, 40) # 1)")
    with backend.open() as store:
        (report,) = store.verify(interview_id)
        assert not report.ok and "file" in report.problem
        with pytest.raises(SealedDataError):
            store.file(interview_id, sha)


def test_payloads_written_before_encryption_stay_readable_and_are_never_rewritten(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(tmp_path / "natid.db") as store:
        monkeypatch.setattr(store, "codec", PlainCodec())
        interview = new_interview(store)
        monkeypatch.undo()
    with open_store(tmp_path / "natid.db") as store:
        plain = [stored.payload for stored in store.stored_events(interview.id)]
        assert all(payload.startswith(b"{") for payload in plain)
        from engine.store.recorded import resume_recorded

        resumed = resume_recorded(store, INDIA.unwrap(), interview.id)
        resumed.answer("full_name", NAME)
        stored = store.stored_events(interview.id)
        assert [s.payload for s in stored[:4]] == plain
        assert stored[-1].payload[:1] == b"\x01"
        assert store.events(interview.id)[-1].data["value"] == NAME
        assert store.key_status()["plain_events"] == 4
        assert [report.ok for report in store.verify()] == [True]


def test_db_copy_rewraps_the_data_keys_under_the_targets_key(
        tmp_path: Path, own_keys: Path) -> None:
    source, target = tmp_path / "a.db", tmp_path / "b.db"
    with open_store(source) as store:
        interview_id = distinctive_interview(store)
    code, out, err = run_natid("db", "copy", str(source), str(target))
    assert code == 0, err + out
    assert len(list(own_keys.iterdir())) == 2  # each store has a master key of its own
    with open_store(target) as store:
        assert any(NAME in str(event.data) for event in store.events(interview_id))
        assert store.stored_files(interview_id)[0][2] == FILE_MARK * 50
    assert NAME.encode() not in target.read_bytes()


def test_every_store_error_of_the_keys_is_a_store_error() -> None:
    assert issubclass(MasterKeyError, StoreError)
    assert issubclass(UnsafeKeyFileError, StoreError)
    assert os.environ["NATID_KEY_DIR"]  # conftest keeps tests off the user's real keys
