"""The app's language sample and its notice of an answer in an unexpected script."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from engine.interview.events import EventKind
from engine.store import open_store
from tests.app_driver import SIZE, answer_current, new_app, start_india, type_text
from tui.screens.question import QuestionScreen
from tui.screens.result import ResultScreen
from tui.screens.sample_dialog import LanguageSampleDialog
from tui.screens.setup import SetupScreen

PUNJABI = "ਮੈਂ ਪੰਜਾਬ ਤੋਂ ਹਾਂ ਅਤੇ ਮੇਰਾ ਪਿੰਡ ਜਲੰਧਰ ਦੇ ਨੇੜੇ ਹੈ"


async def wait_for_detection(pilot: Pilot[Any]) -> str:
    """Wait until the dialog shows what the sample is (detection runs in a thread)."""
    for _ in range(100):
        await pilot.pause(0.05)
        shown = str(pilot.app.screen.query_one("#detected", Static).render())
        if shown:
            return shown
    raise AssertionError("the detection never appeared")


def test_a_sample_typed_before_the_interview_chooses_india_and_is_recorded(
        tmp_path: Path) -> None:
    db = tmp_path / "natid.db"

    async def run() -> None:
        app = new_app(db, language="en")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.click("#officer")
            await type_text(pilot, "Ana")
            await pilot.press("ctrl+n")
            await pilot.pause()
            await pilot.press("ctrl+t")
            await pilot.pause()
            assert isinstance(app.screen, LanguageSampleDialog)
            app.screen.query_one("#sample", Input).value = PUNJABI
            await pilot.press("enter")
            shown = await wait_for_detection(pilot)
            assert "Punjabi (pa)" in shown and "Gurmukhi" in shown and "India (IN)" in shown
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, SetupScreen)
            assert "Punjabi" in str(app.screen.query_one("#sample-found", Static).render())
            assert app.screen.query_one("#interviewee", Select).value == "pa"
            await pilot.click("#start")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
        with open_store(db) as store:
            (summary,) = store.interviews()
            events = store.events(summary.id)
        assert events[1].kind is EventKind.LANGUAGE_SAMPLE
        assert events[1].data["text"] == PUNJABI
        assert events[1].data["detection"]["candidates"][0]["language"] == "pa"

    asyncio.run(run())


def test_a_sample_cancelled_records_nothing(tmp_path: Path) -> None:
    db = tmp_path / "natid.db"

    async def run() -> None:
        app = new_app(db, language="en")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot, screening=None)
            await pilot.press("ctrl+t")
            await pilot.pause()
            app.screen.query_one("#sample", Input).value = PUNJABI
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert not app.interview.state.language_samples

    asyncio.run(run())


def test_a_sample_during_the_interview_is_language_evidence_on_the_result(
        tmp_path: Path) -> None:
    db = tmp_path / "natid.db"

    async def run() -> None:
        app = new_app(db, language="en")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot)
            await pilot.press("ctrl+t")
            await pilot.pause()
            app.screen.query_one("#sample", Input).value = PUNJABI
            await pilot.press("enter")
            await wait_for_detection(pilot)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert "Language sample recorded" in str(
                app.screen.query_one("#message", Static).render())
            sample = app.interview.assess().language_sample
            assert sample is not None and sample.outcome == "confirmed"
            await pilot.press("ctrl+r")
            await pilot.pause()
            await pilot.press("ctrl+r")
            await pilot.pause()
            assert isinstance(app.screen, ResultScreen)
            rows = [app.screen.query_one("#contributions").get_row_at(index)  # type: ignore[attr-defined]
                    for index in range(app.screen.query_one("#contributions").row_count)]  # type: ignore[attr-defined]
            assert any(str(row[0]) == "Language sample" and str(row[2]) == "+0.48"
                       for row in rows)

    asyncio.run(run())


def test_a_name_in_another_script_is_pointed_out_and_kept(tmp_path: Path) -> None:
    db = tmp_path / "natid.db"

    async def run() -> None:
        app = new_app(db, language="en")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot)
            assert isinstance(app.screen, QuestionScreen)
            assert app.screen.question.id == "full_name"
            screen = app.screen
            widget = screen.query_one("#answer", Input)
            widget.value = "गुरप्रीत सिंह"
            await pilot.press("ctrl+s")
            await pilot.pause()
            notices = [str(n.message) for n in app._notifications]
            assert any("Devanagari" in n and "Gurmukhi" in n for n in notices)
            assert app.interview.answers()["full_name"] == "गुरप्रीत सिंह"
            await pilot.press("ctrl+b")
            await pilot.pause()
            assert "Devanagari" in str(app.screen.query_one("#state", Static).render())
            before = len(list(app._notifications))
            await answer_current(pilot, "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ")
            assert len(list(app._notifications)) == before
            assert app.interview.answer_mismatch("full_name") == ""

    asyncio.run(run())


def test_a_document_is_recorded_from_the_dialog_and_a_refusal_keeps_what_was_typed(
        tmp_path: Path) -> None:
    from textual.widgets import TextArea

    from engine.documents.mrz_compose import compose
    from tui.screens.document_dialog import DocumentDialog

    zone = compose("TD3", document_code="P", issuing_state="IND", surname="SANDHU",
                   given_names="GURPREET SINGH", document_number="K1234567",
                   nationality="IND", birth_date="1995-03-10", sex="M",
                   expiry_date="2031-06-30")
    db = tmp_path / "natid.db"

    async def run() -> None:
        app = new_app(db, language="en")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot)
            await pilot.press("ctrl+o")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, DocumentDialog)
            dialog.query_one("#type", Select).value = "passport"
            dialog.query_one("#seen", Select).value = "original"
            dialog.query_one("#issued", Input).value = "10/03/2020"
            dialog.query_one("#mrz", TextArea).text = zone
            dialog.record()
            await pilot.pause()
            assert app.screen is dialog  # refused: the dialog stays, with what was typed
            assert "YYYY-MM-DD" in str(dialog.query_one("#message", Static).render())
            assert dialog.query_one("#mrz", TextArea).text == zone
            dialog.query_one("#issued", Input).value = "2021-07-01"
            dialog.record()
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert "passport (original) of IN no. K1234567" in str(
                app.screen.query_one("#message", Static).render())
            (document,) = app.interview.assess().documents
            assert (document.outcome, document.tier) == ("confirmed", "proof")
        with open_store(db) as store:
            (summary,) = store.interviews()
            kinds = [event.kind for event in store.events(summary.id)]
        assert kinds.count(EventKind.DOCUMENT_RECORDED) == 1

    asyncio.run(run())


def test_ctrl_w_on_an_interview_whose_screening_is_not_finished_shares_nothing(
        tmp_path: Path) -> None:
    db = tmp_path / "natid.db"

    async def run() -> None:
        app = new_app(db, language="en")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot, screening=None)
            await pilot.press("ctrl+w")
            await pilot.pause()
            notices = [str(n.message) for n in app._notifications]
            assert any(n.startswith("Not shared:") for n in notices), notices
            assert app._share is None
        with open_store(db) as store:
            (summary,) = store.interviews()
            assert store.events(summary.id)[-1].kind is EventKind.SHARE_REFUSED

    asyncio.run(run())


def test_the_same_document_recorded_twice_is_said_to_count_once(tmp_path: Path) -> None:
    from tui.screens.document_dialog import DocumentDialog

    async def run() -> None:
        app = new_app(tmp_path / "natid.db", language="en")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot)
            for seen in ("original", "copy"):
                await pilot.press("ctrl+o")
                await pilot.pause()
                dialog = app.screen
                assert isinstance(dialog, DocumentDialog)
                dialog.query_one("#type", Select).value = "passport"
                dialog.query_one("#seen", Select).value = seen
                dialog.query_one("#country", Input).value = "IN"
                dialog.query_one("#number", Input).value = "K1234567"
                dialog.record()
                await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert "counts once" in str(app.screen.query_one("#message", Static).render())
            assert len(app.interview.documents) == 2
            assert len(app.interview.assess().documents) == 1

    asyncio.run(run())
