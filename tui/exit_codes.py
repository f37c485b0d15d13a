"""Exit codes of the ``natid`` command (documented in docs/cli.md)."""

from __future__ import annotations

OK = 0
"""Done; for ``lint``: no authoring errors."""
AUTHORING_ERRORS = 1
"""``lint`` found authoring errors (or warnings, with ``--warnings-as-errors``); other
commands: the input (a questionnaire, an interview record) has errors, or ``verify``
found a broken chain."""
USAGE = 2
"""The command was used wrongly: an unknown option, a path that does not exist."""
STORE = 3
"""The interview store cannot be used (damaged, unwritable, full, newer schema);
nothing half-done was kept."""
REFUSED = 4
"""``request``: the protection gate (or a missing step) holds the request back; the reasons
are printed and recorded, and nothing was written."""
INTERNAL = 70
"""natid itself failed; nothing already saved is affected. Please report it."""
INTERRUPTED = 130
"""Stopped with Ctrl-C."""
