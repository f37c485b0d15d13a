"""The app takes a date of birth in the person's own calendar (Pilot)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input, Select

from engine.store import open_store
from tests.app_driver import (
    CLEAN_SCREENING,
    SIZE,
    answer_current,
    new_app,
    start_interview,
)
from tui.screens.question import QuestionScreen


def test_an_ethiopian_calendar_date_is_kept_as_given_and_shown_back(tmp_path: Path) -> None:
    db = tmp_path / "natid.db"

    async def run() -> None:
        app = new_app(db, language="en")
        async with app.run_test(size=SIZE) as pilot:
            await start_interview(pilot, "ET", "am", screening={
                **CLEAN_SCREENING, "declared_nationality": "ET"})
            while app.screen.question.id != "date_of_birth":
                await answer_current(pilot, "አበበ")
            calendars = app.screen.query_one("#calendar", Select)
            assert calendars.value == "gregorian"
            calendars.value = "ethiopian"
            field = app.screen.query_one("#answer", Input)
            field.value = "2016-13-06"      # Pagume 6 of a common year: refused
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert app.screen.question.id == "date_of_birth"
            field.value = "1987-04-12"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen.question.id != "date_of_birth"
            await pilot.press("ctrl+b")       # back: shown as given, in its calendar
            await pilot.pause()
            assert app.screen.query_one("#answer", Input).value == "1987-04-12"
            assert app.screen.query_one("#calendar", Select).value == "ethiopian"

    asyncio.run(run())
    with open_store(db) as store:
        (summary,) = store.interviews()
        answered = [event for event in store.events(summary.id)
                    if event.kind == "answered" and event.data["parameter"] == "date_of_birth"]
    assert [event.data.get("original") for event in answered] == [
        {"calendar": "ethiopian", "date": "1987-04-12"}]
    assert answered[0].data["value"] == "1994-12-21"
