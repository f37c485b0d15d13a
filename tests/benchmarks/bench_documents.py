"""Documents' copies: what attaching a large photo and printing a request with images cost.

Prints figures; asserts nothing about time.

Adding a 5 MB phone photo to an interview kept in a SQLite store (checking the file by
its content, removing its metadata for the consulate's copy, hashing both, keeping the
bytes in the store, recording the document), and rendering the PDF request of an
interview with three such copies (each image printed on its own page and attached).
Each is measured in a fresh process: its wall time, the peak of Python's own
allocations (tracemalloc) and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

_SETUP = """
import io, json, os, random, resource, sys, time, tracemalloc
sys.path.insert(0, {root!r})
from PIL import Image
from engine.documents.attach import record_document, request_copies
from engine.request.build import build_request
from engine.request.layouts import request_layout
from engine.render import render_pdf
from engine.store import open_store
from engine.store.recorded import resume_recorded
from tests.protection_support import finish_india, screened_india
from tests.store_helpers import INDIA

def photo(path, seed):
    rng = random.Random(seed)
    size = (2560, 1920)
    noise = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))
    exif = Image.Exif()
    exif[0x0110] = "Phone 7"
    noise.save(path, "JPEG", quality=93, exif=exif)
    return os.path.getsize(path)
"""

_ADD = _SETUP + """
folder = {folder!r}
size = photo(os.path.join(folder, "p.jpg"), 1)
store = open_store(os.path.join(folder, "add.db"))
interview = finish_india(screened_india(store=store), close=False)
tracemalloc.start()
started = time.perf_counter()
record_document(interview, store, path=os.path.join(folder, "p.jpg"), kind="passport",
                original=False, issuing_country="IN")
seconds = time.perf_counter() - started
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps([size, seconds, peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]))
"""

_RENDER = _SETUP + """
folder = {folder!r}
store = open_store(os.path.join(folder, "render.db"))
interview = finish_india(screened_india(store=store), close=False)
sizes = []
for seed in (1, 2, 3):
    path = os.path.join(folder, f"r{{seed}}.jpg")
    sizes.append(photo(path, seed))
    record_document(interview, store, path=path, kind="passport" if seed == 1 else "other",
                    original=False, issuing_country="IN", number=f"K{{seed}}")
interview.close()
request = build_request(interview, officer="B", record=False)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
started = time.perf_counter()
copies = request_copies(interview, store)
pdf = render_pdf(request_layout(request, copies))
seconds = time.perf_counter() - started
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps([sum(sizes), seconds, peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  len(pdf), before]))
"""


def measure(script: str) -> list[float]:
    """Run one measurement in a fresh process; its printed figures."""
    with tempfile.TemporaryDirectory() as folder:
        completed = subprocess.run([sys.executable, "-c", script.format(root=str(ROOT),
                                                                         folder=folder)],
                                   cwd=ROOT, capture_output=True, text=True, check=True,
                                   timeout=600)
    figures: list[float] = json.loads(completed.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    """Print the figures (one run each with --quick, else the best of three)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one run each (a smoke run)")
    runs = 1 if parser.parse_args().quick else 3
    adds = [measure(_ADD) for _ in range(runs)]
    size, seconds, peak, rss = min(adds, key=lambda figures: figures[1])
    print(f"adding a {size / 1e6:.1f} MB photo (check, strip, hash, store, record), "
          f"best of {runs}")
    print(f"  time                                  {1000 * seconds:10.0f} ms")
    print(f"  Python allocations, peak              {peak / 1e6:10.1f} MB")
    print(f"  process resident memory, peak         {rss / 1024:10.1f} MB")
    renders = [measure(_RENDER) for _ in range(runs)]
    total, seconds, peak, rss, pdf, before = min(renders, key=lambda figures: figures[1])
    print(f"request PDF with three photo copies ({total / 1e6:.1f} MB of images), "
          f"best of {runs}")
    print(f"  copies from the store + PDF           {1000 * seconds:10.0f} ms")
    print(f"  PDF size                              {pdf / 1e6:10.1f} MB")
    print(f"  Python allocations, peak              {peak / 1e6:10.1f} MB")
    print(f"  process resident memory, peak         {rss / 1024:10.1f} MB "
          f"(before rendering: {before / 1024:.1f} MB)")


if __name__ == "__main__":
    main()
