"""docs/protection.md is true: its tables are read from the page and checked against the code.

- the table of the screening's questions lists the bundled screening's questions, in
  order, and says which are always asked;
- the table of flags gives every flag of the bundled screening, in order, with its
  effect and route;
- the tables of effects and reasons list exactly the engine's effects and the reasons
  the protection gate gives;
- the languages named are the screening's, and every translation is machine-made as
  the page says;
- the example screening loads without errors or warnings, and the mistakes shown next
  to it give the output shown.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from engine import default_screening
from engine.i18n import language_name
from engine.loader import check_bytes
from engine.model import Effect, Route, Screening, TranslationStatus
from tests.conftest import ROOT, run_natid
from tests.doc_blocks import Block, fenced_blocks

PAGE = ROOT / "docs" / "protection.md"
PAGE_NAME = "docs/protection.md"
SHOWN_FILE = "screening.yaml"
"""The file name the page's lint output was produced with."""


@cache
def text() -> str:
    """The page."""
    return PAGE.read_text(encoding="utf-8")


@cache
def screening() -> Screening:
    """The bundled screening."""
    return default_screening()[0]


def section(number: int) -> str:
    """The text of the numbered ``## N.`` section, up to the next one."""
    match = re.search(rf"^## {number}\. .*?$(.*?)(?=^## |\Z)", text(), re.MULTILINE | re.DOTALL)
    assert match, f"{PAGE_NAME} has no section {number}"
    return match.group(1)


def table(body: str, first_header: str) -> list[dict[str, str]]:
    """The rows of the table in ``body`` whose first header cell is ``first_header``."""
    lines = body.splitlines()
    for index, line in enumerate(lines):
        cells = _cells(line) if line.startswith("|") else []
        if cells and cells[0] == first_header:
            rows = []
            for row in lines[index + 2:]:
                if not row.startswith("|"):
                    break
                rows.append(dict(zip(cells, _cells(row), strict=True)))
            return rows
    pytest.fail(f"{PAGE_NAME}: no table starting with the column {first_header!r}")


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _code(cell: str) -> str:
    return cell.strip().strip("`")


def test_the_questions_are_the_screenings() -> None:
    rows = table(section(2), "question")
    assert [_code(row["question"]) for row in rows] == [
        question.id for question in screening().parameters]
    for row, question in zip(rows, screening().parameters, strict=True):
        assert (row["asked"] == "always") == (question.when is None), question.id


def test_the_flags_are_the_screenings() -> None:
    rows = table(section(3), "flag")
    shown = [(_code(row["flag"]), _code(row["effect"]), _code(row["route"]))
             for row in rows]
    real = [(flag.id, str(flag.effect), str(flag.route) if flag.route else "—")
            for flag in screening().flags]
    assert shown == real


def test_the_effects_and_routes_are_the_engines() -> None:
    rows = table(section(3), "effect")
    assert [_code(row["effect"]) for row in rows] == [effect.value for effect in Effect]
    for route in Route:
        assert f"`{route.value}`" in section(3), route


def test_the_reasons_are_those_the_gate_gives() -> None:
    source = (ROOT / "engine" / "protection.py").read_text(encoding="utf-8")
    given = re.findall(r'Obstacle\("(\w+)"', source)
    rows = table(section(4), "reason")
    assert sorted(_code(row["reason"]) for row in rows) == sorted(given)


def test_the_languages_named_are_the_screenings() -> None:
    match = re.search(r"It is written in (.*?)\.", section(2), re.DOTALL)
    assert match, "section 2 says which languages the screening is written in"
    named = " ".join(match.group(1).split())
    for code in screening().languages:
        assert language_name(code, "en") in named, code
    translated = [info.status for code, info in screening().languages.items()
                  if code != screening().source_language]
    assert set(translated) == {TranslationStatus.MACHINE}, (
        "the page says every translation of the screening is machine-made")


@cache
def example() -> Block:
    (found,) = [block for block in fenced_blocks(PAGE)
                if block.language == "yaml" and "flags:" in block.text]
    return found


def test_the_example_screening_loads_cleanly() -> None:
    result = check_bytes((example().text + "\n").encode("utf-8"), SHOWN_FILE, use_cache=False)
    assert result.screening is not None, [item.format() for item in result.diagnostics]
    assert result.diagnostics == []


def test_the_mistakes_shown_are_what_natid_lint_prints(tmp_path: Path) -> None:
    blocks = fenced_blocks(PAGE)
    shown = blocks[blocks.index(example()) + 1]
    assert shown.language == "text"
    broken = example().text.replace("declared_nationality: declared_nationality",
                                    "declared_nationality: nationality")
    second_route = broken.rindex("    route: asylum_authority\n")
    broken = broken[:second_route] + broken[second_route:].replace(
        "    route: asylum_authority\n", "", 1)
    (tmp_path / SHOWN_FILE).write_text(broken + "\n", encoding="utf-8")
    code, out, err = run_natid("lint", "--no-cache", SHOWN_FILE, cwd=tmp_path)
    assert code == 1, err
    printed = [line for line in out.splitlines() if line.strip()]
    assert [line for line in shown.text.splitlines() if line.strip()] == printed
