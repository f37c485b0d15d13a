"""``natid score``: assess a recorded interview without a screen."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tui import exit_codes


def register(commands: Any) -> None:
    """Add ``score`` to the command parser."""
    parser = commands.add_parser(
        "score", help="assess a recorded interview (JSON) and print the result",
        description="Read an interview record (the JSON that exports write) and print its "
        "assessment: each parameter's outcome, the country's rule, the strength of "
        "support and the conclusion.",
    )
    parser.add_argument("record", metavar="FILE", help="the interview record (JSON)")
    parser.add_argument("--questionnaire", metavar="PATH",
                        help="the questionnaire file (default: the bundled one of the "
                        "record's country)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Score one record."""
    from engine.bundled import find_questionnaire
    from engine.errors import UsageError
    from engine.interview import Interview
    from engine.interview.record import MAX_RECORD_BYTES, read_record
    from engine.loader import check_file

    path = Path(options.record)
    try:
        if not path.is_file():
            raise UsageError(f"{options.record}: not a file")
        if path.stat().st_size > MAX_RECORD_BYTES:
            raise UsageError(f"{options.record}: larger than an interview record can be "
                             f"({MAX_RECORD_BYTES // (1024 * 1024)} MB)")
        text = path.read_bytes()
    except OSError as error:
        raise UsageError(f"{options.record}: {error.strerror or error}") from None
    reference, events = read_record(text)
    path = find_questionnaire(options.questionnaire or reference["country"])
    loaded = check_file(path)
    questionnaire = loaded.unwrap()
    recorded = reference.get("content_hash")
    if recorded and recorded != loaded.content_hash:
        print(f"natid score: warning: {path} has changed since this interview was recorded "
              "(its content hash differs); scored with the file as it is now", file=sys.stderr)
    assessment = Interview.resume(questionnaire, events).assess()
    if options.format == "json":
        print(json.dumps(assessment.to_dict(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(assessment.explanation))
    return exit_codes.OK
