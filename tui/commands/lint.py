"""``natid lint``: check questionnaires and tell their authors exactly what is wrong."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from engine.loader import LoadResult, check_file
from tui import exit_codes
from tui.commands.paths import bundled, questionnaire_paths


def register(commands: Any) -> None:
    """Add ``lint`` to the command parser."""
    parser = commands.add_parser(
        "lint", help="check questionnaires for authoring errors",
        description="Check questionnaire files (default: the bundled ones). Every error "
        "is shown as FILE:LINE:COLUMN: CODE message, with how to fix it. "
        "Exit 0: no errors; 1: authoring errors; 2: usage error.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="questionnaire files or folders of them")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text for people (default), json for editors and CI")
    parser.add_argument("--warnings-as-errors", action="store_true",
                        help="exit 1 on warnings too")
    parser.add_argument("--no-cache", action="store_true",
                        help="check every file again even if it has not changed")
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Lint the paths given and print the results."""
    paths, missing = questionnaire_paths(options.paths)
    results = [check_file(path, use_cache=not options.no_cache) for path in paths]
    if options.format == "json":
        print(json.dumps(_as_json(results, missing), ensure_ascii=False, indent=2))
    else:
        _print_text(results, missing)
    if missing:
        return exit_codes.USAGE
    failing = any(r.errors or (options.warnings_as_errors and r.warnings) for r in results)
    return exit_codes.AUTHORING_ERRORS if failing else exit_codes.OK


def run_summary() -> int:
    """The main job until the interview app exists: lint the bundled questionnaires."""
    print("natid: checking the bundled questionnaires\n")
    results = [check_file(path) for path in bundled()]
    _print_text(results, [])
    return exit_codes.AUTHORING_ERRORS if any(r.errors for r in results) else exit_codes.OK


def _print_text(results: list[LoadResult], missing: list[str]) -> None:
    for result in results:
        for item in result.diagnostics:
            print(item.format())
            print(f"    fix: {item.fix}")
        print(_verdict(result))
        if result.diagnostics:
            print()
    for problem in missing:
        print(f"natid lint: {problem}", file=sys.stderr)
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    if len(results) > 1:
        print(f"\n{len(results)} files checked: {_count(errors, 'error')}, "
              f"{_count(warnings, 'warning')}")


def _verdict(result: LoadResult) -> str:
    tally = f"{_count(len(result.errors), 'error')}, {_count(len(result.warnings), 'warning')}"
    form = result.questionnaire or result.screening
    if form is None:
        return f"{result.path}: NOT LOADED — {tally}"
    return f"{result.path}: ok — {form.summary()}; {tally}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _as_json(results: list[LoadResult], missing: list[str]) -> dict[str, Any]:
    files = []
    for result in results:
        questionnaire = result.questionnaire
        summary: dict[str, Any] | None = None if questionnaire is None else {
            "country": questionnaire.country,
            "version": questionnaire.version,
            "parameters": len(questionnaire.parameters),
            "confirmations_required": questionnaire.rule.confirmations_required,
            "languages": list(questionnaire.languages),
            "example": questionnaire.example,
        }
        if result.screening is not None:
            summary = {"screening": True, "version": result.screening.version,
                       "parameters": len(result.screening.parameters),
                       "flags": len(result.screening.flags),
                       "languages": list(result.screening.languages),
                       "example": result.screening.example}
        files.append({
            "path": result.path,
            "ok": result.ok,
            "content_hash": result.content_hash,
            "summary": summary,
            "diagnostics": [item.to_dict() for item in result.diagnostics],
        })
    return {
        "format": 1,
        "files": files,
        "usage_errors": missing,
        "errors": sum(len(r.errors) for r in results),
        "warnings": sum(len(r.warnings) for r in results),
    }
