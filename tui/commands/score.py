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
    interview = Interview.resume(questionnaire, events)
    assessment = interview.assess()
    protection = _protection(interview)
    if options.format == "json":
        print(json.dumps({**assessment.to_dict(), "protection": protection}, ensure_ascii=False,
                         indent=2))
    else:
        print("\n".join(assessment.explanation))
        print(_protection_line(protection))
    return exit_codes.OK


def _protection(interview: Any) -> dict[str, Any]:
    """What the protection gate says, beside the assessment (never merged into it)."""
    from engine.protection import protection_of, request_obstacles

    found = protection_of(interview, "en")
    return {"screened": found.screened,
            "flags": [flag.id for flag in found.flags],
            "routes": list(found.routes),
            "request_obstacles": [o.reason for o in request_obstacles(interview, found)]}


def _protection_line(protection: dict[str, Any]) -> str:
    if not protection["screened"]:
        return ("Protection: this interview has no protection screening; no request can be "
                "produced from it.")
    flags = ", ".join(protection["flags"]) or "none"
    held = protection["request_obstacles"]
    request = ("a request can be prepared" if not held
               else "no request now (" + ", ".join(held) + ")")
    routes = ("; referral to " + ", ".join(protection["routes"])) if protection["routes"] else ""
    return f"Protection: flags {flags}; {request}{routes}."
