"""``natid schema``: print the JSON Schema of a natid format (questionnaire by default)."""

from __future__ import annotations

import argparse
from typing import Any

from tui import exit_codes


def register(commands: Any) -> None:
    """Add ``schema`` to the command parser."""
    parser = commands.add_parser(
        "schema", help="print the JSON Schema of the questionnaire format",
        description="Print the JSON Schema (draft 2020-12) that questionnaires follow "
        "(or, with FORMAT, the protection screening or the certificate request). "
        "Point your editor at it for completion and checking as you type.",
    )
    parser.add_argument("format", nargs="?", default="questionnaire",
                        choices=["questionnaire", "screening", "request"],
                        help="which format (default: questionnaire)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write the schema to FILE instead of the screen")
    parser.add_argument("--force", action="store_true",
                        help="replace FILE if it exists")
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Print or write the schema."""
    from engine.schema import schema_text
    from tui.commands.output import write_new

    text = schema_text(options.format)
    if options.output:
        write_new(options.output, text.encode("utf-8"), force=options.force)
    else:
        print(text, end="")
    return exit_codes.OK
