"""Documents' files in the store (both backends) and on their way to a consulate."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from engine.documents.mrz_compose import compose
from engine.store import StoreError, open_store
from engine.store.copy import copy_store
from engine.store.recorded import resume_recorded
from tests.conftest import run_natid
from tests.protection_support import finish_india, screened_india
from tests.store_backends import Backend
from tests.store_helpers import INDIA, new_interview
from tests.test_document_files import phone_jpeg, picture, saved

PASSPORT = compose("TD3", document_code="P", issuing_state="IND", surname="SANDHU",
                   given_names="GURPREET SINGH", document_number="K1234567",
                   nationality="IND", birth_date="1995-03-10", sex="M",
                   expiry_date="2031-06-30")


def change_stored_file(backend: Backend, sha256: str) -> None:
    """Flip one byte of a stored file, around natid's triggers, as an intruder could."""
    if backend.name == "sqlite":
        import sqlite3

        connection = sqlite3.connect(backend.path, isolation_level=None)
        try:
            connection.execute("DROP TRIGGER IF EXISTS files_are_never_updated")
            (data,) = connection.execute("SELECT data FROM files WHERE sha256 = ?",
                                         (sha256,)).fetchone()
            changed = bytes([data[0] ^ 1]) + bytes(data[1:])
            connection.execute("UPDATE files SET data = ? WHERE sha256 = ?", (changed, sha256))
        finally:
            connection.close()
        return
    backend.sql("ALTER TABLE files DISABLE TRIGGER USER")
    try:
        backend.sql("UPDATE files SET data = set_byte(data, 0, get_byte(data, 0) # 1) "  # noqa: S608 - a hash the test made
                    f"WHERE sha256 = '{sha256}'")
    finally:
        backend.sql("ALTER TABLE files ENABLE TRIGGER USER")


def test_files_are_kept_once_by_their_hash_with_an_open_interview(backend: Backend) -> None:
    data = phone_jpeg()
    sha = hashlib.sha256(data).hexdigest()
    with backend.open() as store:
        interview = new_interview(store)
        assert store.put_file(interview.id, data, "image/jpeg") is True
        assert store.put_file(interview.id, data, "image/jpeg") is False
        assert store.file(interview.id, sha) == data
        assert store.stored_files(interview.id) == [(sha, "image/jpeg", data)]
        with pytest.raises(StoreError, match="not in"):
            store.file(interview.id, "0" * 64)
        interview.close("the person left", incomplete=True)
        with pytest.raises(StoreError, match="closed"):
            store.put_file(interview.id, b"other", "image/png")


def test_a_changed_file_breaks_verify_and_a_purge_removes_the_files(backend: Backend) -> None:
    import datetime

    data = phone_jpeg()
    sha = hashlib.sha256(data).hexdigest()
    with backend.open() as store:
        interview = new_interview(store)
        store.put_file(interview.id, data, "image/jpeg")
        assert all(report.ok for report in store.verify())
    change_stored_file(backend, sha)
    with backend.open() as store:
        (report,) = store.verify(interview.id)
        assert not report.ok and sha in report.problem
        resume_recorded(store, INDIA.unwrap(), interview.id).close("the person left",
                                                                    incomplete=True)
        store.purge(datetime.date(2999, 1, 1), officer="B. Ruiz", reason="retention")
        assert store.stored_files(interview.id) == []


def test_a_copy_of_the_store_carries_the_files(backend: Backend, tmp_path: Path) -> None:
    data = phone_jpeg()
    with backend.open() as store:
        interview = new_interview(store)
        store.put_file(interview.id, data, "image/jpeg")
        interview.close("the person left", incomplete=True)
        with open_store(str(tmp_path / "copy.db")) as target:
            report = copy_store(store, target)
            assert report.ok
            assert target.stored_files(interview.id) == store.stored_files(interview.id)
            assert copy_store(store, target).ok  # twice: nothing more, nothing broken


# The whole way, on the command line ---------------------------------------------------


