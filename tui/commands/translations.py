"""``natid translations``: coverage report, .po export and import of questionnaire texts."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui import exit_codes
from tui.commands.paths import questionnaire_paths, shown

if TYPE_CHECKING:
    from engine.errors import QuestionnaireError
    from engine.questionnaire_texts.po_import import ImportPlan
    from engine.questionnaire_texts.report import CoverageReport
    from engine.questionnaire_texts.texts import QuestionnaireTexts


def register(commands: Any) -> None:
    """Add ``translations`` and its three commands to the command parser."""
    parser = commands.add_parser(
        "translations", help="report, export and import the translations of questionnaires",
        description="The translators' workflow for questionnaires: see how far each "
        "language is translated, export a language's texts to a .po file for Poedit, "
        "Lokalize or Weblate, and import the translated file back into the YAML. "
        "See docs/translating.md.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    report = actions.add_parser(
        "report", help="how many texts each language has, and which are missing",
        description="For each questionnaire (default: the bundled ones and the protection "
        "screening) and each of its languages: the texts written in it against those of "
        "the source language, the texts still untranslated (path and line), and how many "
        "are machine-made and await review. Exit 0: report printed; 1: a file cannot be "
        "read; 2: usage error.")
    report.add_argument("paths", nargs="*", metavar="FILE",
                        help="questionnaire files or folders of them")
    report.add_argument("--format", choices=("text", "json"), default="text",
                        help="text for people (default), json for CI")
    report.set_defaults(handler=run_report)

    export = actions.add_parser(
        "export", help="write a questionnaire's texts to .po files, one per language",
        description="Write DIR/NAME.LANG.po for each target language (or those given): "
        "msgid is the source-language text, msgstr the translation the questionnaire "
        "holds, msgctxt the text's place; machine-made translations are marked fuzzy. "
        "Exit 0: written; 1: the questionnaire cannot be read; 2: usage error.")
    export.add_argument("questionnaire", metavar="QUESTIONNAIRE",
                        help="the questionnaire file, or the country code of a bundled one")
    export.add_argument("--language", action="append", metavar="LANG",
                        help="a target language (repeat for several; default: all)")
    export.add_argument("--output", "-o", required=True, metavar="DIR",
                        help="the folder to write the .po files in (created if needed)")
    export.add_argument("--force", action="store_true", help="replace existing .po files")
    export.set_defaults(handler=run_export)

    do_import = actions.add_parser(
        "import", help="write the translations of a .po file into the questionnaire",
        description="Write the translations of FILE.po into the questionnaire's YAML, in "
        "place or to --output: only that language's texts change (a missing one is added "
        "next to its siblings); comments, order and formatting stay as they are. Nothing "
        "is written when the file does not fit the questionnaire. Exit 0: done; 1: errors "
        "in the .po file or the questionnaire; 2: usage error.")
    do_import.add_argument("questionnaire", metavar="QUESTIONNAIRE",
                           help="the questionnaire file, or the country code of a bundled one")
    do_import.add_argument("po_file", metavar="FILE.po", help="the translated .po file")
    do_import.add_argument("--output", "-o", metavar="PATH",
                           help="write the result here instead of changing the questionnaire")
    do_import.add_argument("--force", action="store_true",
                           help="replace an existing --output file")
    do_import.add_argument("--dry-run", action="store_true",
                           help="check and count, but write nothing")
    do_import.set_defaults(handler=run_import)


def run_report(options: argparse.Namespace) -> int:
    """Print the coverage of every questionnaire given."""
    from engine.errors import QuestionnaireError
    from engine.questionnaire_texts.report import coverage

    paths, missing = questionnaire_paths(options.paths)
    reports: list[CoverageReport] = []
    failed: list[QuestionnaireError] = []
    for path in paths:
        try:
            reports.append(coverage(_read(path)))
        except QuestionnaireError as error:
            failed.append(error)
    if options.format == "json":
        print(json.dumps({"format": 1, "questionnaires": [r.to_dict() for r in reports],
                          "errors": [d.to_dict() for e in failed for d in e.diagnostics],
                          "usage_errors": missing}, ensure_ascii=False, indent=2))
    else:
        for report in reports:
            _print_report(report)
        for problem in failed:
            _print_diagnostics(problem, sys.stdout)
        if len(reports) > 1:
            _print_summary(reports)
    for unknown in missing:
        print(f"natid translations: {unknown}", file=sys.stderr)
    if missing:
        return exit_codes.USAGE
    return exit_codes.AUTHORING_ERRORS if failed else exit_codes.OK


def run_export(options: argparse.Namespace) -> int:
    """Write one .po file per target language."""
    from engine.errors import QuestionnaireError, UsageError
    from engine.questionnaire_texts.po_export import check_target, export_po
    from tui.commands.output import write_new

    path = _questionnaire(options.questionnaire)
    try:
        texts = _read(path)
    except QuestionnaireError as error:
        _print_diagnostics(error, sys.stderr)
        return exit_codes.AUTHORING_ERRORS
    languages = options.language or texts.targets()
    if not languages:
        raise UsageError(f"{path}: has no language besides its source language "
                         f"'{texts.source_language}'; declare one under 'languages' first")
    for language in languages:
        check_target(texts, language)
    folder = Path(options.output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"cannot create the folder {folder}: {error.strerror}") from None
    for language in languages:
        target = folder / f"{path.stem}.{language}.po"
        write_new(str(target), export_po(texts, language), force=options.force)
        done = sum(1 for entry in texts.entries if language in entry.texts)
        machine = texts.languages[language].status == "machine"
        print(f"wrote {target}: {len(texts.entries)} texts, {done} translated"
              + (f", {done} marked fuzzy (machine-made, awaiting review)" if machine and done
                 else ""))
    return exit_codes.OK


def run_import(options: argparse.Namespace) -> int:
    """Check the .po file against the questionnaire and write its translations."""
    from engine.errors import QuestionnaireError, UsageError
    from engine.questionnaire_texts.po_import import import_po
    from tui.commands.output import write_new

    path = _questionnaire(options.questionnaire)
    po_path = Path(options.po_file)
    try:
        po = po_path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{po_path}: no such file") from None
    except OSError as error:
        raise UsageError(f"{po_path}: cannot be read: {error.strerror}") from None
    original = path.read_bytes()
    try:
        result, plan = import_po(original, str(path), po, str(po_path))
    except QuestionnaireError as error:
        _print_diagnostics(error, sys.stderr)
        print(f"natid translations: nothing was written to {options.output or path}",
              file=sys.stderr)
        return exit_codes.AUTHORING_ERRORS
    _print_plan(path, plan)
    if options.dry_run:
        print("nothing written (--dry-run)")
    elif options.output:
        write_new(options.output, result, force=options.force)
        print(f"wrote {options.output}")
    elif result != original:
        _replace(path, result)
        print(f"wrote {path}")
    else:
        print(f"{path} is unchanged")
    return exit_codes.OK


def _questionnaire(name: str) -> Path:
    from engine.bundled import bundled_screening, find_questionnaire

    if name == "screening" and not Path(name).exists():
        return shown(bundled_screening())
    return shown(find_questionnaire(name))


def _read(path: Path) -> QuestionnaireTexts:
    from engine.errors import Diagnostic, QuestionnaireError
    from engine.questionnaire_texts.texts import read_texts
    from engine.yaml_source import MAX_BYTES

    try:
        data = path.read_bytes()[:MAX_BYTES + 1]
    except OSError as error:
        raise QuestionnaireError(str(path), [Diagnostic(
            "NATID-E001", f"cannot be read: {error.strerror or error}", str(path))]) from None
    return read_texts(data, str(path))


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` over ``path`` at once: a reader sees the old file or the new one."""
    from engine.errors import UsageError

    try:
        mode = path.stat().st_mode & 0o777
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temporary, mode)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}; it was not changed") from None


