"""Exit codes of the ``natid`` command (documented in docs/cli.md)."""

from __future__ import annotations

OK = 0
"""Done; for ``lint``: no authoring errors."""
AUTHORING_ERRORS = 1
"""``lint`` found authoring errors (or warnings, with ``--warnings-as-errors``)."""
USAGE = 2
"""The command was used wrongly: an unknown option, a path that does not exist."""
INTERNAL = 70
"""natid itself failed; nothing already saved is affected. Please report it."""
INTERRUPTED = 130
"""Stopped with Ctrl-C."""
