"""What the officer sees: snapshots of the start, question, review and result screens.

The question screen is shown twice: a country question after a clean protection
screening, and a screening question with the protection flag it raised.

The SVGs in tests/__snapshots__/ were looked at before they were committed; when a
screen changes on purpose, run ``pytest tests/test_snapshots.py --snapshot-update``
and look at the new ones again.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.app_driver import (
    CLEAN_SCREENING,
    answer_current,
    answer_screening,
    start_india,
    verify_current,
)
from tui.app import NatidApp

SIZE = (100, 32)


@pytest.fixture(autouse=True)
def configured_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine whose master key is already set up (no 'key created' notice on screen)."""
    monkeypatch.setenv("NATID_MASTER_KEY", base64.b64encode(bytes(range(32))).decode())


def app_on(tmp_path: Path) -> NatidApp:
    return NatidApp(db=str(tmp_path / "natid.db"), officer_language="es",
                    officer="Ana López", office="Tapachula")


async def to_question(pilot: Pilot[Any]) -> None:
    await start_india(pilot, officer="")
    await answer_current(pilot, "Gurpreet Singh")


async def to_flag(pilot: Pilot[Any]) -> None:
    await start_india(pilot, officer="", screening=None)
    await answer_screening(pilot, {**CLEAN_SCREENING, "fear_of_return": True},
                           until="fear_of_return")


async def to_review(pilot: Pilot[Any]) -> None:
    await to_question(pilot)
    for value in ("Preet", "Harjit Singh", "Kaur", "1995-03-10", 31, "Amritsar", "PB",
                  "amritsar"):
        await answer_current(pilot, value)
    await pilot.press("ctrl+r")
    await pilot.pause()


async def to_result(pilot: Pilot[Any]) -> None:
    await to_question(pilot)
    for value in ("Preet", "Harjit Singh", "Kaur", "1995-03-10", 31, "Amritsar", "PB",
                  "amritsar", "Ajnala", "Ajnala", "Chogawan", "143102", ["aadhaar"]):
        await answer_current(pilot, value)
    await pilot.press("ctrl+b")
    await pilot.pause()
    await verify_current(pilot, "Aadhaar card seen")
    await pilot.press("ctrl+r")
    await pilot.pause()
    await pilot.press("ctrl+r")
    await pilot.pause()


def test_start_screen(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(app_on(tmp_path), terminal_size=SIZE)


def test_question_screen(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(app_on(tmp_path), terminal_size=SIZE, run_before=to_question)


def test_screening_question_with_a_flag(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(app_on(tmp_path), terminal_size=SIZE, run_before=to_flag)


def test_review_screen(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(app_on(tmp_path), terminal_size=SIZE, run_before=to_review)


def test_result_screen(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(app_on(tmp_path), terminal_size=SIZE, run_before=to_result)
