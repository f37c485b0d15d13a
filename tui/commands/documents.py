"""``natid documents``: record a document the person carries, and list those recorded."""

from __future__ import annotations

import argparse
import json
from typing import Any

from tui import exit_codes
from tui.commands.opened import add_officer_option, officer_of, open_interview
from tui.commands.store_option import add_db_option, open_from


def register(commands: Any) -> None:
    """Add ``documents add`` and ``documents list`` to the command parser."""
    from engine.documents.recorded import DOCUMENT_TYPES

    parser = commands.add_parser(
        "documents", help="record a document the person carries, or list them",
        description="Documents the person carries (or a copy or photo of one): recorded in "
        "the interview with their machine-readable zone and the file of the copy, which is "
        "kept in the store. They count in the assessment at once.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help="record a document in an open interview",
        description="Record a document. The file (JPEG, PNG or PDF, identified by its "
        "content; at most 10 MB and 40 megapixels; no PDF with scripts) is kept in the "
        "store; the copy a consulate receives has its metadata (EXIF GPS) removed. A "
        "machine-readable zone whose check digit fails is recorded and reported: a typing "
        "error or an altered document.")
    add.add_argument("interview", metavar="ID", help="the interview id, or its first "
                     "characters")
    add.add_argument("file", nargs="?", metavar="FILE",
                     help="the photo or scan of the document (optional)")
    add.add_argument("--type", required=True, choices=tuple(DOCUMENT_TYPES), dest="kind")
    seen = add.add_mutually_exclusive_group(required=True)
    seen.add_argument("--original", action="store_true", help="the original was seen")
    seen.add_argument("--copy", action="store_true", help="a copy or a photo was seen")
    add.add_argument("--country", default="", metavar="CC",
                     help="the issuing country, ISO code (default: from the MRZ)")
    add.add_argument("--number", default="", help="the document's number (default: from "
                     "the MRZ)")
    add.add_argument("--issued", default="", metavar="YYYY-MM-DD")
    add.add_argument("--expires", default="", metavar="YYYY-MM-DD",
                     help="default: from the MRZ")
    add.add_argument("--mrz", metavar="LINES",
                     help="the machine-readable zone, its lines separated by a newline or '|'")
    add.add_argument("--seen-by", default="", metavar="NAME",
                     help="who saw the document (default: the officer)")
    add.add_argument("--format", choices=("text", "json"), default="text")
    add_officer_option(add)
    add_db_option(add)
    add.set_defaults(handler=run_add)
    listing = actions.add_parser("list", help="the documents recorded in an interview")
    listing.add_argument("interview", metavar="ID")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    add_db_option(listing)
    listing.set_defaults(handler=run_list)


def run_add(options: argparse.Namespace) -> int:
    """Record the document, keep its file, say what it is worth."""
    from engine.documents.attach import record_document

    officer = officer_of(options)
    mrz = options.mrz.replace("|", "\n") if options.mrz else None
    with open_from(options) as store:
        interview = open_interview(store, options.interview)
        event = record_document(
            interview, store, path=options.file, kind=options.kind, original=options.original,
            issuing_country=options.country, number=options.number, issued=options.issued,
            expires=options.expires, seen_by=options.seen_by, mrz=mrz, officer=officer)
        _print(interview, [event.data["document_id"]], options.format)
    return exit_codes.OK


def run_list(options: argparse.Namespace) -> int:
    """Print the documents recorded in the interview."""
    with open_from(options) as store:
        interview = open_interview(store, options.interview)
        _print(interview, [d.document_id for d in interview.documents], options.format)
    return exit_codes.OK


def _print(interview: Any, ids: list[str], form: str) -> None:
    from engine.documents.recorded import mrz_checked

    assessment = interview.assess()
    results = {r.parameter.removeprefix("document."): r for r in assessment.documents}
    shown = [d for d in interview.documents if d.document_id in ids]
    contradictions = [c.message for c in assessment.contradictions
                      if c.check == "document_mrz"]
    if form == "json":
        print(json.dumps({"documents": [
            {"document_id": d.document_id, "type": d.type, "original": d.original,
             "issuing_country": d.issuing_country, "number": d.number, "issued": d.issued,
             "expires": d.expires, "tier": str(d.tier), "seen_by": d.seen_by,
             "mrz_checked": mrz_checked(d),
             "file": None if d.file is None else d.file.to_dict(),
             "outcome": results[d.document_id].outcome if d.document_id in results else None,
             "reason": results[d.document_id].reason if d.document_id in results else ""}
            for d in shown], "inconsistencies": contradictions}, indent=2, ensure_ascii=False))
        return
    if not shown:
        print("no documents recorded")
    for document in shown:
        result = results.get(document.document_id)
        print(f"{document.document_id}  {document.describe()}")
        if document.file is not None:
            print(f"  file: {document.file.name or '—'} ({document.file.media_type}, "
                  f"{document.file.size} bytes), sha256 {document.file.sha256}")
        if result is not None:
            print(f"  {result.outcome}: {result.reason}")
        else:
            print("  counted once, with the same document recorded before")
    for message in contradictions:
        print(f"inconsistent: {message}")
