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
        "personal data. Exit 0: intact; 1: something is broken.")
    parser.add_argument("interview", nargs="?", metavar="ID",
                        help="one interview (default: all)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Verify and report."""
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
            print(f"BROKEN  {report.interview_id}  at event {report.broken_at}: "
                  f"{report.problem}")
        print(f"{len(reports)} interview{'s' if len(reports) != 1 else ''} checked: "
              f"{len(reports) - len(broken)} intact, {len(broken)} broken"
              + ("; the database file has problems" if database else ""))
    return exit_codes.AUTHORING_ERRORS if broken or database else exit_codes.OK
