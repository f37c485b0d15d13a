"""``natid test``: run the scenarios written beside a questionnaire and say which hold."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui import exit_codes

if TYPE_CHECKING:
    from engine.loader import LoadResult
    from engine.scenarios.runner import FeatureReport, ScenarioResult


def register(commands: Any) -> None:
    """Add ``test`` to the command parser."""
    parser = commands.add_parser(
        "test", help="run the scenarios written beside a questionnaire",
        description="Run every scenario of the scenario files beside a questionnaire "
        "(X.yaml → X.feature and X.*.feature) and print PASS or FAIL for each, with the "
        "file and line of the step that failed. Exit 0: all pass; 1: a scenario fails "
        "or the questionnaire has authoring errors; 2: usage error. See docs/scenarios.md.",
    )
    parser.add_argument("questionnaire", metavar="QUESTIONNAIRE",
                        help="the questionnaire file, or the country code of a bundled one "
                        "(e.g. IN)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text for people (default), json for CI")
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Run the questionnaire's scenarios and print the results."""
    from engine.bundled import find_questionnaire
    from engine.errors import UsageError
    from engine.loader import check_file
    from engine.scenarios.discovery import feature_files, looked_for

    path = _shown(find_questionnaire(options.questionnaire))
    features = feature_files(path)
    if not features:
        names = " or ".join(f"'{name}'" for name in looked_for(path))
        raise UsageError(f"{path}: no scenario file found beside it; looked for {names} in "
                         f"{path.parent}/ (see docs/scenarios.md)")
    loaded = check_file(path)
    if loaded.errors:
        _print_authoring_errors(loaded, options.format)
        return exit_codes.AUTHORING_ERRORS
    from engine.scenarios.runner import run_feature

    questionnaire = loaded.unwrap()
    reports = [run_feature(feature, questionnaire, source=path.name) for feature in features]
    if options.format == "json":
        print(json.dumps(_as_json(path, reports), ensure_ascii=False, indent=2))
    else:
        _print_text(reports)
    results = [result for report in reports for result in report.scenarios]
    if any(result.internal for result in results):
        return exit_codes.INTERNAL
    failing = any(not result.passed for result in results) or any(r.problems for r in reports)
    return exit_codes.AUTHORING_ERRORS if failing else exit_codes.OK


def _shown(path: Path) -> Path:
    """The path as the author knows it: relative to the current folder when inside it."""
    here = Path.cwd()
    absolute = path.absolute()
    return absolute.relative_to(here) if absolute.is_relative_to(here) else path


def _print_authoring_errors(loaded: LoadResult, style: str) -> None:
    """The questionnaire's errors, as ``natid lint`` prints them."""
    if style == "json":
        print(json.dumps({"format": 1, "questionnaire": loaded.path, "ok": False,
                          "diagnostics": [item.to_dict() for item in loaded.diagnostics],
                          "scenarios": [], "passed": 0, "failed": 0},
                         ensure_ascii=False, indent=2))
        return
    for item in loaded.diagnostics:
        print(item.format())
        print(f"    fix: {item.fix}")
    errors, warnings = len(loaded.errors), len(loaded.warnings)
    print(f"{loaded.path}: NOT LOADED — {errors} error{'' if errors == 1 else 's'}, "
          f"{warnings} warning{'' if warnings == 1 else 's'}")
    print("natid test: the scenarios were not run; fix the questionnaire first")


def _print_text(reports: list[FeatureReport]) -> None:
    for report in reports:
        name = Path(report.file).name
        for problem in report.problems:
            print(f"ERROR {name}:{problem.line}  this file cannot be run as written")
            print(f"      {problem.location()}: {problem.message}")
        for result in report.scenarios:
            print(f"{'PASS' if result.passed else 'FAIL'}  {name}:{result.line}  {result.name}")
            if result.failure is not None:
                print(f"      {result.failure.message}")
                if result.failure.location is not None and result.failure.location.step:
                    print(f"      (the step: {result.failure.location.step})")
    passed, failed, problems = _tally(reports)
    summary = f"{passed} passed, {failed} failed"
    if problems:
        summary += f", {problems} problem{'' if problems == 1 else 's'} in scenario files"
    print(summary)


def _tally(reports: list[FeatureReport]) -> tuple[int, int, int]:
    results = [result for report in reports for result in report.scenarios]
    passed = sum(result.passed for result in results)
    return passed, len(results) - passed, sum(len(report.problems) for report in reports)


def _scenario_json(result: ScenarioResult) -> dict[str, Any]:
    failure = result.failure
    return {
        "file": result.file, "line": result.line, "name": result.name, "passed": result.passed,
        "failure": None if failure is None else {
            "file": failure.location.file if failure.location else result.file,
            "line": failure.location.line if failure.location else result.line,
            "step": failure.location.step if failure.location else "",
            "message": failure.reason,
            "internal": result.internal,
        },
    }


def _as_json(path: Path, reports: list[FeatureReport]) -> dict[str, Any]:
    passed, failed, _problems = _tally(reports)
    return {
        "format": 1,
        "questionnaire": str(path),
        "ok": True,
        "features": [report.file for report in reports],
        "diagnostics": [],
        "problems": [{"file": p.file, "line": p.line, "message": p.message}
                     for report in reports for p in report.problems],
        "scenarios": [_scenario_json(result) for report in reports
                      for result in report.scenarios],
        "passed": passed,
        "failed": failed,
    }
