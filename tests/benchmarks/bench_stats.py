"""Statistics at scale: the quarterly matrix over 1,000,000 interviews, and a rebuild.

Prints figures; asserts nothing about time.

1. 1,000,000 statistics rows (generated, spread over 12 quarters) written straight into
   ``interview_stats``; then ``natid stats``'s own path (read the quarter's rows, count,
   suppress) for the matrix presumed nationality x country of interview, on SQLite and,
   when a server can be started, on PostgreSQL.
2. ``natid stats rebuild`` over a store of full interviews (screening, the India
   questionnaire, closing, a request, its sending and answer), with the time per
   interview and what it would take for 1,000,000.
"""

from __future__ import annotations

import argparse
import datetime
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engine.stats.periods import chosen_period  # noqa: E402
from engine.stats.rebuild import rebuild  # noqa: E402
from engine.stats.report import figures  # noqa: E402
from engine.stats.row import COLUMNS, StatsRow, age_band, quarter_of  # noqa: E402
from engine.store import open_store  # noqa: E402
from engine.store.chain import GENESIS, link  # noqa: E402

NATIONALITIES = ["IN", "HT", "BD", "NP", "LK", "AF", "ET", "ER", "CM", "unknown"]
COUNTRIES = ["MX", "GT", "PA", "CR", "HN", "NI", "SV", "BZ", "DO", "US", "CA"]
QUARTER = "2025Q3"
BY = ("presumed_nationality", "country_of_interview")
_INSERT = (f"INSERT INTO interview_stats ({', '.join(COLUMNS)}) "  # noqa: S608
           f"VALUES ({', '.join('?' for _ in COLUMNS)})")


def synthetic_rows(count: int) -> Any:
    """Made-up rows over 2024-2026 (12 quarters), as the projection would write them."""
    generator = random.Random(11)  # noqa: S311 - made-up data, not secrets
    start = datetime.date(2024, 1, 1)
    for number in range(count):
        day = start + datetime.timedelta(days=generator.randrange(3 * 365))
        presumed = generator.choice(NATIONALITIES)
        sent = day + datetime.timedelta(days=generator.randint(2, 20)) \
            if generator.random() < 0.4 else None
        answered = sent + datetime.timedelta(days=generator.randint(5, 120)) \
            if sent and generator.random() < 0.7 else None
        yield StatsRow(
            f"{number:032x}", generator.choice(COUNTRIES), f"office {number % 40}",
            day.isoformat(), day.isoformat(), quarter_of(day),
            generator.choice(NATIONALITIES), presumed,
            "presumption_supported" if presumed != "unknown" else "insufficient",
            generator.choice(("female", "male", "other", "unknown")),
            age_band(generator.randint(0, 80)), "adult", generator.random() < 0.1,
            sent.isoformat() if sent else None, sent.isoformat() if sent else None,
            answered.isoformat() if answered else None,
            "issued" if answered else ("awaiting" if sent else "not_sent"),
            answered.isoformat() if answered else None).values()


def fill_sqlite(path: Path, count: int) -> float:
    open_store(path).close()
    started = time.perf_counter()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN")
    connection.executemany(_INSERT, synthetic_rows(count))
    connection.execute("COMMIT")
    connection.close()
    return time.perf_counter() - started


def fill_postgresql(url: str, count: int) -> float:
    import psycopg

    open_store(url).close()
    started = time.perf_counter()
    with psycopg.connect(url) as connection, connection.cursor() as cursor, \
            cursor.copy(f"COPY interview_stats ({', '.join(COLUMNS)}) FROM STDIN") as copy:
        for values in synthetic_rows(count):
            copy.write_row(values)
    return time.perf_counter() - started


def matrix(location: str) -> tuple[float, float, int, int]:
    """(seconds for the whole matrix, of which reading the rows, rows, cells)."""
    period = chosen_period(QUARTER)
    with open_store(location) as store:
        started = time.perf_counter()
        rows = store.stats_rows(period.first, period.last)
        read = time.perf_counter() - started
        started = time.perf_counter()
        table, = figures(store, period, BY, as_of=datetime.date(2026, 1, 1))
        whole = time.perf_counter() - started
    return whole, read, len(rows), len(table.lines)


def report_matrix(kind: str, location: str, count: int, generated: float) -> None:
    whole, read, rows, cells = matrix(location)
    print(f"{kind}: quarterly matrix presumed nationality x country of interview over "
          f"{count:,} stored interviews ({generated:.1f} s to generate): {rows:,} rows in "
          f"{QUARTER}, {cells} cells in {whole:.2f} s (reading the rows {read:.2f} s)")


def full_interviews(path: Path, count: int) -> None:
    """A store of ``count`` full interviews: a few recorded, then copied under new ids."""
    from engine.store.codec import PlainCodec
    from tests.test_stats import CASES, record

    with open_store(path) as store:
        templates = [store.events(record(store, case).id) for case in CASES[:4]]
    codec = PlainCodec()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN")
    for number in range(count - len(templates)):
        events = templates[number % len(templates)]
        ident = f"{number:032x}"
        previous = GENESIS
        started = events[0]
        started.data["interview_id"] = ident
        content = str(started.data["questionnaire"]["content_hash"])
        for seq, event in enumerate(events, start=1):
            payload = codec.encode(event.to_dict(), ident)
            digest = link(previous, ident, seq, kind=str(event.kind), at=event.at,
                          content_hash=content, payload=payload)
            if seq == 1:
                connection.execute(
                    "INSERT INTO interviews (id, country, questionnaire_version, content_hash, "
                    "started_at, officer, period, head_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (ident, "IN", str(started.data["questionnaire"]["version"]), content,
                     event.at, event.officer, "2025-Q1", GENESIS))
            connection.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)",
                               (ident, seq, str(event.kind), event.at, payload, previous,
                                digest))
            previous = digest
        connection.execute("UPDATE interviews SET event_count = ?, head_hash = ?, "
                           "status = 'closed' WHERE id = ?", (len(events), previous, ident))
    connection.execute("COMMIT")
    connection.close()


def report_rebuild(folder: Path, count: int) -> None:
    path = folder / "rebuild.db"
    full_interviews(path, count)
    with open_store(path) as store:
        events = sum(summary.event_count for summary in store.interviews())
        started = time.perf_counter()
        done = rebuild(store)
        elapsed = time.perf_counter() - started
    each = elapsed / done.rebuilt
    print(f"stats rebuild of {done.rebuilt:,} full interviews ({events:,} events): "
          f"{elapsed:.2f} s = {1000 * each:.2f} ms per interview; for 1,000,000 interviews "
          f"about {each * 1_000_000 / 3600:.1f} h")


def main() -> None:
    """Run the statistics benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke run)")
    options = parser.parse_args()
    rows, interviews = (20_000, 40) if options.quick else (1_000_000, 2_000)
    folder = Path(tempfile.mkdtemp(prefix="natid-bench-stats-"))
    try:
        path = folder / "matrix.db"
        report_matrix("SQLite", str(path), rows, fill_sqlite(path, rows))
        try:
            from tests.postgres_server import start_server

            server = start_server()
        except (RuntimeError, OSError, ImportError) as error:
            print(f"PostgreSQL: no server ({error})")
        else:
            try:
                url = server.new_database()
                report_matrix("PostgreSQL", url, rows, fill_postgresql(url, rows))
            finally:
                server.stop()
        report_rebuild(folder, interviews)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
