"""``natid purge``: erase closed interviews past retention, or one interview on request.

A purge deletes the interview's events, files and data key, logs who, when and why
(never what), and replaces the master key so that a backup taken before the purge can no
longer be read with the key in use (crypto-shredding; docs/deployment.md). The
interview's statistics row stays: it identifies no one.
"""

from __future__ import annotations

import argparse
import datetime
from typing import Any

from tui import exit_codes
from tui.commands.store_option import add_db_option, open_from, say_notices


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def register(commands: Any) -> None:
    """Add ``purge`` to the command parser."""
    parser = commands.add_parser(
        "purge", help="erase closed interviews past retention, or one on request",
        description="Erase the interviews closed before DATE (or the one interview ID, open "
        "or closed, on request) with all their events, files and data key; each purge is "
        "logged (id, dates, officer, reason). The master key is then replaced, so backups "
        "taken before the purge cannot be read with the new key: back up the new key. "
        "Without --yes, only lists what would be erased.")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--closed-before", type=_day, metavar="DATE")
    which.add_argument("--interview", metavar="ID",
                       help="one interview, on request (e.g. the person's), with --reason")
    parser.add_argument("--officer", required=True, help="who orders the purge")
    parser.add_argument("--reason", default=None,
                        help="why (kept in the purge log; default for --closed-before: "
                        "retention period over)")
    parser.add_argument("--yes", action="store_true", help="really erase")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """List or purge."""
    from engine.errors import UsageError

    if options.interview is not None and not (options.reason or "").strip():
        raise UsageError("--interview needs --reason: say why it is erased (kept in the "
                         "purge log)")
    reason = options.reason or "retention period over"
    with open_from(options) as store:
        if options.interview is not None:
            due = [store.interview(options.interview)]
            scope = f"interview {due[0].id}"
        else:
            due = [s for s in store.interviews("closed")
                   if (s.closed_at or "") < options.closed_before.isoformat()]
            scope = f"closed before {options.closed_before}"
        if not options.yes:
            for summary in due:
                print(f"{summary.id}  {summary.status}"
                      f"{' ' + summary.closed_at[:10] if summary.closed_at else ''}")
            if options.interview is not None:
                print(f"{scope} would be erased; run again with --yes to erase it")
            else:
                print(f"{len(due)} {scope}; run again with --yes to delete them")
            return exit_codes.OK
        if options.interview is not None:
            purged = [store.purge_interview(due[0].id, officer=options.officer, reason=reason)]
        else:
            purged = store.purge(options.closed_before, officer=options.officer,
                                 reason=reason)
        say_notices(store)
    print(f"purged {len(purged)} interview{'s' if len(purged) != 1 else ''} "
          f"{scope.removeprefix('interview ')}"
          + ("; the master key was replaced: back up the new key" if purged else ""))
    return exit_codes.OK
