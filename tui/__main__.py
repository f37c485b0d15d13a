"""``python -m tui`` runs the ``natid`` command."""

from __future__ import annotations

import sys

from tui.cli import main

sys.exit(main())
