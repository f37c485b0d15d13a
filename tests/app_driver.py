"""Driving the officer's app in tests as an officer would: keys, and the widgets' own API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Button, Input, RadioButton, RadioSet, Select, SelectionList

from tui.app import NatidApp
from tui.screens.question import QuestionScreen
from tui.screens.result import ResultScreen
from tui.screens.review import ReviewScreen
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

CLEAN_SCREENING: dict[str, Any] = {
    "information_given": True,
    "consent": True,
    "sex": "male",
    "age": 29,
    "declared_nationality": "IN",
    "fear_of_return": False,
    "wants_asylum": False,
    "protection_elsewhere": "none",
    "documents_held_by_other": False,
    "owes_debt": False,
    "free_to_leave": True,
    "threatened": False,
    "urgent_health": False,
}
"""The protection screening of an adult who raises no flag and declares India."""

SCREENING = "screening."
"""The prefix of the screening's questions among the interview's."""


def new_app(db: Path, language: str = "es") -> NatidApp:
    """The app on a database of the test's own; requests are written beside it."""
    return NatidApp(db=str(db), officer_language=language, output_dir=db.parent)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type as on a keyboard."""
    for character in text:
        await pilot.press("space" if character == " " else character)


async def start_india(pilot: Pilot[Any], officer: str = "Ana López",
                      screening: dict[str, Any] | None = CLEAN_SCREENING) -> None:
    """From the start screen to the first question of an India interview in Punjabi.

    The protection screening is answered with ``screening`` first (a clean profile by
    default); with None, the app stays on the screening's first question.
    """
    await start_interview(pilot, "IN", "pa", officer=officer, screening=screening)


async def start_interview(pilot: Pilot[Any], country: str, interviewee: str, *,
                          officer: str = "Ana López",
                          screening: dict[str, Any] | None = CLEAN_SCREENING) -> None:
    """From the start screen to the first question after the screening (see start_india)."""
    app = pilot.app
    await pilot.click("#officer")
    await type_text(pilot, officer)
    await pilot.press("ctrl+n")
    await pilot.pause()
    assert isinstance(app.screen, SetupScreen)
    countries = app.screen.query_one("#country", Select)
    countries.value = next(index for index, (_path, q) in enumerate(app.questionnaires())
                           if q.country == country)
    await pilot.pause()
    app.screen.query_one("#interviewee", Select).value = interviewee
    await pilot.click("#start")
    await pilot.pause()
    assert isinstance(app.screen, QuestionScreen)
    if screening is not None:
        await answer_screening(pilot, screening)


async def answer_country(pilot: Pilot[Any], answers: dict[str, Any]) -> None:
    """Answer the country's questions from ``answers``, the others 'does not know'; to review."""
    app = pilot.app
    while isinstance(app.screen, QuestionScreen):
        ident = app.screen.question.id
        if ident in answers:
            await answer_current(pilot, answers[ident])
        else:
            await pilot.press("ctrl+k")
            await pilot.pause()
        assert not (isinstance(app.screen, QuestionScreen) and app.screen.question.id == ident), \
            f"the answer to '{ident}' was not saved"
    assert isinstance(app.screen, ReviewScreen)


async def to_result(pilot: Pilot[Any]) -> None:
    """From the review to the result."""
    await pilot.press("ctrl+r")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ResultScreen)


async def close_on_result(pilot: Pilot[Any]) -> None:
    """Close the interview from the result (every required question dealt with)."""
    pilot.app.screen.query_one("#close", Button).press()
    await pilot.pause()
    pilot.app.screen.query_one("#close", Button).press()  # the dialog's
    await pilot.pause()
    assert isinstance(pilot.app.screen, ResultScreen)
    assert pilot.app.interview.state.closed


async def answer_screening(pilot: Pilot[Any], answers: dict[str, Any],
                           until: str | None = None) -> None:
    """Answer every screening question the app puts, from ``answers`` (by the screening's ids).

    With ``until``, stop once that question is answered.

    Raises:
        AssertionError: the app asks a screening question ``answers`` has no answer for.
    """
    app = pilot.app
    while isinstance(app.screen, QuestionScreen) and app.screen.question.id.startswith(
            SCREENING):
        ident = app.screen.question.id.removeprefix(SCREENING)
        assert ident in answers, f"the screening asks '{ident}', which the test does not answer"
        await answer_current(pilot, answers[ident])
        assert not (isinstance(app.screen, QuestionScreen)
                    and app.screen.question.id == SCREENING + ident), \
            f"the screening's answer to '{ident}' was not saved"
        if ident == until:
            return


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
