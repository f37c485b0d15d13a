"""Driving the officer's app in tests as an officer would: keys, and the widgets' own API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, RadioButton, RadioSet, Select, SelectionList

from tui.app import NatidApp
from tui.screens.question import QuestionScreen
from tui.screens.setup import SetupScreen

SIZE = (100, 40)

INDIA_ANSWERS: dict[str, Any] = {
    "full_name": "Gurpreet Singh",
    "father_name": "Harjit Singh",
    "date_of_birth": "1995-03-10",
    "age": 31,
    "place_of_birth": "Amritsar",
    "state": "PB",
    "district": "amritsar",
    "tehsil": "Ajnala",
    "police_station": "Ajnala",
    "village_or_town": "Chogawan",
    "pin_code": "143102",
    "documents_held": ["aadhaar"],
    "currency": "rupaya",
    "state_capital": "Chandigarh",
    "independence_day": "15 August",
    "national_anthem": "Jana Gana Mana",
    "languages_spoken": ["punjabi", "hindi"],
}
"""A clean India case: 4 automatic confirmations; the officer confirms two more."""


def new_app(db: Path, language: str = "es") -> NatidApp:
    """The app on a database of the test's own."""
    return NatidApp(db=str(db), officer_language=language)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type as on a keyboard."""
    for character in text:
        await pilot.press("space" if character == " " else character)


async def start_india(pilot: Pilot[Any], officer: str = "Ana López") -> None:
    """From the start screen to the first question of an India interview in Punjabi."""
    app = pilot.app
    await pilot.click("#officer")
    await type_text(pilot, officer)
    await pilot.press("ctrl+n")
    await pilot.pause()
    assert isinstance(app.screen, SetupScreen)
    countries = app.screen.query_one("#country", Select)
    countries.value = next(index for index, (_path, q) in enumerate(app.questionnaires())
                           if q.country == "IN")
    await pilot.pause()
    app.screen.query_one("#interviewee", Select).value = "pa"
    await pilot.click("#start")
    await pilot.pause()
    assert isinstance(app.screen, QuestionScreen)


async def answer_current(pilot: Pilot[Any], value: Any) -> None:
    """Give the current question's answer through its widget, then Ctrl+S."""
    screen = pilot.app.screen
    widget = screen.query_one("#answer")
    if isinstance(widget, Input):
        widget.focus()
        widget.value = ""
        await type_text(pilot, str(value))
    elif isinstance(widget, Select):
        widget.value = value
    elif isinstance(widget, SelectionList):
        widget.deselect_all()
        for item in value:
            widget.select(item)
    elif isinstance(widget, RadioSet):
        wanted = ("yes" if value else "no") if isinstance(value, bool) else value
        for button in widget.query(RadioButton):
            if button.name == wanted:
                button.value = True
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()


async def verify_current(pilot: Pilot[Any], reason: str) -> None:
    """Ctrl+E, choose 'confirmed' (the first choice) with Space, then the reason and Enter."""
    await pilot.press("ctrl+e")
    await pilot.pause()
    await pilot.press("space")
    await pilot.press("tab")
    await type_text(pilot, reason)
    await pilot.press("enter")
    await pilot.pause()