@pytest.fixture
def closed_with_a_photo(tmp_path: Path) -> tuple[Path, str, Path]:
    """(database, interview id, the photo's file) of a clean India interview with a passport
    copy attached through ``natid documents add``, then closed."""
    db = tmp_path / "natid.db"
    photo = tmp_path / "passport.jpg"
    photo.write_bytes(phone_jpeg())
    with open_store(str(db)) as store:
        interview = finish_india(screened_india(store=store), close=False)
    code, out, err = run_natid("documents", "add", interview.id, str(photo), "--type",
                               "passport", "--copy", "--mrz", PASSPORT.replace("\n", "|"),
                               "--officer", "A. López", "--db", str(db))
    assert code == 0, err
    assert "passport (copy) of IN no. K1234567" in out and "confirmed" in out
    with open_store(str(db)) as store:
        resume_recorded(store, INDIA.unwrap(), interview.id).close()
    return db, interview.id, photo


def test_the_copy_goes_in_the_pdf_without_its_gps_and_verify_checks_it(
        closed_with_a_photo: tuple[Path, str, Path], tmp_path: Path) -> None:
    db, ident, photo = closed_with_a_photo
    pdf = tmp_path / "request.pdf"
    code, _out, err = run_natid("request", ident, "--format", "pdf", "-o", str(pdf),
                                "--officer", "A. López", "--db", str(db))
    assert code == 0, err
    reader = PdfReader(pdf)
    request = json.loads(reader.attachments["request.json"][0])
    (document,) = request["documents"]
    assert (document["type"], document["original"], document["tier"],
            document["mrz_checked"]) == ("passport", False, "presumption", True)
    copy = reader.attachments[document["file"]["name"]][0]
    assert hashlib.sha256(copy).hexdigest() == document["file"]["sha256"]
    assert document["file"]["original_sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert not Image.open(io.BytesIO(copy)).getexif()  # no GPS, no EXIF at all
    assert reader.pages[-1].images, "the annex page shows the image"
    assert document["file"]["sha256"] in reader.pages[-1].extract_text().replace("\n", "")
    code, out, err = run_natid("verify", "--request", str(pdf), "--db", str(db))
    assert code == 0, err + out


def test_one_changed_byte_in_the_stored_file_fails_verify_and_stops_the_request(
        closed_with_a_photo: tuple[Path, str, Path], tmp_path: Path) -> None:
    db, ident, photo = closed_with_a_photo
    pdf = tmp_path / "request.pdf"
    assert run_natid("request", ident, "--format", "pdf", "-o", str(pdf), "--officer", "A",
                     "--db", str(db))[0] == 0
    change_stored_file(Backend("sqlite", str(db)), hashlib.sha256(photo.read_bytes())
                       .hexdigest())
    code, out, _err = run_natid("verify", "--db", str(db))
    assert code == 1 and "was changed" in out
    code, out, err = run_natid("verify", "--request", str(pdf), "--db", str(db))
    assert code == 1 and "Traceback" not in err
    code, _out, err = run_natid("request", ident, "--format", "json", "-o",
                                str(tmp_path / "again.json"), "--officer", "A", "--db", str(db))
    assert code == 3 and "changed outside natid" in err and "Traceback" not in err
    assert not (tmp_path / "again.json").exists()


def test_a_json_request_has_its_copies_beside_it_and_a_changed_copy_is_found(
        closed_with_a_photo: tuple[Path, str, Path], tmp_path: Path) -> None:
    db, ident, _photo = closed_with_a_photo
    target = tmp_path / "out" / "request.json"
    target.parent.mkdir()
    code, _out, err = run_natid("request", ident, "--format", "json", "-o", str(target),
                                "--officer", "A", "--db", str(db))
    assert code == 0, err
    (copy,) = target.parent.glob("request-document-*.jpg")
    assert run_natid("verify", "--request", str(target), "--db", str(db))[0] == 0
    copy.write_bytes(copy.read_bytes()[:-1] + b"\x00")
    code, _out, err = run_natid("verify", "--request", str(target), "--db", str(db))
    assert code == 1 and "was changed" in err


@pytest.mark.parametrize(("content", "name", "words"), [
    (b"", "empty.jpg", "empty"),
    (saved(picture(), "JPEG")[:300], "cut.jpg", "truncated"),
    (b"PK\x03\x04" + b"\x00" * 60, "copy.zip", "not"),
])
def test_a_refused_file_changes_nothing_in_the_store(content: bytes, name: str, words: str,
                                                     tmp_path: Path) -> None:
    db = tmp_path / "natid.db"
    path = tmp_path / name
    path.write_bytes(content)
    with open_store(str(db)) as store:
        interview = new_interview(store)
        before = len(store.stored_events(interview.id))
    code, _out, err = run_natid("documents", "add", interview.id, str(path), "--type",
                                "passport", "--copy", "--officer", "A", "--db", str(db))
    assert code == 1 and "Traceback" not in err
    assert words in err.lower()
    with open_store(str(db)) as store:
        assert len(store.stored_events(interview.id)) == before
        assert store.stored_files(interview.id) == []


def test_a_png_named_pdf_is_kept_as_a_png(tmp_path: Path) -> None:
    db = tmp_path / "natid.db"
    path = tmp_path / "scan.pdf"
    path.write_bytes(saved(picture(), "PNG"))
    with open_store(str(db)) as store:
        interview = new_interview(store)
    code, out, err = run_natid("documents", "add", interview.id, str(path), "--type",
                               "birth_certificate", "--copy", "--country", "IN",
                               "--officer", "A", "--db", str(db), "--format", "json")
    assert code == 0, err
    (document,) = json.loads(out)["documents"]
    assert document["file"]["media_type"] == "image/png"


def test_a_lower_case_mrz_or_a_bad_date_records_nothing_and_keeps_no_file(
        tmp_path: Path) -> None:
    db = tmp_path / "natid.db"
    path = tmp_path / "passport.jpg"
    path.write_bytes(phone_jpeg())
    with open_store(str(db)) as store:
        interview = new_interview(store)
        before = len(store.stored_events(interview.id))
    for extra, words in ((["--mrz", PASSPORT.lower().replace("\n", "|")], "line 1"),
                         (["--issued", "yesterday"], "YYYY-MM-DD")):
        code, _out, err = run_natid("documents", "add", interview.id, str(path), "--type",
                                    "passport", "--original", *extra, "--officer", "A",
                                    "--db", str(db))
        assert code == 1 and words in err and "Traceback" not in err
    with open_store(str(db)) as store:
        assert len(store.stored_events(interview.id)) == before
        assert store.stored_files(interview.id) == []


def test_a_flagged_interview_sends_no_copy_anywhere(tmp_path: Path) -> None:
    db = tmp_path / "natid.db"
    photo = tmp_path / "passport.jpg"
    photo.write_bytes(phone_jpeg())
    with open_store(str(db)) as store:
        interview = finish_india(screened_india({"fear_of_return": True}, store=store),
                                 close=False)
    assert run_natid("documents", "add", interview.id, str(photo), "--type", "passport",
                     "--copy", "--country", "IN", "--officer", "A", "--db", str(db))[0] == 0
    with open_store(str(db)) as store:
        resume_recorded(store, INDIA.unwrap(), interview.id).close()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, _out, err = run_natid("request", interview.id, "--format", "json", "-o",
                                str(out_dir / "request.json"), "--officer", "A",
                                "--db", str(db))
    assert code == 4 and "Fear of return" in err
    assert list(out_dir.iterdir()) == []
    referral = out_dir / "referral.json"
    assert run_natid("referral", interview.id, "--format", "json", "-o", str(referral),
                     "--officer", "A", "--db", str(db))[0] == 0
    assert list(out_dir.iterdir()) == [referral]
    text = referral.read_text()
    assert "documents" not in json.loads(text)
    assert hashlib.sha256(photo.read_bytes()).hexdigest() not in text
