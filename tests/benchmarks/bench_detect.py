"""The language sample: what detecting costs, and how often it is right.

Prints figures; asserts nothing about time.

The first detection in a fresh process (a subprocess: importing langdetect and loading
its profiles; DESIGN §9's baseline is 0.6 s), the median per call afterwards, and the
accuracy per language on tests/detect_samples.py (the top candidate is the expected
language; for Haitian Creole, which langdetect does not know, a result reported as
uncertain or naming ht counts as right).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engine.detect import detect  # noqa: E402
from tests.benchmarks.timing import median_ms  # noqa: E402
from tests.detect_samples import SAMPLES  # noqa: E402

_FIRST = """
import json, time
started = time.perf_counter()
from engine.detect import detect
detect({text!r})
first = time.perf_counter() - started
started = time.perf_counter()
detect({text!r})
print(json.dumps([first, time.perf_counter() - started]))
"""


def first_detection_ms(text: str) -> tuple[float, float]:
    """In a new process: the first detection (import + profiles) and the second, in ms."""
    completed = subprocess.run([sys.executable, "-c", _FIRST.format(text=text)], cwd=ROOT,
                               capture_output=True, text=True, check=True, timeout=120)
    first, second = json.loads(completed.stdout)
    return 1000 * first, 1000 * second


def right(language: str, text: str) -> bool:
    """Whether the detection of ``text`` counts as right for ``language``."""
    found = detect(text)
    top = found.candidates[0].language if found.candidates else None
    if language == "ht":
        return found.uncertain or top == "ht"
    return top == language


def main() -> None:
    """Print the costs and the accuracy table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few repetitions (a smoke run)")
    quick = parser.parse_args().quick
    processes, repeat = (1, 20) if quick else (5, 300)
    latin, ethiopic = SAMPLES["es"][1], SAMPLES["am"][1]
    firsts = sorted(first_detection_ms(latin) for _ in range(processes))
    first_ms, second_ms = firsts[len(firsts) // 2]
    detect(latin)
    latin_ms = median_ms(lambda: detect(latin), repeat)
    gurmukhi_ms = median_ms(lambda: detect(SAMPLES["pa"][1]), repeat)
    script_ms = median_ms(lambda: detect(ethiopic), repeat)
    print(f"language sample: detection cost (median of {processes} processes, "
          f"{repeat} calls)")
    print(f"  first detection in a fresh process   {first_ms:8.0f} ms")
    print(f"  second detection, same process       {second_ms:8.2f} ms")
    print(f"  per call, Spanish (langdetect)       {latin_ms:8.2f} ms")
    print(f"  per call, Punjabi (langdetect)       {gurmukhi_ms:8.2f} ms")
    print(f"  per call, Amharic (script only)      {1000 * script_ms:8.0f} µs")
    print("language sample: accuracy per language (top candidate; ht: uncertain or ht)")
    total = correct = 0
    for language, texts in SAMPLES.items():
        hits = sum(right(language, text) for text in texts)
        total += len(texts)
        correct += hits
        print(f"  {language:<4} {hits:3d} / {len(texts):<3d} {100 * hits / len(texts):6.1f} %")
    print(f"  overall accuracy, {len(SAMPLES)} languages    {correct:3d} / {total:<3d} "
          f"{100 * correct / total:6.1f} %")


if __name__ == "__main__":
    main()
