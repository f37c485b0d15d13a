"""The guard in front of textual-serve, and what the consular process holds in memory.

``natid share`` runs as the officer runs it; a WebSocket client plays the browser.
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from engine.interview.events import EventKind
from engine.store import open_store
from tests.conftest import ROOT
from tests.protection_support import screened_india

pytestmark = pytest.mark.slow
HIDDEN_NOTE = "NOTE-NEVER-SHARED-9b2e"


@pytest.fixture
def sharing(tmp_path: Path) -> Iterator[tuple[Path, str, str, subprocess.Popen[str]]]:
    db = tmp_path / "natid.db"
    with open_store(db) as store:
        interview = screened_india(store=store)
        interview.answer("full_name", "Gurpreet Singh Sandhu")
        interview.note(HIDDEN_NOTE)
        interview_id = interview.id
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "share", interview_id, "--consulate", "eoi_mexico_city",
         "--officer", "A. López", "--db", str(db), "--sessions", "1"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("link: "), line
    yield db, interview_id, line.split()[1], process
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=20)


def cookie_from(link: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(link, timeout=10) as response:
        assert response.status == 200
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def consular_processes() -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"tui.consular" in command:  # python -m tui.consular SHARE_FILE (not the server)
            found.append(int(entry.name))
    return found


def memory_of(pid: int) -> bytes:
    """Every readable mapping of a process (root, or the same user with ptrace allowed)."""
    chunks = []
    maps = Path(f"/proc/{pid}/maps").read_text().splitlines()
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as memory:
        for line in maps:
            match = re.match(r"([0-9a-f]+)-([0-9a-f]+) r", line)
            if not match or "[vvar]" in line or "[vsyscall]" in line:
                continue
            start, end = int(match.group(1), 16), int(match.group(2), 16)
            try:
                memory.seek(start)
                chunks.append(memory.read(end - start))
            except (OSError, ValueError, OverflowError):
                continue
    return b"".join(chunks)


def test_the_guard_and_the_consular_process(
        sharing: tuple[Path, str, str, subprocess.Popen[str]]) -> None:
    db, interview_id, link, process = sharing
    base = link.split("/?", 1)[0]
    cookie = cookie_from(link)
    origin = base

    async def run() -> None:
        async with aiohttp.ClientSession() as client:
            # A page elsewhere cannot drive the app, even with the cookie.
            with pytest.raises(aiohttp.WSServerHandshakeError) as foreign:
                await client.ws_connect(f"{base}/ws", headers={
                    "Cookie": cookie, "Origin": "http://elsewhere.example"})
            assert foreign.value.status == 403
            with pytest.raises(aiohttp.WSServerHandshakeError):
                await client.ws_connect(f"{base}/ws", headers={"Origin": origin})
            socket = await client.ws_connect(f"{base}/ws?width=100&height=40",
                                             headers={"Cookie": cookie, "Origin": origin})
            received = b""
            while b"registered under" not in received:
                message = await asyncio.wait_for(socket.receive(), 30)
                assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT)
                received += (message.data if isinstance(message.data, bytes)
                             else message.data.encode())
            # The session limit (--sessions 1).
            with pytest.raises(aiohttp.WSServerHandshakeError) as limited:
                await client.ws_connect(f"{base}/ws", headers={"Cookie": cookie,
                                                               "Origin": origin})
            assert limited.value.status == 429
            # The consular process holds none of what the gate withholds, and no store.
            pids = consular_processes()
            assert len(pids) == 1, pids
            memory = memory_of(pids[0])
            assert b"registered under" in memory  # the view is there: the scan works
            for hidden in (HIDDEN_NOTE, "fear_of_return", "wants_asylum", "A. L\u00f3pez",
                           str(db)):
                assert hidden.encode() not in memory, hidden
            opened = {os.readlink(f"/proc/{pids[0]}/fd/{fd}")
                      for fd in os.listdir(f"/proc/{pids[0]}/fd")}
            assert not any(path.startswith(str(db)) for path in opened), opened
            await socket.close()

    asyncio.run(run())
    process.terminate()
    assert process.wait(timeout=20) == 0
    assert consular_processes() == []
    with open_store(db) as store:
        events = store.events(interview_id)
    sessions = [e.data["state"] for e in events if e.kind is EventKind.CONSULAR_SESSION]
    assert sessions == ["connected", "disconnected"]
    opened = next(e for e in events if e.kind is EventKind.SHARE_OPENED)
    assert opened.officer == "A. López" and opened.data["consulate"] == "eoi_mexico_city"


def test_a_flagged_interview_is_not_served(tmp_path: Path) -> None:
    db = tmp_path / "natid.db"
    with open_store(db) as store:
        interview = screened_india({"wants_asylum": True}, store=store)
    completed = subprocess.run(
        [sys.executable, "-m", "tui", "share", interview.id, "--consulate", "eoi_mexico_city",
         "--officer", "A. López", "--db", str(db)],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert completed.returncode == 4
    assert "cannot be shared" in completed.stderr and "Traceback" not in completed.stderr
    assert "link" not in completed.stdout
    with open_store(db) as store:
        assert store.events(interview.id)[-1].kind is EventKind.SHARE_REFUSED
