"""Loading questionnaires: natid against pyxform and json.loads, side by side.

Prints figures and ratios; asserts nothing about time (the machine decides that).

1. Cold load + full lint of in.yaml (no cache) against pyxform converting the
   equivalent XLSForm (same questions, choices, languages, relevance).
2. Warm load of the unchanged file (content-hash cache) against json.loads of the
   same document: from the on-disk cache (a new process) and from memory.
3. ``natid --help`` and ``natid lint``: whether Textual or langdetect are imported.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NATID_CACHE_DIR", tempfile.mkdtemp(prefix="natid-bench-"))

from engine import cache  # noqa: E402
from engine.loader import check_bytes, check_file  # noqa: E402
from engine.yaml_source import read_yaml  # noqa: E402
from tests.benchmarks.timing import median_ms  # noqa: E402
from tests.benchmarks.xlsform import xlsform_bytes  # noqa: E402
from tests.import_probe import heavy_imports_after_lint  # noqa: E402


def cold(path: Path, repeat: int) -> None:
    from pyxform.xls2xform import convert

    data = path.read_bytes()
    first_started = time.perf_counter()
    result = check_bytes(data, str(path), use_cache=False)
    first = 1000 * (time.perf_counter() - first_started)
    questionnaire = result.unwrap()
    natid = median_ms(lambda: check_bytes(data, str(path), use_cache=False), repeat)

    workbook = Path(tempfile.mkdtemp()) / f"{path.stem}.xlsx"
    workbook.write_bytes(xlsform_bytes(questionnaire))
    convert(xlsform=str(workbook))  # warm pyxform's own imports and caches alike
    peer = median_ms(lambda: convert(xlsform=str(workbook)), repeat)
    print(f"cold load + full lint of {path.name} ({len(data) / 1024:.0f} KB, "
          f"{len(questionnaire.parameters)} parameters)")
    print(f"  natid check (no cache), first call   {first:8.2f} ms")
    print(f"  natid check (no cache), median       {natid:8.2f} ms")
    print(f"  pyxform convert of the same XLSForm  {peer:8.2f} ms")
    print(f"  ratio natid / pyxform                {natid / peer:8.2f}  (goal: below 1)")


def warm(path: Path, repeat: int) -> None:
    document = read_yaml(path.read_bytes(), str(path)).value
    as_json = json.dumps(document, ensure_ascii=False)
    check_file(path)  # fill the cache
    baseline = median_ms(lambda: json.loads(as_json), repeat)

    def from_disk() -> None:
        cache.clear_memory()
        check_file(path)

    disk = median_ms(from_disk, repeat)
    check_file(path)
    memory = median_ms(lambda: check_file(path), repeat)
    print(f"warm load of the unchanged {path.name}")
    print(f"  json.loads of the same document      {baseline:8.3f} ms")
    print(f"  natid, from the on-disk cache        {disk:8.3f} ms   "
          f"ratio {disk / baseline:5.2f}  (goal: within 3)")
    print(f"  natid, from this process's memory    {memory:8.3f} ms   "
          f"ratio {memory / baseline:5.2f}")


def imports() -> None:
    heavy, milliseconds = heavy_imports_after_lint()
    print("natid lint + natid --help in a new process")
    print(f"  heavy modules imported               {heavy}  (goal: [])")
    print(f"  time, imports included               {milliseconds:>8} ms")


def main() -> None:
    """Run the loading benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few repetitions (a smoke run)")
    parser.add_argument("path", nargs="?", default=str(ROOT / "questionnaires" / "in.yaml"))
    options = parser.parse_args()
    repeat = 3 if options.quick else 30
    path = Path(options.path)
    cold(path, repeat)
    warm(path, repeat * 10)
    imports()


if __name__ == "__main__":
    main()
