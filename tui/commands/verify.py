"""``natid verify``: check the hash chains (and the database file) for tampering."""

from __future__ import annotations

import argparse
import json
from typing import Any

from tui import exit_codes
from tui.commands.store_option import add_db_option, open_from


def register(commands: Any) -> None:
    """Add ``verify`` to the command parser."""
    parser = commands.add_parser(
        "verify", help="check stored interviews for tampering",
        description="Recompute every interview's hash chain from the stored bytes and name "
        "the first event that breaks it (edited, deleted, inserted or reordered). Reads no "
        "personal data. With --request FILE: check that a certificate request (JSON or PDF) "
        "matches the stored interview it was built from. Exit 0: intact; 1: something is "
        "broken or does not match.")
    parser.add_argument("interview", nargs="?", metavar="ID",
                        help="one interview (default: all)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--request", metavar="FILE",
                        help="a request file (JSON or PDF) to check against the store")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Verify and report."""
    if options.request:
        return _run_request(options)
    with open_from(options) as store:
        database = [] if options.interview is not None else store.check_database()
        reports = store.verify(options.interview)
    broken = [report for report in reports if not report.ok]
    if options.format == "json":
        print(json.dumps({"database": database, "interviews": [vars(r) for r in reports]},
                         indent=2))
    else:
        for problem in database:
            print(f"database: {problem}")
        for report in broken:
            where = f" at event {report.broken_at}" if report.broken_at else ""
            print(f"BROKEN  {report.interview_id}{where}: {report.problem}")
        print(f"{len(reports)} interview{'s' if len(reports) != 1 else ''} checked: "
              f"{len(reports) - len(broken)} intact, {len(broken)} broken"
              + ("; the database file has problems" if database else ""))
    return exit_codes.AUTHORING_ERRORS if broken or database else exit_codes.OK


def _run_request(options: argparse.Namespace) -> int:
    """Check one request file against the interview it names."""
    from engine.errors import UsageError
    from engine.request.verify import (
        MAX_REQUEST_BYTES,
        RequestMismatchError,
        check_copies,
        check_request,
        read_request,
    )
    from tui.commands.opened import open_interview

    try:
        with open(options.request, "rb") as stream:
            data = stream.read(MAX_REQUEST_BYTES + 1)
    except OSError as error:
        raise UsageError(f"cannot read {options.request}: {error.strerror}") from None
    request = read_request(data)
    copy_problems = check_copies(request, _copies(options.request, data, request))
    with open_from(options) as store:
        interview = open_interview(store, request.integrity.interview_id)
        problems = [f"chain: {report.problem}" for report in store.verify(interview.id)
                    if not report.ok]
        problems += check_request(request, interview.questionnaire, interview.events,
                                  screening=interview.screening)
        problems += copy_problems
    if options.format == "json":
        print(json.dumps({"request": request.request_id, "sha256": request.integrity.sha256,
                          "ok": not problems, "problems": problems}, indent=2))
    elif not problems:
        print(f"request {request.request_id} matches the stored interview "
              f"(sha256 {request.integrity.sha256})")
    if problems and options.format != "json":
        raise RequestMismatchError(f"{options.request} does not match the stored interview: "
                                   + "; ".join(problems))
    return exit_codes.AUTHORING_ERRORS if problems else exit_codes.OK


def _copies(path: str, data: bytes, request: Any) -> dict[str, bytes]:
    """The documents' copies: attached to a PDF, or beside a JSON ('<stem>-<name>')."""
    from pathlib import Path

    from engine.request.verify import read_copies

    if data.startswith(b"%PDF"):
        return read_copies(data)
    found = {}
    for document in request.documents:
        if document.file is None:
            continue
        beside = Path(path).with_name(f"{Path(path).stem}-{document.file.name}")
        try:
            found[document.file.name] = beside.read_bytes()
        except OSError:
            continue  # reported as missing
    return found
