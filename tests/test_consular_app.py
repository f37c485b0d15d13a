"""The consular app, driven through Textual's Pilot on a real share file."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Button, DataTable, Input, Select, Static

from engine.interview.events import EventKind
from engine.share import Share
from engine.store import open_store
from engine.store.recorded import resume_recorded
from tests.interview_support import india
from tests.protection_support import screened_india
from tui.consular.app import ConsularApp

SIZE = (100, 50)


def text_of(app: ConsularApp, ident: str) -> str:
    return str(app.query_one(f"#{ident}", Static).render())


def test_the_consulate_follows_the_interview_and_records_a_finding(tmp_path: Path) -> None:
    with open_store(tmp_path / "natid.db") as store:
        interview = screened_india(store=store)
        interview.answer("full_name", "Gurpreet Singh Sandhu")
        share = Share.open(store, india(), interview.id, consulate_id="eoi_mexico_city",
                           officer="A. López", address="127.0.0.1:0", folder=tmp_path)

        async def run() -> None:
            app = ConsularApp(str(share.path))
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                # The current question, in the consulate's language and the person's.
                current = interview.current()
                assert current is not None and current.id == "other_names"
                question = next(q for q in app.view["questions"] if q["id"] == "other_names")
                assert text_of(app, "consulate-prompt") == question["consulate_prompt"]
                assert text_of(app, "person-prompt") == question["person_prompt"]
                assert "ਹੋਰ" in text_of(app, "person-prompt") or \
                    text_of(app, "person-prompt") != text_of(app, "consulate-prompt")
                assert "0 of 5" in text_of(app, "rule")
                # An answer in the officer's terminal reaches the consulate's view.
                officer_side = resume_recorded(store, india(), interview.id)
                officer_side.answer("other_names", "Gopi")
                share.sync()
                for _ in range(40):
                    await pilot.pause(0.05)
                    if app.view and app.view["current"] == "father_name":
                        break
                table = app.query_one("#answers", DataTable)
                assert table.get_row("other_names")[2] == "Gopi"
                # The consular officer confirms an item with the reason and their name.
                app.query_one("#item", Select).value = "full_name"
                app.query_one("#reason", Input).value = "matches our passport register"
                app.query_one("#name", Input).value = "R. Sharma"
                app.query_one("#record", Button).press()
                await pilot.pause()
                assert app.pending
                share.sync()
                for _ in range(40):
                    await pilot.pause(0.05)
                    if not app.pending:
                        break
                assert "recorded in the interview" in text_of(app, "message")
                assert table.get_row("full_name")[3] == "confirmed"
                # Stopping the share ends the view at once.
                share.stop("stopped by the officer")
                for _ in range(40):
                    await pilot.pause(0.05)
                    if app.view is None:
                        break
                assert app.view is None
                assert "stopped" in text_of(app, "status")
                assert app.query_one("#record", Button).disabled

        asyncio.run(run())
        finding = next(e for e in store.events(interview.id)
                       if e.kind is EventKind.CONSULAR_FINDING)
        assert finding.officer == "Embassy of India, Mexico City: R. Sharma"
        outcome = next(p for p in resume_recorded(store, india(), interview.id)
                       .assess("en").parameters if p.parameter == "full_name")
        assert outcome.outcome == "confirmed"


def test_a_finding_without_reason_or_name_is_not_sent(tmp_path: Path) -> None:
    with open_store(tmp_path / "natid.db") as store:
        interview = screened_india(store=store)
        interview.answer("full_name", "Gurpreet Singh Sandhu")
        share = Share.open(store, india(), interview.id, consulate_id="eoi_mexico_city",
                           officer="A. López", address="127.0.0.1:0", folder=tmp_path)

        async def run() -> None:
            app = ConsularApp(str(share.path))
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                app.query_one("#item", Select).value = "full_name"
                await pilot.press("ctrl+s")
                await pilot.pause()
                assert not app.pending
                assert "reason" in text_of(app, "message")

        asyncio.run(run())
        share.stop("test over")


def test_a_share_that_is_gone_shows_nothing(tmp_path: Path) -> None:
    async def run() -> None:
        app = ConsularApp(str(tmp_path / "missing.sqlite"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.view is None
            assert "stopped" in text_of(app, "status")
            assert app.query_one("#record", Button).disabled

    asyncio.run(run())
