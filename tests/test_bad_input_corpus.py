"""Malformed questionnaires: natid names the right code at the right place, never a traceback.

Each file in ``tests/corpus/bad`` has one defect on top of an otherwise valid
questionnaire; ``expected.json`` says which error an author must see first and where
they should look. An entry with ``known_problem`` describes what natid gets wrong today:
its test states what should happen and fails until natid is fixed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from engine.error_codes import CATALOGUE
from engine.loader import LoadResult, check_bytes, check_file
from engine.yaml_source import MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "bad"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (CORPUS / "expected.json").read_text(encoding="utf-8"))
CASES = sorted(EXPECTED)
ENTRY_KEYS = {"code", "line", "column", "message_contains", "known_problem"}
NAME = re.compile(r"^[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*\.yaml$")
TEXT_OUTPUT_CASES = ["17-duplicate-key.yaml", "56-unknown-parameter-in-condition.yaml",
                     "72-unknown-country.yaml"]


def note(name: str) -> str:
    """What a failure message adds for a case natid is known to get wrong."""
    problem = EXPECTED[name].get("known_problem")
    return f" [known problem: {problem}]" if problem else ""


def check(name: str) -> LoadResult:
    path = CORPUS / name
    return check_bytes(path.read_bytes(), str(path), use_cache=False)


def test_every_file_has_an_expectation_and_every_expectation_a_file() -> None:
    files = sorted(path.name for path in CORPUS.iterdir() if path.suffix in (".yaml", ".yml"))
    assert files == CASES
    assert len(CASES) >= 45
    numbers = [name[:2] for name in CASES]
    assert len(set(numbers)) == len(numbers), "two files share a number"
    for name, entry in EXPECTED.items():
        assert NAME.match(name), name
        assert set(entry) <= ENTRY_KEYS, (name, set(entry) - ENTRY_KEYS)
        assert {"code", "line"} <= set(entry), name
        assert CATALOGUE[entry["code"]].severity == "error", name
        assert isinstance(entry["line"], int), name
        assert entry["line"] >= 0, name


def test_no_oversized_file_is_kept_in_the_corpus() -> None:
    for name in CASES:
        assert (CORPUS / name).stat().st_size < 64 * 1024, name


@pytest.mark.parametrize("name", CASES)
def test_first_error_has_the_expected_code_and_place(name: str) -> None:
    expected = EXPECTED[name]
    result = check(name)
    unknown = [d.code for d in result.diagnostics if d.code not in CATALOGUE]
    assert not unknown, f"codes missing from the catalogue: {unknown}"
    assert not result.ok, f"{name} loaded although it is malformed{note(name)}"
    assert result.errors, f"{name}: not loaded, yet no error reported{note(name)}"
    first = result.errors[0]
    shown = f"{name}: first error is {first.format()}{note(name)}"
    assert first.code == expected["code"], shown
    assert first.line == expected["line"], shown
    if "column" in expected:
        assert first.column == expected["column"], shown
    if "message_contains" in expected:
        assert expected["message_contains"] in first.message, shown
    assert first.fix.strip(), shown


def test_an_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "too-large.yaml"
    head = "format_version: 1\ncountry: IN\nissued_by: Test authority\nreference: |\n"
    row = "  " + "Punjab, Amritsar, Ajnala, Attari, Majitha, Rayya, Tarn Taran " * 2 + "\n"
    text = head + row * (MAX_BYTES // len(row.encode()) + 2)
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > MAX_BYTES
    for result in (check_bytes(path.read_bytes(), str(path), use_cache=False),
                   check_file(path, use_cache=False)):
        assert not result.ok
        assert [d.code for d in result.errors] == ["NATID-E002"]
        assert result.errors[0].line == 0
        assert f"{MAX_BYTES:,}" in result.errors[0].message


@pytest.fixture(scope="module")
def lint_json() -> tuple[int, dict[str, Any], str]:
    """``natid lint --format json`` run once over the whole corpus folder."""
    completed = subprocess.run(
        [sys.executable, "-m", "tui", "lint", "--no-cache", "--format", "json",
         str(CORPUS.relative_to(ROOT))],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
    )
    try:
        report = json.loads(completed.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"natid lint printed no JSON; stderr:\n{completed.stderr}")
    return completed.returncode, report, completed.stderr


def test_cli_exits_1_without_a_traceback(lint_json: tuple[int, dict[str, Any], str]) -> None:
    code, report, stderr = lint_json
    assert "Traceback" not in stderr
    assert "internal error" not in stderr
    assert code == 1, stderr
    assert sorted(Path(item["path"]).name for item in report["files"]) == CASES
    assert report["usage_errors"] == []
    assert all(item["ok"] is False for item in report["files"])


@pytest.mark.parametrize("name", CASES)
def test_cli_reports_the_expected_first_error(
        name: str, lint_json: tuple[int, dict[str, Any], str]) -> None:
    _, report, _ = lint_json
    files = {Path(item["path"]).name: item for item in report["files"]}
    errors = [d for d in files[name]["diagnostics"] if d["severity"] == "error"]
    assert errors, f"{name}: no error in the JSON report{note(name)}"
    first = errors[0]
    expected = EXPECTED[name]
    shown = f"{name}: first error is {first['code']} at line {first['line']}{note(name)}"
    assert (first["code"], first["line"]) == (expected["code"], expected["line"]), shown
    assert first["fix"], shown


@pytest.mark.parametrize("name", TEXT_OUTPUT_CASES)
def test_text_output_shows_place_code_and_fix(name: str) -> None:
    argument = str((CORPUS / name).relative_to(ROOT))
    completed = subprocess.run(
        [sys.executable, "-m", "tui", "lint", "--no-cache", argument],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=120,
    )
    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr
    expected = EXPECTED[name]
    lines = completed.stdout.splitlines()
    head = f"{argument}:{expected['line']}:{expected['column']}: {expected['code']} "
    found = [index for index, line in enumerate(lines) if line.startswith(head)]
    assert found, f"no line starting with {head!r} in:\n{completed.stdout}"
    assert lines[found[0] + 1].startswith("    fix: "), completed.stdout
    assert f"{argument}: NOT LOADED" in completed.stdout
