"""SQLite and PostgreSQL side by side, in one run: appends, a fold, a listing, statistics.

Prints figures; asserts nothing about time. PostgreSQL runs on a server of its own in a
temporary folder (tests/postgres_server.py), with its default durability (fsync on,
synchronous_commit on), on a unix socket; without the server programs its column says so.

1. Appending events durably: 4 processes each on its own interview, then 2 processes on
   one interview (serialised by the row lock / BEGIN IMMEDIATE), in events/s.
2. Folding an interview of 1,000 events: reading them and rebuilding the interview.
3. Listing 100,000 interviews (the summaries, newest first).
4. The statistics query over 1,000,000 interviews.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engine.interview import Interview  # noqa: E402
from engine.store import open_store  # noqa: E402
from tests.benchmarks.timing import median_ms  # noqa: E402
from tests.store_helpers import INDIA, new_interview  # noqa: E402


def append_rate(location: str, writers: int, shared: bool, events: int) -> float:
    """Events/s appended by ``writers`` processes, each ``events // writers`` events."""
    with open_store(location) as store:
        targets = [new_interview(store).id for _ in range(1 if shared else writers)]
    each = events // writers
    started = time.perf_counter()
    processes = [subprocess.Popen(
        [sys.executable, "-m", "tests.store_worker", location, "append",
         targets[0 if shared else number], str(each)],
        cwd=ROOT, stdout=subprocess.DEVNULL) for number in range(writers)]
    if any(process.wait() for process in processes):
        raise SystemExit("a writer failed")
    elapsed = time.perf_counter() - started
    with open_store(location) as store:
        if not all(report.ok for report in store.verify()):
            raise SystemExit("a chain is broken after the concurrent appends")
    return each * writers / elapsed


def fold_ms(location: str, events: int, repeat: int) -> float:
    """Median ms to read an interview of ``events`` events and rebuild it."""
    with open_store(location) as store:
        interview = new_interview(store)
        while len(interview.events) < events:
            interview.note(f"note {len(interview.events)}")
        return median_ms(lambda: Interview.resume(INDIA.unwrap(), store.events(interview.id)),
                         repeat)


COUNTRIES = ["IN", "HT", "BD", "NP", "LK", "AF", "ET", "ER", "CM"]
CONCLUSIONS = ["presumption supported", "insufficient", "consular interview needed", None]
COLUMNS = ("id", "country", "questionnaire_version", "content_hash", "started_at", "officer",
           "status", "conclusion", "period", "event_count", "head_hash")


def made_up_rows(count: int) -> list[tuple[Any, ...]]:
    """``count`` made-up interview rows (no events: listing and statistics read rows only)."""
    generator = random.Random(7)  # noqa: S311 - made-up data, not secrets
    rows = []
    for number in range(count):
        year, month = generator.choice((2024, 2025, 2026)), generator.randint(1, 12)
        conclusion = generator.choice(CONCLUSIONS)
        rows.append((f"{number:032x}", generator.choice(COUNTRIES), "1", "h",
                     f"{year}-{month:02d}-15T10:00:00.000000Z", "officer",
                     "open" if conclusion is None else "closed", conclusion,
                     f"{year}-Q{(month - 1) // 3 + 1}", 20, "0" * 64))
    return rows


def fill_interviews(location: str, count: int) -> None:
    """Write the made-up rows into a new store at ``location``, as its owner, in bulk."""
    open_store(location).close()
    rows = made_up_rows(count)
    if location.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(location) as connection, connection.cursor() as cursor:
            with cursor.copy(f"COPY interviews ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        return
    connection = sqlite3.connect(location, isolation_level=None)
    try:
        connection.execute("BEGIN")
        connection.executemany(f"INSERT INTO interviews ({', '.join(COLUMNS)}) "  # noqa: S608
                               f"VALUES ({', '.join('?' * len(COLUMNS))})", rows)
        connection.execute("COMMIT")
    finally:
        connection.close()


def timed(action: Callable[[], Any]) -> float:
    """Seconds one call takes."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measure(location: Callable[[str], str], sizes: dict[str, int]) -> dict[str, str]:
    """Every figure on one backend; ``location(name)`` gives a fresh store location."""
    apart = append_rate(location("a"), 4, False, sizes["events"])
    together = append_rate(location("b"), 2, True, sizes["events"] // 2)
    figures = {"append, 4 processes, 4 interviews": f"{apart:,.0f} events/s",
               "append, 2 processes, 1 interview": f"{together:,.0f} events/s",
               f"fold an interview of {sizes['fold']:,} events":
                   f"{fold_ms(location('c'), sizes['fold'], 5):.1f} ms"}
    for name, size, action in (("list", sizes["list"], "interviews"),
                               ("statistics over", sizes["stats"], "counts")):
        where = location(name)
        fill_interviews(where, size)
        with open_store(where) as store:
            seconds = timed(getattr(store, action))
        figures[f"{name} {size:,} interviews"] = f"{seconds:.2f} s"
    return figures


def main() -> None:
    """Run the figures on SQLite, then on PostgreSQL, and print them side by side."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke run)")
    options = parser.parse_args()
    sizes = ({"events": 400, "fold": 200, "list": 2_000, "stats": 10_000} if options.quick
             else {"events": 100_000, "fold": 1_000, "list": 100_000, "stats": 1_000_000})
    folder = Path(tempfile.mkdtemp(prefix="natid-bench-backends-"))
    try:
        sqlite = measure(lambda name: str(folder / f"{name}.db"), sizes)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    postgresql: dict[str, str] = {}
    try:
        from tests.postgres_server import start_server

        server = start_server()
    except (RuntimeError, OSError, ImportError) as error:
        note = f"no server ({error})"
    else:
        note = ""
        try:
            postgresql = measure(lambda _name: server.new_database(), sizes)
        finally:
            server.stop()
    print(f"{'':44}{'SQLite':>20}{'PostgreSQL':>20}")
    for name, figure in sqlite.items():
        print(f"{name:44}{figure:>20}{postgresql.get(name, note[:18]):>20}")
    if note:
        print(f"PostgreSQL: {note}")


if __name__ == "__main__":
    main()