def _print_report(report: CoverageReport) -> None:
    print(f"{report.file}: {report.identity} v{report.version}, {report.total} texts, "
          f"source language {report.source_language}")
    print(f"  {'language':<9} {'status':<9} {'translated':>17} {'missing':>8} "
          f"{'awaiting review':>16}")
    for item in report.languages:
        share = f"{item.translated}/{item.total} {item.percent:5.1f}%"
        review = str(item.awaiting_review) if item.status == "machine" else "-"
        print(f"  {item.language:<9} {item.status:<9} {share:>17} {len(item.untranslated):>8} "
              f"{review:>16}")
    for item in report.languages:
        for missing in item.untranslated:
            print(f"  untranslated {item.language}: {missing.context} "
                  f"({report.file}:{missing.line})")
    print()


def _print_summary(reports: list[CoverageReport]) -> None:
    targets = [item for report in reports for item in report.languages
               if item.language != report.source_language]
    incomplete = [item for item in targets if item.untranslated]
    machine = [item for item in targets if item.status == "machine"]
    print(f"{len(reports)} questionnaires, {len(targets)} translations: "
          f"{len(targets) - len(incomplete)} complete, {len(incomplete)} with texts missing "
          f"({sum(len(item.untranslated) for item in incomplete)} texts); {len(machine)} "
          f"machine-made awaiting review "
          f"({sum(item.awaiting_review for item in machine)} texts)")


def _print_plan(path: Path, plan: ImportPlan) -> None:
    print(f"{path}: '{plan.language}': {len(plan.changed)} texts changed, {len(plan.added)} "
          f"added, {plan.unchanged} unchanged, {plan.untranslated} left empty in the .po file")
    if plan.fuzzy:
        print(f"  {plan.fuzzy} entries are still marked fuzzy (machine-made, awaiting review)")
    elif plan.status == "machine" and not plan.untranslated:
        print(f"  no entry is marked fuzzy: once a native speaker has reviewed every text, "
              f"set 'status: reviewed' and 'reviewed_by' for '{plan.language}' under "
              "'languages'")


def _print_diagnostics(error: QuestionnaireError, stream: Any, limit: int = 30) -> None:
    for item in error.diagnostics[:limit]:
        print(item.format(), file=stream)
        print(f"    fix: {item.fix}", file=stream)
    if len(error.diagnostics) > limit:
        print(f"… and {len(error.diagnostics) - limit} more", file=stream)
