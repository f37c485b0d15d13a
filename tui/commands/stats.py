"""``natid stats`` and ``natid stats rebuild``: the RCM figures from the interview store."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui import exit_codes
from tui.commands.output import check_destination, write_result
from tui.commands.store_option import add_db_option, open_from

FORMATS = ("table", "csv", "json", "xlsx")


def register(commands: Any) -> None:
    """Add ``stats`` to the command parser."""
    from engine.stats.labels import DIMENSIONS

    parser = commands.add_parser(
        "stats", help="statistics for the RCM quarterly matrices (no personal data)",
        description="Count the interviews of a period by presumed nationality and other "
        "groupings, from the store's statistics projection: no names, numbers or free text, "
        "small cells suppressed. 'natid stats rebuild' computes the projection again from "
        "the events. Definitions: docs/statistics.md.")
    parser.add_argument("action", nargs="?", choices=("rebuild",),
                        help="rebuild: recompute every statistics row from the events")
    parser.add_argument("--period", metavar="P",
                        help="a quarter (2026Q3) or a month (2026-07); default: this quarter")
    parser.add_argument("--from", dest="start", metavar="DAY",
                        help="first day of a range (YYYY-MM-DD), with --to")
    parser.add_argument("--to", dest="end", metavar="DAY", help="last day of a range, included")
    parser.add_argument("--by", action="append", default=[], metavar="GROUPING",
                        help="one or two of: " + ", ".join(DIMENSIONS)
                        + " (default: presumed_nationality); repeat --by or separate by commas")
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help="table (default), csv, json, or xlsx (needs -o)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument("--language", metavar="LANG", default="en",
                        help="language of names and headings: es, en, fr or pt (default en)")
    parser.add_argument("--threshold", type=int, metavar="N", default=None,
                        help="suppress counts below N (default 5)")
    parser.add_argument("--no-suppression", action="store_true",
                        help="show small cells: only for the national office's own use "
                        "(the output says so)")
    parser.add_argument("--as-of", metavar="DAY",
                        help="the day delays are counted at (default: today)")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Print or write the figures, or rebuild the projection."""
    if options.action == "rebuild":
        return run_rebuild(options)
    import datetime

    from engine.errors import UsageError
    from engine.i18n import LANGUAGES
    from engine.stats.disclosure import DEFAULT_THRESHOLD
    from engine.stats.periods import chosen_period, parse_day
    from engine.stats.report import figures, groupings

    by = groupings(options.by)
    period = chosen_period(options.period, options.start, options.end)
    if options.language not in LANGUAGES:
        raise UsageError(f"--language {options.language}: one of {', '.join(LANGUAGES)}")
    if options.no_suppression and options.threshold is not None:
        raise UsageError("give --threshold or --no-suppression, not both")
    threshold = None if options.no_suppression else (
        DEFAULT_THRESHOLD if options.threshold is None else options.threshold)
    as_of = (parse_day(options.as_of, "--as-of") if options.as_of
             else datetime.datetime.now(datetime.UTC).date())
    check_destination(options.output, force=options.force,
                      file_only="an XLSX workbook" if options.format == "xlsx" else "")
    with open_from(options) as store:
        tables = figures(store, period, by, as_of=as_of, threshold=threshold,
                         per_quarter=options.format == "xlsx")
        _, missing = store.stats_status()
    if missing:
        print(f"natid: {missing} interview(s) in the store have no statistics row and are "
              "not counted: run 'natid stats rebuild'", file=sys.stderr)
    _emit(options, tables)
    return exit_codes.OK


def _emit(options: argparse.Namespace, tables: list[Any]) -> None:
    from engine.stats import render

    if options.format == "xlsx":
        from engine.stats.workbook import as_xlsx

        write_result(options.output, as_xlsx(tables, options.language),
                     f"workbook of {len(tables)} sheet(s)", force=options.force)
        return
    text = {"table": render.as_text, "csv": render.as_csv,
            "json": render.as_json}[options.format](tables[0], options.language)
    write_result(options.output, text.encode("utf-8"), "statistics", force=options.force)


def run_rebuild(options: argparse.Namespace) -> int:
    """Recompute every statistics row from the events; report interviews that failed."""
    from engine.stats.rebuild import rebuild

    with open_from(options) as store:
        report = rebuild(store)
        where = store.location
    for problem in report.problems:
        print(f"NOT REBUILT  {problem}")
    print(f"{where}: statistics of {report.rebuilt} interview(s) rebuilt from their events, "
          f"{len(report.problems)} could not be read")
    return exit_codes.OK if not report.problems else exit_codes.AUTHORING_ERRORS
