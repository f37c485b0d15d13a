"""``natid audit``: the access log — who read whose data, when, through which command."""

from __future__ import annotations

import argparse
import json
from typing import Any

from tui import exit_codes
from tui.commands.store_option import add_db_option, open_from


def register(commands: Any) -> None:
    """Add ``audit`` to the command parser."""
    parser = commands.add_parser(
        "audit", help="list the access log (for auditors and supervisors)",
        description="Every read of a person's data (interviews show or export, request, "
        "referral, documents, attached files, the app) and every refusal is logged with "
        "who, when, the role, the command and the interview. Reads no personal data. "
        "Needs NATID_ROLE=auditor or supervisor.")
    parser.add_argument("--interview", metavar="ID", help="only this interview (or the "
                        "interviews whose id begins so)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Print the access log."""
    with open_from(options) as store:
        rows = store.access_log(options.interview)
    if options.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return exit_codes.OK
    if not rows:
        print("no reads logged")
    for row in rows:
        print(f"{(row['at'] or '')[:19].replace('T', ' ')}  {row['outcome']:<7}  "
              f"{row['role']:<10}  {row['who']:<16}  {row['command']:<18}  "
              f"{row['interview_id'] or '—'}")
    return exit_codes.OK
