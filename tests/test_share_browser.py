"""End to end in a real headless Chromium (Debian's, through Selenium and chromedriver).

``natid share`` runs as the officer would run it; the browser opens the link, the
consular app's WebSocket frames show the question, the keys typed in the browser record
a finding, and the event arrives in the store. A wrong or used token gets nothing.
The terminal is a canvas: the test reads the WebSocket frames and the store, not the page.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.interview.events import EventKind
from engine.store import open_store
from tests.conftest import ROOT
from tests.protection_support import screened_india

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

pytestmark = pytest.mark.slow

if not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()):
    if os.environ.get("CI") or os.environ.get("NATID_REQUIRE_BROWSER") == "1":
        pytest.fail("the browser test needs Debian's chromium and chromium-driver "
                    "(python3 dev.py test installs them)", pytrace=False)
    pytest.skip("Debian's chromium and chromium-driver are not installed",
                allow_module_level=True)


def new_browser() -> object:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                 "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


class Frames:
    """The WebSocket frames the browser received, decoded, gathered as they come."""

    def __init__(self, browser: object) -> None:
        self.browser = browser
        self.text = ""

    def collect(self) -> str:
        for entry in self.browser.get_log("performance"):  # type: ignore[attr-defined]
            message = json.loads(entry["message"])["message"]
            if message.get("method") != "Network.webSocketFrameReceived":
                continue
            response = message["params"]["response"]
            data = response.get("payloadData", "")
            if response.get("opcode") == 2:
                data = base64.b64decode(data).decode("utf-8", "replace")
            self.text += data
        return self.text

    def wait_for(self, needle: str, seconds: float = 30) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if needle in self.collect():
                return True
            time.sleep(0.2)
        return False


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[tuple[Path, str, str, subprocess.Popen[str]]]:
    db = tmp_path / "natid.db"
    with open_store(db) as store:
        interview = screened_india(store=store)
        interview.answer("full_name", "Gurpreet Singh Sandhu")
        interview_id = interview.id
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "share", interview_id, "--consulate", "eoi_mexico_city",
         "--officer", "A. López", "--db", str(db)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("link: "), line + process.stderr.read()  # type: ignore[union-attr]
    yield db, interview_id, line.split()[1], process
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=20)


def status_of(url: str, cookie: str = "") -> int:
    request = urllib.request.Request(  # noqa: S310 - the test's own http:// server
        url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def type_finding(browser: object, reason: str, name: str) -> None:
    """Keys typed in the browser: the first answer (a consulate item) is highlighted; Tab
    three times reaches the reason, then the name, then the Record button."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    keyboard = browser.find_element(By.CSS_SELECTOR, "textarea")  # type: ignore[attr-defined]
    keyboard.send_keys(Keys.TAB, Keys.TAB, Keys.TAB)
    time.sleep(0.3)
    for text in (reason, Keys.TAB, name, Keys.TAB, Keys.ENTER):
        keyboard.send_keys(text)
        time.sleep(0.2)


def test_a_consul_confirms_an_item_from_the_browser(
        shared: tuple[Path, str, str, subprocess.Popen[str]]) -> None:
    from selenium.webdriver.common.by import By

    db, interview_id, link, process = shared
    base = link.split("/?", 1)[0]
    browser = new_browser()
    try:
        # A wrong token gets nothing, and neither do the page, the app or the transcript.
        browser.get(f"{base}/?token=wrong")
        assert "not valid" in browser.find_element(By.TAG_NAME, "body").text
        assert status_of(f"{base}/") == 403
        assert status_of(f"{base}/transcript") == 403
        assert status_of(f"{base}/ws") == 403
        # The link: the token becomes a cookie, and the consular app starts.
        browser.get(link)
        assert browser.current_url.rstrip("/") == base
        frames = Frames(browser)
        assert frames.wait_for("registered under"), frames.text[-2000:]  # other_names, English
        # Native scripts are read on the transcript page (a browser terminal misplaces them).
        browser.execute_script("window.open(arguments[0], 'transcript')", f"{base}/transcript")
        browser.switch_to.window("transcript")
        page = browser.find_element(By.TAG_NAME, "body").text
        assert "Gurpreet Singh Sandhu" in page and "ਕੀ ਤੁਸੀਂ" in page
        browser.switch_to.window(browser.window_handles[0])
        # The token was used once: it opens nothing any more.
        assert status_of(link) == 403
        type_finding(browser, "matches our passport register", "R. Sharma")
        finding = None
        deadline = time.monotonic() + 20
        while finding is None and time.monotonic() < deadline:
            with open_store(db) as store:
                finding = next((e for e in store.events(interview_id)
                                if e.kind is EventKind.CONSULAR_FINDING), None)
            time.sleep(0.2)
        assert finding is not None, frames.collect()[-3000:]
        assert finding.officer == "Embassy of India, Mexico City: R. Sharma"
        assert finding.data["parameter"] == "full_name"
        assert finding.data["reason"] == "matches our passport register"
        assert frames.wait_for("recorded in the interview")
    finally:
        browser.quit()
    # Stopping the share ends the sessions; the cookie opens nothing after.
    process.terminate()
    assert process.wait(timeout=20) == 0
    with open_store(db) as store:
        kinds = [(e.kind, e.data.get("state")) for e in store.events(interview_id)]
    assert (EventKind.CONSULAR_SESSION, "connected") in kinds
    assert (EventKind.CONSULAR_SESSION, "disconnected") in kinds
    assert kinds[-1][0] is EventKind.SHARE_STOPPED
    with pytest.raises(urllib.error.URLError):  # the server is gone: nothing answers
        urllib.request.urlopen(f"{base}/", timeout=5)  # noqa: S310
