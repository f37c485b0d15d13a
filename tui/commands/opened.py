"""Open a stored interview with its questionnaire, for the commands that act on one."""

from __future__ import annotations

import argparse
from typing import Any


def open_interview(store: Any, interview_id: str) -> Any:
    """The stored interview (its later events are saved to ``store`` too)."""
    from engine.bundled import find_questionnaire
    from engine.loader import check_file
    from engine.store.recorded import resume_recorded

    summary = store.interview(interview_id)
    result = check_file(find_questionnaire(summary.country))
    return resume_recorded(store, result.unwrap(), summary.id)


def add_officer_option(parser: Any) -> None:
    """Add ``--officer NAME`` (required: every action names who takes it)."""
    parser.add_argument("--officer", required=True, metavar="NAME",
                        help="who takes this action (recorded with it)")


def officer_of(options: argparse.Namespace) -> str:
    """The officer's name, or a usage error when it is blank."""
    from engine.errors import UsageError

    name = str(options.officer or "").strip()
    if not name:
        raise UsageError("--officer needs the name of the officer who takes this action")
    return name
