"""``natid best-interests`` and ``natid route``: the steps the protection gate asks for."""

from __future__ import annotations

import argparse
from typing import Any

from tui import exit_codes
from tui.commands.opened import add_officer_option, officer_of, open_interview
from tui.commands.store_option import add_db_option, open_from


def register(commands: Any) -> None:
    """Add ``best-interests`` and ``route`` to the command parser."""
    best = commands.add_parser(
        "best-interests", help="record a child's best-interests step",
        description="Record that the child protection authority determined the child's best "
        "interests (a child's request is held back until this is recorded).")
    best.add_argument("interview", metavar="ID", help="the interview id, or its first characters")
    best.add_argument("--authority", required=True,
                      help="who determined the child's best interests")
    best.add_argument("--reference", required=True, help="the reference of that determination")
    route = commands.add_parser(
        "route", help="send the request to the presumed nationality, with the reason",
        description="The person declared another nationality, so the request would go to that "
        "country first. Record why it goes to the country of the interview's questionnaire "
        "instead (for example: that country's consulate found no record).")
    route.add_argument("interview", metavar="ID", help="the interview id, or its first characters")
    route.add_argument("--reason", required=True, help="why the request goes to this country")
    for parser in (best, route):
        add_officer_option(parser)
        add_db_option(parser)
    best.set_defaults(handler=run_best_interests)
    route.set_defaults(handler=run_route)


def run_best_interests(options: argparse.Namespace) -> int:
    """Record the best-interests step."""
    from engine.protection import record_best_interests

    officer = officer_of(options)
    with open_from(options) as store:
        interview = open_interview(store, options.interview)
        record_best_interests(interview, authority=options.authority,
                              reference=options.reference, officer=officer)
    print(f"best-interests step recorded in interview {interview.id}")
    return exit_codes.OK


def run_route(options: argparse.Namespace) -> int:
    """Record the routing to the presumed nationality."""
    from engine.protection import route_to_presumed

    officer = officer_of(options)
    with open_from(options) as store:
        interview = open_interview(store, options.interview)
        route_to_presumed(interview, options.reason, officer=officer)
    print(f"interview {interview.id}: the request goes to {interview.questionnaire.country}")
    return exit_codes.OK
