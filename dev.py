#!/usr/bin/env python3
"""Set up natid on a fresh machine and run it, its tests or its benchmarks.

Usage:
    python3 dev.py run [ARGS...]     set up, then run ``natid ARGS...`` (default: the main job)
    python3 dev.py test [ARGS...]    set up, then run every test (extra ARGS go to pytest)
    python3 dev.py bench             set up, then run the benchmarks and print their figures
    python3 dev.py i18n              set up, then extract natid's texts and update the catalogs

Setting up means: a virtual environment in ``.venv`` with natid installed in editable
mode with its test extra. It is redone only when pyproject.toml changes.
Needs nothing but Python 3.11 or newer.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".natid-setup"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def _setup_key() -> str:
    """Return a digest of everything that decides what the setup installs."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def _say(message: str) -> None:
    print(f"dev.py: {message}", file=sys.stderr, flush=True)


def setup() -> None:
    """Create .venv and install natid with its test extra, unless already done."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py must say so on an old Python
        sys.exit("dev.py: natid needs Python 3.11 or newer; this is " + sys.version.split()[0])
    key = _setup_key()
    if STAMP.exists() and STAMP.read_text() == key:
        return
    if not (BIN / "python").exists():
        _say(f"creating the virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    _say("installing natid and its test tools (once; redone when pyproject.toml changes)")
    pip = [str(BIN / "python"), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "-e", f"{ROOT}[test]"], check=True, cwd=ROOT)
    STAMP.write_text(key)


def main(argv: list[str]) -> int:
    """Dispatch ``run``, ``test`` or ``bench``."""
    if not argv or argv[0] not in {"run", "test", "bench", "i18n"}:
        print(__doc__)
        return 2
    try:
        setup()
    except subprocess.CalledProcessError as error:
        _say(f"setting up failed (exit {error.returncode}); see the pip output above")
        return 3
    command, rest = argv[0], argv[1:]
    if command == "run":
        args = [str(BIN / "natid"), *rest]
    elif command == "test":
        args = [str(BIN / "python"), "-m", "pytest", *rest]
    elif command == "i18n":
        return update_catalogs()
    else:
        args = [str(BIN / "python"), str(ROOT / "tests" / "benchmarks" / "run_all.py"), *rest]
    return subprocess.run(args, cwd=ROOT, check=False).returncode


def update_catalogs() -> int:
    """Extract natid's texts into translations/natid.pot and merge them into each catalog."""
    pybabel = str(BIN / "pybabel")
    steps = [
        [pybabel, "extract", "-F", "pyproject.toml", "-k", "N_", "--no-location",
         "--sort-output", "--project", "natid", "-o", "translations/natid.pot", "."],
        [pybabel, "update", "-i", "translations/natid.pot", "-d", "translations", "-D", "natid",
         "--ignore-obsolete", "--no-fuzzy-matching"],
        [pybabel, "compile", "-d", "translations", "-D", "natid", "--statistics"],
    ]
    for step in steps:
        result = subprocess.run(step, cwd=ROOT, check=False)
        if result.returncode:
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
