"""The store's commands: interviews list/show/export, verify, purge; their exit codes.

The commands run on both backends (``--db PATH`` and ``--db postgresql://…``); the
damaged-file cases are SQLite's own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.store import open_store
from tests.conftest import run_natid
from tests.store_backends import Backend
from tests.store_helpers import new_interview, tamper


def fill(location: str, tmp_path: Path) -> None:
    with open_store(location) as store:
        open_one = new_interview(store)
        closed = new_interview(store, officer="B. Ruiz")
        closed.close("the person was transferred", incomplete=True)
    (tmp_path / "ids").write_text(f"{open_one.id} {closed.id}")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A SQLite store with an open and a closed interview."""
    path = tmp_path / "natid.db"
    fill(str(path), tmp_path)
    return path


@pytest.fixture
def stored(backend: Backend, tmp_path: Path) -> Backend:
    """The same, on each backend."""
    fill(backend.location, tmp_path)
    return backend


def ids(tmp_path: Path) -> list[str]:
    return (tmp_path / "ids").read_text().split()


def test_list_shows_interviews_without_personal_data(stored: Backend, tmp_path: Path) -> None:
    db = stored.location
    code, out, err = run_natid("interviews", "list", "--db", db)
    assert code == 0, err
    assert len(out.strip().splitlines()) == 2
    assert "Gurpreet" not in out
    code, out, _ = run_natid("interviews", "list", "--status", "open", "--format", "json",
                             "--db", db)
    listed = json.loads(out)
    assert [item["id"] for item in listed] == [ids(tmp_path)[0]]
    assert listed[0]["country"] == "IN"


def test_show_and_export_then_score(stored: Backend, tmp_path: Path) -> None:
    db = stored.location
    first = ids(tmp_path)[0]
    code, out, _ = run_natid("interviews", "show", first[:8], "--db", db)
    assert code == 0
    assert 'value="Gurpreet Singh"' in out
    target = tmp_path / "record.json"
    code, _, err = run_natid("interviews", "export", first[:8], "-o", str(target), "--db", db)
    assert code == 0, err
    assert json.loads(target.read_text())["interview_id"] == first
    code, out, _ = run_natid("score", str(target))
    assert code == 0
    assert "currency: confirmed" in out
    code, _, err = run_natid("interviews", "export", first, "-o", str(target), "--db", db)
    assert code == 2
    assert "exists already" in err


def test_verify_reports_intact_then_broken(stored: Backend) -> None:
    code, out, _ = run_natid("verify", "--db", stored.location)
    assert code == 0
    assert "2 interviews checked: 2 intact, 0 broken" in out
    stored.tamper("UPDATE events SET at = '2020-01-01T00:00:00.000000Z' WHERE seq = 3")
    code, out, _ = run_natid("verify", "--db", stored.location)
    assert code == 1
    assert "BROKEN" in out
    assert "at event 3: event 3 was changed after it was written" in out


def test_purge_lists_first_and_deletes_with_yes(stored: Backend, tmp_path: Path) -> None:
    db = stored.location
    code, out, _ = run_natid("purge", "--closed-before", "2999-01-01", "--officer", "Sup",
                             "--db", db)
    assert code == 0
    assert "1 closed before 2999-01-01; run again with --yes" in out
    code, out, _ = run_natid("purge", "--closed-before", "2999-01-01", "--officer", "Sup",
                             "--yes", "--db", db)
    assert code == 0
    assert "purged 1 interview closed before 2999-01-01" in out
    code, out, _ = run_natid("interviews", "list", "--format", "json", "--db", db)
    assert [item["id"] for item in json.loads(out)] == [ids(tmp_path)[0]]


def test_a_bad_date_is_a_usage_error(db: Path) -> None:
    code, _, err = run_natid("purge", "--closed-before", "next week", "--officer", "S",
                             "--db", str(db))
    assert code == 2
    assert "'next week' is not a date" in err


@pytest.mark.parametrize("problem", ["missing", "damaged", "newer", "unknown id"])
def test_store_problems_exit_3_or_2_with_a_clear_message(db: Path, tmp_path: Path,
                                                          problem: str) -> None:
    target = db
    arguments = ["interviews", "list"]
    if problem == "missing":
        target = tmp_path / "nowhere.db"
    elif problem == "damaged":
        for companion in db.parent.glob("natid.db-*"):
            companion.unlink()
        db.write_bytes(b"\x00garbage" * 1000)
    elif problem == "newer":
        tamper(db, "PRAGMA user_version = 42")
    else:
        arguments = ["interviews", "show", "ffffffff"]
    before = target.read_bytes() if target.exists() else None
    code, _, err = run_natid(*arguments, "--db", str(target))
    assert code == (2 if problem == "unknown id" else 3)
    assert err.startswith("natid: ")
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    if before is not None:
        assert target.read_bytes() == before
    assert not (tmp_path / "nowhere.db").exists()
