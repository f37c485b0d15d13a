"""Run every benchmark in this folder and print their figures (``python3 dev.py bench``)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run each bench_*.py in turn, passing on the arguments.

    The stores they make are temporary, and so are their master keys: they go to a
    folder of their own, never to the user's data folder.
    """
    status = 0
    with tempfile.TemporaryDirectory(prefix="natid-bench-keys-") as keys:
        environment = {**os.environ, "NATID_KEY_DIR": keys}
        for bench in sorted(HERE.glob("bench_*.py")):
            print(f"== {bench.name}", flush=True)
            status |= subprocess.run([sys.executable, str(bench), *sys.argv[1:]],
                                     check=False, env=environment).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
