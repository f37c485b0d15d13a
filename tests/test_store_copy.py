"""``natid db copy``: an officer's SQLite file through the office's PostgreSQL and back."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from engine.interview import Event, EventKind
from engine.interview.events import format_time
from engine.store import Store, open_store
from tests.conftest import run_natid
from tests.store_backends import Backend
from tests.store_helpers import new_interview


def everything(store: Store) -> dict[str, tuple[object, ...]]:
    """Each interview's summary and stored events (bytes and hashes), by id."""
    return {summary.id: (summary, store.stored_events(summary.id))
            for summary in store.interviews()}


def filled(path: Path) -> dict[str, tuple[object, ...]]:
    """A SQLite store with an open, a closed, and a closed-then-routed interview."""
    with open_store(path) as store:
        new_interview(store)
        closed = new_interview(store, officer="B. Ruiz")
        closed.close("the person was transferred", incomplete=True)
        routed = new_interview(store, officer="C. Díaz")
        routed.close("the person was transferred", incomplete=True)
        store.append(routed.id, Event(EventKind.ROUTED, format_time(
            datetime.datetime.now(datetime.UTC)), "C. Díaz", {"reason": "presumed"}))
        return everything(store)


def test_a_store_round_trips_through_postgresql_unchanged(tmp_path: Path,
                                                          postgres_url: str) -> None:
    source = tmp_path / "laptop.db"
    original = filled(source)
    code, out, err = run_natid("db", "copy", str(source), postgres_url)
    assert code == 0, err
    assert "3 interviews in the source: 3 added, 0 updated, 0 already there, 0 not copied" in out
    assert "verify postgresql://" in out
    assert "3 interviews checked: 3 intact, 0 broken" in out
    with open_store(postgres_url, create=False) as office:
        assert everything(office) == original

    code, out, err = run_natid("db", "copy", str(source), postgres_url)
    assert code == 0, err
    assert "0 added, 0 updated, 3 already there, 0 not copied; 0 events written" in out

    back = tmp_path / "back.db"
    code, out, err = run_natid("db", "copy", postgres_url, str(back))
    assert code == 0, err
    with open_store(back, create=False) as store:
        assert everything(store) == original
        assert all(report.ok for report in store.verify())


def test_copying_again_adds_only_the_new_events(tmp_path: Path, postgres_url: str) -> None:
    source = tmp_path / "laptop.db"
    filled(source)
    assert run_natid("db", "copy", str(source), postgres_url)[0] == 0
    with open_store(source) as store:
        open_one = store.interviews("open")[0]
        store.append(open_one.id, Event(EventKind.NOTED, format_time(
            datetime.datetime.now(datetime.UTC)), "A. López", {"text": "later"}))
        expected = everything(store)
    code, out, err = run_natid("db", "copy", str(source), postgres_url)
    assert code == 0, err
    assert "0 added, 1 updated, 2 already there, 0 not copied; 1 events written" in out
    with open_store(postgres_url) as office:
        assert everything(office) == expected


def test_an_interview_that_differs_on_the_target_is_not_copied_over(
        tmp_path: Path, backend: Backend) -> None:
    source = tmp_path / "laptop.db"
    filled(source)
    assert run_natid("db", "copy", str(source), backend.location)[0] == 0
    with open_store(source) as store:
        changed = store.interviews("open")[0]
        store.append(changed.id, Event(EventKind.NOTED, format_time(
            datetime.datetime.now(datetime.UTC)), "A. López", {"text": "on the laptop"}))
    with backend.open() as target:
        target.append(changed.id, Event(EventKind.NOTED, format_time(
            datetime.datetime.now(datetime.UTC)), "D. Paz", {"text": "in the office"}))
        before = everything(target)
    code, out, _ = run_natid("db", "copy", str(source), backend.location)
    assert code == 1
    assert f"NOT COPIED  {changed.id}: " in out
    assert "other events" in out
    with backend.open() as target:
        assert everything(target) == before


def test_a_broken_chain_on_the_source_is_not_copied(tmp_path: Path, backend: Backend) -> None:
    source = Backend("sqlite", str(tmp_path / "laptop.db"))
    filled(source.path)
    source.tamper("UPDATE events SET at = '2020-01-01T00:00:00.000000Z' WHERE seq = 2 AND "
                  "interview_id = (SELECT min(interview_id) FROM events)")
    code, out, _ = run_natid("db", "copy", source.location, backend.location)
    assert code == 1
    assert "not copied, its chain is broken on the source at event 2" in out
    assert "1 not copied" in out
    with backend.open() as target:
        assert len(target.interviews()) == 2
        assert all(report.ok for report in target.verify())


@pytest.mark.parametrize(("problem", "expected"), [("same", 2), ("missing source", 3)])
def test_bad_copies_are_refused_clearly(tmp_path: Path, problem: str, expected: int) -> None:
    source = tmp_path / "laptop.db"
    target = source if problem == "same" else tmp_path / "office.db"
    if problem == "same":
        filled(source)
    code, _, err = run_natid("db", "copy", str(source), str(target))
    assert code == expected
    assert err.startswith("natid: ")
    assert len(err.strip().splitlines()) == 1
    if problem == "missing source":
        assert not target.exists()
