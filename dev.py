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

It also makes sure of these Debian packages (DESIGN.md §10): ``fonts-noto-core``, the Noto
fonts the request PDF is drawn with (names in Devanagari, Gurmukhi, Bengali, Ethiopic...),
``poppler-utils``, whose pdftotext and pdfdetach the PDF tests read the PDF back with,
``postgresql``, whose initdb and pg_ctl the store tests start a server of their own with
(tests/postgres_server.py), and ``chromium`` with ``chromium-driver``, the headless
browser the share's end-to-end test drives through Selenium. When one is missing and
this runs as root on a system with apt-get, it runs ``apt-get update`` and
``apt-get install -y --no-install-recommends`` for them (without questions:
DEBIAN_FRONTEND=noninteractive); otherwise it names them and goes on. ``test`` then sets
NATID_REQUIRE_POSTGRES=1 (in CI, or when the server programs are installed), so that the
PostgreSQL tests fail rather than skip when no server starts, and NATID_REQUIRE_BROWSER=1
(in CI, or when chromium is installed), so that the browser test fails rather than skips.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".natid-setup"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
NOTO_FONT = Path("/usr/share/fonts/truetype/noto/NotoSansGurmukhi-Regular.ttf")


def _setup_key() -> str:
    """Return a digest of everything that decides what the setup installs."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def _say(message: str) -> None:
    print(f"dev.py: {message}", file=sys.stderr, flush=True)


def missing_debian_packages() -> list[str]:
    """The Debian packages the PDF, the store and their tests need that are not installed."""
    missing = []
    if not NOTO_FONT.is_file():
        missing.append("fonts-noto-core")
    if not (shutil.which("pdftotext") and shutil.which("pdfdetach")):
        missing.append("poppler-utils")
    if not postgresql_installed():
        missing.append("postgresql")
    if not (Path("/usr/bin/chromium").is_file() and Path("/usr/bin/chromedriver").is_file()):
        missing.extend(["chromium", "chromium-driver"])  # the share's browser test
    return missing


def postgresql_installed() -> bool:
    """Whether Debian's PostgreSQL server programs (initdb, pg_ctl) are installed."""
    return any(Path("/usr/lib/postgresql").glob("*/bin/initdb"))


def install_debian_packages() -> None:
    """Install the missing Debian packages with apt-get when root; otherwise name them."""
    missing = missing_debian_packages()
    if not missing:
        return
    apt_get = shutil.which("apt-get")
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    if apt_get is None or not root:
        _say(f"natid's PDF and tests need the Debian packages {' and '.join(missing)}; "
             f"install them (apt-get install {' '.join(missing)}) — going on without them")
        return
    _say(f"installing {' and '.join(missing)} with apt-get (once)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in ([apt_get, "update"],
                 [apt_get, "install", "-y", "--no-install-recommends", *missing]):
        result = subprocess.run(step, env=env, check=False)
        if result.returncode:
            _say(f"'{' '.join(step[1:])}' failed (exit {result.returncode}); install "
                 f"{' '.join(missing)} yourself — going on without them")
            return


def setup() -> None:
    """Install the Debian packages needed, then create .venv and install natid, once."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py must say so on an old Python
        sys.exit("dev.py: natid needs Python 3.11 or newer; this is " + sys.version.split()[0])
    install_debian_packages()
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
        if os.environ.get("CI") or postgresql_installed():
            # The PostgreSQL store tests must run, not be skipped (tests/postgres_server.py).
            os.environ.setdefault("NATID_REQUIRE_POSTGRES", "1")
        if os.environ.get("CI") or Path("/usr/bin/chromium").is_file():
            # So must the share's browser test (tests/test_share_browser.py).
            os.environ.setdefault("NATID_REQUIRE_BROWSER", "1")
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
