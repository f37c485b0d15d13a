"""``natid interview``: the officer's terminal app."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui import exit_codes
from tui.commands.store_option import add_db_option


def register(commands: Any) -> None:
    """Add ``interview`` to the command parser."""
    parser = commands.add_parser(
        "interview", help="run an interview in the terminal app",
        description="Open the officer's app: start or resume an interview, the questions in "
        "the person's language and yours, the review and the result.")
    parser.add_argument("questionnaire", nargs="?", metavar="QUESTIONNAIRE",
                        help="a questionnaire file or country code (default: all bundled)")
    parser.add_argument("--officer-lang", choices=("es", "en", "fr", "pt"), default="es",
                        help="the language natid speaks to you in (default: es)")
    parser.add_argument("--officer", default="", help="your name")
    parser.add_argument("--office", default="", help="your office")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Run the app until the officer quits."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print("natid: the interview app needs a terminal; 'natid --help' lists the commands "
              "that work without one", file=sys.stderr)
        return exit_codes.USAGE
    from tui.app import NatidApp

    app = NatidApp(db=options.db, questionnaire=options.questionnaire,
                   officer_language=options.officer_lang, officer=options.officer,
                   office=options.office)
    code = app.run()
    return int(code or 0)
