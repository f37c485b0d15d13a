"""The benchmarks keep working: a quick run prints every figure and ratio.

No time is asserted here (DESIGN §9): the figures are read by people, from
``python3 dev.py bench``.
"""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT


def test_loading_benchmark_prints_its_ratios() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "benchmarks" / "run_all.py"), "--quick"],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    out = completed.stdout
    assert re.search(r"ratio natid / pyxform\s+\d+\.\d+", out), out
    assert re.search(r"on-disk cache\s+\d+\.\d+ ms\s+ratio\s+\d+\.\d+", out), out
    assert "heavy modules imported               []" in out, out
    assert re.search(r"durable answers: \d+ in [\d.]+ s = +\d+ answers/s", out), out
    assert re.search(r"resume of a 100-event interview: [\d.]+ ms", out), out
    assert re.search(r"statistics over [\d,]+ stored interviews .* in [\d.]+ s", out), out
    assert re.search(r"assess\(20\), India, 20 parameters\s+[\d.]+ µs", out), out
    assert re.search(r"assess\(1000\), generated, 1000 parameters\s+[\d.]+ µs", out), out
    assert re.search(r"ratio assess\(1000\) / assess\(20\)\s+[\d.]+", out), out
    assert re.search(r"rebuilding an interview from 10,000 events", out), out
    assert re.search(r"Interview\.resume\s+[\d.]+ ms\s+[\d,]+ events/s", out), out
    assert re.search(r"Interview\.from_json .*\s+[\d.]+ ms\s+[\d,]+ events/s", out), out
    assert re.search(r"ratio resume / json\.loads\s+[\d.]+", out), out
    assert re.search(r"PDF, Latin \+ Gurmukhi \+ Devanagari\s+[\d.]+ ms", out), out
    assert re.search(r"request_obstacles \(the whole gate\)\s+\d+ µs", out), out
    assert re.search(r"ratio build_request / assess\s+[\d.]+", out), out
    assert re.search(r"overall accuracy, \d+ languages\s+\d+ / \d+\s+[\d.]+ %", out), out
    assert re.search(r"adding a [\d.]+ MB photo .*\n  time\s+\d+ ms", out), out
    assert re.search(r"copies from the store \+ PDF\s+\d+ ms", out), out
    assert re.search(r"consular confirmation -> event .* worst [\d.]+ ms", out), out
    assert re.search(r"fold of a [\d,]+-event interview .* encrypted +[\d.]+ ms +ratio "
                     r"encrypted / plain +[\d.]+", out), out
    assert re.search(r"SQLite: quarterly matrix .* over [\d,]+ stored interviews .* in [\d.]+ s",
                     out), out
