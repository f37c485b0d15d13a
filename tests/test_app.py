"""The officer's app, driven through Textual's Pilot: a whole interview, resume, language."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import DataTable, Static

from engine.store import open_store
from tests.app_driver import (
    INDIA_ANSWERS,
    SIZE,
    answer_current,
    new_app,
    start_india,
    type_text,
    verify_current,
)
from tui.i18n import translations
from tui.screens.question import QuestionScreen
from tui.screens.result import ResultScreen
from tui.screens.review import ReviewScreen
from tui.screens.start import StartScreen


def spanish(text: str) -> str:
    return translations("es").gettext(text)


def test_a_whole_india_interview_from_start_to_result(tmp_path: Path) -> None:
    db = tmp_path / "natid.db"

    async def run() -> None:
        app = new_app(db)
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot)
            seen: list[str] = []
            while isinstance(app.screen, QuestionScreen):
                question = app.screen.question
                assert question.id not in seen, f"{question.id} asked twice"
                seen.append(question.id)
                # The question in the person's script, beside the officer's language.
                prompt = app.screen.query_one("#interviewee-prompt", Static)
                assert str(prompt.render()) == question.interviewee_prompt
                if question.id in INDIA_ANSWERS:
                    await answer_current(pilot, INDIA_ANSWERS[question.id])
                    if question.id in ("documents_held", "languages_spoken"):
                        await pilot.press("ctrl+b")
                        await pilot.pause()
                        await verify_current(pilot, "seen and confirmed by the interpreter")
                        await pilot.press("ctrl+s")
                        await pilot.pause()
                else:
                    await pilot.press("ctrl+k")  # the person does not know
                    await pilot.pause()
            assert isinstance(app.screen, ReviewScreen)
            table = app.screen.query_one("#answers", DataTable)
            assert table.row_count == len(seen)
            await pilot.press("ctrl+r")
            await pilot.pause()
            assert isinstance(app.screen, ResultScreen)
            conclusion = str(app.screen.query_one("#conclusion", Static).render())
            assert spanish("presumption supported") in conclusion
            await pilot.click("#close")
            await pilot.pause()
            await pilot.click("#close")  # the dialog's: every required question is answered
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
        with open_store(db) as store:
            (summary,) = store.interviews()
            assert summary.status == "closed"
            assert summary.conclusion == "presumption supported"
            assert all(report.ok for report in store.verify())

    asyncio.run(run())


def test_resume_after_the_app_is_closed(tmp_path: Path) -> None:
    db = tmp_path / "natid.db"

    async def first_session() -> str:
        app = new_app(db)
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot)
            await answer_current(pilot, "Gurpreet Singh")
            await pilot.press("ctrl+d")  # other names: declined
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            return app.screen.question.id

    async def second_session(expected: str) -> None:
        app = new_app(db)
        async with app.run_test(size=SIZE) as pilot:
            assert isinstance(app.screen, StartScreen)
            await pilot.click("#officer")
            await pilot.press("B")
            table = app.screen.query_one("#open", DataTable)
            assert table.row_count == 1
            await pilot.click("#resume")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert app.screen.question.id == expected
            assert app.interview.answers()["full_name"] == "Gurpreet Singh"

    where = asyncio.run(first_session())
    assert where == "father_name"
    asyncio.run(second_session(where))


def test_going_back_and_changing_an_answer(tmp_path: Path) -> None:
    async def run() -> None:
        app = new_app(tmp_path / "natid.db")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot)
            for value in ("Gurpreet Singh", "Preet", "Harjit Singh", "Kaur", "1995-03-10", 31,
                          "Amritsar", "PB"):
                await answer_current(pilot, value)
            assert isinstance(app.screen, QuestionScreen)
            assert app.screen.question.id == "district"
            total_with_district = app.screen.question.total
            await pilot.press("ctrl+b")
            await pilot.pause()
            assert app.screen.question.id == "state"
            await answer_current(pilot, "KL")
            assert app.screen.question.id == "tehsil"
            assert app.screen.question.total == total_with_district - 1
            assert "district" not in {p.id for p in app.interview.relevant()}

    asyncio.run(run())


def test_the_officer_switches_language_while_the_app_runs(tmp_path: Path) -> None:
    async def run() -> None:
        app = new_app(tmp_path / "natid.db", language="es")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot)
            footer_keys = {b.binding.description for b in app.screen.active_bindings.values()}
            assert spanish("Save") in footer_keys
            officer_prompt = str(app.screen.query_one("#officer-prompt", Static).render())
            await pilot.press("ctrl+l")  # es → en
            await pilot.pause()
            assert app.officer_language == "en"
            footer_keys = {b.binding.description for b in app.screen.active_bindings.values()}
            assert "Save" in footer_keys
            # The officer's side of the question follows; the person's side stays.
            assert isinstance(app.screen, QuestionScreen)
            english = app.interview.questionnaire.parameter("full_name").prompt["en"]
            assert str(app.screen.query_one("#officer-prompt", Static).render()) == english
            assert english != officer_prompt
            assert app.screen.question.interviewee_prompt == \
                app.interview.questionnaire.parameter("full_name").prompt["pa"]

    asyncio.run(run())


def test_an_answer_that_does_not_fit_is_refused_on_screen(tmp_path: Path) -> None:
    async def run() -> None:
        app = new_app(tmp_path / "natid.db", language="en")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot)
            for value in ("Gurpreet Singh", "Preet", "Harjit Singh", "Kaur"):
                await answer_current(pilot, value)
            await answer_current(pilot, "2099-01-01")  # a date of birth in the future
            assert isinstance(app.screen, QuestionScreen)
            assert app.screen.question.id == "date_of_birth"
            message = str(app.screen.query_one("#message", Static).render())
            assert message.startswith("Not saved:")
            assert "in the future" in message

    asyncio.run(run())


def test_a_finding_is_recorded_only_as_chosen(tmp_path: Path) -> None:
    async def run() -> None:
        app = new_app(tmp_path / "natid.db", language="en")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot)
            # full_name is for the consulate: no dialog, a message instead.
            await pilot.press("ctrl+e")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert "only the consulate" in str(app.screen.query_one("#message",
                                                                    Static).render())
            for value in ("Gurpreet Singh", "Preet", "Harjit Singh", "Kaur", "1995-03-10",
                          31, "Amritsar", "PB", "amritsar", "Ajnala", "Ajnala", "Chogawan",
                          "143102", ["aadhaar"]):
                await answer_current(pilot, value)
            await pilot.press("ctrl+b")  # back to the documents
            await pilot.pause()
            await pilot.press("ctrl+e")
            await pilot.pause()
            await pilot.press("tab")  # straight to the reason, nothing chosen
            await type_text(pilot, "card shown")
            await pilot.press("enter")
            await pilot.pause()
            assert "Choose Confirmed or Contradicted" in str(
                app.screen.query_one("#message", Static).render())
            # The dialog put the cursor back on the choice.
            await pilot.press("down")  # to 'contradicted'
            await pilot.press("space")
            await pilot.press("tab")
            await pilot.press("enter")
            await pilot.pause()
            finding = app.interview.state.parameters["documents_held"].verification
            assert finding is not None
            assert finding.outcome == "contradicted"
            assert finding.reason == "card shown"

    asyncio.run(run())


def test_changing_the_state_asks_the_district_again_without_a_crash(tmp_path: Path) -> None:
    async def run() -> None:
        app = new_app(tmp_path / "natid.db", language="es")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot)
            for value in ("Gurpreet Singh", "Preet", "Harjit Singh", "Kaur", "1995-03-10",
                          31, "Amritsar", "HR", "hisar"):
                await answer_current(pilot, value)
            await pilot.press("ctrl+b")
            await pilot.pause()
            await pilot.press("ctrl+b")
            await pilot.pause()
            assert app.screen.question.id == "state"
            await answer_current(pilot, "PB")
            # The district given for Haryana no longer fits: it is asked again, among
            # Punjab's districts, with nothing chosen.
            assert app.screen.question.id == "district"
            assert "hisar" not in {c.value for c in app.screen.question.choices}
            await answer_current(pilot, "amritsar")
            assert app.screen.question.id == "tehsil"

    asyncio.run(run())
