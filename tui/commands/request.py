"""``natid request`` and ``natid referral``: what an interview produces, behind the gate.

The engine decides: a request only when the protection screening allows it (otherwise
exit 4 and the reasons), a referral only when a flag calls for one. Both are recorded
in the interview with the officer who asked. natid prepares; the officer sends.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui import exit_codes
from tui.commands.opened import add_officer_option, officer_of, open_interview
from tui.commands.output import check_destination, write_new, write_result
from tui.commands.store_option import add_db_option, open_from


def register(commands: Any) -> None:
    """Add ``request`` and ``referral`` to the command parser."""
    request = commands.add_parser(
        "request", help="prepare the certificate request for the consulate",
        description="Prepare the request that asks the consulate to certify the person's "
        "nationality, addressed to the representation that serves the interviewing country. "
        "Refused (exit 4, nothing written) when the protection screening shows the person may "
        "need protection, is not finished, a child's best-interests step is missing, another "
        "nationality was declared, or the interview is open: the message says what to do.")
    request.add_argument("interview", metavar="ID",
                         help="the interview id, or its first characters")
    request.add_argument("--in", dest="country", metavar="CC", default="",
                         help="the RCM country where the interview is held (default: the one "
                         "recorded when it started)")
    request.add_argument("--consulate", metavar="ID",
                         help="a consulate id from 'natid consulates' (default: the best one)")
    referral = commands.add_parser(
        "referral", help="prepare the referral to the protection authorities",
        description="Prepare the referral to the asylum authority, child protection, the "
        "anti-trafficking unit or health services, according to the protection screening's "
        "flags. It is never addressed to a consulate.")
    referral.add_argument("interview", metavar="ID", help="the interview id, or its first "
                          "characters")
    for parser in (request, referral):
        parser.add_argument("--format", choices=("txt", "json", "pdf"), default="txt",
                            help="txt (default), json, or pdf (needs -o)")
        parser.add_argument("-o", "--output", metavar="FILE",
                            help="write to FILE (default: the screen; required for pdf)")
        parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
        parser.add_argument("--language", metavar="LANG",
                            help="language of the labels: en, es, fr or pt")
        add_officer_option(parser)
        add_db_option(parser)
    request.set_defaults(handler=run_request)
    referral.set_defaults(handler=run_referral)


def run_request(options: argparse.Namespace) -> int:
    """Build, render and write the request (or say why not)."""
    from engine.documents.attach import request_copies
    from engine.request.build import prepare_request, record_prepared
    from engine.request.layouts import request_layout
    from engine.store.recorded import must_be_intact

    check_destination(options.output, force=options.force,
                      file_only="a PDF" if options.format == "pdf" else "")
    officer = officer_of(options)
    country = _country(options.country)
    with open_from(options) as store:
        interview = open_interview(store, options.interview)
        must_be_intact(store, interview.id)
        request = prepare_request(interview, officer=officer, interviewing_country=country,
                                  consulate=options.consulate,
                                  language=_language(options.language))
        copies = request_copies(interview, store)
        if options.format == "json":
            data = (request.model_dump_json(indent=2) + "\n").encode("utf-8")
        else:
            data = _render(request_layout(request, copies), options.format,
                           request.prepared_at)
        write_result(options.output, data,
                     f"request {request.request_id} for {request.addressee.name}",
                     force=options.force)
        if options.format != "pdf":
            _write_copies(options, copies)
        # Recorded once it exists: a request that could not be written was not produced.
        record_prepared(interview, request, officer=officer)
    return exit_codes.OK


def run_referral(options: argparse.Namespace) -> int:
    """Build, render and write the referral."""
    from engine.request.layouts import referral_layout
    from engine.request.referral import build_referral, record_referral

    check_destination(options.output, force=options.force,
                      file_only="a PDF" if options.format == "pdf" else "")
    officer = officer_of(options)
    with open_from(options) as store:
        interview = open_interview(store, options.interview)
        referral = build_referral(interview, officer=officer,
                                  language=_language(options.language), record=False)
        if options.format == "json":
            data = (referral.model_dump_json(indent=2) + "\n").encode("utf-8")
        else:
            data = _render(referral_layout(referral), options.format, referral.prepared_at)
        routes = ", ".join(route.authority for route in referral.routes)
        write_result(options.output, data, f"referral {referral.referral_id} to {routes}",
                     force=options.force)
        record_referral(interview, referral, officer=officer)
    return exit_codes.OK


def _country(country: str) -> str:
    from engine.errors import UsageError
    from engine.model import RCM_COUNTRIES

    code = country.strip().upper()
    if code and code not in RCM_COUNTRIES:
        raise UsageError(f"--in {country}: not a member state of the Regional Conference on "
                         f"Migration; one of {', '.join(RCM_COUNTRIES)}")
    return code


def _language(language: str | None) -> str | None:
    from engine.errors import UsageError
    from engine.i18n import LANGUAGES

    if language is not None and language not in LANGUAGES:
        raise UsageError(f"--language {language}: natid writes in {', '.join(LANGUAGES)}")
    return language


def _render(layout: Any, kind: str, prepared_at: str) -> bytes:
    from engine.interview.events import parse_time
    from engine.render import render_pdf, render_text

    if kind == "pdf":
        return render_pdf(layout, created=parse_time(prepared_at))
    return render_text(layout).encode("utf-8")


def _write_copies(options: argparse.Namespace, copies: dict[str, bytes]) -> None:
    """Write the documents' copies beside the request's file, as '<stem>-<name>'.

    A PDF carries them inside.
    """
    from pathlib import Path

    if not copies:
        return
    if not options.output:
        print(f"the copies of {len(copies)} document(s) are not shown here: write the request "
              "to a file (-o) to have them beside it, or as a PDF that carries them",
              file=sys.stderr)
        return
    target = Path(options.output)
    for name, data in copies.items():
        path = target.with_name(f"{target.stem}-{name}")
        write_new(str(path), data, force=options.force)
        print(f"copy written to {path}", file=sys.stderr)
