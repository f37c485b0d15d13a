"""The store under real processes: killed writers and concurrent writers lose nothing.

Both run on SQLite and on PostgreSQL: two processes appending to one interview are
serialised (BEGIN IMMEDIATE; SELECT … FOR UPDATE), so its chain never forks, while
writers of different interviews go on side by side.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from engine.store import open_store
from tests.conftest import ROOT
from tests.store_backends import Backend
from tests.store_helpers import new_interview


def worker(*arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.store_worker", *arguments], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_killed_process_loses_no_answer_whose_call_had_returned(backend: Backend) -> None:
    db = backend.location
    process = worker(db, "answers", "100000")
    assert process.stdout is not None
    interview_id = process.stdout.readline().split()[1]
    last = -1
    for line in process.stdout:
        last = int(line.split()[1])
        if last >= 150:
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    with open_store(db) as store:
        events = store.events(interview_id)
        answers = [e.data["value"] for e in events if e.data.get("parameter") == "tehsil"]
        # Every answer whose call returned is there, in order; at most the ones in flight more.
        assert answers[: last + 1] == [f"Tehsil {n}" for n in range(last + 1)]
        assert all(report.ok for report in store.verify())
        assert store.check_database() == []


def test_two_processes_writing_at_once_lose_nothing(backend: Backend) -> None:
    db = backend.location
    with open_store(db) as store:
        shared = new_interview(store)
    writers = [worker(db, "answers", "150"), worker(db, "answers", "150"),
               worker(db, "append", shared.id, "150"),
               worker(db, "append", shared.id, "150")]
    for process in writers:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        assert out.strip().splitlines()[-1] == "saved 149"
    with open_store(db) as store:
        reports = store.verify()
        assert len(reports) == 3
        assert all(report.ok for report in reports)
        counts = {summary.id: summary.event_count for summary in store.interviews()}
        # The shared interview: its own 4 events and both writers' 150 notes, one chain.
        assert counts.pop(shared.id) == 4 + 300
        assert sorted(counts.values()) == [4 + 150, 4 + 150]
        assert store.check_database() == []
