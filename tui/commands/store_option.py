"""The ``--db`` option shared by the commands that use the interview store."""

from __future__ import annotations

import argparse
from typing import Any


def add_db_option(parser: Any) -> None:
    """Add ``--db PATH|URL`` (default: NATID_DB, else the user's data folder)."""
    parser.add_argument("--db", metavar="PATH|URL",
                        help="the interview database: a SQLite file, or a PostgreSQL server "
                        "as postgresql://ROLE@HOST/DATABASE (default: $NATID_DB, else "
                        "natid.db in your data folder)")


def open_from(options: argparse.Namespace) -> Any:
    """The existing store the options name (reading commands never create one)."""
    from engine.store import open_store

    return open_store(options.db, create=False)
