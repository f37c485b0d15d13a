"""Run ``natid lint`` and ``natid --help`` in a new process; report heavy imports and time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("textual", "langdetect")

_PROBE = f"""
import contextlib, io, json, sys, time
started = time.perf_counter()
from tui.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(['lint'])
    try:
        main(['--help'])
    except SystemExit:
        pass
heavy = sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))
print(json.dumps([heavy, round(1000 * (time.perf_counter() - started))]))
"""


def heavy_imports_after_lint() -> tuple[list[str], int]:
    """The heavy modules imported by ``natid lint`` + ``--help``, and milliseconds taken."""
    completed = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True,
                               text=True, check=True, timeout=120)
    heavy, milliseconds = json.loads(completed.stdout)
    return heavy, milliseconds
