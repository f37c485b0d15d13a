"""``natid share``: a live view of one interview for a consulate, in its browser.

The command is the officer's side of the share (engine.share.Share): it checks the
protection gate, writes the share file, starts the guarded web server
(:mod:`tui.consular.serve`) in a process group of its own, prints the link, and then
keeps the share file and the interview in step until it is stopped (Ctrl-C, SIGTERM),
the interview is closed, or the gate withholds the interview. Stopping ends every
consular session at once: the whole process group is stopped.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Any

from tui import exit_codes
from tui.commands.opened import add_officer_option, officer_of
from tui.commands.store_option import add_db_option, open_from

POLL_SECONDS = 0.02
"""How often the store and the share file are looked at."""
START_SECONDS = 20.0
"""How long the web server may take to start listening."""


def register(commands: Any) -> None:
    """Add ``share`` to the command parser."""
    share = commands.add_parser(
        "share", help="let a consulate follow an interview live in its browser",
        description="Serve a live view of one interview to a consulate, behind a one-time "
        "link, until stopped with Ctrl-C (or the interview is closed). The consulate sees "
        "the country's questions, the answers, the documents and the rule count, and records "
        "its findings on the items only it can verify; never the protection screening, flags, "
        "referrals or notes. A protection-flagged interview cannot be shared.")
    share.add_argument("interview", metavar="ID", help="the interview id, or its first characters")
    share.add_argument("--consulate", required=True, metavar="ID",
                       help="the consulate's id in the questionnaire (see 'natid consulates')")
    share.add_argument("--host", default="127.0.0.1",
                       help="the address to listen on (default 127.0.0.1: this computer only; "
                       "reach it through a VPN or an SSH tunnel)")
    share.add_argument("--port", type=int, default=0,
                       help="the port to listen on (default: a free one)")
    share.add_argument("--sessions", type=int, default=2,
                       help="how many consular browser sessions may be open at once (default 2)")
    add_officer_option(share)
    add_db_option(share)
    share.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Share the interview until stopped; print the link first."""
    from engine.bundled import find_questionnaire
    from engine.loader import check_file
    from engine.share import Share, ShareError, ShareRefusedError

    officer = officer_of(options)
    if options.sessions < 1:
        from engine.errors import UsageError

        raise UsageError("--sessions needs at least 1")
    port = options.port or free_port(options.host)
    with open_from(options) as store:
        summary = store.interview(options.interview)
        questionnaire = check_file(find_questionnaire(summary.country)).unwrap()
        try:
            share = Share.open(store, questionnaire, summary.id, consulate_id=options.consulate,
                               officer=officer, address=f"{options.host}:{port}")
        except ShareRefusedError as error:
            print("natid: this interview cannot be shared with a consulate (recorded in its "
                  "log):", file=sys.stderr)
            for reason in error.reasons:
                print(f"  - {reason}", file=sys.stderr)
            return exit_codes.REFUSED
        stop = _Stop()
        server: subprocess.Popen[bytes] | None = None
        try:
            token = secrets.token_urlsafe(24)
            server = start_server(share.path, token, options.host, port, options.sessions)
            if not wait_for_port(options.host, port, server):
                raise ShareError(f"the web server did not start on {options.host}:{port} "
                                 "(is the port in use?)")
            shown = "127.0.0.1" if options.host in ("0.0.0.0", "::") else options.host  # noqa: S104
            print(f"link: http://{shown}:{port}/?token={token}", flush=True)
            print(f"transcript: http://{shown}:{port}/transcript", flush=True)
            print(f"sharing interview {summary.id} with {share.consulate.name}; "
                  "Ctrl-C stops it", flush=True)
            while not stop.asked and share.sync():
                time.sleep(POLL_SECONDS)
        finally:
            stop.restore()
            if server is not None:
                stop_server(server)
            reason = {"closed": "the interview was closed",
                      "protection": "the protection gate withholds the interview"}.get(
                share.stopped, "stopped by the officer")
            share.stop(reason)
        print(f"share stopped: {reason}", flush=True)
    return exit_codes.OK


def free_port(host: str) -> int:
    """A port nobody listens on now, on ``host``."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def start_server(share_file: Path, token: str, host: str, port: int,
                 sessions: int) -> subprocess.Popen[bytes]:
    """Start the guarded web server in its own process group; the token goes on stdin."""
    server = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "tui.consular.serve", str(share_file), "--host", host,
         "--port", str(port), "--sessions", str(sessions)],
        stdin=subprocess.PIPE, start_new_session=True)
    assert server.stdin is not None  # noqa: S101 - asked for above
    server.stdin.write(token.encode() + b"\n")
    server.stdin.close()
    return server


def wait_for_port(host: str, port: int, server: subprocess.Popen[bytes]) -> bool:
    """Wait until the server listens (False if it ended or took too long)."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """Stop the server's whole process group: every consular app ends with it."""
    for sig, wait in ((signal.SIGTERM, 3.0), (signal.SIGKILL, 3.0)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            break
        try:
            server.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        # The server is gone; its apps may linger a moment: stop what is left.
        try:
            os.killpg(server.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        break


class _Stop:
    """SIGTERM and SIGINT ask the loop to stop (the share then ends cleanly)."""

    def __init__(self) -> None:
        self.asked = False
        self._before = {sig: signal.signal(sig, self._ask)
                        for sig in (signal.SIGTERM, signal.SIGINT)}

    def _ask(self, _signum: int, _frame: FrameType | None) -> None:
        self.asked = True

    def restore(self) -> None:
        for sig, handler in self._before.items():
            signal.signal(sig, handler)


class BackgroundShare:
    """``natid share`` started by the officer's app in the background (Ctrl+W).

    The app keeps working on the store; the share process records the consulate's
    findings there, and the app follows the store to show them.
    """

    def __init__(self, process: subprocess.Popen[str], link: str, consulate: str) -> None:
        self.process = process
        self.link = link
        """The link to give the consulate (once: its token works once)."""
        self.consulate = consulate
        """The consulate's name."""

    @classmethod
    def start(cls, interview: Any, *, db: str, officer: str,
              interviewing_country: str) -> BackgroundShare:
        """Share ``interview`` with the consulate that serves the interviewing country.

        Raises:
            UserError: no consulate serves the country, or the share was refused (the
                message is natid share's own, the gate's reasons included).
        """
        from engine.directory import serving
        from engine.errors import UserError
        from engine.model import Procedure

        questionnaire = interview.questionnaire
        country = interview.state.interviewing_country or interviewing_country
        found = serving([questionnaire], country, origin=questionnaire.country,
                        procedure=Procedure.NATIONALITY_VERIFICATION)
        if not found:
            raise UserError(f"no consulate of {questionnaire.country} serves {country}")
        consulate = found[0].consulate
        process = subprocess.Popen(  # noqa: S603 - natid itself
            [sys.executable, "-m", "tui", "share", interview.id, "--consulate", consulate.id,
             "--officer", officer, "--db", db],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            text=True, start_new_session=True)
        assert process.stdout is not None  # noqa: S101 - asked for above
        line = process.stdout.readline()
        if not line.startswith("link: "):
            process.wait(timeout=10)
            problem = process.stderr.read() if process.stderr is not None else ""
            raise UserError(" ".join(problem.replace("natid: ", "").split())
                            or "the share did not start")
        return cls(process, line.split()[1], consulate.name)

    @property
    def running(self) -> bool:
        """Whether the share goes on (it ends by itself when the interview is closed)."""
        return self.process.poll() is None

    def stop(self) -> None:
        """Stop sharing: every consular session ends and the link is dead."""
        if self.running:
            self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
