"""Who reads the store, in which role, and what each role may do.

Four roles (docs/deployment.md): an **officer** runs and reads interviews; a
**supervisor** reads them too and may purge; an **auditor** verifies chains and reads
the access log, never a person's data; **statistics** runs ``natid stats`` only. On one
laptop the role is configured (``NATID_ROLE``, default officer); on a PostgreSQL server
the database enforces it as well, with group roles, grants and row-level security.

Every read of a person's data (the events or files of an interview) is recorded in the
store's access log with who, when, which interview and which command, and so is every
refusal.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass

from engine.errors import UsageError

ROLES = ("officer", "supervisor", "auditor", "statistics")
READERS = frozenset({"officer", "supervisor"})
"""The roles that may read (and so decrypt) a person's data."""

_ALL = frozenset(ROLES)
_NOT_STATISTICS = frozenset({"officer", "supervisor", "auditor"})
ALLOWED: dict[str, frozenset[str]] = {
    "stats": _ALL,
    "verify": _NOT_STATISTICS,
    "audit": frozenset({"supervisor", "auditor"}),
    "interviews list": _NOT_STATISTICS,
    "db status": _NOT_STATISTICS,
    "db upgrade": _NOT_STATISTICS,
    "keys status": _NOT_STATISTICS,
}
"""Commands some role other than officer and supervisor may run; any other command that
opens the store is for officers and supervisors."""


class RoleRefusedError(UsageError):
    """The configured role may not do this; the refusal is logged."""

    code = "NATID-E068"


def configured_role() -> str:
    """The role of whoever runs natid here: ``NATID_ROLE``, else officer.

    Raises:
        UsageError: NATID_ROLE names no role.
    """
    role = os.environ.get("NATID_ROLE", "").strip().lower() or "officer"
    if role not in ROLES:
        raise UsageError(f"NATID_ROLE={role!r} is not a role: give one of {', '.join(ROLES)}")
    return role


def user_name() -> str:
    """Who is at the keyboard, as the operating system knows them."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


@dataclass
class Access:
    """Who is reading the store, in which role, through which command."""

    who: str
    role: str
    command: str

    @classmethod
    def configured(cls, command: str = "natid", who: str = "") -> Access:
        """The configured role and the operating system's user (or ``who``)."""
        return cls(who.strip() or user_name(), configured_role(), command)

    def may(self, command: str) -> bool:
        """Whether this role may run ``command`` ('interviews show', 'stats', …)."""
        return self.role in ALLOWED.get(command, READERS)

    @property
    def reads_personal_data(self) -> bool:
        """Whether this role may read (decrypt) a person's data."""
        return self.role in READERS

    def refusal(self, what: str) -> RoleRefusedError:
        """The error that refuses ``what`` to this role."""
        return RoleRefusedError(f"the {self.role} role may not {what} (NATID_ROLE); the "
                                "refusal was recorded in the access log")
