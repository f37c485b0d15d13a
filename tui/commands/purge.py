"""``natid purge``: delete closed interviews past retention, and log that it was done."""

from __future__ import annotations

import argparse
import datetime
from typing import Any

from tui import exit_codes
from tui.commands.store_option import add_db_option, open_from


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def register(commands: Any) -> None:
    """Add ``purge`` to the command parser."""
    parser = commands.add_parser(
        "purge", help="delete closed interviews past retention",
        description="Delete the interviews closed before DATE, with all their events; each "
        "purge is logged (id, dates, officer, reason). Without --yes, only lists them.")
    parser.add_argument("--closed-before", type=_day, required=True, metavar="DATE")
    parser.add_argument("--officer", required=True, help="who orders the purge")
    parser.add_argument("--reason", default="retention period over",
                        help="why (kept in the purge log)")
    parser.add_argument("--yes", action="store_true", help="really delete")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """List or purge."""
    with open_from(options) as store:
        due = [s for s in store.interviews("closed")
               if (s.closed_at or "") < options.closed_before.isoformat()]
        if not options.yes:
            for summary in due:
                print(f"{summary.id}  closed {summary.closed_at[:10] if summary.closed_at else ''}")
            print(f"{len(due)} closed before {options.closed_before}; run again with --yes to "
                  "delete them")
            return exit_codes.OK
        purged = store.purge(options.closed_before, officer=options.officer,
                             reason=options.reason)
    print(f"purged {len(purged)} interview{'s' if len(purged) != 1 else ''} closed before "
          f"{options.closed_before}")
    return exit_codes.OK
