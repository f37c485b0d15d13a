"""A separate process that writes to a store, for the failure tests.

    python -m tests.store_worker DB answers N       start an interview, change an answer N times
    python -m tests.store_worker DB append ID N     append N notes to interview ID, no checks

Prints one line per call that has returned: what the caller may rely on.
"""

from __future__ import annotations

import sys

from engine.interview import Event, EventKind
from engine.interview.events import format_time
from engine.store import open_store
from tests.store_helpers import new_interview


def main(argv: list[str]) -> None:
    """Run one of the two writing modes."""
    path, mode = argv[0], argv[1]
    with open_store(path) as store:
        if mode == "answers":
            interview = new_interview(store)
            print(f"interview {interview.id}", flush=True)
            for number in range(int(argv[2])):
                interview.answer("tehsil", f"Tehsil {number}")
                print(f"saved {number}", flush=True)
        else:
            import datetime

            for number in range(int(argv[3])):
                moment = format_time(datetime.datetime.now(datetime.UTC))
                store.append(argv[2], Event(EventKind.NOTED, moment, "worker",
                                            {"text": f"{path} {number}"}))
                print(f"saved {number}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
