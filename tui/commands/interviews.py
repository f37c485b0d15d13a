"""``natid interviews list|show|export``: the interviews in the store."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from tui import exit_codes
from tui.commands.store_option import add_db_option, open_from


def register(commands: Any) -> None:
    """Add ``interviews`` and its sub-commands to the command parser."""
    parser = commands.add_parser("interviews", help="list, show and export stored interviews",
                                 description="The interviews kept in the store.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list interviews (no personal data)")
    listing.add_argument("--status", choices=("open", "closed", "all"), default="all")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    show = actions.add_parser("show", help="show one interview's events")
    show.add_argument("interview", metavar="ID", help="the id, or its first characters")
    export = actions.add_parser("export", help="write an interview as the JSON natid score reads")
    export.add_argument("interview", metavar="ID", help="the id, or its first characters")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: screen)")
    for sub in (listing, show, export):
        add_db_option(sub)
    listing.set_defaults(handler=run_list)
    show.set_defaults(handler=run_show)
    export.set_defaults(handler=run_export)


def run_list(options: argparse.Namespace) -> int:
    """Print the interviews, newest first."""
    with open_from(options) as store:
        found = store.interviews(None if options.status == "all" else options.status)
    if options.format == "json":
        print(json.dumps([vars(summary) for summary in found], ensure_ascii=False, indent=2))
        return exit_codes.OK
    if not found:
        print("no interviews")
    for s in found:
        outcome = s.conclusion or ""
        print(f"{s.id[:12]}  {s.status:<6}  {s.country}  {s.started_at[:16].replace('T', ' ')}  "
              f"{s.event_count:>4} events  {s.officer}  {outcome}".rstrip())
    return exit_codes.OK


def run_show(options: argparse.Namespace) -> int:
    """Print one interview's summary and every event."""
    with open_from(options) as store:
        summary = store.interview(options.interview)
        events = store.events(summary.id)
    print(f"interview {summary.id} ({summary.country}, questionnaire "
          f"{summary.questionnaire_version}), {summary.status}, {summary.event_count} events")
    for number, event in enumerate(events, start=1):
        details = {k: v for k, v in event.data.items() if k != "questionnaire" and v not in
                   (None, "")}
        text = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in details.items())
        print(f"{number:>4}  {event.at[:19].replace('T', ' ')}  {event.officer:<16}  "
              f"{event.kind:<9} {text}")
    return exit_codes.OK


def run_export(options: argparse.Namespace) -> int:
    """Write one interview's record."""
    from engine.errors import UsageError
    from engine.interview.record import events_to_json

    with open_from(options) as store:
        summary = store.interview(options.interview)
        text = events_to_json(store.events(summary.id))
    if not options.output:
        sys.stdout.write(text + "\n")
        return exit_codes.OK
    try:
        with open(options.output, "x", encoding="utf-8") as stream:
            stream.write(text + "\n")
    except FileExistsError:
        raise UsageError(f"{options.output} exists already: choose another name") from None
    except OSError as error:
        raise UsageError(f"cannot write {options.output}: {error.strerror}") from None
    print(f"interview {summary.id} written to {options.output}", file=sys.stderr)
    return exit_codes.OK
