"""The interview store: durable answers per second, resume time, statistics at scale.

Prints figures; asserts nothing about time.

1. Answers committed durably per second (WAL, synchronous=FULL), through a recorded
   India interview, as the app saves them.
2. Resuming an interview of 100 events: reading them and rebuilding the interview.
3. Counting interviews by presumed nationality x outcome x quarter over 1,000,000
   stored interviews (generated), through the store's own query.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engine.interview import Interview  # noqa: E402
from engine.store import open_store  # noqa: E402
from engine.store.chain import GENESIS  # noqa: E402
from tests.store_helpers import INDIA, new_interview  # noqa: E402

COUNTRIES = ["IN", "HT", "BD", "NP", "LK", "AF", "ET", "ER", "CM"]
CONCLUSIONS = ["presumption supported", "insufficient", "consular interview needed", None]


def answers_per_second(folder: Path, count: int) -> None:
    with open_store(folder / "answers.db") as store:
        interview = new_interview(store)
        started = time.perf_counter()
        for number in range(count):
            interview.answer("tehsil", f"Tehsil {number}")
        elapsed = time.perf_counter() - started
    print(f"durable answers: {count} in {elapsed:.2f} s = {count / elapsed:8.0f} answers/s "
          f"({1000 * elapsed / count:.2f} ms each)")


def resume_time(folder: Path, repeat: int) -> None:
    with open_store(folder / "resume.db") as store:
        interview = new_interview(store)
        while len(interview.events) < 100:
            interview.note(f"note {len(interview.events)}")
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            Interview.resume(INDIA.unwrap(), store.events(interview.id))
            times.append(time.perf_counter() - started)
    print(f"resume of a 100-event interview: {1000 * statistics.median(times):.2f} ms (median)")


def aggregate(folder: Path, interviews: int) -> None:
    path = folder / "stats.db"
    open_store(path).close()
    generator = random.Random(7)  # noqa: S311 - made-up data, not secrets
    started = time.perf_counter()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN")
    rows = []
    for number in range(interviews):
        year, month = generator.choice((2024, 2025, 2026)), generator.randint(1, 12)
        conclusion = generator.choice(CONCLUSIONS)
        rows.append((f"{number:032x}", generator.choice(COUNTRIES), "1", "h",
                     f"{year}-{month:02d}-15T10:00:00.000000Z", "officer",
                     "open" if conclusion is None else "closed", conclusion,
                     f"{year}-Q{(month - 1) // 3 + 1}", 20, GENESIS))
        if len(rows) == 50_000:
            connection.executemany(_INSERT, rows)
            rows.clear()
    connection.executemany(_INSERT, rows)
    connection.execute("COMMIT")
    connection.close()
    generated = time.perf_counter() - started
    with open_store(path) as store:
        started = time.perf_counter()
        counts = store.counts()
        elapsed = time.perf_counter() - started
    total = sum(row[3] for row in counts)
    print(f"statistics over {total:,} stored interviews ({generated:.1f} s to generate): "
          f"{len(counts)} cells by nationality x outcome x quarter in {elapsed:.2f} s")


_INSERT = ("INSERT INTO interviews (id, country, questionnaire_version, content_hash, "
           "started_at, officer, status, conclusion, period, event_count, head_hash) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def main() -> None:
    """Run the store benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke run)")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="natid-bench-store-"))
    answers_per_second(folder, 100 if options.quick else 2000)
    resume_time(folder, 5 if options.quick else 50)
    aggregate(folder, 20_000 if options.quick else 1_000_000)


if __name__ == "__main__":
    main()
