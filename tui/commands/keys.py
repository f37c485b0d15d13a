"""``natid keys status|rotate``: the store's master key."""

from __future__ import annotations

import argparse
import json
from typing import Any

from tui import exit_codes
from tui.commands.store_option import add_db_option, open_from


def register(commands: Any) -> None:
    """Add ``keys`` and its sub-commands to the command parser."""
    parser = commands.add_parser(
        "keys", help="the store's master key: its status, or replace it",
        description="The master key wraps every interview's data key; it is never in the "
        "database. See docs/deployment.md.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    status = actions.add_parser("status", help="which master key the store needs, and "
                                "whether it is here (reads no personal data)")
    status.add_argument("--format", choices=("text", "json"), default="text")
    rotate = actions.add_parser(
        "rotate", help="replace the master key (data keys re-wrapped, data not re-encrypted)",
        description="Make a new master key, re-wrap every interview's data key under it in "
        "one transaction, then replace the old key with it. Backups of the database taken "
        "before cannot be read with the new key: back the new key up with the next backup.")
    rotate.add_argument("--new-key-file", metavar="FILE",
                        help="where to write the new key when the current one comes from "
                        "NATID_MASTER_KEY (then put the file's key in NATID_MASTER_KEY)")
    for sub in (status, rotate):
        add_db_option(sub)
    status.set_defaults(handler=run_status)
    rotate.set_defaults(handler=run_rotate)


def run_status(options: argparse.Namespace) -> int:
    """Print the store's key facts."""
    with open_from(options) as store:
        facts = store.key_status()
        facts["location"] = store.location
    if options.format == "json":
        print(json.dumps(facts, indent=2))
        return exit_codes.OK
    print(f"store {facts['location']} (id {facts['store_id']})")
    print(f"master key: {facts['master_key_id'] or 'none yet'}; "
          + (f"found in {facts['key']}" if facts.get("key") else "not found here")
          + ("" if facts.get("key_matches", True) or not facts.get("key")
             else " — but it is ANOTHER key"))
    if facts.get("key_problem"):
        print(f"problem: {facts['key_problem']}")
    print(f"{facts['data_keys']} interview data keys; stored in clear from before "
          f"encryption: {facts['plain_events']} events, {facts['plain_files']} files")
    return exit_codes.OK


def run_rotate(options: argparse.Namespace) -> int:
    """Replace the master key and say what was done."""
    with open_from(options) as store:
        old, new, count, where = store.rotate_master(options.new_key_file)
    print(f"master key {old} replaced by {new} (in {where}); {count} data keys re-wrapped. "
          "Back up the new key now: backups taken before need the old one, which is gone.")
    return exit_codes.OK
