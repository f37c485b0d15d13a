"""The officer's app says so when the store has just created its master key."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.app_driver import SIZE, new_app, start_india


def test_the_first_interview_of_a_new_store_says_that_a_master_key_was_created(
        tmp_path: Path) -> None:
    async def run() -> None:
        app = new_app(tmp_path / "natid.db", language="en")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot, screening=None)
            notices = [str(n.message) for n in app._notifications]
            assert sum("created the master key" in n for n in notices) == 1, notices
            assert any("back it up apart from the database" in n for n in notices)
            assert app.store.notices == []

    asyncio.run(run())
