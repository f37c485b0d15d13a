"""The officer's app, through Textual's Pilot: start-up, and one question-to-question step.

Prints figures; asserts nothing about time.

1. From starting a new process to the first interactive screen (the start screen,
   headless, with the store opened and the questionnaires loaded).
2. The app's own time for one step: from Ctrl+S on a question to the next question's
   answer field having the focus (saving in the store included). Target: one frame, 16 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

_FIRST_SCREEN = """
import asyncio, sys, tempfile
from tui.app import NatidApp
from tui.screens.start import StartScreen

async def main():
    app = NatidApp(db=tempfile.mkdtemp() + "/natid.db")
    async with app.run_test(size=(100, 40)) as pilot:
        while not isinstance(app.screen, StartScreen):
            await pilot.pause()
        print("ready", flush=True)

asyncio.run(main())
"""


def first_screen(repeat: int) -> None:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", _FIRST_SCREEN], cwd=ROOT, check=True,
                       capture_output=True)
        times.append(time.perf_counter() - started)
    print(f"process start to the first interactive screen: {statistics.median(times):.2f} s "
          f"(median of {repeat})")


def steps(count: int) -> None:
    from textual.widgets import Input

    from tests.app_driver import SIZE, new_app, start_india
    from tui.screens.question import QuestionScreen
    from tui.widgets.answer_input import AnswerInput

    marks: dict[str, Any] = {"steps": []}
    save, focus = QuestionScreen.action_save, AnswerInput.focus_answer

    def timed_save(screen: QuestionScreen) -> None:
        marks["start"] = time.perf_counter()
        save(screen)

    def timed_focus(widget: AnswerInput) -> None:
        focus(widget)
        if "start" in marks:
            marks["steps"].append(time.perf_counter() - marks.pop("start"))

    QuestionScreen.action_save = timed_save  # type: ignore[method-assign]
    AnswerInput.focus_answer = timed_focus  # type: ignore[method-assign]

    async def run() -> None:
        app = new_app(Path(tempfile.mkdtemp()) / "natid.db")
        async with app.run_test(size=SIZE) as pilot:
            await start_india(pilot)
            for _ in range(count):
                # Change the same text answer back and forth: each save is a full step.
                # Between the first two country questions, both text (after the screening).
                await pilot.press("ctrl+b") if app.screen.question.id != "full_name" else None
                await pilot.pause()
                field = app.screen.query_one("#answer")
                if isinstance(field, Input):
                    field.value = f"Gurpreet Singh {len(marks['steps'])}"
                await pilot.press("ctrl+s")
                await pilot.pause()

    asyncio.run(run())
    taken = [1000 * step for step in marks["steps"]]
    print(f"question-to-question step, the app's own time: median {statistics.median(taken):.1f}"
          f" ms, max {max(taken):.1f} ms over {len(taken)} steps (target: 16 ms, one frame)")


def main() -> None:
    """Run the app benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few repetitions (a smoke run)")
    options = parser.parse_args()
    first_screen(1 if options.quick else 5)
    steps(4 if options.quick else 30)


if __name__ == "__main__":
    main()
