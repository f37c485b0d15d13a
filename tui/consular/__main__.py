"""``python -m tui.consular SHARE_FILE``: the consular app, as textual-serve starts it."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    """Run the consular app on the share file named in ``argv``."""
    if len(argv) != 1:
        print("usage: python -m tui.consular SHARE_FILE", file=sys.stderr)
        return 2
    from tui.consular.app import ConsularApp

    return ConsularApp(argv[0]).run() or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
