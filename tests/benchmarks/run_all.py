"""Run every benchmark in this folder and print their figures (``python3 dev.py bench``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run each bench_*.py in turn, passing on the arguments."""
    status = 0
    for bench in sorted(HERE.glob("bench_*.py")):
        print(f"== {bench.name}", flush=True)
        status |= subprocess.run([sys.executable, str(bench), *sys.argv[1:]],
                                 check=False).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
