"""The share's latency: a consular finding to the officer's store, an answer to the consulate.

Prints the median and the worst of 100 rounds (``--quick``: 10); asserts nothing about time.
The officer's side polls as ``natid share`` does (every 20 ms), in a thread of its own
with its own store connection; the consulate's side polls the share file as the consular
app does (here every 5 ms, the app every 50 ms).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engine.interview.events import EventKind  # noqa: E402
from engine.share import ConsularFile, Share  # noqa: E402
from engine.store import open_store  # noqa: E402
from engine.store.recorded import resume_recorded  # noqa: E402
from tests.interview_support import india  # noqa: E402
from tests.protection_support import screened_india  # noqa: E402

POLL = 0.02


def report(label: str, times: list[float]) -> None:
    print(f"{label}: median {1000 * statistics.median(times):.1f} ms, "
          f"worst {1000 * max(times):.1f} ms ({len(times)} rounds)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    rounds = 10 if parser.parse_args().quick else 100
    folder = Path(tempfile.mkdtemp())
    db = folder / "natid.db"
    with open_store(db) as store:
        interview = screened_india(store=store)
        interview.answer("full_name", "Gurpreet Singh Sandhu")
        interview_id = interview.id
    share_store = open_store(db)
    share = Share.open(share_store, india(), interview_id, consulate_id="eoi_mexico_city",
                       officer="A. López", address="127.0.0.1:0", folder=folder)
    running = threading.Event()
    running.set()

    def officer_side() -> None:
        while running.is_set() and share.sync():
            time.sleep(POLL)

    thread = threading.Thread(target=officer_side, daemon=True)
    thread.start()
    consular = ConsularFile(share.path)
    with open_store(db) as store:
        findings = []
        for number in range(rounds):
            before = sum(1 for e in store.events(interview_id)
                         if e.kind is EventKind.CONSULAR_FINDING)
            started = time.perf_counter()
            consular.send("finding", {"parameter": "full_name", "outcome": "confirmed",
                                      "reason": f"register entry {number}", "name": "R. Sharma"})
            while sum(1 for e in store.events(interview_id)
                      if e.kind is EventKind.CONSULAR_FINDING) == before:
                time.sleep(0.002)
            findings.append(time.perf_counter() - started)
        report("consular confirmation -> event in the officer's store", findings)
        answers = []
        for number in range(rounds):
            officer = resume_recorded(store, india(), interview_id)
            value = f"Tehsil {number}"
            consular.changed()
            started = time.perf_counter()
            officer.answer("other_names", value)
            while True:
                if consular.changed():
                    view = consular.view() or {}
                    if any(q["answer"] == value for q in view.get("questions", [])):
                        break
                time.sleep(0.005)
            answers.append(time.perf_counter() - started)
        report("answer in the terminal -> consular view", answers)
    running.clear()
    thread.join()
    consular.close()
    share.stop("benchmark over")
    share_store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
