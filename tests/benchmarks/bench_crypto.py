"""The cost of encryption at rest: per answer and per fold, encrypted vs plain, side by side.

Prints figures and ratios; asserts nothing about time (DESIGN §9). The same SQLite store
code runs twice: once with the sealed codec (AES-256-GCM under the interview's data key,
as natid stores today) and once with the plain codec (canonical JSON, as stores written
before encryption hold).

1. Encoding one event: the codec alone (µs).
2. Recording one answer durably (WAL, synchronous=FULL), as the app does.
3. Folding a 1,000-event interview: reading, decrypting and rebuilding it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
# The benchmark's master keys go in a temporary folder, never the user's.
os.environ.setdefault("NATID_KEY_DIR", tempfile.mkdtemp(prefix="natid-bench-keys-"))

from engine.interview import Interview  # noqa: E402
from engine.store import open_store  # noqa: E402
from engine.store.codec import PlainCodec, SealedCodec  # noqa: E402
from engine.store.crypto import Sealer, new_key  # noqa: E402
from tests.store_helpers import INDIA, new_interview  # noqa: E402


def _ratio(encrypted: float, plain: float) -> str:
    return f"ratio encrypted / plain {encrypted / plain:6.2f}"


def codec_cost(repeat: int) -> None:
    event = {"kind": "answered", "at": "2026-07-01T10:00:00.000000Z", "officer": "A. López",
             "data": {"parameter": "full_name", "value": "Gurpreet Singh"}}
    sealer = Sealer(new_key())
    plain, sealed = PlainCodec(), SealedCodec()
    figures = {}
    for name, codec, key in (("plain", plain, None), ("encrypted", sealed, sealer)):
        started = time.perf_counter()
        for seq in range(repeat):
            payload = codec.encode(event, "interview", seq, key)
            codec.decode(payload, "interview", seq, key)
        figures[name] = (time.perf_counter() - started) / repeat * 1e6
    print(f"codec, encode + decode one event: plain {figures['plain']:7.1f} µs   encrypted "
          f"{figures['encrypted']:7.1f} µs   {_ratio(figures['encrypted'], figures['plain'])}")


def _store(folder: Path, name: str, encrypted: bool):
    store = open_store(folder / f"{name}.db")
    if not encrypted:
        store.codec = PlainCodec()
    return store


def answer_cost(folder: Path, count: int) -> None:
    figures = {}
    for name, encrypted in (("plain", False), ("encrypted", True)):
        with _store(folder, f"answers-{name}", encrypted) as store:
            interview = new_interview(store)
            times = []
            for number in range(count):
                started = time.perf_counter()
                interview.answer("tehsil", f"Tehsil {number}")
                times.append(time.perf_counter() - started)
        figures[name] = statistics.median(times) * 1000
    print(f"one answer, recorded durably (median of {count}): plain {figures['plain']:6.2f} ms"
          f"   encrypted {figures['encrypted']:6.2f} ms   "
          f"{_ratio(figures['encrypted'], figures['plain'])}   (a frame: 16.7 ms)")


def fold_cost(folder: Path, events: int, repeat: int) -> None:
    figures = {}
    for name, encrypted in (("plain", False), ("encrypted", True)):
        with _store(folder, f"fold-{name}", encrypted) as store:
            interview = new_interview(store)
            while len(interview.events) < events:
                interview.note(f"note {len(interview.events)}: the person answered slowly")
        times = []
        for _ in range(repeat):
            with open_store(folder / f"fold-{name}.db") as store:  # a fresh reader each time
                started = time.perf_counter()
                Interview.resume(INDIA.unwrap(), store.events(interview.id))
                times.append(time.perf_counter() - started)
        figures[name] = statistics.median(times) * 1000
    print(f"fold of a {events:,}-event interview (read + decrypt + rebuild, median): plain "
          f"{figures['plain']:7.1f} ms   encrypted {figures['encrypted']:7.1f} ms   "
          f"{_ratio(figures['encrypted'], figures['plain'])}")


def main() -> int:
    """Run the three measures (smaller with --quick)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a short smoke run")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        codec_cost(2_000 if options.quick else 50_000)
        answer_cost(Path(folder), 20 if options.quick else 300)
        fold_cost(Path(folder), 100 if options.quick else 1_000, 2 if options.quick else 7)
    return 0


if __name__ == "__main__":
    sys.exit(main())
