"""Connecting to a PostgreSQL server, and what its errors mean in words.

A store on PostgreSQL is named by a URL (``postgresql://user@host/db``; libpq reads
the password from ``~/.pgpass``, ``PGPASSFILE`` or ``PGPASSWORD``, and
``postgresql:///?service=natid`` takes everything from ``pg_service.conf``). Messages
show the URL without any password. psycopg is imported only here and in the backend.
"""

from __future__ import annotations

import re
from typing import Any

from engine.store.base import (
    StoreConflictError,
    StoreConnectionError,
    StoreError,
    StoreSchemaError,
)

SCHEMES = ("postgresql", "postgres")
LOCK_TIMEOUT_S = 15
"""How long an append waits for another process holding the same interview."""
CONNECT_TIMEOUT_S = 10


def is_postgresql(location: str) -> bool:
    """Whether a store location is a PostgreSQL URL."""
    return location.split("://", 1)[0].lower() in SCHEMES and "://" in location


def redact(url: str) -> str:
    """The URL as shown to people: any password replaced by ``***``."""
    scheme, _, rest = url.partition("://")
    authority, slash, tail = rest.partition("/")
    if "@" in authority:
        credentials, host = authority.rsplit("@", 1)
        if ":" in credentials:
            authority = f"{credentials.split(':', 1)[0]}:***@{host}"
    tail = re.sub(r"(?i)([?&]password=)[^&]*", r"\1***", tail)
    return f"{scheme}://{authority}{slash}{tail}"


def connect(url: str) -> Any:
    """An autocommit connection to the server the URL names.

    Raises:
        StoreConnectionError: the server cannot be reached, refuses the role or the
            password, or has no such database (the message says which).
    """
    try:
        import psycopg
        from psycopg.conninfo import conninfo_to_dict
    except ImportError:
        raise StoreError("this natid has no PostgreSQL client: install it with "
                         "pip install 'psycopg[binary]'") from None
    location = redact(url)
    try:
        given = conninfo_to_dict(url)
    except psycopg.Error:
        raise StoreConnectionError(f"{location} is not a valid PostgreSQL URL (the form is "
                                   "postgresql://ROLE@HOST:PORT/DATABASE)") from None
    extra: dict[str, Any] = {}
    if "connect_timeout" not in given:
        extra["connect_timeout"] = CONNECT_TIMEOUT_S
    if "application_name" not in given:
        extra["application_name"] = "natid"
    try:
        connection = psycopg.connect(url, autocommit=True, **extra)
        connection.execute(f"SET lock_timeout = '{LOCK_TIMEOUT_S}s'")
    except psycopg.Error as error:
        raise explain_connect(error, location, given) from None
    return connection


def _reason(error: Exception) -> str:
    """The reason libpq gives, on one line, without the socket or host it already named."""
    text = " ".join(str(error).split())
    text = re.sub(r"^connection (failed|is bad): ", "", text)
    text = re.sub(r"^connection to server (on socket \"[^\"]*\"|at \"[^\"]*\"(, port \d+)?) "
                  r"failed: ", "", text)
    text = text.replace("FATAL: ", "").strip()
    return text.split(" Is the server running")[0].rstrip(" .")


def explain_connect(error: Exception, location: str, given: dict[str, Any]) -> StoreError:
    """A connection failure in words, with what to do about it."""
    reason = _reason(error)
    text = reason.lower()
    named = re.search(r'(?:for user|role) "([^"]*)"', reason)
    user = named.group(1) if named else given.get("user") or "(the login name)"
    if "password authentication failed" in text or "no password supplied" in text:
        return StoreConnectionError(
            f"the database server at {location} refused the password of role {user}: "
            "check the password in ~/.pgpass or PGPASSFILE (docs/deployment.md); "
            "nothing was read or written")
    if re.search(r'database "[^"]*" does not exist', text):
        return StoreConnectionError(
            f"the database server at {location} has no database "
            f"'{given.get('dbname', '')}': check the URL, or create the database "
            "(docs/deployment.md)")
    if re.search(r'role "[^"]*" does not exist', text):
        return StoreConnectionError(f"the database server at {location} has no role {user}: "
                                    "check the URL, or ask its administrator for a role")
    if "permission denied" in text or "no pg_hba.conf entry" in text:
        return StoreConnectionError(f"the database server at {location} does not let role "
                                    f"{user} connect ({reason})")
    return StoreConnectionError(f"cannot reach the database server at {location}: {reason}; "
                                "check that the server is running and the network is up, "
                                "then try again")


def explain(error: Exception, location: str, doing: str) -> StoreError:
    """An error during a statement, in words: what happened, and that nothing half is kept."""
    state = getattr(error, "sqlstate", None) or ""
    message = " ".join(str(error).split("\n")[0].split())
    if state == "23505":
        return StoreConflictError(f"{location}: that interview was just recorded by another "
                                  "process; reopen it and repeat")
    if state == "42501":
        return StoreError(f"{location}: the role may not {doing} here ({message}); ask the "
                          "database administrator for the right role (docs/deployment.md)")
    if state == "53100":
        return StoreError(f"the disk of the database server at {location} is full: the last "
                          "action was NOT saved (everything before it is intact)")
    if state in {"55P03", "40001", "40P01"}:
        return StoreError(f"{location} is busy: another natid kept the interview locked for "
                          f"more than {LOCK_TIMEOUT_S} s; nothing was saved, try again")
    if state == "25006":
        return StoreError(f"{location} accepts no writes (a read-only server or standby): "
                          "nothing was saved")
    if state in {"42P01", "42703", "3F000"}:
        return StoreSchemaError(f"{location}: the natid tables are missing or changed "
                                f"({message}); run 'natid db upgrade' or restore a backup")
    if state == "P0001" and message.startswith("natid:"):
        return StoreError(f"{location}: {message}")
    if state.startswith(("08", "57P")) or not state:
        return StoreConnectionError(f"the connection to the database server at {location} was "
                                    f"lost ({message or 'no reason given'}); nothing half-done "
                                    "was kept: try again")
    return StoreError(f"cannot {doing} {location}: {message}")
