"""``natid consulates``: the representations that serve the RCM countries."""

from __future__ import annotations

import argparse
import json
from typing import Any

from tui import exit_codes

RCM = ("BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US")


def register(commands: Any) -> None:
    """Add ``consulates`` to the command parser."""
    from engine.model import Procedure

    parser = commands.add_parser(
        "consulates", help="list the consulates that serve an RCM country",
        description="The consulates and embassies the bundled questionnaires list. With "
        "--in, those serving that RCM country, best first: located there, embassy before "
        "consulate, most recently verified.")
    parser.add_argument("origin", nargs="?", metavar="COUNTRY",
                        help="the country of origin (e.g. IN, HT); default: all")
    parser.add_argument("--in", dest="interviewing", choices=RCM, metavar="RCM_COUNTRY",
                        help="the RCM country where the interview takes place (e.g. MX)")
    parser.add_argument("--procedure", choices=[p.value for p in Procedure],
                        help="only those performing this procedure")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Print the directory, or the representations serving one country."""
    from engine.bundled import bundled_paths
    from engine.directory import directory, serving
    from engine.errors import UsageError
    from engine.loader import check_file
    from engine.model import Procedure

    loaded = [check_file(path) for path in bundled_paths()]
    questionnaires = [result.questionnaire for result in loaded if result.questionnaire]
    origin = options.origin.upper() if options.origin else None
    if origin and origin not in {q.country for q in questionnaires}:
        known = ", ".join(sorted(q.country for q in questionnaires))
        raise UsageError(f"no bundled questionnaire for {options.origin!r} (bundled: {known})")
    procedure = Procedure(options.procedure) if options.procedure else None
    if options.interviewing:
        entries = serving(questionnaires, options.interviewing, origin=origin,
                          procedure=procedure)
    else:
        entries = [e for e in directory(questionnaires)
                   if (origin is None or e.origin == origin)
                   and (procedure is None or procedure in e.consulate.procedures)]
    if options.format == "json":
        print(json.dumps([{"origin": e.origin, **e.consulate.model_dump(mode="json")}
                          for e in entries], ensure_ascii=False, indent=2))
        return exit_codes.OK
    if not entries:
        print("no representation found for these criteria")
    for entry in entries:
        consulate = entry.consulate
        print(f"{entry.origin}  {consulate.name} — {consulate.city} ({consulate.country})\n"
              f"    serves {', '.join(consulate.serves)}; "
              f"{', '.join(p.value for p in consulate.procedures)}; "
              f"details verified {consulate.last_verified.isoformat()}")
    return exit_codes.OK
