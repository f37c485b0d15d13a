"""``natid db status|upgrade|copy``: the store's schema, and moving interviews between stores."""

from __future__ import annotations

import argparse
import json
from typing import Any

from tui import exit_codes
from tui.commands.store_option import add_db_option, open_from


def register(commands: Any) -> None:
    """Add ``db`` and its sub-commands to the command parser."""
    parser = commands.add_parser(
        "db", help="the store's schema version, upgrading it, copying a store",
        description="Look after the interview store: a SQLite file or a PostgreSQL database "
        "(--db postgresql://ROLE@HOST/DATABASE). See docs/deployment.md.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    status = actions.add_parser("status", help="the store's kind, schema version and size")
    status.add_argument("--format", choices=("text", "json"), default="text")
    upgrade = actions.add_parser(
        "upgrade", help="bring the schema up to date (creating it in an empty database)",
        description="Apply the migrations this natid has and the database lacks, in one "
        "transaction: all of them, or none. Back up a shared database first.")
    copy = actions.add_parser(
        "copy", help="copy every interview from one store into another",
        description="Copy every interview and its events from FROM into TO (a SQLite path "
        "or a postgresql:// URL each), keeping ids, times and hashes; events TO already has "
        "are skipped, so running it again adds only what is new. Then verify TO. Exit 0: all "
        "copied and intact; 1: some interview was not copied or a chain on TO is broken.")
    copy.add_argument("source", metavar="FROM", help="the store to copy from (not changed)")
    copy.add_argument("target", metavar="TO", help="the store to copy into (created if empty)")
    for sub in (status, upgrade):
        add_db_option(sub)
    status.set_defaults(handler=run_status)
    upgrade.set_defaults(handler=run_upgrade)
    copy.set_defaults(handler=run_copy)


def run_status(options: argparse.Namespace) -> int:
    """Print where the store is, its schema version and how many interviews it holds."""
    from engine.store.schema import latest

    with open_from(options) as store:
        found = store.interviews()
        facts = {"kind": store.kind, "location": store.location,
                 "schema": store.schema_version, "newest_schema": latest(store.dialect),
                 "interviews": len(found),
                 "open": sum(1 for summary in found if summary.status == "open")}
    if options.format == "json":
        print(json.dumps(facts, indent=2))
    else:
        print(f"{facts['kind']} store {facts['location']}: schema {facts['schema']} (this "
              f"natid knows up to {facts['newest_schema']}), {facts['interviews']} interviews "
              f"({facts['open']} open)")
    return exit_codes.OK


def run_upgrade(options: argparse.Namespace) -> int:
    """Bring the schema up to date, set up the roles (PostgreSQL), say what was done."""
    with open_from(options, create=True, upgrade=True) as store:
        before, after, where = store.schema_found, store.schema_version, store.location
        roles = store.ensure_roles() if hasattr(store, "ensure_roles") else ""
    if before == after:
        print(f"{where}: already at schema {after}, the newest this natid knows")
    else:
        print(f"{where}: schema {before} -> {after}"
              + (" (created)" if before == 0 else ""))
    if roles:
        print(f"{where}: {roles}")
    return exit_codes.OK


def run_copy(options: argparse.Namespace) -> int:
    """Copy FROM into TO, then report the copy and the verification of TO."""
    from engine.errors import UsageError
    from engine.store import chosen_location, open_store
    from engine.store.copy import copy_store

    if chosen_location(options.source) == chosen_location(options.target):
        raise UsageError("FROM and TO are the same store: give two different ones")
    from tui.commands.store_option import access_for

    access = access_for(options)
    if not access.may(access.command):
        raise access.refusal(f"run 'natid {access.command}'")
    with open_store(options.source, create=False) as source, \
            open_store(options.target) as target:
        source.access = target.access = access
        report = copy_store(source, target)
        where = target.location
    for problem in report.problems:
        print(f"NOT COPIED  {problem}")
    broken = [chain for chain in report.verified if not chain.ok]
    for chain in broken:
        print(f"BROKEN  {chain.interview_id}  at event {chain.broken_at}: {chain.problem}")
    print(f"{report.interviews} interview{'s' if report.interviews != 1 else ''} in the "
          f"source: {report.added} added, {report.updated} updated, {report.unchanged} "
          f"already there, {len(report.problems)} not copied; {report.events} events written")
    print(f"verify {where}: {len(report.verified)} interviews checked: "
          f"{len(report.verified) - len(broken)} intact, {len(broken)} broken")
    return exit_codes.OK if report.ok else exit_codes.AUTHORING_ERRORS
