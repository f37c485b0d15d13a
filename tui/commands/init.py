"""``natid init``: create the store and its master key (or show that both exist)."""

from __future__ import annotations

import argparse
from typing import Any

from tui import exit_codes
from tui.commands.store_option import add_db_option, open_from


def register(commands: Any) -> None:
    """Add ``init`` to the command parser."""
    parser = commands.add_parser(
        "init", help="create the interview store and its master key",
        description="Create the interview store (if it does not exist) and the master key "
        "that protects it: a key file readable by you only in your data folder (or "
        "NATID_KEY_FILE), or the OS keyring with --keyring. A key given in NATID_MASTER_KEY "
        "is used as it is. Back the key up apart from the database: without it the "
        "interviews cannot be read (docs/deployment.md).")
    parser.add_argument("--keyring", action="store_true",
                        help="keep the new master key in the OS keyring (needs the 'keyring' "
                        "package and a keyring on this computer)")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Create what is missing and say where everything is."""
    with open_from(options, create=True) as store:
        key_id, where, created = store.ensure_master(use_keyring=options.keyring)
        location, kind, version = store.location, store.kind, store.schema_version
    print(f"{kind} store {location} (schema {version})")
    if created:
        print(f"master key {key_id} created in {where}.\nBack it up now, apart from the "
              "database (docs/deployment.md): a lost key means the interviews are lost.")
    else:
        print(f"master key {key_id} is in {where}")
    return exit_codes.OK
