"""A real PostgreSQL server for the tests: a fresh cluster in a temporary folder.

The server listens on a unix socket in that folder only (no TCP port). initdb and the
server refuse to run as root, so as root they run as the ``postgres`` user (Debian's
package creates it) in a folder handed to that user. Each test gets a database of its
own (:func:`PostgresServer.new_database`).

The session fixture ``postgres`` starts it once; when no server can be started the
PostgreSQL tests are skipped, and the end of the run says so in capitals, unless
``NATID_REQUIRE_POSTGRES=1`` (set by ``python3 dev.py test``) makes that a failure.

    python -m tests.postgres_server     start one, print its URL, stop it on Enter
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ADMIN = "natid_admin"
"""The cluster's superuser in the tests."""
LOCKED_ROLE = "natid_locked"
"""A role that must log in with a password (for the wrong-password test)."""
LOCKED_PASSWORD = "right-password"  # noqa: S105 - a test server's test role

_skipped_because: list[str] = []


def server_binaries() -> Path | None:
    """Debian's folder of PostgreSQL programs (the newest version installed), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda path: int(Path(path).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PostgresServer:
    """One cluster in a temporary folder, started on a unix socket."""

    def __init__(self) -> None:
        binaries = server_binaries()
        if binaries is None:
            raise RuntimeError("PostgreSQL's initdb is not installed (Debian package "
                               "'postgresql')")
        self.bin = binaries
        self.root = Path(tempfile.mkdtemp(prefix="natid-pg-"))
        self.data = self.root / "data"
        self.socket = self.root
        self._numbers = itertools.count(1)
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            runuser = shutil.which("runuser")
            if runuser is None:
                raise RuntimeError("running as root without 'runuser' to start the server "
                                   "as the postgres user")
            shutil.chown(self.root, "postgres", "postgres")
            self._as_user = [runuser, "-u", "postgres", "--"]
        self.root.chmod(0o700)

    def _run(self, *command: str) -> None:
        result = subprocess.run([*self._as_user, *command], capture_output=True, text=True,
                                check=False, timeout=120, cwd=self.root)
        if result.returncode:
            raise RuntimeError(f"{Path(command[0]).name} failed: "
                               f"{(result.stderr or result.stdout).strip()[-600:]}")

    def start(self) -> None:
        """initdb, a pg_hba.conf with one password-only role, then pg_ctl start."""
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", ADMIN, "-A", "trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        (self.data / "pg_hba.conf").write_text(
            f"local all {LOCKED_ROLE} scram-sha-256\nlocal all all trust\n")
        options = (f"-k {self.socket} -c listen_addresses='' -c max_connections=60 "
                   "-c shared_buffers=32MB")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
                  str(self.root / "server.log"), "-o", options, "-w", "-t", "60", "start")
        with self.admin() as connection:
            connection.execute(f"CREATE ROLE {LOCKED_ROLE} LOGIN PASSWORD "
                               f"'{LOCKED_PASSWORD}'")

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        if (self.data / "postmaster.pid").exists():
            try:
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                          "-w", "stop")
            except (RuntimeError, subprocess.TimeoutExpired):
                pass
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres", user: str = ADMIN) -> str:
        """The URL of a database on this server (through the unix socket)."""
        return f"postgresql://{user}@/{database}?host={self.socket}"

    def admin(self, database: str = "postgres") -> Any:
        """A superuser connection (autocommit)."""
        import psycopg

        return psycopg.connect(self.url(database), autocommit=True)

    def new_database(self) -> str:
        """Create an empty database; return its URL."""
        name = f"natid_test_{os.getpid()}_{next(self._numbers)}"
        with self.admin() as connection:
            connection.execute(f"CREATE DATABASE {name} OWNER {ADMIN}")
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drop a database made by :meth:`new_database`, even with sessions still in it."""
        name = url.split("@/", 1)[1].split("?", 1)[0]
        with self.admin() as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def start_server() -> PostgresServer:
    """A started server (the caller stops it)."""
    import psycopg  # noqa: F401 - the tests need the client too

    server = PostgresServer()
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole run, or a loud skip when none can be started."""
    try:
        server = start_server()
    except (RuntimeError, OSError, ImportError, subprocess.TimeoutExpired) as error:
        reason = f"no PostgreSQL server could be started: {error}"
        if os.environ.get("NATID_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"{reason} (NATID_REQUIRE_POSTGRES=1: the PostgreSQL tests must run)",
                        pytrace=False)
        _skipped_because.append(reason)
        pytest.skip(reason)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres: PostgresServer) -> Iterator[str]:
    """The URL of a new, empty database of its own for one test."""
    url = postgres.new_database()
    try:
        yield url
    finally:
        postgres.drop_database(url)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say loudly, at the end of the run, that the PostgreSQL tests did not run."""
    if _skipped_because:
        terminalreporter.write_sep("!", "POSTGRESQL TESTS SKIPPED", red=True, bold=True)
        terminalreporter.write_line(f"{_skipped_because[0]}")
        terminalreporter.write_line("Install Debian's 'postgresql' package (python3 dev.py "
                                    "test does so as root) to run them.")


if __name__ == "__main__":
    running = start_server()
    try:
        print(running.url())
        input("Enter stops the server. ")
    finally:
        running.stop()
