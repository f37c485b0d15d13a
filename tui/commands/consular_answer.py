"""``natid request-sent`` and ``natid request-answer``: what became of a prepared request.

natid prepares the request; the officer sends it and records the day, then the
consulate's answer and its day. Both may be recorded after the interview is closed.
"""

from __future__ import annotations

import argparse
from typing import Any

from tui import exit_codes
from tui.commands.opened import add_officer_option, officer_of, open_interview
from tui.commands.store_option import add_db_option, open_from

ANSWERS = ("issued", "refused", "more_information", "no_answer")


def register(commands: Any) -> None:
    """Add ``request-sent`` and ``request-answer`` to the command parser."""
    sent = commands.add_parser(
        "request-sent", help="record the day the request was sent to the consulate",
        description="Record that the certificate request natid prepared was sent to the "
        "consulate, and on which day (natid never sends it itself).")
    sent.add_argument("interview", metavar="ID", help="the interview id, or its first characters")
    answer = commands.add_parser(
        "request-answer", help="record the consulate's answer to the request, and its day",
        description="Record the consulate's answer: issued (the certificate or travel "
        "document), refused, more_information (the consulate asks for more), or no_answer "
        "(the wait is closed without an answer). Counted in 'natid stats'.")
    answer.add_argument("interview", metavar="ID",
                        help="the interview id, or its first characters")
    answer.add_argument("--answer", required=True, choices=ANSWERS,
                        help="what the consulate answered")
    for parser in (sent, answer):
        parser.add_argument("--on", required=True, metavar="DAY",
                            help="the day it happened (YYYY-MM-DD)")
        add_officer_option(parser)
        add_db_option(parser)
    sent.set_defaults(handler=run_sent)
    answer.set_defaults(handler=run_answer)


def run_sent(options: argparse.Namespace) -> int:
    """Record the day the request was sent."""
    from engine.stats.consular import record_request_sent
    from engine.stats.periods import parse_day

    officer = officer_of(options)
    day = parse_day(options.on, "--on")
    with open_from(options) as store:
        interview = open_interview(store, options.interview)
        record_request_sent(interview, day, officer=officer)
    print(f"interview {interview.id}: request recorded as sent on {day.isoformat()}")
    return exit_codes.OK


def run_answer(options: argparse.Namespace) -> int:
    """Record the consulate's answer."""
    from engine.stats.consular import record_consular_answer
    from engine.stats.periods import parse_day

    officer = officer_of(options)
    day = parse_day(options.on, "--on")
    with open_from(options) as store:
        interview = open_interview(store, options.interview)
        record_consular_answer(interview, options.answer, day, officer=officer)
    print(f"interview {interview.id}: the consulate's answer '{options.answer}' of "
          f"{day.isoformat()} recorded")
    return exit_codes.OK
