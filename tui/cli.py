"""The ``natid`` command line.

Only argparse and the engine are imported here: ``natid --help`` and ``natid lint``
start fast and never load Textual or langdetect.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from engine.errors import NatidError, UsageError, UserError
from engine.protection import RequestRefusedError
from engine.store.base import StoreError
from tui import exit_codes

DESCRIPTION = """\
natid establishes the presumed nationality of a person who arrived without
documents, with the questionnaire the country of origin contributed.

With no command, natid opens the interview app (in a terminal).
"""

EPILOG = """\
exit codes: 0 done, 1 errors in the input (or a broken chain for verify), 2 usage
error, 3 store unusable, 4 request held back by the protection gate, 70 internal
error, 130 interrupted. See docs/cli.md.
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every ``natid`` command."""
    from tui.commands import (
        audit,
        consular_answer,
        consulates,
        db,
        detect,
        documents,
        init,
        interview,
        interviews,
        keys,
        lint,
        protection,
        purge,
        request,
        schema,
        score,
        share,
        stats,
        test,
        translations,
        verify,
    )

    parser = argparse.ArgumentParser(
        prog="natid", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    interview.register(commands)
    init.register(commands)
    lint.register(commands)
    score.register(commands)
    interviews.register(commands)
    verify.register(commands)
    purge.register(commands)
    keys.register(commands)
    audit.register(commands)
    db.register(commands)
    request.register(commands)
    protection.register(commands)
    consular_answer.register(commands)
    stats.register(commands)
    consulates.register(commands)
    detect.register(commands)
    documents.register(commands)
    share.register(commands)
    schema.register(commands)
    test.register(commands)
    translations.register(commands)
    return parser


def _version() -> str:
    from engine.version import __version__

    return f"natid {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``natid`` with ``argv`` (default: the process arguments); return the exit code."""
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        options = parser.parse_args(arguments)
        handler: Callable[[argparse.Namespace], int] | None = getattr(options, "handler", None)
        if handler is None:
            return _main_job()
        return handler(options)
    except UsageError as error:
        print(f"natid: {error.message}", file=sys.stderr)
        return exit_codes.USAGE
    except StoreError as error:
        print(f"natid: {error.message}", file=sys.stderr)
        return exit_codes.STORE
    except RequestRefusedError as error:
        print("natid: no certificate request was produced:", file=sys.stderr)
        for reason in error.reasons:
            print(f"  - {reason}", file=sys.stderr)
        return exit_codes.REFUSED
    except UserError as error:
        print(f"natid: {error.message}", file=sys.stderr)
        return exit_codes.AUTHORING_ERRORS
    except KeyboardInterrupt:
        print("natid: interrupted", file=sys.stderr)
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return exit_codes.OK
    except Exception as error:
        return _internal_error(error)


def _main_job() -> int:
    """``natid`` alone: the interview app in a terminal; elsewhere, a check of the bundle."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        from tui.commands import interview

        return interview.run(argparse.Namespace(db=None, questionnaire=None,
                                                officer_lang="es", officer="", office=""))
    from tui.commands import lint

    print("natid: no terminal here, so the interview app is not opened; "
          "'natid --help' lists the commands\n")
    return lint.run_summary()


def _internal_error(error: Exception) -> int:
    """Report a fault of natid's own without a traceback (unless NATID_DEBUG is set)."""
    if os.environ.get("NATID_DEBUG"):
        raise error
    code = error.code if isinstance(error, NatidError) else "NATID-E099"
    print(
        f"natid: internal error ({code}): {type(error).__name__}: {error}\n"
        "This is a fault in natid, not in what you gave it; nothing saved was changed.\n"
        "Run again with NATID_DEBUG=1 for the details to report.",
        file=sys.stderr,
    )
    return exit_codes.INTERNAL


def _silence_stdout() -> None:
    """After a closed pipe (``natid lint | head``), keep Python from complaining."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
