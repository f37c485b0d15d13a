"""The officer's app, driven through Textual's Pilot: a whole interview, resume, language."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, OptionList, Select, Static

from engine.store import open_store
from tests.app_driver import (
    CLEAN_SCREENING,
    INDIA_ANSWERS,
    SIZE,
    answer_country,
    answer_current,
    answer_screening,
    close_on_result,
    new_app,
    start_india,
    to_result,
    type_text,
    verify_current,
)
from tui.i18n import translations
from tui.screens.best_interests_dialog import BestInterestsDialog
from tui.screens.notice_dialog import NoticeDialog
from tui.screens.question import QuestionScreen
from tui.screens.result import ResultScreen
from tui.screens.review import ReviewScreen
from tui.screens.route_dialog import RouteDialog
from tui.screens.start import StartScreen
from tui.widgets.flag_notice import FlagNotice
from tui.widgets.protection_panel import ProtectionPanel


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
            # The screening's questions come first, then the country's.
            assert table.row_count == len(CLEAN_SCREENING) + len(seen)
            await pilot.press("ctrl+r")
            await pilot.pause()
            assert isinstance(app.screen, ResultScreen)
            conclusion = str(app.screen.query_one("#conclusion", Static).render())
            assert spanish("presumption supported") in conclusion
            await pilot.click("#close")
            await pilot.pause()
            await pilot.click("#close")  # the dialog's: every required question is answered
            await pilot.pause()
            # The result stays, closed, so that the request can be prepared from it.
            assert isinstance(app.screen, ResultScreen)
            assert app.screen.query_one("#close", Button).disabled
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            assert app.screen.query_one("#open", DataTable).row_count == 0
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


# The protection screening and what the interview produces ---------------------------------


def events_of(db: Path) -> list[str]:
    """The kinds of the events of the only interview in ``db``, in order."""
    with open_store(db) as store:
        (summary,) = store.interviews()
        return [str(event.kind) for event in store.events(summary.id)]


def test_a_fear_of_return_is_flagged_at_once_and_holds_the_request_back(
        tmp_path: Path) -> None:
    db = tmp_path / "natid.db"

    async def run() -> None:
        app = new_app(db, language="en")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot, screening=None)
            assert isinstance(app.screen, QuestionScreen)
            assert str(app.screen.query_one("#section", Static).render()) == \
                "Protection screening"
            flagged = {**CLEAN_SCREENING, "fear_of_return": True}
            await answer_screening(pilot, flagged, until="fear_of_return")
            # The next question is still the screening's, and the flag is on screen.
            assert app.screen.question.id == "screening.wants_asylum"
            notice = app.screen.query_one(FlagNotice)
            assert notice.display
            text = str(notice.render())
            assert "Fear of return" in text
            assert "Refer to the asylum authority" in text
            await answer_screening(pilot, flagged)
            assert app.screen.question.id == "full_name"
            assert app.screen.query_one(FlagNotice).display  # it stays in sight
            await answer_country(pilot, {})
            await to_result(pilot)
            keys = app.screen.active_bindings
            assert "ctrl+f" in keys  # the referral is offered
            assert "ctrl+g" not in keys  # no child
            assert "ctrl+t" not in keys  # India declared
            panel = str(app.screen.query_one(ProtectionPanel).render())
            assert "Fear of return" in panel
            await close_on_result(pilot)
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, NoticeDialog)
            assert any(item.startswith("Fear of return: the person is referred")
                       for item in app.screen.items)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultScreen)
            await pilot.press("ctrl+f")
            await pilot.pause()
            assert isinstance(app.screen, NoticeDialog)
            assert "Asylum authority" in app.screen.intro
        kinds = events_of(db)
        assert "request_refused" in kinds
        assert "request_prepared" not in kinds
        assert "referral_prepared" in kinds
        assert not list(tmp_path.glob("request-*"))
        (referral,) = tmp_path.glob("referral-*.json")
        routes = json.loads(referral.read_text(encoding="utf-8"))["routes"]
        assert [route["route"] for route in routes] == ["asylum_authority"]
        assert referral.stat().st_mode & 0o077 == 0  # it names a person: the owner's only

    asyncio.run(run())


def test_a_clean_interview_prepares_the_request_for_the_consulate_serving_mexico(
        tmp_path: Path) -> None:
    db = tmp_path / "natid.db"

    async def run() -> None:
        app = new_app(db, language="en")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot)
            assert not app.screen.query_one(FlagNotice).display
            await answer_country(pilot, INDIA_ANSWERS)
            await to_result(pilot)
            keys = app.screen.active_bindings
            assert "ctrl+p" in keys
            assert not {"ctrl+f", "ctrl+g", "ctrl+t"} & set(keys)
            assert "close the interview first" in str(
                app.screen.query_one(ProtectionPanel).render())
            await close_on_result(pilot)
            assert "A request to the consulate can be prepared" in str(
                app.screen.query_one(ProtectionPanel).render())
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, NoticeDialog)
            assert "Embassy of India, Mexico City" in app.screen.intro
            assert str(tmp_path) in app.screen.intro  # the folder, then the files' names
            assert {tmp_path / item for item in app.screen.items} == \
                set(tmp_path.glob("request-*"))
            assert not app.screen.warnings
            consulates = {c.id: c for c in app.interview.questionnaire.consulates}
        (pdf,) = tmp_path.glob("request-*.pdf")
        (written,) = tmp_path.glob("request-*.json")
        assert pdf.read_bytes().startswith(b"%PDF")
        request = json.loads(written.read_text(encoding="utf-8"))
        assert request["interviewing_country"] == "MX"
        assert "MX" in consulates[request["addressee"]["consulate_id"]].serves
        kinds = events_of(db)
        assert kinds.count("request_prepared") == 1
        assert "request_refused" not in kinds

    asyncio.run(run())


def test_what_cannot_be_written_is_said_and_the_json_kept_without_fonts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from engine import render
    from engine.render import FontsMissingError

    def no_fonts(*_args: object, **_options: object) -> bytes:
        raise FontsMissingError("the font Noto Sans Gurmukhi is not installed")

    monkeypatch.setattr(render, "render_pdf", no_fonts)
    db = tmp_path / "natid.db"

    async def run() -> None:
        app = new_app(db, language="en")
        app.output_dir = tmp_path / "gone"
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot)
            await answer_country(pilot, {})
            await to_result(pilot)
            await close_on_result(pilot)
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, NoticeDialog)
            (reason,) = app.screen.items
            assert reason.startswith("natid cannot write in the folder")
            assert "request_prepared" not in events_of(db)
            await pilot.press("enter")
            await pilot.pause()
            app.output_dir = tmp_path
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, NoticeDialog)
            (warning,) = app.screen.warnings
            assert "Noto Sans Gurmukhi is not installed" in warning
            assert [Path(item).suffix for item in app.screen.items] == [".json"]
        assert len(list(tmp_path.glob("request-*.json"))) == 1
        assert not list(tmp_path.glob("request-*.pdf"))
        assert events_of(db).count("request_prepared") == 1  # its JSON is the request

    asyncio.run(run())


def test_a_child_s_request_waits_for_the_best_interests_step(tmp_path: Path) -> None:
    db = tmp_path / "natid.db"

    async def run() -> None:
        app = new_app(db, language="en")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot, screening={**CLEAN_SCREENING, "age": 15,
                                                "travelling_with": "alone"})
            text = str(app.screen.query_one(FlagNotice).render())
            assert "Unaccompanied or separated child" in text
            await answer_country(pilot, {})
            await to_result(pilot)
            await close_on_result(pilot)
            assert {"ctrl+g", "ctrl+f"} <= set(app.screen.active_bindings)
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, NoticeDialog)
            assert any("best-interests step" in item for item in app.screen.items)
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("ctrl+g")
            await pilot.pause()
            assert isinstance(app.screen, BestInterestsDialog)
            await type_text(pilot, "DIF Chiapas")
            await pilot.press("enter")  # on to the reference
            await pilot.press("enter")  # nothing there yet: refused, the dialog stays
            await pilot.pause()
            assert isinstance(app.screen, BestInterestsDialog)
            await type_text(pilot, "PNNA-2026-41")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultScreen)
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, NoticeDialog)
            assert app.screen.items[0].endswith(".json")
        (written,) = tmp_path.glob("request-*.json")
        step = json.loads(written.read_text(encoding="utf-8"))["child_protection"]
        assert step["best_interests"]["authority"] == "DIF Chiapas"
        assert step["best_interests"]["reference"] == "PNNA-2026-41"
        kinds = events_of(db)
        assert kinds.index("request_refused") < kinds.index("best_interests") < \
            kinds.index("request_prepared")

    asyncio.run(run())


def test_another_declared_nationality_is_routed_with_the_officer_s_reason(
        tmp_path: Path) -> None:
    db = tmp_path / "natid.db"

    async def run() -> None:
        app = new_app(db, language="en")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot, screening={**CLEAN_SCREENING,
                                                "declared_nationality": "BD"})
            await answer_country(pilot, {})
            await to_result(pilot)
            assert "ctrl+t" in app.screen.active_bindings
            await pilot.press("ctrl+t")
            await pilot.pause()
            assert isinstance(app.screen, RouteDialog)
            await type_text(pilot, "no record at the consulate of Bangladesh")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultScreen)
            assert "ctrl+t" not in app.screen.active_bindings
            assert "declared the nationality" not in str(
                app.screen.query_one(ProtectionPanel).render())
        with open_store(db) as store:
            (summary,) = store.interviews()
            (routed,) = [e for e in store.events(summary.id) if e.kind == "routed"]
            assert routed.data == {"country": "IN",
                                   "reason": "no record at the consulate of Bangladesh"}
            assert routed.officer == "Ana López"

    asyncio.run(run())


def test_the_country_of_the_interview_is_chosen_and_remembered(tmp_path: Path) -> None:
    db = tmp_path / "natid.db"

    async def run() -> None:
        app = new_app(db, language="en")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.click("#officer")
            await type_text(pilot, "Ana")
            await pilot.press("ctrl+n")
            await pilot.pause()
            held_in = app.screen.query_one("#held-in", Select)
            assert held_in.value == "MX"
            assert held_in.query_one(OptionList).option_count == 11  # the RCM's members
            held_in.value = "GT"
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert app.screen.query_one("#held-in", Select).value == "GT"
            await pilot.press("escape")
            await pilot.pause()
            await start_india(pilot, officer="")
        with open_store(db) as store:
            (summary,) = store.interviews()
            assert store.events(summary.id)[0].data["interviewing_country"] == "GT"

    asyncio.run(run())
