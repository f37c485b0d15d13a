"""The ``--db`` option shared by the commands that use the interview store, and opening it.

Opening a store for a command also says who reads through it: the configured role
(``NATID_ROLE``, default officer) and the officer or the system user. A role that may not
run the command is refused here, and the refusal is logged in the store's access log;
every read of a person's data through the store is logged too (docs/deployment.md).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_db_option(parser: Any) -> None:
    """Add ``--db PATH|URL`` (default: NATID_DB, else the user's data folder)."""
    parser.add_argument("--db", metavar="PATH|URL",
                        help="the interview database: a SQLite file, or a PostgreSQL server "
                        "as postgresql://ROLE@HOST/DATABASE (default: $NATID_DB, else "
                        "natid.db in your data folder)")


def command_of(options: argparse.Namespace) -> str:
    """The command as the access log names it ('interviews show', 'stats', …)."""
    parts = [getattr(options, "command", None), getattr(options, "action", None)]
    return " ".join(str(part) for part in parts if part) or "natid"


def access_for(options: argparse.Namespace) -> Any:
    """Who runs this command, in which role."""
    from engine.store.access import Access

    return Access.configured(command_of(options), who=str(getattr(options, "officer", "")
                                                          or ""))


def open_from(options: argparse.Namespace, *, create: bool = False, **opening: Any) -> Any:
    """The store the options name (reading commands never create one), for this command.

    Raises:
        RoleRefusedError: the configured role may not run this command (logged).
    """
    from engine.store import open_store

    access = access_for(options)
    store = open_store(options.db, create=create, **opening)
    store.access = access
    if not access.may(access.command):
        try:
            interview = getattr(options, "interview", None)
            store.log_access(interview if isinstance(interview, str) else None, "refused")
        finally:
            store.close()
        raise access.refusal(f"run 'natid {access.command}'")
    return store


def say_notices(store: Any) -> None:
    """Print what the store did that the person should know (a key created…)."""
    for notice in getattr(store, "notices", []):
        print(f"natid: {notice}", file=sys.stderr)
